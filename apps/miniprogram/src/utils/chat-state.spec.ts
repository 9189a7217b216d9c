import type { ChatMessageView, ConversationView } from '@glow/contracts';
import {
  EMPTY_CHAT,
  MAX_SEND_ATTEMPTS,
  RESEND_AFTER_MS,
  TYPING_INTERVAL_MS,
  type ChatState,
  addPending,
  applyReadEvent,
  csatExpired,
  csatInviteOf,
  dropPending,
  duePending,
  hasOlder,
  isReadByAdvisor,
  lastSeqOf,
  markFailed,
  markReadReported,
  markSent,
  mergeMessages,
  offersHandover,
  oldestSeqOf,
  readSeqToReport,
  receiveMessages,
  resendAllNow,
  retryPending,
  shouldSendTyping,
  withConversation,
} from './chat-state';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 2, minute)).toISOString();

function msg(seq: number, overrides: Partial<ChatMessageView> = {}): ChatMessageView {
  return {
    id: `m${overrides.conversationId ?? 'c1'}-${seq}`,
    conversationId: 'c1',
    seq,
    senderKind: 'advisor',
    senderId: 's1',
    senderName: '顾问小林',
    type: 'text',
    body: { text: `第${seq}条` },
    clientId: null,
    flagged: false,
    delivery: null,
    createdAt: at(seq),
    ...overrides,
  };
}

function conversation(overrides: Partial<ConversationView> = {}): ConversationView {
  return {
    id: 'c1',
    memberId: 'm1',
    memberName: '小美',
    memberAvatarUrl: null,
    tierName: null,
    channel: 'app',
    status: 'open',
    storeId: null,
    storeName: null,
    advisorId: 's1',
    advisorName: '顾问小林',
    labels: [],
    waitingSince: null,
    botActive: false,
    lastSeq: 0,
    lastMessage: null,
    memberReadSeq: 0,
    advisorReadSeq: 0,
    unread: 0,
    flaggedCount: 0,
    wechatWindow: null,
    createdAt: at(0),
    resolvedAt: null,
    ...overrides,
  };
}

const text = (clientId: string, value = '你好') => ({ clientId, type: 'text' as const, text: value });
const seqs = (state: ChatState) => state.messages.map((m) => `${m.conversationId}:${m.seq}`);

describe(mergeMessages.name, () => {
  it('keeps each message once and orders by seq, whatever order they came in', () => {
    const merged = mergeMessages([msg(3), msg(1)], [msg(2), msg(3, { body: { text: 'newer copy' } }), msg(1)]);

    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(merged[2].body).toEqual({ text: 'newer copy' });
  });

  it('puts a later conversation after an earlier one even though its seq starts at 1 again', () => {
    const merged = mergeMessages([msg(7, { createdAt: at(1) }), msg(8, { createdAt: at(2) })], [msg(1, { conversationId: 'c2', createdAt: at(30) })]);

    expect(merged.map((m) => `${m.conversationId}:${m.seq}`)).toEqual(['c1:7', 'c1:8', 'c2:1']);
  });
});

describe(receiveMessages.name, () => {
  it('tracks the highest seq per conversation for the next sync', () => {
    let sut = withConversation(EMPTY_CHAT, conversation());
    sut = receiveMessages(sut, [msg(2), msg(5), msg(4)]);

    expect(lastSeqOf(sut)).toBe(5);
    sut = receiveMessages(sut, [msg(3)]);
    expect(lastSeqOf(sut)).toBe(5);
  });

  it('confirms a pending message when the stored one with its clientId arrives (ack or echo)', () => {
    let sut = addPending(EMPTY_CHAT, text('chat-a1'), { kind: 'text', text: '你好' });
    sut = addPending(sut, text('chat-b2', '在吗'), { kind: 'text', text: '在吗' });

    sut = receiveMessages(sut, [msg(1, { senderKind: 'member', clientId: 'chat-a1' })]);

    expect(sut.pending.map((p) => p.clientId)).toEqual(['chat-b2']);
    expect(seqs(sut)).toEqual(['c1:1']);
  });

  it('does not take an advisor message with a colliding clientId for the member’s own', () => {
    const sut = receiveMessages(addPending(EMPTY_CHAT, text('chat-a1'), { kind: 'text', text: '你好' }), [msg(1, { clientId: 'chat-a1' })]);

    expect(sut.pending).toHaveLength(1);
  });

  it('adopts the conversation of the first message when there was none', () => {
    const sut = receiveMessages(EMPTY_CHAT, [msg(1, { senderKind: 'member' })]);

    expect(sut.conversationId).toBe('c1');
  });

  it('moves on to a conversation that began later, with fresh read marks', () => {
    let sut = receiveMessages(withConversation(EMPTY_CHAT, conversation({ advisorReadSeq: 6 })), [msg(6)]);
    sut = receiveMessages(sut, [msg(1, { conversationId: 'c2', senderKind: 'member', createdAt: at(40) })]);

    expect(sut.conversationId).toBe('c2');
    expect(sut.advisorReadSeq).toBe(0);
    expect(lastSeqOf(sut)).toBe(1);
  });

  it('stays in the current conversation when a late message of an older one arrives', () => {
    let sut = receiveMessages(withConversation(EMPTY_CHAT, conversation({ id: 'c2', createdAt: at(30) })), [msg(1, { conversationId: 'c2', createdAt: at(31) })]);
    sut = receiveMessages(sut, [msg(9, { conversationId: 'c1', createdAt: at(9) })]);

    expect(sut.conversationId).toBe('c2');
    expect(seqs(sut)).toEqual(['c1:9', 'c2:1']);
  });
});

