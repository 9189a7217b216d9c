import type {
  ChatMessageView,
  ChatReadEvent,
  ChatSystemBody,
  ChatTextBody,
  ConversationView,
  CsatSubject,
  SendChatMessageDto,
} from '@glow/contracts';

// The member's chat as plain data, and the rules that keep it right whatever order things arrive in: socket events,
// sync answers after a reconnect, HTTP history and acks of our own sends can overlap and repeat.

/** What a message being sent shows until the API has stored it. */
export type PendingPreview = { kind: 'text'; text: string } | { kind: 'image'; path: string } | { kind: 'card'; label: string };

export interface PendingMessage {
  clientId: string;
  /** Sent as is on every attempt: the same clientId makes the API answer the stored message, not store it twice. */
  message: SendChatMessageDto;
  preview: PendingPreview;
  /** sending: on its way or waiting to be resent; failed: refused, or no answer after several tries (tap to retry). */
  status: 'sending' | 'failed';
  attempts: number;
  /** When it was last sent (ms); null while it waits for its first attempt or for a connection. */
  lastAttemptAt: number | null;
  error: string | null;
}

export interface ChatState {
  /** The member's current conversation; a new one starts when they write after the last was resolved. */
  conversationId: string | null;
  /** When the current conversation began (ISO), to tell a newer conversation from a late event about an older one. */
  conversationStartedAt: string | null;
  /** Stored messages, each once, conversation by conversation and in `seq` order within one. */
  messages: ChatMessageView[];
  /** Our own messages not yet confirmed, in the order written; shown after the stored ones. */
  pending: PendingMessage[];
  /** The highest `seq` seen per conversation: where the next `sync` starts. */
  lastSeq: Record<string, number>;
  /** In the current conversation: the advisor has read the member's messages up to here (已读). */
  advisorReadSeq: number;
  /** In the current conversation: what the API knows the member has read. */
  memberReadSeq: number;
}

export const EMPTY_CHAT: ChatState = {
  conversationId: null,
  conversationStartedAt: null,
  messages: [],
  pending: [],
  lastSeq: {},
  advisorReadSeq: 0,
  memberReadSeq: 0,
};

/** Resend a message when its ack has not come after this long. */
export const RESEND_AFTER_MS = 8_000;
/** Give up (tap to retry) after this many unanswered attempts. */
export const MAX_SEND_ATTEMPTS = 4;
/** Tell the advisor "typing" at most this often while the member types. */
export const TYPING_INTERVAL_MS = 3_000;

/**
 * Stored messages merged with newly arrived ones: each id once (the newer copy wins), conversations in the order
 * they began, and `seq` order within a conversation. Arrival order means nothing: a sync answer can come after live
 * events it overlaps with.
 */
export function mergeMessages(current: readonly ChatMessageView[], incoming: readonly ChatMessageView[]): ChatMessageView[] {
  const byId = new Map<string, ChatMessageView>();
  for (const message of current) byId.set(message.id, message);
  for (const message of incoming) byId.set(message.id, message);
  const all = [...byId.values()];
  const began = new Map<string, string>();
  for (const message of all) {
    const first = began.get(message.conversationId);
    if (first === undefined || message.createdAt < first) began.set(message.conversationId, message.createdAt);
  }
  return all.sort((a, b) => {
    if (a.conversationId !== b.conversationId) {
      const order = (began.get(a.conversationId) ?? '').localeCompare(began.get(b.conversationId) ?? '');
      return order !== 0 ? order : a.conversationId.localeCompare(b.conversationId);
    }
    return a.seq - b.seq;
  });
}

/**
 * Takes in stored messages from anywhere (socket, sync, HTTP, our own acks). A member message whose clientId is
 * pending confirms it. A message of a conversation that began after the current one moves the chat on to it.
 */
