import type {
  AdvisorAvailabilityView,
  ChatBookingBody,
  ChatCouponBody,
  ChatMessageView,
  ChatProductBody,
  ChatReadEvent,
  ChatSystemBody,
  ChatTextBody,
  ConversationStatus,
  ConversationView,
  InboxView,
  SendChatMessageDto,
  WechatWindowView,
} from '@glow/contracts';
import { CHAT_IMAGE_MAX_BYTES, CHAT_IMAGE_TYPES, messagePreview, windowState } from '@glow/domain';
import dayjs from 'dayjs';

/* The chat workbench's state rules, kept out of the components so they can be checked one by one. */

// --- messages ---

/**
 * The conversation's messages after `incoming` arrived: one copy per id (the later copy wins, e.g. a delivery that
 * turned to failed), in `seq` order. The server echoes a sent message to the sender's other sockets and a sync may
 * repeat what a push already brought, so duplicates are normal and never shown twice.
 */
export function mergeMessages(current: readonly ChatMessageView[], incoming: readonly ChatMessageView[]): ChatMessageView[] {
  if (incoming.length === 0) return current as ChatMessageView[];
  const byId = new Map<string, ChatMessageView>();
  for (const message of current) byId.set(message.id, message);
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** The highest seq the client holds (0 for none): a catch-up asks for everything after it. */
export function lastSeqOf(messages: readonly ChatMessageView[] | undefined): number {
  return (messages ?? []).reduce((max, message) => Math.max(max, message.seq), 0);
}

export interface MessageDay {
  day: string;
  label: string;
  messages: ChatMessageView[];
}

/** 今天 / 昨天 / 11月20日 / 2025年11月20日, in the browser's time zone. */
export function dayLabel(day: string, now: Date): string {
  const date = dayjs(day);
  const today = dayjs(now).startOf('day');
  if (date.isSame(today, 'day')) return '今天';
  if (date.isSame(today.subtract(1, 'day'), 'day')) return '昨天';
  return date.year() === today.year() ? date.format('M月D日') : date.format('YYYY年M月D日');
}

/** Messages (already in seq order) under one heading per calendar day. */
export function groupByDay(messages: readonly ChatMessageView[], now: Date): MessageDay[] {
  const days: MessageDay[] = [];
  for (const message of messages) {
    const day = dayjs(message.createdAt).format('YYYY-MM-DD');
    const last = days[days.length - 1];
    if (last?.day === day) last.messages.push(message);
    else days.push({ day, label: dayLabel(day, now), messages: [message] });
  }
  return days;
}

export const textBody = (message: ChatMessageView) => message.body as ChatTextBody;
export const productBody = (message: ChatMessageView) => message.body as ChatProductBody;
export const couponBody = (message: ChatMessageView) => message.body as ChatCouponBody;
export const bookingBody = (message: ChatMessageView) => message.body as ChatBookingBody;
export const systemBody = (message: ChatMessageView) => message.body as ChatSystemBody;

/** One line for the inbox: text as written, cards by their kind and name (the domain's preview, as the API makes it). */
export function previewOf(message: ChatMessageView): string {
  return messagePreview(message.type, message.body as unknown as Record<string, unknown>);
}

/** 已读 / 未读 under the advisor's own messages (the member's read position), nothing under others'. */
export function readReceipt(message: ChatMessageView, memberReadSeq: number): '已读' | '未读' | null {
  if (message.senderKind !== 'advisor') return null;
  return message.seq <= memberReadSeq ? '已读' : '未读';
}

// --- the inbox ---

/** Most recent activity first; the queue instead serves whoever has waited longest. */
export function sortInbox(view: InboxView, list: readonly ConversationView[]): ConversationView[] {
  const activity = (conversation: ConversationView) => Date.parse(conversation.lastMessage?.at ?? conversation.createdAt);
  if (view === 'queue') {
    const waited = (conversation: ConversationView) => Date.parse(conversation.waitingSince ?? conversation.createdAt);
    return [...list].sort((a, b) => waited(a) - waited(b) || a.id.localeCompare(b.id));
  }
  return [...list].sort((a, b) => activity(b) - activity(a) || a.id.localeCompare(b.id));
}

export interface InboxFilter {
  view: InboxView;
  status?: ConversationStatus;
}

/**
 * Whether a conversation (as a push just described it) belongs in a list: mine are those assigned to me, the queue
 * holds unassigned open ones. The store and all views take whatever the server sends (it only sends what is in scope).
 */
export function belongsToInbox(conversation: ConversationView, filter: InboxFilter, staffId: string): boolean {
  if (filter.status && conversation.status !== filter.status) return false;
  if (filter.view === 'mine') return conversation.advisorId === staffId;
  if (filter.view === 'queue') return conversation.advisorId === null && conversation.status !== 'resolved';
  return true;
}

/** The list after a conversation changed: replaced, added or dropped as it now belongs, and kept in the view's order. */
export function upsertConversation(list: readonly ConversationView[], conversation: ConversationView, filter: InboxFilter, staffId: string): ConversationView[] {
  const others = list.filter((item) => item.id !== conversation.id);
  return sortInbox(filter.view, belongsToInbox(conversation, filter, staffId) ? [...others, conversation] : others);
}

export function hasConversation(list: readonly ConversationView[] | undefined, id: string): boolean {
  return (list ?? []).some((item) => item.id === id);
}

/**
 * A conversation after one of its messages arrived: its preview and last seq move on, and a member's message counts
 * as unread unless the advisor is reading that conversation right now. The read position itself moves only when the
 * server has been told (`withRead`), so what is on screen is always reported. An older or repeated message changes
 * nothing.
 */
export function withIncomingMessage(conversation: ConversationView, message: ChatMessageView, reading: boolean): ConversationView {
  if (message.seq <= conversation.lastSeq) return conversation;
  const countsUnread = !reading && message.senderKind === 'member';
  return {
    ...conversation,
    lastSeq: message.seq,
    lastMessage: { seq: message.seq, type: message.type, preview: previewOf(message), at: message.createdAt, senderKind: message.senderKind },
    unread: countsUnread ? conversation.unread + 1 : reading ? 0 : conversation.unread,
    flaggedCount: conversation.flaggedCount + (message.flagged ? 1 : 0),
  };
}

/** The list after a message arrived (see `withIncomingMessage`), reordered by activity. */
export function applyMessageToInbox(view: InboxView, list: readonly ConversationView[], message: ChatMessageView, readingId: string | null): ConversationView[] {
  if (!hasConversation(list, message.conversationId)) return list as ConversationView[];
  const next = list.map((item) => (item.id === message.conversationId ? withIncomingMessage(item, message, readingId === item.id) : item));
  return sortInbox(view, next);
}

/** Who read how far: the member's position drives 已读, the advisor's clears the unread count. */
export function withRead(conversation: ConversationView, event: ChatReadEvent): ConversationView {
  if (conversation.id !== event.conversationId) return conversation;
  if (event.reader === 'member') return { ...conversation, memberReadSeq: Math.max(conversation.memberReadSeq, event.seq) };
  const advisorReadSeq = Math.max(conversation.advisorReadSeq, event.seq);
  return { ...conversation, advisorReadSeq, unread: advisorReadSeq >= conversation.lastSeq ? 0 : conversation.unread };
}

export function unreadTotal(list: readonly ConversationView[] | undefined): number {
  return (list ?? []).reduce((sum, conversation) => sum + conversation.unread, 0);
}

/** How long the member has waited for a person: 刚刚, 12 分钟, 1 小时 5 分钟. */
export function waitingText(since: string | null, now: Date): string | null {
  if (!since) return null;
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 60_000));
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} 小时` : `${hours} 小时 ${rest} 分钟`;
}

// --- WeChat customer-service window ---

export interface WindowState {
  open: boolean;
  text: string;
}

/**
 * WeChat lets a business answer a customer-service message only within 48 hours and 5 messages; outside that the
 * console cannot send at all (the API would answer WECHAT_WINDOW_CLOSED). The server's `open` and the domain's rule
 * on `until` and `remaining` must both allow it (the page's clock may have passed `until` since the last push). Null
 * for the mini-program's own chat.
 */
export function wechatWindowState(window: WechatWindowView | null, now: Date): WindowState | null {
  if (!window) return null;
  const until = dayjs(window.until);
  const open = window.open && windowState({ until: until.toDate(), remaining: window.remaining }, now).open;
  if (!open) return { open, text: '微信客服窗口已关闭：需等待会员再次发消息后才能回复' };
  const at = until.isSame(dayjs(now), 'day') ? until.format('HH:mm') : until.format('M月D日 HH:mm');
  return { open, text: `微信客服窗口：剩余 ${window.remaining} 条，至 ${at}` };
}

// --- sending: pending messages and resends ---

/** How long a socket send waits for its ack before it is sent again (with the same clientId). */
export const SEND_ACK_TIMEOUT_MS = 8_000;
/** Automatic attempts before a message is shown as failed with a 重发 button. */
export const MAX_SEND_ATTEMPTS = 3;

export type OutgoingMessage = SendChatMessageDto & { conversationId: string };

export interface PendingMessage {
  clientId: string;
  conversationId: string;
  body: OutgoingMessage;
  /** What to show until the server stored it (the text, or a card's name). */
  preview: string;
  state: 'sending' | 'failed';
  attempts: number;
  error: string | null;
  /** A lost ack or connection (worth sending again on reconnect); false when the server refused the message. */
  retryable: boolean;
}

export function newPending(body: OutgoingMessage, preview: string): PendingMessage {
  return { clientId: body.clientId, conversationId: body.conversationId, body, preview, state: 'sending', attempts: 1, error: null, retryable: true };
}

export function addPending(list: readonly PendingMessage[], pending: PendingMessage): PendingMessage[] {
  return [...list.filter((item) => item.clientId !== pending.clientId), pending];
}

/** Pending messages the server has stored (found by clientId among `stored`) are done and leave the list. */
export function settlePending(list: readonly PendingMessage[], stored: readonly ChatMessageView[]): PendingMessage[] {
  const done = new Set(stored.map((message) => message.clientId).filter((id): id is string => id !== null));
  const next = list.filter((item) => !done.has(item.clientId));
  return next.length === list.length ? (list as PendingMessage[]) : next;
}

/** Another attempt with the same clientId (the server answers the stored message if an earlier one got through). */
export function retryPending(list: readonly PendingMessage[], clientId: string): PendingMessage[] {
  return list.map((item) => (item.clientId === clientId ? { ...item, state: 'sending', attempts: item.attempts + 1, error: null } : item));
}

export function failPending(list: readonly PendingMessage[], clientId: string, error: string, retryable: boolean): PendingMessage[] {
  return list.map((item) => (item.clientId === clientId ? { ...item, state: 'failed', error, retryable } : item));
}

/** After a reconnect: the messages that failed only because the connection or the ack was lost. */
export function resendable(list: readonly PendingMessage[]): PendingMessage[] {
  return list.filter((item) => item.state === 'failed' && item.retryable);
}

export function pendingOf(list: readonly PendingMessage[], conversationId: string): PendingMessage[] {
  return list.filter((item) => item.conversationId === conversationId);
}

// --- typing ---

/** A typing signal goes out at most this often while the advisor types, and a stop after this long without a key. */
export const TYPING_THROTTLE_MS = 3_000;
export const TYPING_IDLE_MS = 5_000;
/** The member's typing indicator goes away by itself if no stop arrives (a closed app sends none). */
export const TYPING_SHOWN_MS = 6_000;

export function typingDue(lastSentAt: number | null, now: number): boolean {
  return lastSentAt === null || now - lastSentAt >= TYPING_THROTTLE_MS;
}

// --- transfer and images ---

/** Whether an advisor can take one more conversation now: online, accepting and below capacity. */
export function isAvailable(advisor: AdvisorAvailabilityView): boolean {
  return advisor.online && advisor.accepting && advisor.openConversations < advisor.capacity;
}

/**
 * Who a conversation can be handed to: the available advisors other than the one who has it, least loaded first
 * (the API refuses the others with CHAT_TRANSFER_INVALID).
 */
export function transferTargets(advisors: readonly AdvisorAvailabilityView[], currentAdvisorId: string | null): AdvisorAvailabilityView[] {
  const load = (advisor: AdvisorAvailabilityView) => advisor.openConversations / Math.max(advisor.capacity, 1);
  return advisors
    .filter((advisor) => advisor.staffId !== currentAdvisorId && isAvailable(advisor))
    .sort((a, b) => load(a) - load(b) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Why a picked file cannot be sent as a chat image, or null (the upload accepts jpg/png/webp/gif up to 2 MB). */
export function chatImageProblem(file: { type: string; size: number }): string | null {
  if (!(CHAT_IMAGE_TYPES as readonly string[]).includes(file.type)) return '图片须为 JPG、PNG、WEBP 或 GIF 格式';
  if (file.size > CHAT_IMAGE_MAX_BYTES) return `图片不能超过 ${CHAT_IMAGE_MAX_BYTES / 1024 / 1024}MB`;
  return null;
}
