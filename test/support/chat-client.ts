import type { ChatAck } from '@glow/contracts';
import { io, type Socket } from 'socket.io-client';

/** A chat socket (namespace /chat) with every event it heard, in order. */
export interface ChatClient {
  socket: Socket;
  heard: { event: string; payload: unknown }[];
}

/** Connects to an API's chat with an access token; rejects with the server's refusal (e.g. AUTH_TOKEN_INVALID). */
export function connectChat(apiUrl: string, token: string): Promise<ChatClient> {
  return new Promise((resolve, reject) => {
    const socket = io(`${apiUrl}/chat`, { path: '/api/socket.io', auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    const client: ChatClient = { socket, heard: [] };
    socket.onAny((event: string, payload: unknown) => client.heard.push({ event, payload }));
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (e) => reject(e));
  });
}

/** Emits and waits (5 s) for the ack, whatever it says. */
export async function chatAck<T>(c: ChatClient, event: string, payload: unknown): Promise<ChatAck<T>> {
  try {
    return (await c.socket.timeout(5000).emitWithAck(event, payload)) as ChatAck<T>;
  } catch (e) {
    throw new Error(`${event} ${JSON.stringify(payload)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Emits and answers the ack's data; a refusal fails the test. */
export async function chatOk<T>(c: ChatClient, event: string, payload: unknown): Promise<T> {
  const a = await chatAck<T>(c, event, payload);
  if (!a.ok) throw new Error(`${event} refused: ${a.code} ${a.message}`);
  return a.data;
}