describe(withConversation.name, () => {
  it('takes the read marks of a new current conversation and only raises them for the same one', () => {
    let sut = withConversation(EMPTY_CHAT, conversation({ advisorReadSeq: 4, memberReadSeq: 3 }));
    expect([sut.advisorReadSeq, sut.memberReadSeq]).toEqual([4, 3]);

    sut = withConversation(sut, conversation({ advisorReadSeq: 2, memberReadSeq: 5 }));
    expect([sut.advisorReadSeq, sut.memberReadSeq]).toEqual([4, 5]);
  });

  it('ignores a late event about a conversation older than the current one', () => {
    const current = withConversation(EMPTY_CHAT, conversation({ id: 'c2', createdAt: at(30) }));

    expect(withConversation(current, conversation({ id: 'c1', createdAt: at(0), status: 'resolved' }))).toBe(current);
  });
});

describe('history', () => {
  it('knows there is older history while the oldest loaded seq is above 1', () => {
    let sut = receiveMessages(withConversation(EMPTY_CHAT, conversation()), [msg(51), msg(52)]);
    expect(oldestSeqOf(sut)).toBe(51);
    expect(hasOlder(sut)).toBe(true);

    sut = receiveMessages(sut, [msg(1), msg(2)]);
    expect(hasOlder(sut)).toBe(false);
    expect(hasOlder(EMPTY_CHAT)).toBe(false);
  });
});

describe('pending and resend', () => {
  const now = 1_000_000;

  it('sends a new message at once, then again only after RESEND_AFTER_MS without an answer, with the same clientId', () => {
    let sut = addPending(EMPTY_CHAT, text('chat-a1'), { kind: 'text', text: '你好' });
    expect(duePending(sut, now).due.map((p) => p.message.clientId)).toEqual(['chat-a1']);

    sut = markSent(sut, 'chat-a1', now);
    expect(duePending(sut, now + RESEND_AFTER_MS - 1).due).toEqual([]);
    const later = duePending(sut, now + RESEND_AFTER_MS);
    expect(later.due.map((p) => p.message)).toEqual([text('chat-a1')]);
  });

  it('gives up after MAX_SEND_ATTEMPTS unanswered attempts and lets the member retry', () => {
    let sut = addPending(EMPTY_CHAT, text('chat-a1'), { kind: 'text', text: '你好' });
    for (let i = 0; i < MAX_SEND_ATTEMPTS; i += 1) sut = markSent(sut, 'chat-a1', now + i * RESEND_AFTER_MS);

    const { state, due } = duePending(sut, now + MAX_SEND_ATTEMPTS * RESEND_AFTER_MS);
    expect(due).toEqual([]);
    expect(state.pending[0]).toMatchObject({ status: 'failed', error: '发送失败，点击重试' });

    const retried = retryPending(state, 'chat-a1');
    expect(retried.pending[0]).toMatchObject({ status: 'sending', attempts: 0, lastAttemptAt: null, error: null, clientId: 'chat-a1' });
    expect(duePending(retried, now).due).toHaveLength(1);
  });

  it('resends everything unconfirmed at once after a reconnect, but not failed messages', () => {
    let sut = addPending(EMPTY_CHAT, text('chat-a1'), { kind: 'text', text: '你好' });
    sut = addPending(sut, text('chat-b2'), { kind: 'text', text: '你好' });
    sut = markSent(markSent(sut, 'chat-a1', now), 'chat-b2', now);
    sut = markFailed(sut, 'chat-b2', '发送太频繁，请稍后再试');

    sut = resendAllNow(sut);

    expect(duePending(sut, now + 1).due.map((p) => p.clientId)).toEqual(['chat-a1']);
    expect(sut.pending[0].attempts).toBe(0);
    expect(sut.pending[1]).toMatchObject({ status: 'failed', error: '发送太频繁，请稍后再试' });
  });

  it('drops a pending message (content blocked: the text goes back to the input)', () => {
    const sut = addPending(EMPTY_CHAT, text('chat-a1'), { kind: 'text', text: '你好' });

    expect(dropPending(sut, 'chat-a1').pending).toEqual([]);
  });
});

