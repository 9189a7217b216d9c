import { io, type Socket } from 'socket.io-client';
import { FakeSocketServer, FakeSocketTask, emitsIn, engineOpen, flush, nspPacket } from './fake-socket-task';
import { TaroSocketBridge, TaroWebSocketTransport } from './taro-websocket-transport';

describe(TaroSocketBridge.name, () => {
  let server: FakeSocketServer;
  let sut: TaroSocketBridge;
  const events: string[] = [];

  beforeEach(async () => {
    server = new FakeSocketServer();
    events.length = 0;
    sut = new TaroSocketBridge('wss://api.test/socket', server.connect);
    sut.onopen = () => events.push('open');
    sut.onmessage = ({ data }) => events.push(typeof data === 'string' ? `text:${data}` : `binary:${new Uint8Array(data).join(',')}`);
    sut.onclose = ({ code }) => events.push(`close:${code}`);
    sut.onerror = () => events.push('error');
    await flush();
  });

  it('opens the URL it was given and forwards open, text and binary frames, then the close', () => {
    expect(server.last.url).toBe('wss://api.test/socket');

    server.last.open();
    server.last.push('2');
    server.last.push(new Uint8Array([1, 2, 3]).buffer);
    server.last.drop(1001, 'going away');

    expect(events).toEqual(['open', 'text:2', 'binary:1,2,3', 'close:1001']);
  });

  it('sends text and binary frames, copying a typed array out into its own ArrayBuffer', () => {
    server.last.open();
    const bytes = new Uint8Array([9, 8, 7, 6]).subarray(1, 3);

    sut.send('3');
    sut.send(bytes);

    expect(server.last.sent[0]).toBe('3');
    const binary = server.last.sent[1];
    expect(binary).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(binary as ArrayBuffer)]).toEqual([8, 7]);
  });

  it('reports a failed send as an error, so that engine.io closes the dead connection', () => {
    server.last.open();
    server.last.failSends = true;

    sut.send('4hello');

    expect(events).toEqual(['open', 'error']);
  });

  it('reports nothing more once closed, and closes the WeChat task', () => {
    server.last.open();
    sut.close();
    server.last.push('2');
    server.last.drop();

    expect(server.last.closedByClient).toBe(true);
    expect(events).toEqual(['open']);
  });

  it('closes a task that arrives after close() instead of leaving it open', async () => {
    const late = new FakeSocketServer();
    let hand: (task: FakeSocketTask) => void = () => undefined;
    const bridge = new TaroSocketBridge('wss://api.test/socket', ({ url }) => {
      const task = new FakeSocketTask(url);
      late.tasks.push(task);
      return new Promise((resolve) => {
        hand = () => resolve(task as never);
      });
    });
    const opened = jest.fn();
    bridge.onopen = opened;

    bridge.close();
    hand(late.last);
    await flush();
    late.last.open();

    expect(late.last.closedByClient).toBe(true);
    expect(opened).not.toHaveBeenCalled();
  });

  it('reports a refused connectSocket (bad URL, domain not allowed, too many sockets) as an error', async () => {
    const onerror = jest.fn();
    const bridge = new TaroSocketBridge('ws://nowhere', () => Promise.reject({ errMsg: 'connectSocket:fail url not in domain list' }));
    bridge.onerror = onerror;
    await flush();

    expect(onerror).toHaveBeenCalledWith({ errMsg: 'connectSocket:fail url not in domain list' });
  });

  it('refuses to send before the socket is there', () => {
    const bridge = new TaroSocketBridge('ws://x', () => new Promise(() => undefined));

    expect(() => bridge.send('4x')).toThrow('WebSocket is not open');
  });
});