export function receiveMessages(state: ChatState, incoming: readonly ChatMessageView[]): ChatState {
  if (incoming.length === 0) return state;
  const lastSeq = { ...state.lastSeq };
  for (const message of incoming) lastSeq[message.conversationId] = Math.max(lastSeq[message.conversationId] ?? 0, message.seq);
  const confirmed = new Set(incoming.filter((m) => m.senderKind === 'member' && m.clientId).map((m) => m.clientId));
  const messages = mergeMessages(state.messages, incoming);
  const next: ChatState = { ...state, messages, lastSeq, pending: state.pending.filter((p) => !confirmed.has(p.clientId)) };

  const newer = newestConversation(state, incoming);
  if (!newer) return next;
  return { ...next, conversationId: newer.conversationId, conversationStartedAt: newer.createdAt, advisorReadSeq: 0, memberReadSeq: 0 };
}

/** The latest message of `incoming` from a conversation that began after the current one, if any. */
function newestConversation(state: ChatState, incoming: readonly ChatMessageView[]): ChatMessageView | null {
  let latest: ChatMessageView | null = null;
  for (const message of incoming) {
    if (message.conversationId === state.conversationId) continue;
    if (!latest || message.createdAt > latest.createdAt) latest = message;
  }
  if (!latest) return null;
  if (state.conversationId === null) return latest;
  const currentLatest = state.messages
    .filter((m) => m.conversationId === state.conversationId)
    .reduce<string>((max, m) => (m.createdAt > max ? m.createdAt : max), state.conversationStartedAt ?? '');
  return latest.createdAt >= currentLatest ? latest : null;
}

/**
 * The API described a conversation (chat load, sync, a `conversation` event, 转人工). It becomes the current one
 * unless it began before the current one (then it is a late event about an older conversation, and changes nothing).
 */
export function withConversation(state: ChatState, conversation: ConversationView | null): ChatState {
  if (!conversation) return state;
  if (conversation.id !== state.conversationId) {
    if (state.conversationStartedAt !== null && conversation.createdAt < state.conversationStartedAt) return state;
    return {
      ...state,
      conversationId: conversation.id,
      conversationStartedAt: conversation.createdAt,
      advisorReadSeq: conversation.advisorReadSeq,
      memberReadSeq: conversation.memberReadSeq,
    };
  }
  return {
    ...state,
    conversationStartedAt: conversation.createdAt,
    advisorReadSeq: Math.max(state.advisorReadSeq, conversation.advisorReadSeq),
    memberReadSeq: Math.max(state.memberReadSeq, conversation.memberReadSeq),
  };
}

/** Where the next `sync` of the current conversation starts (0: everything). */
export function lastSeqOf(state: ChatState): number {
  return state.conversationId ? (state.lastSeq[state.conversationId] ?? 0) : 0;
}

/** The first `seq` loaded of the current conversation; older messages exist when it is above 1 (seq has no gaps). */
export function oldestSeqOf(state: ChatState): number | null {
  let oldest: number | null = null;
  for (const message of state.messages) {
    if (message.conversationId === state.conversationId && (oldest === null || message.seq < oldest)) oldest = message.seq;
  }
  return oldest;
}

export function hasOlder(state: ChatState): boolean {
  const oldest = oldestSeqOf(state);
  return oldest !== null && oldest > 1;
}

// --- sending ---

export function addPending(state: ChatState, message: SendChatMessageDto, preview: PendingPreview): ChatState {
  const pending: PendingMessage = { clientId: message.clientId, message, preview, status: 'sending', attempts: 0, lastAttemptAt: null, error: null };
  return { ...state, pending: [...state.pending, pending] };
}

function updatePending(state: ChatState, clientId: string, change: (pending: PendingMessage) => PendingMessage): ChatState {
  if (!state.pending.some((p) => p.clientId === clientId)) return state;
  return { ...state, pending: state.pending.map((p) => (p.clientId === clientId ? change(p) : p)) };
}

/** An attempt went out now. */
export function markSent(state: ChatState, clientId: string, now: number): ChatState {
  return updatePending(state, clientId, (p) => ({ ...p, attempts: p.attempts + 1, lastAttemptAt: now }));
}

/** The API refused it for good (not content-blocked: that one goes back to the input): keep it, marked failed. */
export function markFailed(state: ChatState, clientId: string, error: string): ChatState {
  return updatePending(state, clientId, (p) => ({ ...p, status: 'failed', error }));
}

