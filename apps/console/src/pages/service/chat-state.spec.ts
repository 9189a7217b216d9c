import {
  addPending,
  chatImageProblem,
  transferTargets,
  applyMessageToInbox,
  belongsToInbox,
  failPending,
  groupByDay,
  lastSeqOf,
  mergeMessages,
  newPending,
  previewOf,
  readReceipt,
  resendable,
  retryPending,
  settlePending,
  sortInbox,
  typingDue,
  TYPING_THROTTLE_MS,
  unreadTotal,
  upsertConversation,
  waitingText,
  wechatWindowState,
  withIncomingMessage,
  withRead,
  type PendingMessage,
} from './chat-state';
import { advisor, conversation, CONVERSATION_ID, ME, message, thread } from './service.fixtures';

const NOW = new Date('2026-11-20T06:00:00.000Z');

describe(mergeMessages.name, () => {
  it('keeps one copy per id, the later one, in seq order whatever order they arrive in', () => {
    const [m1, m2, m3, m4] = thread();
    const failed = { ...m3, delivery: 'failed' as const };

    const sut = mergeMessages([m1, m3], [m4, m2, failed, m1]);

    expect(sut.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(sut[2].delivery).toBe('failed');
  });

  it('answers the same list when nothing arrived', () => {
    const current = thread();
    expect(mergeMessages(current, [])).toBe(current);
  });

  it.each([
    [[], 0],
    [thread(), 4],
  ])('lastSeqOf → the highest seq held (%#)', (messages, seq) => {
    expect(lastSeqOf(messages)).toBe(seq);
  });
});

describe(groupByDay.name, () => {
  it('puts a heading over each calendar day: 昨天, 今天, then dates', () => {
    const older = message({ seq: 0, id: 'old', createdAt: '2025-12-31T08:00:00.000Z' });
    const days = groupByDay([older, ...thread()], NOW);

    expect(days.map((day) => [day.label, day.messages.map((m) => m.seq)])).toEqual([
      ['2025年12月31日', [0]],
      ['昨天', [1, 2]],
      ['今天', [3, 4]],
    ]);
    expect(groupByDay([message({ createdAt: '2026-11-01T08:00:00.000Z' })], NOW)[0].label).toBe('11月1日');
  });
});

describe(previewOf.name, () => {
  it.each([
    [message({ body: { text: '你好' } }), '你好'],
    [message({ type: 'image', body: { url: '/api/chat/images/a.png' } }), '[图片]'],
    [message({ type: 'product', body: { productId: 'p', name: '水光精华', priceFen: 38000, imageUrl: null } }), '[商品] 水光精华'],
    [message({ type: 'coupon', body: { templateId: 't', name: '满300减50', summary: '' } }), '[优惠券] 满300减50'],
    [message({ type: 'booking', body: { bookingId: 'b', serviceName: '专业试妆', storeName: '', startsAt: '', status: 'booked' } }), '[预约] 专业试妆'],
    [message({ type: 'system', senderKind: 'system', body: { text: '已转接给 周美琳', event: 'transferred' } }), '已转接给 周美琳'],
  ])('%#: %s', (input, preview) => {
    expect(previewOf(input)).toBe(preview);
  });
});

describe(readReceipt.name, () => {
  it('marks the advisor’s messages read up to the member’s read seq, and nobody else’s', () => {
    const [member, bot, mine] = thread();
    expect(readReceipt(mine, 2)).toBe('未读');
    expect(readReceipt(mine, 3)).toBe('已读');
    expect(readReceipt(member, 9)).toBeNull();
    expect(readReceipt(bot, 9)).toBeNull();
  });
});

describe(sortInbox.name, () => {
  const early = conversation({ id: 'a', waitingSince: '2026-11-20T05:00:00.000Z', lastMessage: { seq: 1, type: 'text', preview: '', at: '2026-11-20T05:59:00.000Z', senderKind: 'member' } });
  const late = conversation({ id: 'b', waitingSince: '2026-11-20T05:30:00.000Z', lastMessage: { seq: 1, type: 'text', preview: '', at: '2026-11-20T05:31:00.000Z', senderKind: 'member' } });

  it('serves the queue oldest waiting first', () => {
    expect(sortInbox('queue', [late, early]).map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('shows other lists most recent activity first', () => {
    expect(sortInbox('mine', [late, early]).map((c) => c.id)).toEqual(['a', 'b']);
    expect(sortInbox('store', [early, late]).map((c) => c.id)).toEqual(['a', 'b']);
  });
});

describe(upsertConversation.name, () => {
  const mine = conversation({ id: 'mine-1' });
  const waiting = conversation({ id: 'queued', advisorId: null, advisorName: null, waitingSince: '2026-11-20T05:00:00.000Z' });

  it('moves a claimed conversation out of the queue and into mine', () => {
    const claimed = { ...waiting, advisorId: ME, waitingSince: null };
    expect(upsertConversation([waiting], claimed, { view: 'queue' }, ME)).toEqual([]);
    expect(upsertConversation([mine], claimed, { view: 'mine' }, ME).map((c) => c.id)).toEqual(expect.arrayContaining(['mine-1', 'queued']));
  });

  it('drops a conversation transferred away, or no longer of the filtered status', () => {
    expect(upsertConversation([mine], { ...mine, advisorId: 'adv-2' }, { view: 'mine' }, ME)).toEqual([]);
    expect(upsertConversation([mine], { ...mine, status: 'resolved' }, { view: 'mine', status: 'open' }, ME)).toEqual([]);
  });

  it('takes whatever the server sends into the store and all views', () => {
    expect(belongsToInbox({ ...mine, advisorId: 'adv-9' }, { view: 'store' }, ME)).toBe(true);
    expect(belongsToInbox({ ...waiting, status: 'resolved' }, { view: 'queue' }, ME)).toBe(false);
  });
});

describe(withIncomingMessage.name, () => {
  const base = conversation({ lastSeq: 3, unread: 1, advisorReadSeq: 2 });

  it('counts a member’s message as unread and moves the preview on', () => {
    const sut = withIncomingMessage(base, message({ seq: 4, body: { text: '在吗' }, createdAt: '2026-11-20T06:00:00.000Z' }), false);
    expect(sut).toMatchObject({ lastSeq: 4, unread: 2, lastMessage: { seq: 4, preview: '在吗', senderKind: 'member' } });
  });

  it('does not count the advisor’s own or the bot’s messages, nor anything while the advisor reads the conversation', () => {
    expect(withIncomingMessage(base, message({ seq: 4, senderKind: 'advisor' }), false).unread).toBe(1);
    expect(withIncomingMessage(base, message({ seq: 4, senderKind: 'bot' }), false).unread).toBe(1);
    // Reading clears the badge; the read position moves once the server is told (withRead).
    expect(withIncomingMessage(base, message({ seq: 4 }), true)).toMatchObject({ unread: 0, advisorReadSeq: 2 });
  });

  it('ignores a message it already counted', () => {
    expect(withIncomingMessage(base, message({ seq: 3 }), false)).toBe(base);
  });

  it('counts flagged messages', () => {
    expect(withIncomingMessage(base, message({ seq: 4, flagged: true }), false).flaggedCount).toBe(1);
  });

  it('reorders the list by the new activity and sums the unread badges', () => {
    const quiet = conversation({ id: 'quiet', unread: 0, lastSeq: 1, lastMessage: { seq: 1, type: 'text', preview: '', at: '2026-11-20T05:00:00.000Z', senderKind: 'member' } });
    const other = conversation({ id: 'other', unread: 2, lastMessage: { seq: 1, type: 'text', preview: '', at: '2026-11-20T05:30:00.000Z', senderKind: 'member' } });
    const next = applyMessageToInbox('mine', [other, quiet], message({ conversationId: 'quiet', seq: 2, createdAt: '2026-11-20T06:00:00.000Z' }), null);
    expect(next.map((c) => c.id)).toEqual(['quiet', 'other']);
    expect(unreadTotal(next)).toBe(3);
  });
});

describe(withRead.name, () => {
  it('moves the member’s read position (never back) and clears the unread count when the advisor read to the end', () => {
    const base = conversation({ lastSeq: 5, memberReadSeq: 3, advisorReadSeq: 2, unread: 3 });
    expect(withRead(base, { conversationId: CONVERSATION_ID, reader: 'member', seq: 5 }).memberReadSeq).toBe(5);
    expect(withRead(base, { conversationId: CONVERSATION_ID, reader: 'member', seq: 1 }).memberReadSeq).toBe(3);
    expect(withRead(base, { conversationId: CONVERSATION_ID, reader: 'advisor', seq: 5 })).toMatchObject({ advisorReadSeq: 5, unread: 0 });
    expect(withRead(base, { conversationId: 'other', reader: 'advisor', seq: 5 })).toBe(base);
  });
});

describe(waitingText.name, () => {
  it.each([
    [null, null],
    ['2026-11-20T05:59:40.000Z', '刚刚'],
    ['2026-11-20T05:48:00.000Z', '12 分钟'],
    ['2026-11-20T05:00:00.000Z', '1 小时'],
    ['2026-11-20T04:55:00.000Z', '1 小时 5 分钟'],
  ])('%s → %s', (since, text) => {
    expect(waitingText(since, NOW)).toBe(text);
  });
});

describe(wechatWindowState.name, () => {
  it('is null for the mini-program chat', () => {
    expect(wechatWindowState(null, NOW)).toBeNull();
  });

  it('says how many replies are left and until when', () => {
    expect(wechatWindowState({ until: '2026-11-20T14:30:00.000Z', remaining: 3, open: true }, NOW)).toEqual({ open: true, text: '微信客服窗口：剩余 3 条，至 14:30' });
    expect(wechatWindowState({ until: '2026-11-21T14:30:00.000Z', remaining: 5, open: true }, NOW)?.text).toBe('微信客服窗口：剩余 5 条，至 11月21日 14:30');
  });

  it.each([
    ['closed by the server', { until: '2026-11-21T00:00:00.000Z', remaining: 3, open: false }],
    ['no replies left', { until: '2026-11-21T00:00:00.000Z', remaining: 0, open: true }],
    ['past its end', { until: '2026-11-20T05:00:00.000Z', remaining: 3, open: true }],
  ])('is closed when %s', (_, window) => {
    expect(wechatWindowState(window, NOW)).toEqual({ open: false, text: '微信客服窗口已关闭：需等待会员再次发消息后才能回复' });
  });
});

describe('pending messages', () => {
  const body = (clientId: string) => ({ conversationId: CONVERSATION_ID, clientId, type: 'text' as const, text: '好的' });
  const a = newPending(body('client-a'), '好的');
  const b = newPending(body('client-b'), '好的');

  it('keeps one entry per clientId', () => {
    expect(addPending(addPending([a], b), { ...a, attempts: 2 }).map((p) => [p.clientId, p.attempts])).toEqual([
      ['client-b', 1],
      ['client-a', 2],
    ]);
  });

  it('settles the ones the server stored, found by clientId', () => {
    const stored = message({ seq: 9, senderKind: 'advisor', clientId: 'client-a' });
    expect(settlePending([a, b], [stored]).map((p) => p.clientId)).toEqual(['client-b']);
    const unchanged = [a, b];
    expect(settlePending(unchanged, [message()])).toBe(unchanged);
  });

  it('resends with the same clientId, and after a reconnect only what was lost rather than refused', () => {
    let list: PendingMessage[] = [a, b];
    list = failPending(list, 'client-a', '发送超时', true);
    list = failPending(list, 'client-b', '消息含有不当内容', false);
    expect(resendable(list).map((p) => p.clientId)).toEqual(['client-a']);

    list = retryPending(list, 'client-a');
    expect(list[0]).toMatchObject({ clientId: 'client-a', state: 'sending', attempts: 2, error: null });
    expect(list[0].body.clientId).toBe('client-a');
    expect(resendable(list)).toEqual([]);
  });
});

describe(typingDue.name, () => {
  it('lets a typing signal out at most once per throttle window', () => {
    expect(typingDue(null, 1_000)).toBe(true);
    expect(typingDue(1_000, 1_000 + TYPING_THROTTLE_MS - 1)).toBe(false);
    expect(typingDue(1_000, 1_000 + TYPING_THROTTLE_MS)).toBe(true);
  });
});

describe(transferTargets.name, () => {
  it('offers only advisors who are online, accepting and below capacity, other than the current one, least loaded first', () => {
    const advisors = [
      advisor({ staffId: 'busy', name: '满额', openConversations: 8, capacity: 8 }),
      advisor({ staffId: 'paused', name: '暂停', accepting: false }),
      advisor({ staffId: 'offline', name: '离线', online: false }),
      advisor({ staffId: ME, name: '我自己', openConversations: 0 }),
      advisor({ staffId: 'half', name: '半满', openConversations: 4, capacity: 8 }),
      advisor({ staffId: 'light', name: '空闲', openConversations: 1, capacity: 8 }),
    ];
    expect(transferTargets(advisors, ME).map((a) => a.staffId)).toEqual(['light', 'half']);
  });
});

describe(chatImageProblem.name, () => {
  it.each([
    [{ type: 'image/png', size: 1024 }, null],
    [{ type: 'image/gif', size: 2 * 1024 * 1024 }, null],
    [{ type: 'image/png', size: 2 * 1024 * 1024 + 1 }, '图片不能超过 2MB'],
    [{ type: 'image/bmp', size: 10 }, '图片须为 JPG、PNG、WEBP 或 GIF 格式'],
  ])('%j → %s', (file, problem) => {
    expect(chatImageProblem(file)).toBe(problem);
  });
});
