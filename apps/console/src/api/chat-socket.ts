import type {
  AdvisorAvailabilityView,
  CHAT_NAMESPACE,
  CHAT_SOCKET_PATH,
  ChatAck,
  ChatEvents,
  ChatMessageView,
  ChatReadEvent,
  ChatReadRequest,
  ChatSyncRequest,
  ChatSyncResponse,
  ChatTypingEvent,
  ChatTypingRequest,
  ConversationView,
  ErrorCode,
  SendChatMessageDto,
} from '@glow/contracts';
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { http } from './http';
import { sessionStore as browserSessionStore, type SessionStore } from './session.store';

// Repeated as values for the same reason as api-routes.ts; `satisfies` fails the typecheck when the contract moves.
const NAMESPACE = '/chat' satisfies typeof CHAT_NAMESPACE;
const SOCKET_PATH = '/api/socket.io' satisfies typeof CHAT_SOCKET_PATH;
const EVENTS = {
  send: 'message:send',
  sync: 'sync',
  read: 'read',
  typing: 'typing',
  message: 'message',
  conversation: 'conversation',
  presence: 'presence',
} as const satisfies typeof ChatEvents;
const TOKEN_INVALID = 'AUTH_TOKEN_INVALID' satisfies ErrorCode;

/** How long a sync, read or presence change waits for its ack. */
const ACK_TIMEOUT_MS = 10_000;

export type ChatConnectionState = 'connecting' | 'connected' | 'disconnected';

export interface ChatSocketListeners {
  message?: (message: ChatMessageView) => void;
  conversation?: (conversation: ConversationView) => void;
  read?: (event: ChatReadEvent) => void;
  typing?: (event: ChatTypingEvent) => void;
  /** After every successful connection; `reconnect` is false the first time (catch up with `sync` otherwise). */
  connected?: (info: { reconnect: boolean }) => void;
  state?: (state: ChatConnectionState) => void;
}

export interface ChatSocket {
  /** Rejects when no ack came within `timeoutMs`: send again with the same clientId. */
  send(body: SendChatMessageDto & { conversationId: string }, timeoutMs: number): Promise<ChatAck<ChatMessageView>>;
  sync(request: ChatSyncRequest): Promise<ChatAck<ChatSyncResponse>>;
  read(request: ChatReadRequest): Promise<ChatAck<null>>;
  typing(request: ChatTypingRequest): void;
  presence(accepting: boolean): Promise<ChatAck<AdvisorAvailabilityView>>;
  isConnected(): boolean;
  close(): void;
}

export interface ChatSocketOptions {
  listeners: ChatSocketListeners;
  sessionStore?: SessionStore;
  /** Refreshes the session when the server refused the token (the HTTP client's shared refresh by default). */
  renewAccessToken?: (staleToken: string) => Promise<string>;
}

/**
 * The console's one chat connection (socket.io, namespace /chat). The handshake carries the current access token; when
 * the server refuses it as AUTH_TOKEN_INVALID the session is refreshed (the same single refresh HTTP requests share)
 * and the socket connects again — once per refusal, so a token the server keeps refusing does not loop. Other
 * connection losses are retried by socket.io itself; every (re)connection is reported so the page can catch up.
 */
