import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  CHAT_TEXT_MAX,
  COMPENSATION_KINDS,
  CONVERSATION_LABEL_LENGTH,
  CONVERSATION_LABEL_MAX,
  CONVERSATION_STATUSES,
  CSAT_SUBJECTS,
  KB_CATEGORIES,
  SENDABLE_MESSAGE_TYPES,
  TICKET_CATEGORIES,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  type ChatChannel,
  type ChatMessageType,
  type ChatSenderKind,
  type CompensationKind,
  type ConversationStatus,
  type CsatSubject,
  type KbCategory,
  type SendableMessageType,
  type TaskKind,
  type TaskStatus,
  type TicketCategory,
  type TicketEventKind,
  type TicketPriority,
  type TicketStatus,
} from '@glow/domain';

export {
  CHAT_CHANNELS,
  CHAT_CHANNEL_LABELS,
  CHAT_IMAGE_MAX_BYTES,
  CHAT_IMAGE_TYPES,
  CHAT_MESSAGE_TYPES,
  CHAT_SENDER_KINDS,
  CHAT_TEXT_MAX,
  COMPENSATION_KINDS,
  CONTENT_VERDICTS,
  CONVERSATION_LABEL_LENGTH,
  CONVERSATION_LABEL_MAX,
  CONVERSATION_STATUSES,
  CONVERSATION_STATUS_LABELS,
  CSAT_SCORE_LABELS,
  CSAT_SUBJECTS,
  HANDOVER_PHRASES,
  KB_CATEGORIES,
  KB_CATEGORY_LABELS,
  SENDABLE_MESSAGE_TYPES,
  TASK_KINDS,
  TASK_KIND_LABELS,
  TASK_STATUSES,
  TASK_STATUS_LABELS,
  TICKET_CATEGORIES,
  TICKET_CATEGORY_LABELS,
  TICKET_EVENT_KINDS,
  TICKET_PRIORITIES,
  TICKET_PRIORITY_LABELS,
  TICKET_STATUSES,
  TICKET_STATUS_LABELS,
  type ChatChannel,
  type ChatMessageType,
  type ChatSenderKind,
  type CompensationKind,
  type ContentVerdict,
  type ConversationStatus,
  type CsatSubject,
  type KbCategory,
  type SendableMessageType,
  type TaskKind,
  type TaskStatus,
  type TicketCategory,
  type TicketEventKind,
  type TicketPriority,
  type TicketStatus,
} from '@glow/domain';

// ---------------------------------------------------------------------------------------------------------------
// Realtime (socket.io). Namespace `/chat` on path `/api/socket.io`; authenticate with `auth: { token }` (the same
// access token as HTTP). Every client → server event takes an ack callback answering `ChatAck`.
// ---------------------------------------------------------------------------------------------------------------

export const CHAT_SOCKET_PATH = '/api/socket.io';
export const CHAT_NAMESPACE = '/chat';

export const ChatEvents = {
  /** client → server: `SendChatMessageDto` (+ `conversationId` for staff); ack `ChatAck<ChatMessageView>`. */
  send: 'message:send',
  /** client → server: `ChatSyncRequest`; ack `ChatAck<ChatSyncResponse>` (catch-up after a reconnect). */
  sync: 'sync',
  /** client → server: `ChatReadRequest`; server → client: `ChatReadEvent`. */
  read: 'read',
  /** client → server: `ChatTypingRequest`; server → client: `ChatTypingEvent`. */
  typing: 'typing',
  /** server → client: a stored message (`ChatMessageView`), in `seq` order per conversation. */
  message: 'message',
  /** server → client: a conversation changed (assigned, transferred, status, labels, window) — `ConversationView`. */
  conversation: 'conversation',
  /** staff client → server: `{ accepting: boolean }` — take new conversations or not (still online). */
  presence: 'presence',
} as const;

export type ChatAck<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

export interface ChatSyncRequest {
  /** Staff: required. Members: optional (their current conversation). */
  conversationId?: string;
  /** The last `seq` the client has; the answer holds every later message (at most 200; `more` says if cut). */
  afterSeq: number;
}

