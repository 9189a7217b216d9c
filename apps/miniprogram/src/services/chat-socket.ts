import type {
  CHAT_NAMESPACE,
  CHAT_SOCKET_PATH,
  ChatAck,
  ChatEvents,
  ChatMessageView,
  ChatReadEvent,
  ChatSyncRequest,
  ChatSyncResponse,
  ChatTypingEvent,
  ConversationView,
  SendChatMessageDto,
} from '@glow/contracts';
import { io, type Socket } from 'socket.io-client';
import { type TokenSource } from './http';
import { memberSession } from './member-session';
import { TaroWebSocketTransport } from './taro-websocket-transport';

// Contracts are type-only here (see api-routes.ts): the literals are repeated and checked against them.
export const chatSocketPath = '/api/socket.io' satisfies typeof CHAT_SOCKET_PATH;
export const chatNamespace = '/chat' satisfies typeof CHAT_NAMESPACE;
const EVENTS = {
  send: 'message:send',
  sync: 'sync',
  read: 'read',
  typing: 'typing',
  message: 'message',
  conversation: 'conversation',
} as const satisfies Partial<typeof ChatEvents>;

/** Failures the client reports itself, in the shape of a refused ack. */
export const CHAT_OFFLINE = 'CHAT_OFFLINE';
export const CHAT_ACK_TIMEOUT = 'CHAT_ACK_TIMEOUT';
const OFFLINE_MESSAGE = '连接已断开，正在重新连接…';
const TIMEOUT_MESSAGE = '网络较慢，正在重试…';

/** The API's handshake refusal for a missing, expired or revoked access token (connect_error message). */
const AUTH_TOKEN_INVALID = 'AUTH_TOKEN_INVALID';

export interface ChatSocketListeners {
  /** After every connect and reconnect: time to `sync` from the last seq and resend what is pending. */
  connect(): void;
  disconnect(): void;
  message(message: ChatMessageView): void;
  read(event: ChatReadEvent): void;
  typing(event: ChatTypingEvent): void;
  conversation(conversation: ConversationView): void;
  /** The API refused the connection (message: the refusal's code); it is retried after a while. */
  refused(reason: string): void;
}

export interface ChatSocketOptions {
  /** API base as the HTTP client has it, e.g. `https://api.example.com`; `''` for the page's own origin (H5). */
  apiBase: string;
  tokens: TokenSource;
  listeners: Partial<ChatSocketListeners>;
  /** How long an emit waits for its ack before it counts as lost. */
  ackTimeoutMs?: number;
  /** Wait before connecting again after the API refused the connection. */
  retryDelayMs?: number;
  /** First wait before reconnecting after a lost connection (socket.io backs off from there, up to 5 s). */
  reconnectDelayMs?: number;
}

/** Renewing the token and reconnecting at once is tried this often before waiting `retryDelayMs`. */
const MAX_AUTH_RENEWALS = 2;

/**
 * The member's (or an advisor's) live connection to the chat: socket.io over `Taro.connectSocket`
 * (see taro-websocket-transport.ts), so it runs in WeChat as well as in H5.
 *
 * - Authenticates with `auth: { token }`, read afresh from the token source on every (re)connect; when the API
 *   answers connect_error AUTH_TOKEN_INVALID, the token is renewed and the socket connects again.
 * - Lost connections are retried by socket.io's manager with backoff; the `connect` listener runs after each one,
 *   which is where the caller catches up with `sync`.
 * - Emits never queue while offline (socket.io would otherwise replay them after reconnecting, next to the caller's
 *   own resend): they answer CHAT_OFFLINE at once, and CHAT_ACK_TIMEOUT when no ack came in time.
 */
export class ChatSocket {
  private readonly socket: Socket;
  private token: string | null = null;
  private renewals = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly ackTimeoutMs: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: ChatSocketOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 10_000;
    this.retryDelayMs = options.retryDelayMs ?? 15_000;
    const { origin, pathPrefix } = splitBase(options.apiBase);
    this.socket = io(origin + chatNamespace, {
      path: pathPrefix + chatSocketPath,
      transports: [TaroWebSocketTransport],
      autoConnect: false,
      // One manager per chat: a page opened again must not share a closed page's connection.
      forceNew: true,
      reconnectionDelay: options.reconnectDelayMs ?? 1_000,
      auth: (callback) => this.authenticate(callback),
    });
    this.listen();
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  connect(): void {
    this.closed = false;
    if (!this.socket.connected && !this.socket.active) this.socket.connect();
  }

