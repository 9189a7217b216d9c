import type {
  AdvisorAvailabilityView,
  AdvisorSettingsDto,
  BookingView,
  CannedReplyDto,
  CannedReplyView,
  ChatCompensationDto,
  ChatHistoryQuery,
  ChatImageUploadResponse,
  ChatMessageView,
  ConversationStatus,
  ConversationView,
  CreateBookingDto,
  Customer360View,
  InboxView,
  SendChatMessageDto,
  ServiceMetricsQuery,
  ServiceMetricsResponse,
  TransferConversationDto,
} from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

export interface InboxSearch {
  view: InboxView;
  status?: ConversationStatus;
  q?: string;
}

/** The staff inbox: mine (most recent first), the store's queue (oldest waiting first), the store's or every one. */
export function listConversations(search: InboxSearch, signal?: AbortSignal): Promise<ConversationView[]> {
  return http.json<ConversationView[]>(apiRoutes.staffConversations, { query: { view: search.view, status: search.status, q: search.q }, signal });
}

export function getConversation(id: string, signal?: AbortSignal): Promise<ConversationView> {
  return http.json<ConversationView>(apiRoutes.staffConversation(id), { signal });
}

/** Messages oldest first; without cursors the latest `limit`, with `beforeSeq` the page before it (older history). */
export function listConversationMessages(id: string, query: ChatHistoryQuery, signal?: AbortSignal): Promise<ChatMessageView[]> {
  return http.json<ChatMessageView[]>(apiRoutes.staffConversationMessages(id), {
    query: { afterSeq: query.afterSeq, beforeSeq: query.beforeSeq, limit: query.limit },
    signal,
  });
}

/**
 * The HTTP way to send (the socket is the usual one): the same `clientId` answers the stored message instead of
 * storing it twice, so a send whose socket ack was lost can be repeated here.
 */
export function sendConversationMessage(body: SendChatMessageDto & { conversationId: string }): Promise<ChatMessageView> {
  return http.json<ChatMessageView>(apiRoutes.staffConversationMessages(body.conversationId), { method: 'POST', body });
}

export function markConversationRead(id: string, seq: number): Promise<void> {
  return http.json<void>(apiRoutes.staffConversationRead(id), { method: 'POST', body: { seq } });
}

/** Takes a waiting conversation from the queue. */
export function claimConversation(id: string): Promise<ConversationView> {
  return http.json<ConversationView>(apiRoutes.staffConversationClaim(id), { method: 'POST' });
}

/** 409 CHAT_TRANSFER_INVALID when the advisor went offline, is full or works in another store. */
export function transferConversation(id: string, body: TransferConversationDto): Promise<ConversationView> {
  return http.json<ConversationView>(apiRoutes.staffConversationTransfer(id), { method: 'POST', body });
}

/** Resolving invites the member to rate the conversation. */
export function setConversationStatus(id: string, status: ConversationStatus): Promise<ConversationView> {
  return http.json<ConversationView>(apiRoutes.staffConversationStatus(id), { method: 'POST', body: { status } });
}

export function setConversationLabels(id: string, labels: string[]): Promise<ConversationView> {
  return http.json<ConversationView>(apiRoutes.staffConversationLabels(id), { method: 'PUT', body: { labels } });
}

/** Issues the coupon once per `key` and posts its card in the conversation. */
export function compensateInConversation(id: string, body: ChatCompensationDto): Promise<ChatMessageView> {
  return http.json<ChatMessageView>(apiRoutes.staffConversationCompensation(id), { method: 'POST', body });
}

/** jpg/png/webp/gif up to 2 MB; the answer's `imageId` is then sent as an image message. */
export function uploadChatImage(file: Blob, fileName: string): Promise<ChatImageUploadResponse> {
  const form = new FormData();
  form.append('file', file, fileName);
  return http.json<ChatImageUploadResponse>(apiRoutes.chatImages, { method: 'POST', body: form });
}

/** The advisors of my store with their presence and load (who a conversation can be transferred to). */
export function listAdvisors(signal?: AbortSignal): Promise<AdvisorAvailabilityView[]> {
  return http.json<AdvisorAvailabilityView[]>(apiRoutes.staffAdvisors, { signal });
}

export function updateAdvisorSettings(body: AdvisorSettingsDto): Promise<AdvisorAvailabilityView> {
  return http.json<AdvisorAvailabilityView>(apiRoutes.staffAdvisorSettings, { method: 'PATCH', body });
}

/** The shared replies and my own. */
export function listCannedReplies(signal?: AbortSignal): Promise<CannedReplyView[]> {
  return http.json<CannedReplyView[]>(apiRoutes.staffCannedReplies, { signal });
}

export function createCannedReply(body: CannedReplyDto): Promise<CannedReplyView> {
  return http.json<CannedReplyView>(apiRoutes.staffCannedReplies, { method: 'POST', body });
}

export function updateCannedReply(id: string, body: CannedReplyDto): Promise<CannedReplyView> {
  return http.json<CannedReplyView>(apiRoutes.staffCannedReply(id), { method: 'PATCH', body });
}

export function deleteCannedReply(id: string): Promise<void> {
  return http.json<void>(apiRoutes.staffCannedReply(id), { method: 'DELETE' });
}

/** Everything an advisor needs beside a conversation; every call is an audited read of the member's data. */
export function getCustomer360(memberId: string, signal?: AbortSignal): Promise<Customer360View> {
  return http.json<Customer360View>(apiRoutes.staffMember360(memberId), { signal });
}

/** Books a service for the member (APPOINTMENT_SLOT_TAKEN or BOOKING_FOR_MEMBER_INVALID when the time does not work). */
export function bookForMember(memberId: string, body: CreateBookingDto): Promise<BookingView> {
  return http.json<BookingView>(apiRoutes.staffMemberBookings(memberId), { method: 'POST', body });
}

export function getServiceMetrics(search: ServiceMetricsQuery, signal?: AbortSignal): Promise<ServiceMetricsResponse> {
  return http.json<ServiceMetricsResponse>(apiRoutes.staffServiceMetrics, { query: { from: search.from, to: search.to, storeId: search.storeId }, signal });
}

export const serviceKeys = {
  all: ['service'] as const,
  inboxes: ['service', 'inbox'] as const,
  inbox: (search: InboxSearch) => ['service', 'inbox', search] as const,
  conversation: (id: string) => ['service', 'conversation', id] as const,
  messages: (id: string) => ['service', 'messages', id] as const,
  advisors: ['service', 'advisors'] as const,
  cannedReplies: ['service', 'canned-replies'] as const,
  customer360: (memberId: string) => ['service', '360', memberId] as const,
  metrics: (search: ServiceMetricsQuery) => ['service', 'metrics', search] as const,
};