export interface ChatSyncResponse {
  conversation: ConversationView | null;
  messages: ChatMessageView[];
  more: boolean;
}

export interface ChatReadRequest {
  conversationId?: string;
  seq: number;
}

export interface ChatReadEvent {
  conversationId: string;
  reader: 'member' | 'advisor';
  seq: number;
}

export interface ChatTypingRequest {
  conversationId?: string;
  typing: boolean;
}

export interface ChatTypingEvent {
  conversationId: string;
  who: 'member' | 'advisor';
  typing: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------------------------

export interface ChatTextBody {
  text: string;
  /** Bot answers: the knowledge-base article answered, and whether the member is offered 转人工. */
  articleId?: string;
  offerHandover?: boolean;
}
export interface ChatImageBody {
  url: string;
}
export interface ChatProductBody {
  productId: string;
  name: string;
  priceFen: number;
  imageUrl: string | null;
}
export interface ChatCouponBody {
  templateId: string;
  name: string;
  /** One line of Chinese: what the coupon gives and when. */
  summary: string;
  /** Set when a coupon was issued to the member with the card (compensation). */
  memberCouponId?: string;
}
export interface ChatBookingBody {
  bookingId: string;
  serviceName: string;
  storeName: string;
  startsAt: string;
  status: string;
}
export type ChatSystemEvent = 'queued' | 'assigned' | 'transferred' | 'handover' | 'resolved' | 'reopened' | 'csat-invite' | 'blocked';
export interface ChatSystemBody {
  text: string;
  event: ChatSystemEvent;
  /** For `csat-invite`: what to rate. */
  csat?: { subject: CsatSubject; subjectId: string; until: string };
}
export type ChatMessageBody = ChatTextBody | ChatImageBody | ChatProductBody | ChatCouponBody | ChatBookingBody | ChatSystemBody;

export interface ChatMessageView {
  /** Server id (a bigint as a string). */
  id: string;
  conversationId: string;
  /** Position in its conversation: 1, 2, 3 … without gaps, in the order stored. Catch-up is by seq. */
  seq: number;
  senderKind: ChatSenderKind;
  senderId: string | null;
  senderName: string | null;
  type: ChatMessageType;
  body: ChatMessageBody;
  /** The sender's own id for the message (idempotency: resending the same clientId returns the stored one). */
  clientId: string | null;
  /** The content check said `review`: delivered, but marked for a human to look at. */
  flagged: boolean;
  /** WeChat customer-service channel, outgoing: whether WeChat accepted it. */
  delivery: 'sent' | 'failed' | null;
  createdAt: string;
}

/** What a member or an advisor sends; the server builds cards from the ids (names and prices are never trusted). */
export class SendChatMessageDto {
  /** Staff only (members always write in their own conversation). */
  @IsOptional()
  @IsUUID()
  conversationId?: string;

  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  clientId!: string;

  @IsIn(SENDABLE_MESSAGE_TYPES)
  type!: SendableMessageType;

  @IsOptional()
  @IsString()
  @Length(1, CHAT_TEXT_MAX)
  text?: string;

  /** From `POST /chat/images`. */
  @IsOptional()
  @IsString()
  @Matches(/^[a-f0-9]{32}\.(jpg|png|webp|gif)$/)
  imageId?: string;

  @IsOptional()
  @IsUUID()
  productId?: string;

  /** Staff only: a coupon template to show (members claim from the card if it is claimable). */
  @IsOptional()
  @IsUUID()
  couponTemplateId?: string;

