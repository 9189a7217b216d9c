import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import type { ChatAck, ChatMessageView, ChatSyncResponse, MemberChatResponse } from '@glow/contracts';
import { type ChatSocket, type ChatSocketListeners, connectMemberChat } from '../../../../services/chat-socket';
import { ApiError } from '../../../../services/http';
import {
  getMemberChat,
  listChatMessages,
  markChatRead,
  requestHandover,
  sendChatMessage,
  submitCsat,
  uploadChatImage,
} from '../../../../services/service.service';
import { chatMessage, conversationView, memberChat } from '../../test-fixtures';
import ChatPage from './index';

jest.mock('../../../../services/chat-socket', () => ({
  ...jest.requireActual('../../../../services/chat-socket'),
  connectMemberChat: jest.fn(),
}));
jest.mock('../../../../services/service.service', () => ({
  getMemberChat: jest.fn(),
  listChatMessages: jest.fn(),
  sendChatMessage: jest.fn(),
  markChatRead: jest.fn(),
  requestHandover: jest.fn(),
  uploadChatImage: jest.fn(),
  submitCsat: jest.fn(),
}));

const NO_SYNC: ChatAck<ChatSyncResponse> = { ok: true, data: { conversation: null, messages: [], more: false } };

/** The page's socket, played by the spec: it decides when it connects and what the server says. */
function fakeSocket() {
  let listeners: Partial<ChatSocketListeners> = {};
  const socket = {
    connected: false,
    send: jest.fn<Promise<ChatAck<ChatMessageView>>, [unknown]>(),
    sync: jest.fn(async (): Promise<ChatAck<ChatSyncResponse>> => NO_SYNC),
    read: jest.fn(async (): Promise<ChatAck<null>> => ({ ok: true, data: null })),
    typing: jest.fn(async (): Promise<ChatAck<null>> => ({ ok: true, data: null })),
    close: jest.fn(),
  };
  jest.mocked(connectMemberChat).mockImplementation((given) => {
    listeners = given;
    return socket as unknown as ChatSocket;
  });
  return {
    socket,
    connect: async () => {
      socket.connected = true;
      await act(async () => listeners.connect?.());
    },
    disconnect: async () => {
      socket.connected = false;
      await act(async () => listeners.disconnect?.());
    },
    server: (): Partial<ChatSocketListeners> => listeners,
  };
}

const all = (container: HTMLElement, selector: string) => [...container.querySelectorAll(selector)] as HTMLElement[];
const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;
const input = (container: HTMLElement) => container.querySelector('textarea[placeholder="请输入消息"]') as HTMLTextAreaElement;
const sendButton = (container: HTMLElement) => byId(container, 'chat-send') as HTMLButtonElement;
const stored = (container: HTMLElement) => all(container, '.chat-message').map((el) => `${el.dataset.seq}:${el.textContent}`);

async function openChat(response: MemberChatResponse = memberChat()) {
  jest.mocked(getMemberChat).mockResolvedValue(response);
  const view = render(<ChatPage />);
  await waitFor(() => expect(byId(view.container, 'chat')).not.toBeNull());
  return view.container;
}

function type(container: HTMLElement, text: string) {
  fireEvent.change(input(container), { target: { value: text } });
}