  /** Disconnects for good (the page closed); nothing is reported afterwards. */
  close(): void {
    this.closed = true;
    this.clearRetry();
    this.socket.disconnect();
  }

  send(message: SendChatMessageDto): Promise<ChatAck<ChatMessageView>> {
    return this.emit<ChatMessageView>(EVENTS.send, message);
  }

  sync(request: ChatSyncRequest): Promise<ChatAck<ChatSyncResponse>> {
    return this.emit<ChatSyncResponse>(EVENTS.sync, request);
  }

  read(seq: number, conversationId?: string): Promise<ChatAck<null>> {
    return this.emit<null>(EVENTS.read, conversationId ? { conversationId, seq } : { seq });
  }

  typing(typing: boolean, conversationId?: string): Promise<ChatAck<null>> {
    return this.emit<null>(EVENTS.typing, conversationId ? { conversationId, typing } : { typing });
  }

  private async emit<T>(event: string, payload: object): Promise<ChatAck<T>> {
    if (!this.socket.connected) return { ok: false, code: CHAT_OFFLINE, message: OFFLINE_MESSAGE };
    try {
      return (await this.socket.timeout(this.ackTimeoutMs).emitWithAck(event, payload)) as ChatAck<T>;
    } catch {
      // No ack in time, or the connection dropped meanwhile: the server may or may not have it.
      return { ok: false, code: CHAT_ACK_TIMEOUT, message: TIMEOUT_MESSAGE };
    }
  }

  private authenticate(callback: (data: object) => void): void {
    this.options.tokens.accessToken().then(
      (token) => {
        this.token = token;
        callback({ token });
      },
      () => {
        // No token to be had (offline, login failed): the API refuses, and the refusal path retries later.
        this.token = null;
        callback({ token: '' });
      },
    );
  }

  private listen(): void {
    const { listeners } = this.options;
    this.socket.on('connect', () => {
      this.renewals = 0;
      this.clearRetry();
      listeners.connect?.();
    });
    this.socket.on('disconnect', (reason) => {
      listeners.disconnect?.();
      // socket.io reconnects by itself after a lost connection, but not after the server ended the session.
      if (reason === 'io server disconnect' && !this.closed) this.retryLater(1_000);
    });
    this.socket.on('connect_error', (error: Error) => {
      // While `active`, the manager is retrying a low-level failure (network, server down) with backoff.
      if (this.socket.active || this.closed) return;
      if (error.message === AUTH_TOKEN_INVALID && this.renewals < MAX_AUTH_RENEWALS) {
        this.renewals += 1;
        this.options.tokens.renew(this.token ?? '').then(
          () => this.retryLater(0),
          () => this.retryLater(this.retryDelayMs),
        );
        return;
      }
      this.renewals = 0;
      listeners.refused?.(error.message);
      this.retryLater(this.retryDelayMs);
    });
    this.socket.on(EVENTS.message, (message: ChatMessageView) => listeners.message?.(message));
    this.socket.on(EVENTS.read, (event: ChatReadEvent) => listeners.read?.(event));
    this.socket.on(EVENTS.typing, (event: ChatTypingEvent) => listeners.typing?.(event));
    this.socket.on(EVENTS.conversation, (conversation: ConversationView) => listeners.conversation?.(conversation));
  }

  private retryLater(delayMs: number): void {
    this.clearRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.closed) this.connect();
    }, delayMs);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}

/**
 * The socket's origin and path prefix from the HTTP client's base: the base may carry a path (the API behind a
 * prefix), which socket.io must get as part of `path`, not of the URL (where it would read as the namespace).
 * An empty base means the page's own origin, as for the H5 build served next to the API.
 */
export function splitBase(apiBase: string, pageOrigin: string = currentOrigin()): { origin: string; pathPrefix: string } {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)([^?#]*)/i.exec(apiBase);
  if (!match) return { origin: pageOrigin, pathPrefix: apiBase.replace(/\/+$/, '') };
  return { origin: match[1], pathPrefix: match[2].replace(/\/+$/, '') };
}

function currentOrigin(): string {
  // Only H5 has a page origin; a mini-program always has an absolute GLOW_API_BASE.
  return typeof window !== 'undefined' && window.location && typeof window.location.origin === 'string' ? window.location.origin : '';
}

/** The signed-in member's chat connection against the Glow API, already connecting. */
export function connectMemberChat(listeners: Partial<ChatSocketListeners>): ChatSocket {
  const socket = new ChatSocket({ apiBase: GLOW_API_BASE, tokens: memberSession, listeners });
  socket.connect();
  return socket;
}