  @IsOptional()
  @IsUUID()
  bookingId?: string;
}

export interface ChatImageUploadResponse {
  imageId: string;
  url: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Conversations
// ---------------------------------------------------------------------------------------------------------------

export interface WechatWindowView {
  /** Replies allowed until (ISO), and how many are left (WeChat: 5 within 48 h of the member's message). */
  until: string;
  remaining: number;
  open: boolean;
}

export interface ConversationView {
  id: string;
  memberId: string | null;
  memberName: string | null;
  memberAvatarUrl: string | null;
  tierName: string | null;
  channel: ChatChannel;
  status: ConversationStatus;
  storeId: string | null;
  storeName: string | null;
  advisorId: string | null;
  advisorName: string | null;
  labels: string[];
  /** Since when the member has been waiting for a person (null when answered or not waiting). */
  waitingSince: string | null;
  /** The bot is answering (no person assigned or outside hours); the member may ask for 转人工. */
  botActive: boolean;
  lastSeq: number;
  lastMessage: { seq: number; type: ChatMessageType; preview: string; at: string; senderKind: ChatSenderKind } | null;
  memberReadSeq: number;
  advisorReadSeq: number;
  /** Messages the viewer has not read. */
  unread: number;
  flaggedCount: number;
  wechatWindow: WechatWindowView | null;
  createdAt: string;
  resolvedAt: string | null;
}

export interface MemberChatResponse {
  conversation: ConversationView | null;
  /** The latest messages (up to 50), oldest first. */
  messages: ChatMessageView[];
  /** Brand service hours, e.g. `10:00-22:00`, and whether a person is available now. */
  serviceHours: string;
  advisorsOnline: boolean;
}

export const INBOX_VIEWS = ['mine', 'queue', 'store', 'all'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export class InboxQuery {
  @IsOptional()
  @IsIn(INBOX_VIEWS)
  view?: InboxView;

  @IsOptional()
  @IsIn(CONVERSATION_STATUSES)
  status?: ConversationStatus;

  @IsOptional()
  @IsString()
  @Length(1, 40)
  q?: string;
}

export class ChatHistoryQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterSeq?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  beforeSeq?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class ChatReadDto {
  @IsInt()
  @Min(0)
  seq!: number;
}

export class TransferConversationDto {
  @IsUUID()
  advisorId!: string;

  @IsOptional()
  @IsString()
  @Length(1, 100)
  note?: string;
}

export class ConversationStatusDto {
  @IsIn(CONVERSATION_STATUSES)
  status!: ConversationStatus;
}

export class ConversationLabelsDto {
  @IsArray()
  @ArrayMaxSize(CONVERSATION_LABEL_MAX)
  @IsString({ each: true })
  @Length(1, CONVERSATION_LABEL_LENGTH, { each: true })
  labels!: string[];
}

/** An advisor who could take a conversation: online, accepting, with their load. */
export interface AdvisorAvailabilityView {
  staffId: string;
  name: string;
  storeId: string | null;
  online: boolean;
  accepting: boolean;
  openConversations: number;
  capacity: number;
}

export class AdvisorSettingsDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  capacity?: number;

  @IsOptional()
  @IsBoolean()
  accepting?: boolean;
}

// --- canned replies ---

export interface CannedReplyView {
  id: string;
  title: string;
  body: string;
  /** null: shared with everyone; otherwise the advisor who owns it. */
  ownerId: string | null;
  shared: boolean;
  updatedAt: string;
}

export class CannedReplyDto {
  @IsString()
  @Length(1, 30)
  title!: string;

  @IsString()
  @Length(1, 1000)
  body!: string;

  /** Shared replies are created by store managers, marketers and admins; advisors' are personal. */
  @IsOptional()
  @IsBoolean()
  shared?: boolean;
}

// --- knowledge base ---

export interface KbArticleView {
  id: string;
  question: string;
  keywords: string[];
  synonyms: string[];
  answer: string;
  category: KbCategory;
  enabled: boolean;
  /** How often the bot answered with it, and how often the member then asked for a person. */
  answeredCount: number;
  handoverCount: number;
  updatedAt: string;
}

export class KbArticleDto {
  @IsString()
  @Length(2, 100)
  question!: string;

  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 20, { each: true })
  keywords!: string[];

  @IsArray()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  @Length(1, 20, { each: true })
  synonyms!: string[];

  @IsString()
  @Length(2, 1000)
  answer!: string;

