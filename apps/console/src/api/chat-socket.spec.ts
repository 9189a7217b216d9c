import { io } from 'socket.io-client';
import { message } from '../pages/service/service.fixtures';
import { FakeChatSocket } from '../test/fake-chat-socket';
import { openChatSocket, type ChatConnectionState } from './chat-socket';
import { createSessionStore, type SessionStore } from './session.store';

jest.mock('socket.io-client', () => ({ io: jest.fn() }));

const staff = { id: 'staff-1', username: 'lin', name: '林导购', role: 'advisor', storeId: 'store-1', storeName: '上海静安店' } as const;

let socket: FakeChatSocket;
let store: SessionStore;

type AuthCallback = (data: object) => void;

/** The token the handshake would carry now (socket.io calls the auth function before every connection attempt). */
function handshakeToken(): string {
  const options = jest.mocked(io).mock.calls[0][1] as { auth: (cb: AuthCallback) => void };
  let token = '';
  options.auth((data) => (token = (data as { token: string }).token));
  return token;
}

beforeEach(() => {
  socket = new FakeChatSocket();
  jest.mocked(io).mockReset();
  jest.mocked(io).mockImplementation(() => socket as unknown as ReturnType<typeof io>);
  store = createSessionStore();
  store.set({ accessToken: 'access-1', refreshToken: 'refresh-1', staff });
});

describe(openChatSocket.name, () => {
  it('connects to the chat namespace on the API path with the current access token', () => {
    openChatSocket({ listeners: {}, sessionStore: store, renewAccessToken: jest.fn() });
    expect(jest.mocked(io).mock.calls[0][0]).toBe('/chat');
    expect(jest.mocked(io).mock.calls[0][1]).toMatchObject({ path: '/api/socket.io' });
    expect(handshakeToken()).toBe('access-1');
  });

  it('refreshes the session once when the server refuses the token, and connects again with the new one', async () => {
    const renew = jest.fn(async () => {
      store.set({ accessToken: 'access-2', refreshToken: 'refresh-2', staff });
      return 'access-2';
    });
    const states: ChatConnectionState[] = [];
    openChatSocket({ listeners: { state: (state) => states.push(state) }, sessionStore: store, renewAccessToken: renew });
    handshakeToken();

    socket.serverRefuse('AUTH_TOKEN_INVALID');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(renew).toHaveBeenCalledWith('access-1');
    expect(socket.reconnects).toBe(1);
    expect(handshakeToken()).toBe('access-2');

    // Refused again without ever getting in: no refresh loop.
    socket.serverRefuse('AUTH_TOKEN_INVALID');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(renew).toHaveBeenCalledTimes(1);
    expect(states[states.length - 1]).toBe('disconnected');
  });

  it('leaves other connection errors to socket.io’s own retries', async () => {
    const renew = jest.fn();
    openChatSocket({ listeners: {}, sessionStore: store, renewAccessToken: renew });
    socket.serverRefuse('xhr poll error');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(renew).not.toHaveBeenCalled();
    expect(socket.reconnects).toBe(0);
  });

  it('reports the first connection and every reconnection, and hands server events to the listeners', () => {
    const connected = jest.fn();
    const received = jest.fn();
    openChatSocket({ listeners: { connected, message: received }, sessionStore: store, renewAccessToken: jest.fn() });

    socket.serverConnect();
    socket.serverDisconnect();
    socket.serverConnect();
    expect(connected.mock.calls).toEqual([[{ reconnect: false }], [{ reconnect: true }]]);

    socket.push('message', message());
    expect(received).toHaveBeenCalledWith(message());
  });

  it('comes back by itself when the server closed the socket on purpose', () => {
    openChatSocket({ listeners: {}, sessionStore: store, renewAccessToken: jest.fn() });
    socket.serverConnect();
    socket.serverDisconnect('io server disconnect');
    expect(socket.reconnects).toBe(1);
  });

  it('resolves a send with the ack, and rejects it when the ack times out', async () => {
    const sut = openChatSocket({ listeners: {}, sessionStore: store, renewAccessToken: jest.fn() });
    socket.serverConnect();
    const body = { conversationId: 'conv-1', clientId: 'client-12345', type: 'text' as const, text: '你好' };

    socket.respond = () => ({ ok: true, data: message({ seq: 9, clientId: 'client-12345' }) });
    await expect(sut.send(body, 1_000)).resolves.toMatchObject({ ok: true, data: { seq: 9 } });

    socket.respond = () => undefined;
    const late = sut.send(body, 1_000);
    socket.expireAcks();
    await expect(late).rejects.toThrow('operation has timed out');
    expect(socket.payloads('message:send')).toEqual([body, body]);
  });
});
