import type {
  ChatImageUploadResponse,
  ChatMessageView,
  ChatReadDto,
  ConversationView,
  CsatDto,
  MemberChatResponse,
  MemberTicketReplyDto,
  MemberTicketView,
  SendChatMessageDto,
} from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { memberHttp } from './member-session';
import { query } from './query-string';

// Advisor service over HTTP: the chat's history and its fallback when the socket is down, tickets and ratings.
// Live chat goes through services/chat-socket.ts.

/** The member's current conversation (or null), its latest 50 messages, the service hours and whether anyone is online. */
export function getMemberChat(): Promise<MemberChatResponse> {
  return memberHttp.get<MemberChatResponse>(apiRoutes.meChat);
}

/** Messages of the current conversation before `beforeSeq` (pull to load older) or after `afterSeq`, oldest first. */
export function listChatMessages(range: { beforeSeq?: number; afterSeq?: number; limit?: number }): Promise<ChatMessageView[]> {
  return memberHttp.get<ChatMessageView[]>(apiRoutes.meChatMessages + query(range));
}

/**
 * Sends one message (opening a conversation if none is open). Resending the same `clientId` answers the message
 * already stored. Refusals: 422 CHAT_CONTENT_BLOCKED (WeChat's content check; nothing stored), 429 CHAT_RATE_LIMITED.
 */
export function sendChatMessage(message: SendChatMessageDto): Promise<ChatMessageView> {
  return memberHttp.post<ChatMessageView>(apiRoutes.meChatMessages, message);
}

export function markChatRead(seq: number): Promise<void> {
  const body: ChatReadDto = { seq };
  return memberHttp.post<void>(apiRoutes.meChatRead, body);
}

/** 转人工: queues the conversation for a person; a system message follows on the socket. */
export function requestHandover(): Promise<ConversationView> {
  return memberHttp.post<ConversationView>(apiRoutes.meChatHandover);
}

/** Uploads a picked image (jpg/png/webp/gif, at most 2 MB) for sending as `{ type: 'image', imageId }`. */
export function uploadChatImage(filePath: string): Promise<ChatImageUploadResponse> {
  return memberHttp.upload<ChatImageUploadResponse>(apiRoutes.chatImages, filePath, 'file');
}

/** Rates a conversation or a ticket once; 409 CSAT_NOT_ALLOWED when already rated or too late. */
export function submitCsat(rating: CsatDto): Promise<{ ok: true }> {
  return memberHttp.post<{ ok: true }>(apiRoutes.meCsat, rating);
}

export function listMyTickets(): Promise<MemberTicketView[]> {
  return memberHttp.get<MemberTicketView[]>(apiRoutes.meTickets);
}

/** One of the member's tickets with its public history (internal notes never reach members). */
export function getMyTicket(id: string): Promise<MemberTicketView> {
  return memberHttp.get<MemberTicketView>(apiRoutes.meTicket(encodeURIComponent(id)));
}

/** Answers a ticket that waits for the member (or is being handled); it moves on to 处理中. */
export function replyToTicket(id: string, text: string): Promise<MemberTicketView> {
  const body: MemberTicketReplyDto = { text };
  return memberHttp.post<MemberTicketView>(apiRoutes.meTicketReply(encodeURIComponent(id)), body);
}