  @IsIn(KB_CATEGORIES)
  category!: KbCategory;

  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class KbMatchDto {
  @IsString()
  @Length(1, 200)
  question!: string;
}

export interface KbMatchView {
  articleId: string;
  question: string;
  score: number;
  /** Which keywords or synonyms matched (for the console's tester). */
  matched: string[];
}

export interface KbMatchResponse {
  /** The article the bot would answer with (null: the bot would say it did not understand and offer 转人工). */
  best: KbMatchView | null;
  candidates: KbMatchView[];
}

// ---------------------------------------------------------------------------------------------------------------
// Customer 360
// ---------------------------------------------------------------------------------------------------------------

export interface Customer360View {
  member: {
    id: string;
    memberNo: string;
    name: string | null;
    avatarUrl: string | null;
    phoneMasked: string | null;
    gender: string | null;
    birthday: string | null;
    city: string | null;
    joinedAt: string;
    storeName: string | null;
    advisorId: string | null;
    advisorName: string | null;
  };
  tier: { name: string; nextName: string | null; progressPercent: number; toNextLabel: string | null } | null;
  points: { balance: number; expiringSoon: number; expiringOn: string | null };
  skin: { skinType: string | null; concerns: string[]; testedAt: string | null } | null;
  tags: { id: string; name: string }[];
  coupons: { id: string; name: string; summary: string; validUntil: string }[];
  bookings: { upcoming: Customer360Booking[]; past: Customer360Booking[] };
  orders: { id: string; orderNo: string; channel: string; paidFen: number; paidAt: string; items: string }[];
  repurchaseDue: { productId: string; productName: string; dueOn: string; overdue: boolean }[];
  conversations: { id: string; channel: ChatChannel; status: ConversationStatus; createdAt: string; lastPreview: string | null }[];
  tickets: { id: string; ticketNo: string; title: string; status: TicketStatus; createdAt: string }[];
}

export interface Customer360Booking {
  id: string;
  serviceName: string;
  storeName: string;
  startsAt: string;
  status: string;
}

/** Quick action beside a conversation: issue a coupon as a goodwill gesture, once per key. */
export class ChatCompensationDto {
  @IsUUID()
  couponTemplateId!: string;

  /** Idempotency: the same key never issues twice (the console makes one per click). */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  key!: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Tickets
// ---------------------------------------------------------------------------------------------------------------

export interface TicketView {
  id: string;
  /** Human number, e.g. `T2611240001`. */
  ticketNo: string;
  memberId: string;
  memberName: string | null;
  storeId: string | null;
  category: TicketCategory;
  priority: TicketPriority;
  status: TicketStatus;
  title: string;
  description: string;
  orderId: string | null;
  orderNo: string | null;
  bookingId: string | null;
  conversationId: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  slaDueAt: string;
  /** Past its SLA and not resolved. */
  overdue: boolean;
  escalationLevel: number;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
}

export interface TicketEventView {
  id: string;
  kind: TicketEventKind;
  actorKind: 'staff' | 'member' | 'system';
  actorName: string | null;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  note: string | null;
  /** Internal notes are staff-only; members never see them. */
  internal: boolean;
  detail: Record<string, unknown>;
  createdAt: string;
}

export interface TicketDetailView extends TicketView {
  events: TicketEventView[];
  compensations: { kind: CompensationKind; label: string; createdAt: string }[];
  csat: { score: number; comment: string | null } | null;
}

/** What a member sees of a ticket: the public history only. */
export interface MemberTicketView {
  id: string;
  ticketNo: string;
  title: string;
  category: TicketCategory;
  status: TicketStatus;
  createdAt: string;
  updatedAt: string;
  events: { kind: TicketEventKind; status: TicketStatus | null; text: string; at: string; byMember: boolean }[];
  /** Rating allowed now (resolved, within the window, not rated yet), until when. */
  csatOpenUntil: string | null;
  csat: { score: number; comment: string | null } | null;
}

export class CreateTicketDto {
  @IsUUID()
  memberId!: string;

  @IsIn(TICKET_CATEGORIES)
  category!: TicketCategory;

  @IsIn(TICKET_PRIORITIES)
  priority!: TicketPriority;

  @IsString()
  @Length(2, 40)
  title!: string;

  @IsString()
  @Length(1, 2000)
  description!: string;

