/**
 * The words of advisor service (chat, knowledge base, tickets, follow-up tasks, CSAT), shared by the rules here, the
 * API contracts and both clients. Labels are the Chinese the clients show.
 */

// --- conversations and messages ---

/** Where a conversation happens: our own chat in the mini-program, or WeChat's customer-service entry. */
export const CHAT_CHANNELS = ['app', 'wechat'] as const;
export type ChatChannel = (typeof CHAT_CHANNELS)[number];
export const CHAT_CHANNEL_LABELS: Record<ChatChannel, string> = { app: '小程序会话', wechat: '微信客服' };

/** open: someone is handling it; pending: waiting for the member (or parked); resolved: done (CSAT may follow). */
export const CONVERSATION_STATUSES = ['open', 'pending', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export const CONVERSATION_STATUS_LABELS: Record<ConversationStatus, string> = { open: '处理中', pending: '待回复', resolved: '已解决' };

export const CHAT_MESSAGE_TYPES = ['text', 'image', 'product', 'coupon', 'booking', 'system'] as const;
export type ChatMessageType = (typeof CHAT_MESSAGE_TYPES)[number];
/** What a client may send (system messages are written by the server). */
export const SENDABLE_MESSAGE_TYPES = ['text', 'image', 'product', 'coupon', 'booking'] as const;
export type SendableMessageType = (typeof SENDABLE_MESSAGE_TYPES)[number];

export const CHAT_SENDER_KINDS = ['member', 'advisor', 'bot', 'system'] as const;
export type ChatSenderKind = (typeof CHAT_SENDER_KINDS)[number];

/** Outcome of the content check (`msg_sec_check`) on a member's text: pass, review (delivered, flagged), risky (blocked). */
export const CONTENT_VERDICTS = ['pass', 'review', 'risky'] as const;
export type ContentVerdict = (typeof CONTENT_VERDICTS)[number];

/** Limits of chat content. */
export const CHAT_TEXT_MAX = 2000;
export const CHAT_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
export const CHAT_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
export const CONVERSATION_LABEL_MAX = 10;
export const CONVERSATION_LABEL_LENGTH = 12;

// --- knowledge base ---

export const KB_CATEGORIES = ['product', 'order', 'member', 'booking', 'aftersales', 'other'] as const;
export type KbCategory = (typeof KB_CATEGORIES)[number];
export const KB_CATEGORY_LABELS: Record<KbCategory, string> = {
  product: '产品咨询',
  order: '订单物流',
  member: '会员积分',
  booking: '预约到店',
  aftersales: '售后服务',
  other: '其他',
};

/** The member's words that always ask for a person (the bot hands over at once). */
export const HANDOVER_PHRASES = ['转人工', '人工客服', '人工服务', '找客服', '真人'] as const;

// --- tickets ---

export const TICKET_CATEGORIES = ['complaint', 'quality', 'allergy', 'delivery', 'refund', 'service', 'other'] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];
export const TICKET_CATEGORY_LABELS: Record<TicketCategory, string> = {
  complaint: '服务投诉',
  quality: '产品质量',
  allergy: '过敏不适',
  delivery: '物流配送',
  refund: '退换货',
  service: '到店服务',
  other: '其他',
};

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const TICKET_PRIORITY_LABELS: Record<TicketPriority, string> = { low: '低', normal: '普通', high: '高', urgent: '紧急' };

/** new → in_progress → waiting_member → resolved → closed (see `ticket-rules.ts` for the allowed moves). */
export const TICKET_STATUSES = ['new', 'in_progress', 'waiting_member', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  new: '待处理',
  in_progress: '处理中',
  waiting_member: '等待会员回复',
  resolved: '已解决',
  closed: '已关闭',
};

export const TICKET_EVENT_KINDS = ['created', 'status', 'assigned', 'note', 'reply', 'compensation', 'escalated', 'priority'] as const;
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number];

export const COMPENSATION_KINDS = ['coupon', 'points'] as const;
export type CompensationKind = (typeof COMPENSATION_KINDS)[number];

// --- follow-up tasks ---

/** Kinds of follow-up task; campaigns add `campaign`. */
export const TASK_KINDS = ['purchase-3d', 'purchase-3w', 'purchase-3m', 'birthday', 'dormant', 'post-visit', 'campaign', 'ticket'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_KIND_LABELS: Record<TaskKind, string> = {
  'purchase-3d': '购后3天回访',
  'purchase-3w': '购后3周回访',
  'purchase-3m': '购后3个月复购提醒',
  birthday: '生日关怀',
  dormant: '沉睡唤醒',
  'post-visit': '到店后回访',
  campaign: '活动跟进',
  ticket: '工单跟进',
};

export const TASK_STATUSES = ['open', 'done', 'skipped'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { open: '待跟进', done: '已完成', skipped: '已跳过' };

// --- CSAT ---

export const CSAT_SUBJECTS = ['conversation', 'ticket'] as const;
export type CsatSubject = (typeof CSAT_SUBJECTS)[number];
export const CSAT_SCORE_LABELS: Record<1 | 2 | 3 | 4 | 5, string> = { 1: '非常不满意', 2: '不满意', 3: '一般', 4: '满意', 5: '非常满意' };