describe('read marks', () => {
  const base = () =>
    receiveMessages(withConversation(EMPTY_CHAT, conversation()), [
      msg(1, { senderKind: 'member' }),
      msg(2, { senderKind: 'member' }),
      msg(3),
      msg(4, { senderKind: 'member' }),
    ]);

  it('shows 已读 on the member’s messages up to the advisor’s read seq, never on the advisor’s', () => {
    const sut = applyReadEvent(base(), { conversationId: 'c1', reader: 'advisor', seq: 2 });

    expect(sut.messages.map((m) => isReadByAdvisor(sut, m))).toEqual([true, true, false, false]);
  });

  it('never lowers a read mark, and ignores other conversations', () => {
    let sut = applyReadEvent(base(), { conversationId: 'c1', reader: 'advisor', seq: 4 });
    sut = applyReadEvent(sut, { conversationId: 'c1', reader: 'advisor', seq: 2 });
    sut = applyReadEvent(sut, { conversationId: 'other', reader: 'advisor', seq: 9 });

    expect(sut.advisorReadSeq).toBe(4);
  });

  it('reports the last seq while something from the other side is unread, and nothing after', () => {
    let sut = base();
    expect(readSeqToReport(sut)).toBe(4);

    sut = markReadReported(sut, 4);
    expect(readSeqToReport(sut)).toBeNull();

    sut = receiveMessages(sut, [msg(5, { senderKind: 'member' })]);
    expect(readSeqToReport(sut)).toBeNull();
    sut = receiveMessages(sut, [msg(6, { senderKind: 'bot' })]);
    expect(readSeqToReport(sut)).toBe(6);
  });

  it('counts a read on the member’s other device', () => {
    const sut = applyReadEvent(base(), { conversationId: 'c1', reader: 'member', seq: 4 });

    expect(readSeqToReport(sut)).toBeNull();
  });
});

describe(shouldSendTyping.name, () => {
  it.each([
    [null, 0, true],
    [1000, 1000 + TYPING_INTERVAL_MS - 1, false],
    [1000, 1000 + TYPING_INTERVAL_MS, true],
  ])('last sent %p, now %p → %p', (last, now, expected) => {
    expect(shouldSendTyping(last, now)).toBe(expected);
  });
});

describe('message bodies', () => {
  it('offers 转人工 only on a bot answer that says so', () => {
    expect(offersHandover(msg(1, { senderKind: 'bot', body: { text: '没听懂', offerHandover: true } }))).toBe(true);
    expect(offersHandover(msg(1, { senderKind: 'bot', body: { text: '营业时间10点' } }))).toBe(false);
    expect(offersHandover(msg(1, { senderKind: 'advisor', body: { text: 'x', offerHandover: true } }))).toBe(false);
  });

  it('reads a CSAT invite from a system message and tells when it expired', () => {
    const invite = { subject: 'conversation' as const, subjectId: 'c1', until: at(10) };
    const message = msg(9, { senderKind: 'system', type: 'system', body: { text: '请评价本次服务', event: 'csat-invite', csat: invite } });

    expect(csatInviteOf(message)).toEqual(invite);
    expect(csatInviteOf(msg(9, { senderKind: 'system', type: 'system', body: { text: '已转接', event: 'transferred' } }))).toBeNull();
    expect(csatExpired(invite, new Date(at(10)))).toBe(false);
    expect(csatExpired(invite, new Date(at(11)))).toBe(true);
  });
});