/** The member tapped a failed message: send it again, with the same clientId. */
export function retryPending(state: ChatState, clientId: string): ChatState {
  return updatePending(state, clientId, (p) => ({ ...p, status: 'sending', attempts: 0, lastAttemptAt: null, error: null }));
}

export function dropPending(state: ChatState, clientId: string): ChatState {
  return { ...state, pending: state.pending.filter((p) => p.clientId !== clientId) };
}

/**
 * After a reconnect every unconfirmed message goes out again at once (its ack may have been lost with the
 * connection), with its attempts counted afresh: the tries that went unanswered were likely lost with that connection.
 */
export function resendAllNow(state: ChatState): ChatState {
  if (!state.pending.some((p) => p.status === 'sending' && p.lastAttemptAt !== null)) return state;
  return { ...state, pending: state.pending.map((p) => (p.status === 'sending' ? { ...p, lastAttemptAt: null, attempts: 0 } : p)) };
}

/**
 * Which pending messages to send now: those never sent, and those without an answer for `RESEND_AFTER_MS`. Those
 * that went unanswered `MAX_SEND_ATTEMPTS` times are marked failed instead (the member can retry by tapping).
 */
export function duePending(state: ChatState, now: number): { state: ChatState; due: PendingMessage[] } {
  const due: PendingMessage[] = [];
  let next = state;
  for (const pending of state.pending) {
    if (pending.status !== 'sending') continue;
    if (pending.lastAttemptAt !== null && now - pending.lastAttemptAt < RESEND_AFTER_MS) continue;
    if (pending.attempts >= MAX_SEND_ATTEMPTS) next = markFailed(next, pending.clientId, '发送失败，点击重试');
    else due.push(pending);
  }
  return { state: next, due };
}

// --- read marks and typing ---

/** A read event from the API: the advisor's marks 已读 on the member's messages; the member's own (another device) counts too. */
export function applyReadEvent(state: ChatState, event: ChatReadEvent): ChatState {
  if (event.conversationId !== state.conversationId) return state;
  if (event.reader === 'advisor') return event.seq > state.advisorReadSeq ? { ...state, advisorReadSeq: event.seq } : state;
  return event.seq > state.memberReadSeq ? { ...state, memberReadSeq: event.seq } : state;
}

/** 已读 under one of the member's own messages. */
export function isReadByAdvisor(state: ChatState, message: ChatMessageView): boolean {
  return message.senderKind === 'member' && message.conversationId === state.conversationId && message.seq <= state.advisorReadSeq;
}

/** The `seq` to report as read now that the member sees the chat, or null when nothing new from the other side is unread. */
export function readSeqToReport(state: ChatState): number | null {
  if (!state.conversationId) return null;
  const unread = state.messages.some((m) => m.conversationId === state.conversationId && m.seq > state.memberReadSeq && m.senderKind !== 'member');
  return unread ? lastSeqOf(state) : null;
}

export function markReadReported(state: ChatState, seq: number): ChatState {
  return seq > state.memberReadSeq ? { ...state, memberReadSeq: seq } : state;
}

/** Whether to tell the advisor "typing" again: the first keystroke, then at most every `TYPING_INTERVAL_MS`. */
export function shouldSendTyping(lastSentAt: number | null, now: number): boolean {
  return lastSentAt === null || now - lastSentAt >= TYPING_INTERVAL_MS;
}

// --- reading message bodies ---

/** A bot answer that offers 转人工. */
export function offersHandover(message: ChatMessageView): boolean {
  return message.senderKind === 'bot' && message.type === 'text' && (message.body as ChatTextBody).offerHandover === true;
}

export interface CsatInvite {
  subject: CsatSubject;
  subjectId: string;
  until: string;
}

/** The rating a `csat-invite` system message asks for. */
export function csatInviteOf(message: ChatMessageView): CsatInvite | null {
  if (message.type !== 'system') return null;
  const body = message.body as ChatSystemBody;
  return body.event === 'csat-invite' && body.csat ? body.csat : null;
}

/** Whether the time to rate has passed. */
export function csatExpired(invite: CsatInvite, now: Date): boolean {
  const until = new Date(invite.until).getTime();
  return !Number.isNaN(until) && now.getTime() > until;
}