  @IsOptional()
  @IsUUID()
  orderId?: string;

  @IsOptional()
  @IsUUID()
  bookingId?: string;

  @IsOptional()
  @IsUUID()
  conversationId?: string;

  @IsOptional()
  @IsUUID()
  assigneeId?: string;
}

export class UpdateTicketDto {
  @IsOptional()
  @IsIn(TICKET_CATEGORIES)
  category?: TicketCategory;

  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @IsOptional()
  @IsString()
  @Length(2, 40)
  title?: string;
}

export class TicketStatusDto {
  @IsIn(TICKET_STATUSES)
  status!: TicketStatus;

  /** Shown to the member when the status changes (e.g. what was done). */
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class TicketAssignDto {
  @IsUUID()
  assigneeId!: string;
}

export class TicketNoteDto {
  @IsString()
  @Length(1, 1000)
  note!: string;

  /** true: staff only; false: a reply the member sees. */
  @IsBoolean()
  internal!: boolean;
}

export class TicketCompensationDto {
  @IsIn(COMPENSATION_KINDS)
  kind!: CompensationKind;

  @IsOptional()
  @IsUUID()
  couponTemplateId?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  points?: number;

  @IsString()
  @Length(1, 100)
  reason!: string;

  /** Idempotency: the same key never compensates twice. */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  key!: string;
}

export class TicketQuery {
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @IsOptional()
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';

  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @IsOptional()
  @IsUUID()
  memberId?: string;
}

export class MemberTicketReplyDto {
  @IsString()
  @Length(1, 1000)
  text!: string;
}

// ---------------------------------------------------------------------------------------------------------------
// CSAT
// ---------------------------------------------------------------------------------------------------------------

export class CsatDto {
  @IsIn(CSAT_SUBJECTS)
  subject!: CsatSubject;

  @IsUUID()
  subjectId!: string;

  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  comment?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Follow-up tasks
// ---------------------------------------------------------------------------------------------------------------

export class TaskQuery {
  /** Tasks due on or before this day (default today, Asia/Shanghai). */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueBy?: string;

  /** Only this day (the day view); overrides dueBy. */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  day?: string;

  @IsOptional()
  @IsIn(['open', 'done', 'skipped'])
  status?: TaskStatus;
}

export class TaskOutcomeDto {
  @IsIn(['done', 'skipped'])
  status!: 'done' | 'skipped';

  @IsString()
  @Length(1, 300)
  outcome!: string;
}

export interface TaskView {
  id: string;
  memberId: string;
  memberName: string | null;
  advisorId: string | null;
  advisorName: string | null;
  kind: TaskKind | string;
  title: string;
  dueOn: string;
  status: TaskStatus;
  outcome: string | null;
  doneAt: string | null;
  campaignId: string | null;
  overdue: boolean;
  createdAt: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Advisor metrics
// ---------------------------------------------------------------------------------------------------------------

export class ServiceMetricsQuery {
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from!: string;

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to!: string;

  @IsOptional()
  @IsUUID()
  storeId?: string;
}

export interface ServiceMetricsRow {
  /** Advisor (or store) id and name. */
  id: string;
  name: string;
  storeName: string | null;
  conversations: number;
  /** Median seconds from a member's first waiting message to the first human answer. */
  firstResponseSeconds: number | null;
  /** Mean seconds from a member's message to the next human answer. */
  avgResponseSeconds: number | null;
  /** Median seconds from the first message to resolution. */
  resolutionSeconds: number | null;
  csatAverage: number | null;
  csatCount: number;
  ticketsResolved: number;
  tasksDone: number;
  tasksOpen: number;
  /** Sales of members bound to the advisor in the range (fen). */
  attributedSalesFen: number;
}

export interface ServiceMetricsResponse {
  from: string;
  to: string;
  advisors: ServiceMetricsRow[];
  stores: ServiceMetricsRow[];
  /** Per day: conversations started, median first response (s), CSAT average. */
  daily: { day: string; conversations: number; firstResponseSeconds: number | null; csatAverage: number | null }[];
}
