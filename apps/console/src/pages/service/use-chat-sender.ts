import type { ChatMessageView } from '@glow/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChatSocket } from '../../api/chat-socket';
import { isApiError } from '../../api/http';
import { sendConversationMessage } from '../../api/service.service';
import { newIdempotencyKey } from '../../shared/idempotency-key';
import {
  addPending,
  failPending,
  MAX_SEND_ATTEMPTS,
  newPending,
  resendable,
  retryPending,
  SEND_ACK_TIMEOUT_MS,
  settlePending,
  type OutgoingMessage,
  type PendingMessage,
} from './chat-state';

type Outcome = { ok: true; message: ChatMessageView } | { ok: false; error: string; retryable: boolean };

export interface ChatSender {
  /** Messages sent but not yet stored (sending, or failed with a 重发 button). */
  pending: PendingMessage[];
  /** Sends with a fresh clientId. */
  send: (body: Omit<OutgoingMessage, 'clientId'>, preview: string) => void;
  /** Sends a failed message again with its own clientId. */
  resend: (clientId: string) => void;
  /** After a reconnect: sends again what only failed because the connection or the ack was lost. */
  resendLost: () => void;
  /** Messages that arrived by other ways (a push, a sync) settle the pending ones with their clientId. */
  settle: (messages: readonly ChatMessageView[]) => void;
}

/**
 * Sending chat messages: over the socket with an ack when it is connected, otherwise over HTTP. A lost ack or
 * connection is retried with the same clientId (the server then answers the message it already stored instead of
 * storing it twice), up to MAX_SEND_ATTEMPTS; a refusal (window closed, content blocked) is shown at once.
 */
export function useChatSender(socket: ChatSocket | null, onStored: (message: ChatMessageView) => void): ChatSender {
  const [pending, setPendingState] = useState<PendingMessage[]>([]);
  const pendingRef = useRef<PendingMessage[]>([]);
  const socketRef = useRef(socket);
  const onStoredRef = useRef(onStored);
  useEffect(() => {
    socketRef.current = socket;
    onStoredRef.current = onStored;
  });

  const update = useCallback((change: (list: PendingMessage[]) => PendingMessage[]) => {
    pendingRef.current = change(pendingRef.current);
    setPendingState(pendingRef.current);
  }, []);

  const attempt = useCallback(async (body: OutgoingMessage): Promise<Outcome> => {
    const live = socketRef.current;
    if (live?.isConnected()) {
      try {
        const ack = await live.send(body, SEND_ACK_TIMEOUT_MS);
        return ack.ok ? { ok: true, message: ack.data } : { ok: false, error: ack.message, retryable: false };
      } catch {
        return { ok: false, error: '发送超时，请重发', retryable: true };
      }
    }
    try {
      return { ok: true, message: await sendConversationMessage(body) };
    } catch (error) {
      const retryable = isApiError(error) && (error.status === 0 || error.status >= 500);
      return { ok: false, error: error instanceof Error ? error.message : '发送失败', retryable };
    }
  }, []);

  const deliver = useCallback(
    async (clientId: string) => {
      for (;;) {
        const item = pendingRef.current.find((candidate) => candidate.clientId === clientId);
        // Settled meanwhile by a push or a sync.
        if (!item) return;
        const outcome = await attempt(item.body);
        if (outcome.ok) {
          onStoredRef.current(outcome.message);
          update((list) => settlePending(list, [outcome.message]));
          return;
        }
        const current = pendingRef.current.find((candidate) => candidate.clientId === clientId);
        if (!current) return;
        if (!outcome.retryable || current.attempts >= MAX_SEND_ATTEMPTS) {
          update((list) => failPending(list, clientId, outcome.error, outcome.retryable));
          return;
        }
        update((list) => retryPending(list, clientId));
      }
    },
    [attempt, update],
  );

  const send = useCallback(
    (body: Omit<OutgoingMessage, 'clientId'>, preview: string) => {
      const item = newPending({ ...body, clientId: newIdempotencyKey() } as OutgoingMessage, preview);
      update((list) => addPending(list, item));
      void deliver(item.clientId);
    },
    [deliver, update],
  );

  const resend = useCallback(
    (clientId: string) => {
      update((list) => retryPending(list, clientId).map((item) => (item.clientId === clientId ? { ...item, attempts: 1 } : item)));
      void deliver(clientId);
    },
    [deliver, update],
  );

  const resendLost = useCallback(() => {
    for (const item of resendable(pendingRef.current)) resend(item.clientId);
  }, [resend]);

  const settle = useCallback((messages: readonly ChatMessageView[]) => update((list) => settlePending(list, messages)), [update]);

  return { pending, send, resend, resendLost, settle };
}
