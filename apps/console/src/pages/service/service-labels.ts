import type { ChatChannel, ConversationStatus, TaskStatus, TicketPriority, TicketStatus } from '@glow/domain';

/* Short labels and antd colours of the service vocabulary (the Chinese names themselves come from @glow/domain). */

/** The inbox's channel tag; the domain's longer 小程序会话 does not fit beside a name. */
export const CHANNEL_SHORT_LABELS: Record<ChatChannel, string> = { app: '小程序', wechat: '微信客服' };
export const CHANNEL_COLORS: Record<ChatChannel, string> = { app: 'magenta', wechat: 'green' };

export const CONVERSATION_STATUS_COLORS: Record<ConversationStatus, string> = { open: 'processing', pending: 'warning', resolved: 'default' };

export const TICKET_STATUS_COLORS: Record<TicketStatus, string> = {
  new: 'blue',
  in_progress: 'processing',
  waiting_member: 'warning',
  resolved: 'success',
  closed: 'default',
};

export const TICKET_PRIORITY_COLORS: Record<TicketPriority, string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };

export const TASK_STATUS_COLORS: Record<TaskStatus, string> = { open: 'processing', done: 'success', skipped: 'default' };
