import type { ChatMessageView } from '@glow/contracts';
import { CHAT_ACK_TIMEOUT, CHAT_OFFLINE, ChatSocket, type ChatSocketListeners, splitBase } from './chat-socket';
import { FakeSocketServer, type FakeSocketTask, emitsIn, engineOpen, flush, nspPacket } from './fake-socket-task';
import type { TokenSource } from './http';
import { TaroWebSocketTransport } from './taro-websocket-transport';

const message = (seq: number): ChatMessageView => ({
  id: String(100 + seq),
  conversationId: 'conv-1',
  seq,
  senderKind: 'advisor',
  senderId: 'staff-1',
  senderName: '顾问小林',
  type: 'text',
  body: { text: `第${seq}条` },
  clientId: null,
  flagged: false,
  delivery: null,
  createdAt: '2026-12-01T02:00:00.000Z',
});

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe(ChatSocket.name, () => {
  let server: FakeSocketServer;
  let tokens: jest.Mocked<TokenSource>;
  let listeners: jest.Mocked<ChatSocketListeners>;
  let sut: ChatSocket | null = null;
  const original = TaroWebSocketTransport.connect;

  beforeEach(() => {
    server = new FakeSocketServer();
    TaroWebSocketTransport.connect = server.connect;
    // Like MemberSession: renewing replaces the token that accessToken() hands out from then on.
    let current = 'token-1';
    tokens = {
      accessToken: jest.fn(async () => current),
      renew: jest.fn(async (staleToken: string) => {
        current = `token-${Number(staleToken.replace('token-', '')) + 1}`;
        return current;
      }),
    };
    listeners = {
      connect: jest.fn(),
      disconnect: jest.fn(),
      message: jest.fn(),
      read: jest.fn(),
      typing: jest.fn(),
      conversation: jest.fn(),
      refused: jest.fn(),
    };
  });

  afterEach(() => {
    sut?.close();
    sut = null;
    TaroWebSocketTransport.connect = original;
  });

  function create(apiBase = 'https://api.test') {
    sut = new ChatSocket({ apiBase, tokens, listeners, ackTimeoutMs: 50, retryDelayMs: 20, reconnectDelayMs: 10 });
    return sut;
  }

  /** Plays the server accepting the handshake on the newest socket. */
  async function accept(task: FakeSocketTask = server.last): Promise<void> {
    engineOpen(task);
    await waitFor(() => task.texts.some((frame) => frame.startsWith('40/chat,')), 'the namespace handshake');
    task.push(nspPacket(0, '/chat', JSON.stringify({ sid: 'chat-sid' })));
    await flush();
  }

  it('connects to /chat on the API host over the Taro socket, with the member’s token', async () => {
    create('https://api.test').connect();
    await flush();
    await accept();

    expect(server.last.url).toMatch(/^wss:\/\/api\.test\/api\/socket\.io\/\?EIO=4&transport=websocket/);
    expect(server.last.texts).toContain('40/chat,{"token":"token-1"}');
    expect(listeners.connect).toHaveBeenCalledTimes(1);
    expect(sut?.connected).toBe(true);
  });

  it('keeps a path prefix of the API base in the socket path, not in the namespace', async () => {
    create('https://gw.test/glow/').connect();
    await flush();

    expect(server.last.url).toMatch(/^wss:\/\/gw\.test\/glow\/api\/socket\.io\/\?/);
  });

  it('renews an expired token and connects again with the new one', async () => {
    create().connect();
    await flush();
    engineOpen(server.last);
    await waitFor(() => server.last.texts.includes('40/chat,{"token":"token-1"}'), 'the first handshake');
    server.last.push(nspPacket(4, '/chat', JSON.stringify({ message: 'AUTH_TOKEN_INVALID' })));

    await waitFor(() => server.tasks.length === 2, 'a second socket');
    await accept(server.last);

    expect(tokens.renew).toHaveBeenCalledWith('token-1');
    expect(server.last.texts).toContain('40/chat,{"token":"token-2"}');
    expect(listeners.connect).toHaveBeenCalledTimes(1);
    expect(listeners.refused).not.toHaveBeenCalled();
  });

  it('reports another refusal and tries again later', async () => {
    create().connect();
    await flush();
    engineOpen(server.last);
    await waitFor(() => server.last.texts.some((frame) => frame.startsWith('40/chat,')), 'the handshake');
    server.last.push(nspPacket(4, '/chat', JSON.stringify({ message: 'MEMBER_NOT_JOINED' })));

    await waitFor(() => server.tasks.length === 2, 'a retry');
    expect(listeners.refused).toHaveBeenCalledWith('MEMBER_NOT_JOINED');
    expect(tokens.renew).not.toHaveBeenCalled();
  });

  it('answers CHAT_OFFLINE without queueing anything while disconnected', async () => {
    create();

    await expect(sut?.send({ clientId: 'chat-abcdefgh', type: 'text', text: '你好' })).resolves.toMatchObject({ ok: false, code: CHAT_OFFLINE });
    expect(server.tasks).toHaveLength(0);
  });

  it('sends with an ack and hands back the stored message', async () => {
    create().connect();
    await flush();
    await accept();

    const sent = sut?.send({ clientId: 'chat-abcdefgh', type: 'text', text: '你好' });
    await flush();
    const [emit] = emitsIn(server.last, '/chat');
    expect(emit).toMatchObject({ event: 'message:send', payload: { clientId: 'chat-abcdefgh', type: 'text', text: '你好' } });
    server.last.push(nspPacket(3, '/chat', `${emit.ackId}[${JSON.stringify({ ok: true, data: message(4) })}]`));

    await expect(sent).resolves.toEqual({ ok: true, data: message(4) });
  });

  it('passes a refusal ack through (e.g. content blocked)', async () => {
    create().connect();
    await flush();
    await accept();

    const sent = sut?.send({ clientId: 'chat-abcdefgh', type: 'text', text: '违规' });
    await flush();
    const [emit] = emitsIn(server.last, '/chat');
    const refusal = { ok: false, code: 'CHAT_CONTENT_BLOCKED', message: '消息含有不当内容，未能发送' };
    server.last.push(nspPacket(3, '/chat', `${emit.ackId}[${JSON.stringify(refusal)}]`));

    await expect(sent).resolves.toEqual(refusal);
  });

  it('answers CHAT_ACK_TIMEOUT when no ack comes in time', async () => {
    create().connect();
    await flush();
    await accept();

    await expect(sut?.sync({ afterSeq: 3 })).resolves.toMatchObject({ ok: false, code: CHAT_ACK_TIMEOUT });
    expect(emitsIn(server.last, '/chat')[0]).toMatchObject({ event: 'sync', payload: { afterSeq: 3 } });
  });

  it('sends read and typing, with the conversation only when given', async () => {
    create().connect();
    await flush();
    await accept();

    void sut?.read(7);
    void sut?.typing(true, 'conv-1');
    await flush();

    expect(emitsIn(server.last, '/chat').map(({ event, payload }) => [event, payload])).toEqual([
      ['read', { seq: 7 }],
      ['typing', { conversationId: 'conv-1', typing: true }],
    ]);
  });

  it('hands server events to the listeners', async () => {
    create().connect();
    await flush();
    await accept();

    server.last.push(nspPacket(2, '/chat', JSON.stringify(['message', message(5)])));
    server.last.push(nspPacket(2, '/chat', JSON.stringify(['read', { conversationId: 'conv-1', reader: 'advisor', seq: 5 }])));
    server.last.push(nspPacket(2, '/chat', JSON.stringify(['typing', { conversationId: 'conv-1', who: 'advisor', typing: true }])));
    await flush();

    expect(listeners.message).toHaveBeenCalledWith(message(5));
    expect(listeners.read).toHaveBeenCalledWith({ conversationId: 'conv-1', reader: 'advisor', seq: 5 });
    expect(listeners.typing).toHaveBeenCalledWith({ conversationId: 'conv-1', who: 'advisor', typing: true });
  });

  it('reconnects after a lost connection and calls connect again (the caller syncs there)', async () => {
    create().connect();
    await flush();
    await accept();

    server.last.drop();
    expect(listeners.disconnect).toHaveBeenCalledTimes(1);
    await waitFor(() => server.tasks.length === 2, 'a reconnect');
    await accept(server.last);

    expect(listeners.connect).toHaveBeenCalledTimes(2);
  });

  it('stays closed after close()', async () => {
    create().connect();
    await flush();
    await accept();
    const task = server.last;

    sut?.close();
    await flush();
    await new Promise((resolve) => setTimeout(resolve, 40));

    expect(task.closedByClient).toBe(true);
    expect(server.tasks).toHaveLength(1);
  });
});

describe(splitBase.name, () => {
  it.each([
    ['https://api.example.com', { origin: 'https://api.example.com', pathPrefix: '' }],
    ['http://127.0.0.1:3000', { origin: 'http://127.0.0.1:3000', pathPrefix: '' }],
    ['https://gw.example.com/glow/', { origin: 'https://gw.example.com', pathPrefix: '/glow' }],
    ['', { origin: 'http://page.test', pathPrefix: '' }],
  ])('%j', (base, expected) => {
    expect(splitBase(base, 'http://page.test')).toEqual(expected);
  });
});