describe(TaroWebSocketTransport.name, () => {
  let server: FakeSocketServer;
  let socket: Socket | null = null;
  const original = TaroWebSocketTransport.connect;

  beforeEach(() => {
    server = new FakeSocketServer();
    TaroWebSocketTransport.connect = server.connect;
  });

  afterEach(() => {
    socket?.disconnect();
    socket = null;
    TaroWebSocketTransport.connect = original;
  });

  async function connectedClient(url = 'https://api.test/chat') {
    socket = io(url, {
      path: '/api/socket.io',
      transports: [TaroWebSocketTransport],
      auth: { token: 'token-1' },
      reconnection: false,
      forceNew: true,
    });
    const connected = new Promise<void>((resolve) => socket?.once('connect', () => resolve()));
    await flush();
    engineOpen(server.last);
    server.last.push(nspPacket(0, '/chat', JSON.stringify({ sid: 'chat-1' })));
    await connected;
    return { sut: socket, task: server.last };
  }

  it('runs socket.io over a Taro socket: WebSocket-only URL, namespace handshake with the auth payload', async () => {
    const { sut, task } = await connectedClient();

    expect(task.url).toMatch(/^wss:\/\/api\.test\/api\/socket\.io\/\?EIO=4&transport=websocket/);
    expect(task.texts).toContain('40/chat,{"token":"token-1"}');
    expect(sut.connected).toBe(true);
    expect(server.tasks).toHaveLength(1);
  });

  it('uses ws:// for a plain http API (the WeChat devtools against a local API)', async () => {
    socket = io('http://127.0.0.1:3000/chat', { path: '/api/socket.io', transports: [TaroWebSocketTransport], reconnection: false, forceNew: true });
    await flush();

    expect(server.last.url).toMatch(/^ws:\/\/127\.0\.0\.1:3000\/api\/socket\.io\/\?EIO=4&transport=websocket/);
  });

  it('emits with an ack and resolves with the server’s answer', async () => {
    const { sut, task } = await connectedClient();

    const answer = sut.emitWithAck('sync', { afterSeq: 3 });
    const [sent] = emitsIn(task, '/chat');
    expect(sent).toEqual({ ackId: 0, event: 'sync', payload: { afterSeq: 3 } });
    task.push(nspPacket(3, '/chat', `${sent.ackId}[${JSON.stringify({ ok: true, data: { messages: [], more: false } })}]`));

    await expect(answer).resolves.toEqual({ ok: true, data: { messages: [], more: false } });
  });

  it('delivers server events, including one with a binary attachment', async () => {
    const { sut, task } = await connectedClient();
    const received: unknown[] = [];
    sut.on('message', (body: unknown) => received.push(body));
    sut.on('blob', (body: { file: ArrayBuffer }) => received.push([...new Uint8Array(body.file)]));

    task.push(nspPacket(2, '/chat', JSON.stringify(['message', { id: '7', seq: 7 }])));
    task.push(`451-/chat,${JSON.stringify(['blob', { file: { _placeholder: true, num: 0 } }])}`);
    task.push(new Uint8Array([4, 5, 6]).buffer);
    // socket.io hands decoded packets over on the next tick.
    await flush();

    expect(received).toEqual([{ id: '7', seq: 7 }, [4, 5, 6]]);
  });

  it('answers the server’s heartbeat', async () => {
    const { task } = await connectedClient();

    task.push('2');

    expect(task.texts[task.texts.length - 1]).toBe('3');
  });

  it('reports the lost connection as a disconnect', async () => {
    const { sut, task } = await connectedClient();
    const reasons: string[] = [];
    sut.on('disconnect', (reason) => reasons.push(reason));

    task.drop();

    expect(reasons).toEqual(['transport close']);
    expect(sut.connected).toBe(false);
  });

  it('surfaces the server’s refusal of the namespace as connect_error with its message', async () => {
    socket = io('https://api.test/chat', { path: '/api/socket.io', transports: [TaroWebSocketTransport], reconnection: false, forceNew: true });
    const refused = new Promise<Error>((resolve) => socket?.once('connect_error', resolve));
    await flush();
    engineOpen(server.last);
    server.last.push(nspPacket(4, '/chat', JSON.stringify({ message: 'AUTH_TOKEN_INVALID' })));

    await expect(refused).resolves.toMatchObject({ message: 'AUTH_TOKEN_INVALID' });
  });

  it('closes the Taro socket when the client disconnects', async () => {
    const { sut, task } = await connectedClient();

    sut.disconnect();
    // engine.io first flushes the DISCONNECT packet, then closes.
    await flush();

    expect(task.texts).toContain('41/chat,');
    expect(task.closedByClient).toBe(true);
  });
});