export function openChatSocket(options: ChatSocketOptions): ChatSocket {
  const { listeners } = options;
  const store = options.sessionStore ?? browserSessionStore;
  const renew = options.renewAccessToken ?? ((stale: string) => http.renewAccessToken(stale));
  let tokenInUse: string | null = null;
  let renewedWithoutSuccess = false;
  let everConnected = false;
  let closed = false;

  const socket: Socket = io(NAMESPACE, {
    path: SOCKET_PATH,
    auth: (cb) => {
      tokenInUse = store.get()?.accessToken ?? null;
      cb({ token: tokenInUse ?? '' });
    },
  });

  const setState = (state: ChatConnectionState) => listeners.state?.(state);

  socket.on('connect', () => {
    renewedWithoutSuccess = false;
    setState('connected');
    listeners.connected?.({ reconnect: everConnected });
    everConnected = true;
  });
  socket.on('disconnect', (reason) => {
    setState(closed ? 'disconnected' : 'connecting');
    // The server closed this socket on purpose (e.g. a logout elsewhere): socket.io does not come back by itself.
    if (reason === 'io server disconnect' && !closed && store.get()) socket.connect();
  });
  socket.on('connect_error', (error: Error) => {
    if (error.message !== TOKEN_INVALID) {
      setState(socket.active ? 'connecting' : 'disconnected');
      return;
    }
    // Refused by the auth middleware: socket.io does not retry that, so refresh once and connect again.
    setState('disconnected');
    const stale = tokenInUse;
    if (closed || renewedWithoutSuccess || !stale) return;
    renewedWithoutSuccess = true;
    renew(stale).then(
      () => {
        if (!closed) {
          setState('connecting');
          socket.connect();
        }
      },
      // The session is over (the HTTP client has cleared it and the console returns to the login page).
      () => undefined,
    );
  });
  socket.io.on('reconnect_attempt', () => setState('connecting'));

  socket.on(EVENTS.message, (message: ChatMessageView) => listeners.message?.(message));
  socket.on(EVENTS.conversation, (conversation: ConversationView) => listeners.conversation?.(conversation));
  socket.on(EVENTS.read, (event: ChatReadEvent) => listeners.read?.(event));
  socket.on(EVENTS.typing, (event: ChatTypingEvent) => listeners.typing?.(event));

  function request<T>(event: string, payload: unknown, timeoutMs = ACK_TIMEOUT_MS): Promise<ChatAck<T>> {
    return new Promise((resolve, reject) => {
      socket.timeout(timeoutMs).emit(event, payload, (error: Error | null, ack: ChatAck<T>) => (error ? reject(error) : resolve(ack)));
    });
  }

  setState('connecting');
  return {
    send: (body, timeoutMs) => request<ChatMessageView>(EVENTS.send, body, timeoutMs),
    sync: (payload) => request<ChatSyncResponse>(EVENTS.sync, payload),
    read: (payload) => request<null>(EVENTS.read, payload),
    typing: (payload) => {
      // Best effort: a lost typing signal only delays the member's indicator.
      if (socket.connected) socket.emit(EVENTS.typing, payload, () => undefined);
    },
    presence: (accepting) => request<AdvisorAvailabilityView>(EVENTS.presence, { accepting }),
    isConnected: () => socket.connected,
    close: () => {
      closed = true;
      socket.disconnect();
    },
  };
}

/**
 * Opens the chat connection while the component is mounted (`enabled`) and closes it after. Listeners are read at
 * the moment an event arrives, so they may close over the latest render's state without reconnecting.
 */
export function useChatSocket(listeners: ChatSocketListeners, enabled = true): { socket: ChatSocket | null; state: ChatConnectionState } {
  const latest = useRef(listeners);
  useEffect(() => {
    latest.current = listeners;
  });
  const [socket, setSocket] = useState<ChatSocket | null>(null);
  const [state, setState] = useState<ChatConnectionState>('disconnected');

  useEffect(() => {
    if (!enabled) return;
    const opened = openChatSocket({
      listeners: {
        message: (message) => latest.current.message?.(message),
        conversation: (conversation) => latest.current.conversation?.(conversation),
        read: (event) => latest.current.read?.(event),
        typing: (event) => latest.current.typing?.(event),
        connected: (info) => latest.current.connected?.(info),
        state: (next) => {
          setState(next);
          latest.current.state?.(next);
        },
      },
    });
    setSocket(opened);
    return () => {
      opened.close();
      setSocket(null);
      setState('disconnected');
    };
  }, [enabled]);

  return { socket, state };
}