describe('ChatPage', () => {
  let io: ReturnType<typeof fakeSocket>;

  beforeEach(() => {
    jest.clearAllMocks();
    (Taro as unknown as { __storage: Map<string, unknown> }).__storage.clear();
    jest.mocked(useRouter).mockReturnValue({ params: {} } as unknown as ReturnType<typeof useRouter>);
    jest.mocked(markChatRead).mockResolvedValue(undefined);
    io = fakeSocket();
  });

  it('shows the history in seq order, then catches up over the socket from the last seq', async () => {
    const container = await openChat();

    expect(stored(container)).toEqual(['1:你好', '2:顾问小林消息2']);
    expect(byId(container, 'chat-advisor')?.textContent).toContain('顾问小林');
    expect(byId(container, 'chat-hours')).toBeNull();
    expect(connectMemberChat).toHaveBeenCalledTimes(1);

    io.socket.sync.mockResolvedValueOnce({ ok: true, data: { conversation: conversationView(), messages: [chatMessage(4), chatMessage(3)], more: false } });
    await io.connect();

    expect(io.socket.sync).toHaveBeenCalledWith({ afterSeq: 2 });
    await waitFor(() => expect(stored(container)).toEqual(['1:你好', '2:顾问小林消息2', '3:顾问小林消息3', '4:顾问小林消息4']));
  });

  it('keeps syncing while the answer says there is more', async () => {
    await openChat();
    io.socket.sync
      .mockResolvedValueOnce({ ok: true, data: { conversation: conversationView(), messages: [chatMessage(3)], more: true } })
      .mockResolvedValueOnce({ ok: true, data: { conversation: conversationView(), messages: [chatMessage(4)], more: false } });

    await io.connect();

    expect(io.socket.sync.mock.calls).toEqual([[{ afterSeq: 2 }], [{ afterSeq: 3 }]]);
  });

  it('sends a message with a spinner until the ack brings the stored one', async () => {
    const container = await openChat();
    await io.connect();
    let ack: (answer: ChatAck<ChatMessageView>) => void = () => undefined;
    io.socket.send.mockReturnValue(new Promise((resolve) => (ack = resolve)));

    type(container, '  有适合敏感肌的面霜吗 ');
    fireEvent.click(sendButton(container));

    expect(input(container).value).toBe('');
    const pending = all(container, '.chat-pending');
    expect(pending).toHaveLength(1);
    expect(pending[0].querySelector('.chat-spinner')).not.toBeNull();
    const sent = io.socket.send.mock.calls[0][0] as { clientId: string; type: string; text: string };
    expect(sent).toEqual({ clientId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), type: 'text', text: '有适合敏感肌的面霜吗' });

    await act(async () => ack({ ok: true, data: chatMessage(3, { senderKind: 'member', body: { text: '有适合敏感肌的面霜吗' }, clientId: sent.clientId }) }));

    expect(all(container, '.chat-pending')).toHaveLength(0);
    expect(stored(container)).toContain('3:有适合敏感肌的面霜吗');
  });

  it('resends with the same clientId after the connection came back', async () => {
    const container = await openChat();
    await io.connect();
    io.socket.send.mockResolvedValueOnce({ ok: false, code: 'CHAT_ACK_TIMEOUT', message: '网络较慢，正在重试…' });

    type(container, '在吗');
    fireEvent.click(sendButton(container));
    await waitFor(() => expect(io.socket.send).toHaveBeenCalledTimes(1));
    const first = io.socket.send.mock.calls[0][0] as { clientId: string };
    expect(all(container, '.chat-pending')).toHaveLength(1);

    await io.disconnect();
    expect(byId(container, 'chat-connection')?.textContent).toContain('正在重新连接');
    io.socket.send.mockResolvedValueOnce({ ok: true, data: chatMessage(3, { senderKind: 'member', body: { text: '在吗' }, clientId: first.clientId }) });
    await io.connect();

    await waitFor(() => expect(io.socket.send).toHaveBeenCalledTimes(2));
    expect(io.socket.send.mock.calls[1][0]).toEqual(first);
    await waitFor(() => expect(all(container, '.chat-pending')).toHaveLength(0));
    expect(byId(container, 'chat-connection')).toBeNull();
  });

  it('keeps blocked text in the input and shows WeChat’s verdict under it', async () => {
    const container = await openChat();
    await io.connect();
    io.socket.send.mockResolvedValue({ ok: false, code: 'CHAT_CONTENT_BLOCKED', message: '消息含有不当内容，未能发送' });

    type(container, '违规内容');
    fireEvent.click(sendButton(container));

    await waitFor(() => expect(byId(container, 'chat-input-error')?.textContent).toBe('消息含有不当内容，未能发送'));
    expect(input(container).value).toBe('违规内容');
    expect(all(container, '.chat-pending')).toHaveLength(0);
  });

  it('marks a message refused for another reason as failed, and resends it on tap', async () => {
    const container = await openChat();
    await io.connect();
    io.socket.send.mockResolvedValueOnce({ ok: false, code: 'CHAT_RATE_LIMITED', message: '发送太频繁，请稍后再试' });

    type(container, '你好呀');
    fireEvent.click(sendButton(container));
    await waitFor(() => expect(container.querySelector('.chat-pending[data-status="failed"]')?.textContent).toContain('发送太频繁，请稍后再试'));

    io.socket.send.mockResolvedValueOnce({ ok: true, data: chatMessage(3, { senderKind: 'member', body: { text: '你好呀' } }) });
    fireEvent.click(container.querySelector('.chat-pending-error') as Element);

    await waitFor(() => expect(io.socket.send).toHaveBeenCalledTimes(2));
    expect(io.socket.send.mock.calls[1][0]).toEqual(io.socket.send.mock.calls[0][0]);
  });

  it('sends over HTTP while the socket is down', async () => {
    const container = await openChat();
    jest.mocked(sendChatMessage).mockImplementation(async (message) =>
      chatMessage(3, { senderKind: 'member', body: { text: '离线发送' }, clientId: message.clientId }),
    );

    type(container, '离线发送');
    fireEvent.click(sendButton(container));

    await waitFor(() => expect(stored(container)).toContain('3:离线发送'));
    expect(io.socket.send).not.toHaveBeenCalled();
  });

  it('shows the advisor typing, their reply, and 已读 on the member’s messages up to the advisor’s read seq', async () => {
    const container = await openChat();
    await io.connect();

    await act(async () => io.server().typing?.({ conversationId: 'c-1', who: 'advisor', typing: true }));
    expect(byId(container, 'chat-typing')?.textContent).toBe('顾问正在输入…');

    await act(async () => io.server().message?.(chatMessage(3, { body: { text: '有的，推荐舒缓面霜' } })));
    expect(byId(container, 'chat-typing')).toBeNull();
    expect(stored(container)).toContain('3:顾问小林有的，推荐舒缓面霜');

    expect(all(container, '.chat-read')).toHaveLength(0);
    await act(async () => io.server().read?.({ conversationId: 'c-1', reader: 'advisor', seq: 1 }));
    expect(container.querySelector('.chat-message[data-seq="1"] .chat-read')?.textContent).toBe('已读');
  });

  it('reports what the member has seen as read', async () => {
    await openChat();
    // Before the socket is up, over HTTP.
    await waitFor(() => expect(markChatRead).toHaveBeenCalledWith(2));

    await io.connect();
    await act(async () => io.server().message?.(chatMessage(3)));

    await waitFor(() => expect(io.socket.read).toHaveBeenCalledWith(3));
  });

  it('tells the advisor the member is typing, at most every few seconds', async () => {
    const container = await openChat();
    await io.connect();

    type(container, '我');
    type(container, '我想');
    type(container, '我想问');

    expect(io.socket.typing).toHaveBeenCalledTimes(1);
    expect(io.socket.typing).toHaveBeenCalledWith(true);
  });

  it('labels bot answers 智能助手 and hands over to a person on 转人工', async () => {
    const container = await openChat(
      memberChat({
        conversation: conversationView({ advisorId: null, advisorName: null, botActive: true }),
        messages: [chatMessage(1, { senderKind: 'bot', senderName: null, body: { text: '抱歉没听懂', offerHandover: true } })],
        advisorsOnline: false,
      }),
    );
    expect(byId(container, 'chat-hours')?.textContent).toContain('10:00-22:00');
    expect(container.querySelector('.chat-message[data-seq="1"] .chat-sender')?.textContent).toBe('智能助手');
    jest.mocked(requestHandover).mockResolvedValue(conversationView({ advisorId: null, advisorName: null, botActive: false, waitingSince: '2026-12-01T02:05:00.000Z' }));

    fireEvent.click(container.querySelector('.chat-handover') as Element);

    await waitFor(() => expect(container.querySelector('.chat-handover')).toBeNull());
    expect(requestHandover).toHaveBeenCalledTimes(1);
  });

  it('shows a system line, and rates the conversation from a CSAT invite', async () => {
    const invite = { subject: 'conversation' as const, subjectId: 'c-1', until: '2099-12-08T02:00:00.000Z' };
    const container = await openChat(
      memberChat({
        messages: [
          chatMessage(1, { senderKind: 'system', type: 'system', body: { text: '顾问小林已接入', event: 'assigned' } }),
          chatMessage(2, { senderKind: 'system', type: 'system', body: { text: '请为本次服务评分', event: 'csat-invite', csat: invite } }),
        ],
      }),
    );
    expect(container.querySelector('.chat-system')?.textContent).toBe('顾问小林已接入');
    jest.mocked(submitCsat).mockResolvedValue({ ok: true });

    const card = container.querySelector('.chat-csat') as HTMLElement;
    fireEvent.click(card.querySelector('.rating-star[data-value="4"]') as Element);
    fireEvent.change(card.querySelector('textarea') as Element, { target: { value: ' 很耐心 ' } });
    fireEvent.click(card.querySelector('.csat-submit') as Element);

    await waitFor(() => expect(card.querySelector('.csat-thanks')?.textContent).toBe('感谢评价'));
    expect(submitCsat).toHaveBeenCalledWith({ subject: 'conversation', subjectId: 'c-1', score: 4, comment: '很耐心' });
  });

  it('says when the time to rate has passed', async () => {
    const invite = { subject: 'conversation' as const, subjectId: 'c-1', until: '2020-01-01T00:00:00.000Z' };
    const container = await openChat(
      memberChat({ messages: [chatMessage(1, { senderKind: 'system', type: 'system', body: { text: '请评价', event: 'csat-invite', csat: invite } })] }),
    );

    expect(container.querySelector('.chat-csat .csat-expired')?.textContent).toContain('截止');
    expect(container.querySelector('.chat-csat .csat-submit')).toBeNull();
  });

  it('opens the pages behind product, coupon and booking cards', async () => {
    const container = await openChat(
      memberChat({
        messages: [
          chatMessage(1, { type: 'product', body: { productId: 'p-1', name: '舒缓面霜', priceFen: 26800, imageUrl: null } }),
          chatMessage(2, { type: 'coupon', body: { templateId: 'tpl-1', name: '补偿券', summary: '无门槛减30', memberCouponId: 'mc-1' } }),
          chatMessage(3, { type: 'coupon', body: { templateId: 'tpl-2', name: '新客券', summary: '满300减50' } }),
          chatMessage(4, { type: 'booking', body: { bookingId: 'bk-1', serviceName: '肌肤检测', storeName: '静安店', startsAt: '2026-12-02T06:00:00.000Z', status: 'booked' } }),
        ],
      }),
    );

    expect(container.querySelector('.chat-product')?.textContent).toContain('¥268');
    fireEvent.click(container.querySelector('.chat-product') as Element);
    fireEvent.click(container.querySelector('.chat-coupon[data-template-id="tpl-1"]') as Element);
    fireEvent.click(container.querySelector('.chat-coupon[data-template-id="tpl-2"]') as Element);
    fireEvent.click(container.querySelector('.chat-booking') as Element);

    expect(jest.mocked(Taro.navigateTo).mock.calls.map(([options]) => options.url)).toEqual([
      '/packages/shop/pages/shop/index',
      '/packages/coupon/pages/detail/index?id=mc-1',
      '/packages/coupon/pages/claim-center/index',
      '/pages/booking-detail/index?id=bk-1',
    ]);
  });

  it('uploads a picked image and sends it by imageId; a tap previews it', async () => {
    const container = await openChat(memberChat({ messages: [chatMessage(1, { type: 'image', body: { url: '/api/chat/images/a.jpg' } })] }));
    await io.connect();
    jest.mocked(Taro.chooseImage).mockResolvedValue({ tempFilePaths: ['blob:local-1'], tempFiles: [{ path: 'blob:local-1', size: 1000 }] } as never);
    jest.mocked(uploadChatImage).mockResolvedValue({ imageId: `${'a'.repeat(32)}.jpg`, url: '/api/chat/images/x.jpg' });
    io.socket.send.mockReturnValue(new Promise(() => undefined));

    fireEvent.click(byId(container, 'chat-image') as Element);

    await waitFor(() => expect(io.socket.send).toHaveBeenCalledTimes(1));
    expect(uploadChatImage).toHaveBeenCalledWith('blob:local-1');
    expect(io.socket.send.mock.calls[0][0]).toMatchObject({ type: 'image', imageId: `${'a'.repeat(32)}.jpg` });
    expect(container.querySelector('.chat-pending img')?.getAttribute('src')).toBe('blob:local-1');

    fireEvent.click(container.querySelector('.chat-message[data-seq="1"] img') as Element);
    expect(Taro.previewImage).toHaveBeenCalledWith({ current: 'http://api.test/api/chat/images/a.jpg', urls: ['http://api.test/api/chat/images/a.jpg'] });
  });

  it('shows an upload refusal under the input', async () => {
    const container = await openChat();
    jest.mocked(Taro.chooseImage).mockResolvedValue({ tempFilePaths: ['blob:big'], tempFiles: [{ path: 'blob:big', size: 100 }] } as never);
    jest.mocked(uploadChatImage).mockRejectedValue(new ApiError('CHAT_IMAGE_INVALID', '图片须为 JPG、PNG、WEBP 或 GIF，且不超过 2MB', 400));

    fireEvent.click(byId(container, 'chat-image') as Element);

    await waitFor(() => expect(byId(container, 'chat-input-error')?.textContent).toContain('不超过 2MB'));
  });

  it('offers to send the booking it was opened from', async () => {
    jest.mocked(useRouter).mockReturnValue({ params: { bookingId: 'bk-1' } } as unknown as ReturnType<typeof useRouter>);
    const container = await openChat();
    await io.connect();
    io.socket.send.mockReturnValue(new Promise(() => undefined));

    fireEvent.click(byId(container, 'chat-card-send') as Element);

    expect(io.socket.send.mock.calls[0][0]).toMatchObject({ type: 'booking', bookingId: 'bk-1' });
    expect(byId(container, 'chat-card-offer')).toBeNull();
  });

  it('loads older messages before the oldest one shown', async () => {
    const container = await openChat(memberChat({ messages: [chatMessage(31), chatMessage(32)] }));
    jest.mocked(listChatMessages).mockResolvedValue([chatMessage(29), chatMessage(30)]);

    fireEvent.click(byId(container, 'chat-older') as Element);

    await waitFor(() => expect(stored(container).map((line) => line.split(':')[0])).toEqual(['29', '30', '31', '32']));
    expect(listChatMessages).toHaveBeenCalledWith({ beforeSeq: 31, limit: 30 });
  });

  it('asks a visitor to join first', async () => {
    jest.mocked(getMemberChat).mockRejectedValue(new ApiError('MEMBER_NOT_JOINED', '请先加入会员', 403));
    const { container } = render(<ChatPage />);

    await waitFor(() => expect(byId(container, 'chat-error')?.textContent).toBe('请先加入会员'));
    expect(byId(container, 'chat-join')).not.toBeNull();
    expect(connectMemberChat).not.toHaveBeenCalled();
  });

  it('closes the socket when the page goes away', async () => {
    jest.mocked(getMemberChat).mockResolvedValue(memberChat());
    const { unmount } = render(<ChatPage />);
    await waitFor(() => expect(connectMemberChat).toHaveBeenCalled());

    unmount();

    expect(io.socket.close).toHaveBeenCalled();
  });
});
