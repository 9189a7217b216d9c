import type { AdvisorAvailabilityView, CannedReplyView, ChatMessageView, ConversationView } from '@glow/contracts';
import { act, fireEvent, waitFor, within } from '@testing-library/react';
import { io } from 'socket.io-client';
import { sessionStore } from '../../api/session.store';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { FakeChatSocket } from '../../test/fake-chat-socket';
import { ServiceInboxPage } from './inbox.page';
import { advisor, cannedReply, conversation, CONVERSATION_ID, customer360, ME, MEMBER_ID, message, thread } from './service.fixtures';

jest.mock('socket.io-client', () => ({ io: jest.fn() }));

const CONVERSATIONS = '/api/staff/conversations';
const TEMPLATE = { id: 'tpl-1', code: 'SORRY-50', name: '致歉券', face: { headline: '¥50', condition: '无门槛' } };

let fetchMock: FetchMock;
let socket: FakeChatSocket;

jest.setTimeout(40_000);

interface Served {
  mine?: ConversationView[];
  queue?: ConversationView[];
  store?: ConversationView[];
  open?: ConversationView;
  messages?: ChatMessageView[];
  advisors?: AdvisorAvailabilityView[];
  canned?: CannedReplyView[];
  onWrite?: (request: string, body: unknown) => Response;
}

function serve(served: Served = {}) {
  const open = served.open ?? conversation();
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method !== 'GET') return served.onWrite?.(`${method} ${url}`, typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body) ?? jsonResponse(500, {});
    if (url.startsWith(`${CONVERSATIONS}?view=mine`)) return jsonResponse(200, served.mine ?? [open]);
    if (url.startsWith(`${CONVERSATIONS}?view=queue`)) return jsonResponse(200, served.queue ?? []);
    if (url.startsWith(`${CONVERSATIONS}?view=store`)) return jsonResponse(200, served.store ?? []);
    if (url === `${CONVERSATIONS}/${open.id}`) return jsonResponse(200, open);
    if (url === `${CONVERSATIONS}/${open.id}/messages?limit=50`) return jsonResponse(200, served.messages ?? thread());
    if (url === `/api/staff/members/${MEMBER_ID}/360`) return jsonResponse(200, customer360());
    if (url === '/api/staff/advisors') return jsonResponse(200, served.advisors ?? [advisor({ staffId: ME, name: '测试advisor' })]);
    if (url === '/api/staff/canned-replies') return jsonResponse(200, served.canned ?? []);
    if (url.startsWith('/api/staff/coupon-templates?')) return jsonResponse(200, { items: [TEMPLATE], total: 1, page: 1, pageSize: 100 });
    if (url.startsWith('/api/staff/orders?')) return jsonResponse(200, { items: [], total: 0, page: 1, pageSize: 20 });
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderInbox(path = `/service/inbox?c=${CONVERSATION_ID}`) {
  const view = renderPage(path, '/service/inbox', <ServiceInboxPage />, {}, { detachStyles: true });
  act(() => socket.serverConnect());
  return view;
}

const items = () => Array.from(document.querySelectorAll('#inbox-list .conversation-item')).map((item) => item.getAttribute('data-conversation-id'));
const item = (id: string) => element(document.body, `#inbox-list .conversation-item[data-conversation-id="${id}"]`);
const tab = (key: string) => element(document.body, `.inbox-tab-${key}`);
const rendered = (seq: number) => document.querySelectorAll(`#message-list .chat-message[data-seq="${seq}"]`);
const composer = () => element<HTMLTextAreaElement>(document.body, '#composer-input');
const inAnHour = () => new Date(Date.now() + 60 * 60_000).toISOString();

function type(text: string) {
  fireEvent.change(composer(), { target: { value: text } });
}

beforeEach(() => {
  fetchMock = mockFetch();
  socket = new FakeChatSocket();
  jest.mocked(io).mockClear();
  jest.mocked(io).mockImplementation(() => socket as unknown as ReturnType<typeof io>);
  signInAs('advisor');
});

