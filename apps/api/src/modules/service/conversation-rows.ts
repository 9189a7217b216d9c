import type { ChatChannel, ChatMessageType, ChatMessageView, ChatSenderKind, ConversationStatus, ConversationView } from '@glow/contracts';
import { messagePreview, windowState } from '@glow/domain';

/** A conversation row as the service reads it (with names joined in). */
export interface ConversationRow {
  id: string;
  member_id: string | null;
  openid: string | null;
  channel: ChatChannel;
  status: ConversationStatus;
  store_id: string | null;
  advisor_id: string | null;
  labels: string[];
  bot_active: boolean;
  waiting_since: Date | null;
  last_seq: number;
  last_message_at: Date | null;
  member_read_seq: number;
  advisor_read_seq: number;
  bot_checked_seq: number;
  cycle_id: string | null;
  wechat_window_until: Date | null;
  wechat_window_left: number | null;
  created_at: Date;
  resolved_at: Date | null;
}

export interface ConversationViewRow extends ConversationRow {
  member_name: string | null;
  member_avatar: string | null;
  tier_name: string | null;
  store_name: string | null;
  advisor_name: string | null;
  last_type: ChatMessageType | null;
  last_body: Record<string, unknown> | null;
  last_sender: ChatSenderKind | null;
  unread_member: number;
  unread_staff: number;
  flagged_count: number;
}

/**
 * The conversation list/detail query: names, last message, unread counts for both sides, flagged count. `$1` is
 * unused by the fragment itself; callers append their WHERE and ORDER.
 */
export const CONVERSATION_VIEW_SELECT = `
  SELECT c.*, COALESCE(m.name, m.nickname) AS member_name, m.avatar_url AS member_avatar, t.name AS tier_name,
         st.name AS store_name, a.name AS advisor_name,
         lm.type AS last_type, lm.body AS last_body, lm.sender_kind AS last_sender,
         (SELECT count(*)::int FROM chat_message x WHERE x.conversation_id = c.id AND x.seq > c.member_read_seq AND x.sender_kind <> 'member') AS unread_member,
         (SELECT count(*)::int FROM chat_message x WHERE x.conversation_id = c.id AND x.seq > c.advisor_read_seq AND x.sender_kind = 'member') AS unread_staff,
         (SELECT count(*)::int FROM chat_message x WHERE x.conversation_id = c.id AND x.flagged) AS flagged_count
    FROM conversation c
    LEFT JOIN member m ON m.id = c.member_id
    LEFT JOIN member_tier mt ON mt.member_id = c.member_id
    LEFT JOIN tier t ON t.code = mt.tier_code
    LEFT JOIN store st ON st.id = c.store_id
    LEFT JOIN staff a ON a.id = c.advisor_id
    LEFT JOIN chat_message lm ON lm.conversation_id = c.id AND lm.seq = c.last_seq`;

export function conversationView(r: ConversationViewRow, viewer: 'member' | 'staff', now = new Date()): ConversationView {
  const window =
    r.channel === 'wechat' && r.wechat_window_until
      ? { until: new Date(r.wechat_window_until), remaining: r.wechat_window_left ?? 0 }
      : null;
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: r.member_name ?? null,
    memberAvatarUrl: r.member_avatar ?? null,
    tierName: r.tier_name ?? null,
    channel: r.channel,
    status: r.status,
    storeId: r.store_id,
    storeName: r.store_name ?? null,
    advisorId: r.advisor_id,
    advisorName: r.advisor_name ?? null,
    labels: viewer === 'staff' ? r.labels : [],
    waitingSince: r.waiting_since ? new Date(r.waiting_since).toISOString() : null,
    botActive: r.bot_active,
    lastSeq: r.last_seq,
    lastMessage:
      r.last_type && r.last_message_at
        ? {
            seq: r.last_seq,
            type: r.last_type,
            preview: messagePreview(r.last_type, r.last_body ?? {}),
            at: new Date(r.last_message_at).toISOString(),
            senderKind: r.last_sender ?? 'system',
          }
        : null,
    memberReadSeq: r.member_read_seq,
    advisorReadSeq: r.advisor_read_seq,
    unread: viewer === 'member' ? r.unread_member : r.unread_staff,
    flaggedCount: viewer === 'staff' ? r.flagged_count : 0,
    wechatWindow: window ? { until: window.until.toISOString(), remaining: window.remaining, open: windowState(window, now).open } : null,
    createdAt: new Date(r.created_at).toISOString(),
    resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
  };
}

export interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  sender_kind: ChatSenderKind;
  sender_id: string | null;
  sender_name?: string | null;
  type: ChatMessageType;
  body: Record<string, unknown>;
  client_id: string | null;
  flagged: boolean;
  delivery: 'sent' | 'failed' | null;
  created_at: Date;
}

/** Message columns with the sender's display name. */
export const MESSAGE_SELECT = `
  SELECT x.id::text AS id, x.conversation_id, x.seq, x.sender_kind, x.sender_id, x.type, x.body, x.client_id, x.flagged, x.delivery, x.created_at,
         CASE x.sender_kind WHEN 'advisor' THEN s.name WHEN 'member' THEN COALESCE(m.name, m.nickname) WHEN 'bot' THEN '智能助手' ELSE NULL END AS sender_name
    FROM chat_message x
    LEFT JOIN staff s ON x.sender_kind = 'advisor' AND s.id = x.sender_id
    LEFT JOIN member m ON x.sender_kind = 'member' AND m.id = x.sender_id`;

export function messageView(r: MessageRow, viewer: 'member' | 'staff'): ChatMessageView {
  return {
    id: String(r.id),
    conversationId: r.conversation_id,
    seq: r.seq,
    senderKind: r.sender_kind,
    senderId: r.sender_id,
    senderName: r.sender_name ?? null,
    type: r.type,
    body: r.body as unknown as ChatMessageView['body'],
    clientId: r.client_id,
    flagged: viewer === 'staff' ? r.flagged : false,
    delivery: r.delivery,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