afterEach(() => sessionStore.clear());

describe(ServiceInboxPage.name, () => {
  it('lists my conversations most recent first with unread badges, channel tags and flagged markers, and the queue oldest waiting first', async () => {
    const older = conversation({ id: 'c-old', memberName: '李娜', unread: 0, lastMessage: { seq: 1, type: 'text', preview: '谢谢', at: '2026-11-20T01:00:00.000Z', senderKind: 'member' } });
    const newer = conversation({
      id: 'c-new',
      memberName: '王晓雯',
      channel: 'wechat',
      unread: 2,
      flaggedCount: 1,
      lastMessage: { seq: 5, type: 'image', preview: '[图片]', at: '2026-11-20T03:00:00.000Z', senderKind: 'member' },
    });
    const waitedLong = conversation({ id: 'q-1', memberName: '张敏', advisorId: null, advisorName: null, waitingSince: new Date(Date.now() - 25 * 60_000).toISOString() });
    const justCame = conversation({ id: 'q-2', memberName: '赵倩', advisorId: null, advisorName: null, waitingSince: new Date(Date.now() - 2 * 60_000).toISOString() });
    serve({ mine: [older, newer], queue: [justCame, waitedLong] });
    renderInbox('/service/inbox');

    await waitFor(() => expect(items()).toEqual(['c-new', 'c-old']));
    expect(element(document.body, '#chat-connection').getAttribute('data-state')).toBe('connected');
    expect(item('c-new').querySelector('.conversation-unread')?.textContent).toContain('2');
    expect(item('c-new').querySelector('.conversation-channel')?.textContent).toBe('微信客服');
    expect(item('c-new').querySelector('.conversation-flagged')?.textContent).toContain('待审核 1');
    expect(item('c-old').querySelector('.conversation-channel')?.textContent).toBe('小程序');
    expect(item('c-old').querySelector('.conversation-flagged')).toBeNull();
    expect(tab('mine').textContent).toContain('2');
    await waitFor(() => expect(tab('queue').textContent).toContain('2'));
    // Advisors see their own and the queue only.
    expect(document.querySelector('.inbox-tab-store')).toBeNull();
    expect(document.querySelector('.inbox-tab-all')).toBeNull();

    fireEvent.click(tab('queue'));
    await waitFor(() => expect(items()).toEqual(['q-1', 'q-2']));
    expect(item('q-1').querySelector('.conversation-waiting')?.textContent).toBe('已等待 25 分钟');
    expect(item('q-2').querySelector('.conversation-waiting')?.textContent).toBe('已等待 2 分钟');
  });

  it('shows the conversation by seq and by day, the bot labelled, read receipts, flagged and failed messages, and marks it read', async () => {
    const messages = [
      ...thread(),
      message({ seq: 5, flagged: true, body: { text: '加我微信' }, createdAt: '2026-11-20T02:06:00.000Z' }),
      message({ seq: 6, senderKind: 'advisor', senderId: ME, delivery: 'failed', body: { text: '稍等' }, createdAt: '2026-11-20T02:07:00.000Z' }),
    ];
    serve({ open: conversation({ lastSeq: 6, memberReadSeq: 3, advisorReadSeq: 2, unread: 4 }), messages: [messages[3], ...messages.slice(0, 3), ...messages.slice(4)] });
    renderInbox();

    await waitFor(() => expect(rendered(6)).toHaveLength(1));
    const seqs = Array.from(document.querySelectorAll('#message-list .chat-message')).map((node) => Number(node.getAttribute('data-seq')));
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
    expect(document.querySelectorAll('#message-list .message-day')).toHaveLength(2);
    expect(rendered(2)[0].querySelector('.chat-bot-label')?.textContent).toBe('智能助手');
    expect(rendered(3)[0].querySelector('.message-read')?.textContent).toBe('已读');
    expect(rendered(5)[0].querySelector('.message-flagged')?.textContent).toContain('待审核');
    expect(rendered(6)[0].querySelector('.message-delivery-failed')?.textContent).toBe('发送失败');

    await waitFor(() => expect(socket.payloads('read')).toEqual([{ conversationId: CONVERSATION_ID, seq: 6 }]));
    await waitFor(() => expect(item(CONVERSATION_ID).querySelector('.conversation-unread')?.textContent ?? '').not.toContain('4'));
  });

  it('sends with Enter over the socket, keeps Shift+Enter for a new line, and shows the stored message once', async () => {
    serve();
    socket.respond = (event, payload) => {
      if (event !== 'message:send') return undefined;
      const sent = payload as { clientId: string; text: string };
      return { ok: true, data: message({ seq: 5, id: 'msg-5', senderKind: 'advisor', senderId: ME, clientId: sent.clientId, body: { text: sent.text } }) };
    };
    renderInbox();
    await waitFor(() => expect(rendered(4)).toHaveLength(1));

    type('可以的，');
    fireEvent.keyDown(composer(), { key: 'Enter', shiftKey: true });
    expect(socket.payloads('message:send')).toEqual([]);

    type('敏感肌可以用');
    fireEvent.keyDown(composer(), { key: 'Enter' });
    await waitFor(() => expect(rendered(5)).toHaveLength(1));
    const [sent] = socket.payloads('message:send') as { clientId: string }[];
    expect(sent).toEqual({ conversationId: CONVERSATION_ID, type: 'text', text: '敏感肌可以用', clientId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) });
    expect(composer().value).toBe('');
    expect(document.querySelector('.chat-pending')).toBeNull();

    // The same message pushed again (another tab of mine) is not shown twice.
    act(() => socket.push('message', message({ seq: 5, id: 'msg-5', senderKind: 'advisor', senderId: ME, clientId: sent.clientId, body: { text: '敏感肌可以用' } })));
    expect(rendered(5)).toHaveLength(1);
  });

  it('sends again with the same clientId when the ack does not come, and offers 重发 after the last attempt', async () => {
    serve();
    renderInbox();
    await waitFor(() => expect(rendered(4)).toHaveLength(1));

    type('在的');
    fireEvent.click(element(document.body, '#composer-send'));
    await waitFor(() => expect(element(document.body, '.chat-pending').textContent).toContain('发送中…'));
    for (let attempt = 0; attempt < 3; attempt++) {
      await waitFor(() => expect(socket.payloads('message:send')).toHaveLength(attempt + 1));
      act(() => socket.expireAcks());
    }
    await waitFor(() => expect(element(document.body, '.chat-pending-error').textContent).toContain('发送超时'));
    const clientIds = (socket.payloads('message:send') as { clientId: string }[]).map((payload) => payload.clientId);
    expect(new Set(clientIds).size).toBe(1);

    socket.respond = (event, payload) =>
      event === 'message:send' ? { ok: true, data: message({ seq: 5, senderKind: 'advisor', clientId: (payload as { clientId: string }).clientId, body: { text: '在的' } }) } : undefined;
    fireEvent.click(element(document.body, '.chat-resend'));
    await waitFor(() => expect(rendered(5)).toHaveLength(1));
    expect((socket.payloads('message:send') as { clientId: string }[])[3].clientId).toBe(clientIds[0]);
    expect(document.querySelector('.chat-pending')).toBeNull();
  });

  it('merges pushed messages by id, shows the member typing, and catches up from the last seq after a reconnect', async () => {
    serve();
    renderInbox();
    await waitFor(() => expect(rendered(4)).toHaveLength(1));

    act(() => socket.push('typing', { conversationId: CONVERSATION_ID, who: 'member', typing: true }));
    expect(element(document.body, '#member-typing').textContent).toBe('对方正在输入…');
    act(() => {
      socket.push('message', message({ seq: 6, body: { text: '还有' } }));
      socket.push('message', message({ seq: 5, body: { text: '另外' } }));
      socket.push('message', message({ seq: 5, body: { text: '另外' } }));
    });
    expect(document.querySelector('#member-typing')).toBeNull();
    const seqs = Array.from(document.querySelectorAll('#message-list .chat-message')).map((node) => Number(node.getAttribute('data-seq')));
    expect(seqs).toEqual([1, 2, 3, 4, 5, 6]);
    // Read as they arrive, since the advisor is looking at the conversation.
    await waitFor(() => expect(socket.payloads('read')).toContainEqual({ conversationId: CONVERSATION_ID, seq: 6 }));

    socket.respond = (event) => (event === 'sync' ? { ok: true, data: { conversation: null, messages: [message({ seq: 7, body: { text: '断线时发的' } })], more: false } } : { ok: true, data: null });
    const inboxReads = () => requests(fetchMock).filter((request) => request.startsWith(`GET ${CONVERSATIONS}?view=mine`)).length;
    const before = inboxReads();
    act(() => socket.serverDisconnect());
    act(() => socket.serverConnect());

    await waitFor(() => expect(rendered(7)).toHaveLength(1));
    // Once when the conversation opened (to watch it), once after the reconnect from the last seq held.
    expect(socket.payloads('sync')).toEqual([
      { conversationId: CONVERSATION_ID, afterSeq: 4 },
      { conversationId: CONVERSATION_ID, afterSeq: 6 },
    ]);
    await waitFor(() => expect(inboxReads()).toBeGreaterThan(before));
  });

  it('inserts a canned reply found by search, shared or mine', async () => {
    serve({ canned: [cannedReply(), cannedReply({ id: 'cr-2', title: '敏感肌建议', body: '建议先在耳后试用', ownerId: ME, shared: false })] });
    renderInbox();
    await waitFor(() => expect(rendered(4)).toHaveLength(1));

    type('您好，');
    fireEvent.click(element(document.body, '#composer-canned'));
    await waitFor(() => expect(document.querySelectorAll('#canned-picker .canned-reply')).toHaveLength(2));
    fireEvent.change(element(document.body, '#canned-search'), { target: { value: '耳后' } });
    await waitFor(() => expect(document.querySelectorAll('#canned-picker .canned-reply')).toHaveLength(1));
    expect(element(document.body, '#canned-picker .canned-reply').textContent).toContain('我的');
    fireEvent.click(element(document.body, '#canned-picker .canned-reply'));
    expect(composer().value).toBe('您好，建议先在耳后试用');
    expect(socket.payloads('message:send')).toEqual([]);
  });

  it('uploads an image and sends it as an image message, refusing files the upload would refuse', async () => {
    serve({ onWrite: (request) => (request === 'POST /api/chat/images' ? jsonResponse(201, { imageId: `${'a'.repeat(32)}.png`, url: '/api/chat/images/a.png' }) : jsonResponse(500, {})) });
    renderInbox();
    await waitFor(() => expect(rendered(4)).toHaveLength(1));
    const input = element<HTMLInputElement>(document.body, '#composer-image-input');

    fireEvent.change(input, { target: { files: [new File(['x'], 'photo.bmp', { type: 'image/bmp' })] } });
    await waitFor(() => expect(document.querySelector('.ant-message')?.textContent).toContain('图片须为 JPG、PNG、WEBP 或 GIF 格式'));
    expect(requests(fetchMock)).not.toContain('POST /api/chat/images');

    fireEvent.change(input, { target: { files: [new File(['png'], 'photo.png', { type: 'image/png' })] } });
    await waitFor(() => expect(requests(fetchMock)).toContain('POST /api/chat/images'));
    await waitFor(() => expect(socket.payloads('message:send')).toHaveLength(1));
    const upload = fetchMock.mock.calls.find(([url]) => String(url) === '/api/chat/images');
    expect((upload?.[1]?.body as FormData).get('file')).toBeInstanceOf(File);
    expect(socket.payloads('message:send')[0]).toMatchObject({ conversationId: CONVERSATION_ID, type: 'image', imageId: `${'a'.repeat(32)}.png` });
  });

  it('issues a compensation coupon with a new idempotency key on every click', async () => {
    let calls = 0;
    serve({
      onWrite: (request) => {
        if (request !== `POST ${CONVERSATIONS}/${CONVERSATION_ID}/compensation`) return jsonResponse(500, {});
        calls += 1;
        return calls === 1
          ? jsonResponse(503, { code: 'INTERNAL_ERROR', message: '服务暂时不可用' })
          : jsonResponse(201, message({ seq: 5, type: 'coupon', senderKind: 'advisor', body: { templateId: 'tpl-1', name: '致歉券', summary: '¥50 无门槛', memberCouponId: 'mc-9' } }));
      },
    });
    renderInbox();
    await waitFor(() => expect(rendered(4)).toHaveLength(1));

    fireEvent.click(element(document.body, '#composer-coupon'));
    fireEvent.mouseDown(await waitFor(() => element(document.body, '.ant-select:has(#coupon-template)')));
    fireEvent.click(await waitFor(() => element(document.body, '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')));
    fireEvent.click(element(document.body, '#coupon-compensate'));
    await waitFor(() => element(document.body, '#coupon-compensate-error'));
    fireEvent.click(element(document.body, '#coupon-compensate'));

    await waitFor(() => expect(rendered(5)).toHaveLength(1));
    expect(rendered(5)[0].querySelector('.chat-card-issued')?.textContent).toBe('已发放到会员账户');
    const keys = fetchMock.mock.calls
      .filter(([url]) => String(url) === `${CONVERSATIONS}/${CONVERSATION_ID}/compensation`)
      .map(([, init]) => JSON.parse(String(init?.body)) as { couponTemplateId: string; key: string });
    expect(keys).toHaveLength(2);
    expect(keys[0].couponTemplateId).toBe('tpl-1');
    expect(keys[0].key).not.toBe(keys[1].key);
  });

  it('offers only available advisors for a transfer, with their load, and transfers to the one picked', async () => {
    const advisors = [
      advisor({ staffId: ME, name: '测试advisor', openConversations: 1 }),
      advisor({ staffId: 'adv-2', name: '周美琳', openConversations: 5, capacity: 8 }),
      advisor({ staffId: 'adv-3', name: '陈静', openConversations: 1, capacity: 8 }),
      advisor({ staffId: 'adv-4', name: '满额', openConversations: 8, capacity: 8 }),
      advisor({ staffId: 'adv-5', name: '暂停', accepting: false }),
      advisor({ staffId: 'adv-6', name: '离线', online: false }),
    ];
    serve({
      advisors,
      onWrite: (request) =>
        request === `POST ${CONVERSATIONS}/${CONVERSATION_ID}/transfer` ? jsonResponse(200, conversation({ advisorId: 'adv-3', advisorName: '陈静' })) : jsonResponse(500, {}),
    });
    renderInbox();

    fireEvent.click(await waitFor(() => element(document.body, '#conversation-transfer')));
    await waitFor(() => element(document.body, '.transfer-advisor'));
    const offered = Array.from(document.querySelectorAll('.transfer-advisor')).map((node) => node.getAttribute('data-staff-id'));
    expect(offered).toEqual(['adv-3', 'adv-2']);
    expect(element(document.body, '.transfer-advisor[data-staff-id="adv-2"]').textContent).toContain('接待中 5/8');
    expect(element(document.body, '#transfer-unavailable').textContent).toContain('另有 3 位顾问');

    fireEvent.click(within(element(document.body, '.transfer-advisor[data-staff-id="adv-3"]')).getByRole('radio'));
    fireEvent.change(element(document.body, '#transfer-note'), { target: { value: '会员想了解彩妆' } });
    fireEvent.click(element(document.body, '#transfer-submit'));

    await waitFor(() => expect(bodyOf(fetchMock, 'POST', `${CONVERSATIONS}/${CONVERSATION_ID}/transfer`)).toEqual({ advisorId: 'adv-3', note: '会员想了解彩妆' }));
    // No longer mine: the conversation leaves 我的, and I can no longer write in it.
    await waitFor(() => expect(items()).toEqual([]));
    await waitFor(() => expect(composer().disabled).toBe(true));
  });

  it('shows the WeChat window and disables sending once it is closed', async () => {
    const open = conversation({ channel: 'wechat', wechatWindow: { until: inAnHour(), remaining: 3, open: true } });
    serve({ open, mine: [open] });
    const view = renderInbox();
    await waitFor(() => expect(element(document.body, '#wechat-window').textContent).toMatch(/^微信客服窗口：剩余 3 条，至 \d{2}:\d{2}$/));
    expect(composer().disabled).toBe(false);
    view.unmount();

    const closed = conversation({ channel: 'wechat', wechatWindow: { until: inAnHour(), remaining: 0, open: true } });
    serve({ open: closed, mine: [closed] });
    socket = new FakeChatSocket();
    renderInbox();
    await waitFor(() => expect(element(document.body, '#wechat-window').getAttribute('data-open')).toBe('false'));
    expect(element(document.body, '#wechat-window').textContent).toContain('微信客服窗口已关闭');
    expect(composer().disabled).toBe(true);
    expect(element<HTMLButtonElement>(document.body, '#composer-send').disabled).toBe(true);
    expect(element<HTMLButtonElement>(document.body, '#composer-product').disabled).toBe(true);
  });

  it('keeps a conversation newly assigned to me when a read of the lists started before the assignment answers late', async () => {
    const arriving = conversation({ id: 'c-arriving', memberName: '新会员', advisorId: null, advisorName: null, waitingSince: new Date().toISOString() });
    const assigned = { ...arriving, advisorId: ME, advisorName: '测试advisor', waitingSince: null };
    serve({ mine: [] });
    const open = fetchMock.getMockImplementation() ?? (() => Promise.resolve(jsonResponse(404, {})));
    // The server's state as the lists are read: nothing of mine at first, mine once routing has assigned it.
    let state: 'before' | 'after' = 'before';
    let answerStale: (() => void) | undefined;
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      if (!url.startsWith(`${CONVERSATIONS}?view=mine`)) return open(input, init);
      if (state === 'after') return jsonResponse(200, [assigned]);
      const stale = answerStale === undefined && requests(fetchMock).filter((request) => request.startsWith(`GET ${CONVERSATIONS}?view=mine`)).length > 1;
      if (!stale) return jsonResponse(200, []);
      // The read the member's first message set off: it answers only after the assignment was pushed.
      return new Promise<Response>((resolve) => (answerStale = () => resolve(jsonResponse(200, []))));
    });
    renderInbox('/service/inbox');
    await waitFor(() => expect(requests(fetchMock).some((request) => request.startsWith(`GET ${CONVERSATIONS}?view=mine`))).toBe(true));

    // The member's first message reaches the store queue room before routing: an unknown conversation, so the lists are read again.
    act(() => socket.push('message', message({ conversationId: arriving.id, seq: 1, body: { text: '你好' } })));
    await waitFor(() => expect(answerStale).toBeDefined());
    // Routing assigns it to me and pushes the conversation; then the stale read answers.
    state = 'after';
    act(() => socket.push('conversation', assigned));
    await act(async () => answerStale?.());

    await waitFor(() => expect(items()).toEqual([arriving.id]));
    // And it stays.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(items()).toEqual([arriving.id]);
  });

  it('claims a waiting conversation from the queue', async () => {
    const waiting = conversation({ advisorId: null, advisorName: null, waitingSince: '2026-11-20T02:00:00.000Z' });
    serve({
      open: waiting,
      mine: [],
      queue: [waiting],
      onWrite: (request) => (request === `POST ${CONVERSATIONS}/${CONVERSATION_ID}/claim` ? jsonResponse(200, conversation({ advisorId: ME, waitingSince: null })) : jsonResponse(500, {})),
    });
    renderInbox(`/service/inbox?view=queue&c=${CONVERSATION_ID}`);

    await waitFor(() => expect(element(document.body, '#composer-blocked').textContent).toBe('接入会话后才能回复'));
    fireEvent.click(element(document.body, '#conversation-claim'));
    await waitFor(() => expect(composer().disabled).toBe(false));
    expect(items()).toEqual([]);
    fireEvent.click(tab('mine'));
    await waitFor(() => expect(items()).toEqual([CONVERSATION_ID]));
  });

  it('shows the member’s 360 view and creates a ticket from the conversation for that member', async () => {
    serve({
      onWrite: (request) => (request === 'POST /api/staff/tickets' ? jsonResponse(201, { id: 'ticket-9', ticketNo: 'T2611200009', memberId: MEMBER_ID }) : jsonResponse(500, {})),
    });
    renderInbox();

    await waitFor(() => expect(element(document.body, '#customer-360 #c360-name').textContent).toBe('王晓雯'));
    expect(element(document.body, '#c360-points-expiring').textContent).toBe('500 积分将于 2026-12-31 过期');
    expect(element(document.body, '.c360-repurchase-overdue').textContent).toContain('水光精华');
    expect(element(document.body, '#c360-tickets').textContent).toContain('T2609010001');

    fireEvent.click(element(document.body, '#conversation-ticket'));
    await waitFor(() => expect(element(document.body, '#ticket-form #ticket-member').textContent).toBe('王晓雯'));
    fireEvent.click(element(document.body, '#ticket-submit'));
    await waitFor(() => expect(element(document.body, '#ticket-form').textContent).toContain('请选择工单分类'));
    expect(requests(fetchMock)).not.toContain('POST /api/staff/tickets');

    fireEvent.mouseDown(element(document.body, '.ant-select:has(#ticket-category)'));
    fireEvent.click(await waitFor(() => element(document.body, '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="过敏不适"]')));
    fireEvent.change(element(document.body, '#ticket-title'), { target: { value: '使用精华后泛红' } });
    fireEvent.change(element(document.body, '#ticket-description'), { target: { value: '会员反馈两天后脸颊泛红' } });
    fireEvent.click(element(document.body, '#ticket-submit'));

    await waitFor(() =>
      expect(bodyOf(fetchMock, 'POST', '/api/staff/tickets')).toEqual({
        memberId: MEMBER_ID,
        category: 'allergy',
        priority: 'normal',
        title: '使用精华后泛红',
        description: '会员反馈两天后脸颊泛红',
        conversationId: CONVERSATION_ID,
      }),
    );
  });

  it('lets an advisor pause taking new conversations over the socket', async () => {
    serve();
    socket.respond = (event, payload) => (event === 'presence' ? { ok: true, data: advisor({ staffId: ME, name: '测试advisor', accepting: (payload as { accepting: boolean }).accepting }) } : undefined);
    renderInbox();

    const toggle = await waitFor(() => element(document.body, '#presence-switch'));
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    expect(socket.payloads('presence')).toEqual([{ accepting: false }]);
  });

  it('shows store managers their store’s conversations, without a presence switch', async () => {
    signInAs('store_manager');
    const colleague = conversation({ id: 'c-colleague', advisorId: 'adv-2', advisorName: '周美琳' });
    serve({ open: colleague, mine: [], store: [colleague] });
    renderInbox(`/service/inbox?view=store&c=c-colleague`);

    await waitFor(() => expect(items()).toEqual(['c-colleague']));
    expect(item('c-colleague').textContent).toContain('周美琳');
    expect(document.querySelector('#presence-switch')).toBeNull();
    // Someone else's conversation: a manager may transfer it but does not write in it, nor mark it read.
    await waitFor(() => expect(element(document.body, '#composer-blocked').textContent).toContain('由 周美琳 接待'));
    expect(document.querySelector('#conversation-transfer')).not.toBeNull();
    expect(socket.payloads('read')).toEqual([]);
  });

  it('is closed to marketers, without opening the chat connection', async () => {
    signInAs('marketer');
    serve();
    renderPage('/service/inbox', '/service/inbox', <ServiceInboxPage />, {}, { detachStyles: true });
    await waitFor(() => expect(document.body.textContent).toContain('没有权限使用会话工作台'));
    expect(io).not.toHaveBeenCalled();
    expect(requests(fetchMock)).toEqual([]);
  });
});
