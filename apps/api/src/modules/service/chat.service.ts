import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  type ChatHistoryQuery,
  type ChatMessageBody,
  type ChatMessageView,
  type ChatSyncResponse,
  type ChatSystemBody,
  type ConversationStatus,
  type ConversationView,
  type InboxQuery,
  type MemberChatResponse,
  type SendChatMessageDto,
} from '@glow/contracts';
import { detectImageType, validateChatSend, withinServiceHours } from '@glow/domain';
import { AuditService } from '../../platform/audit/audit.service';
import type { StaffPrincipal } from '../../platform/auth/principal';
import { AppConfig } from '../../platform/config/app-config';
import { uniqueViolation } from '../../platform/database/unique-violation';
import { WechatClient } from '../../platform/wechat/wechat.client';
import { WechatApiError } from '../../platform/wechat/wechat.exception';
import { CouponService } from '../coupon/coupon.service';
import { type Audience, ChatHub } from './chat-hub';
import { CONVERSATION_VIEW_SELECT, type ConversationRow, type ConversationViewRow, conversationView, MESSAGE_SELECT, type MessageRow, messageView } from './conversation-rows';
import { ServiceException } from './service.exception';

/** Who acts on a conversation. */
export type ChatActor = { kind: 'member'; memberId: string; openid: string } | ({ kind: 'staff' } & StaffPrincipal);

interface NewMessage {
  senderKind: 'member' | 'advisor' | 'bot' | 'system';
  senderId: string | null;
  type: ChatMessageView['type'];
  body: ChatMessageBody;
  clientId?: string | null;
  flagged?: boolean;
  wechatMsgId?: string | null;
  at: Date;
}

/** Where a product card sent through WeChat customer service leads: the mini-program's shop. */
const WECHAT_SHOP_PAGE = 'packages/shop/pages/shop/index';
const PRODUCT_THUMB_MAX_BYTES = 2 * 1024 * 1024;

/** An advisor counts as online while an instance holding their socket refreshes `last_seen` (every 20 s). */
export const ONLINE_WITHIN_SECONDS = 70;

const CHAT_IMAGE_NAME = /^[a-f0-9]{32}\.(jpg|png|webp|gif)$/;

/**
 * Conversations and messages. Every message is numbered under its conversation's row lock and committed before it
 * is published, so a client that misses a socket event catches up by seq. Routing, the bot and WeChat delivery live
 * beside this service (`ChatRouter`, `ChatBot`, `WechatCustomerService`) and call back into it.
 */
@Injectable()
export class ChatService {
  private readonly logger = new Logger(ChatService.name);
  /** Product pictures already uploaded as temporary media, by URL (see `productThumb`). */
  private readonly thumbs = new Map<string, { mediaId: string; until: number }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly hub: ChatHub,
    private readonly config: AppConfig,
    private readonly wechat: WechatClient,
    private readonly coupons: CouponService,
    private readonly audit: AuditService,
  ) {}

  // --- reading ---

  async view(id: string, viewer: 'member' | 'staff', manager?: EntityManager): Promise<ConversationView> {
    const [row] = await (manager ?? this.db).query<ConversationViewRow[]>(`${CONVERSATION_VIEW_SELECT} WHERE c.id = $1`, [id]);
    if (!row) throw new ServiceException(ErrorCode.ConversationNotFound);
    return conversationView(row, viewer);
  }

  async messages(conversationId: string, viewer: 'member' | 'staff', q: ChatHistoryQuery, manager?: EntityManager): Promise<ChatMessageView[]> {
    const limit = q.limit ?? 50;
    if (q.afterSeq !== undefined) {
      const rows = await (manager ?? this.db).query<MessageRow[]>(`${MESSAGE_SELECT} WHERE x.conversation_id = $1 AND x.seq > $2 ORDER BY x.seq LIMIT $3`, [conversationId, q.afterSeq, limit]);
      return rows.map((r) => messageView(r, viewer));
    }
    const rows = await (manager ?? this.db).query<MessageRow[]>(
      `${MESSAGE_SELECT} WHERE x.conversation_id = $1 AND ($2::int IS NULL OR x.seq < $2) ORDER BY x.seq DESC LIMIT $3`,
      [conversationId, q.beforeSeq ?? null, limit],
    );
    return rows.reverse().map((r) => messageView(r, viewer));
  }

  async memberConversationId(memberId: string): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }[]>(`SELECT id FROM conversation WHERE member_id = $1 AND channel = 'app'`, [memberId]);
    return row?.id ?? null;
  }

  async memberChat(memberId: string): Promise<MemberChatResponse> {
    const id = await this.memberConversationId(memberId);
    const [online] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM advisor_presence p JOIN staff s ON s.id = p.staff_id WHERE s.active AND s.role = 'advisor' AND p.accepting AND p.last_seen > now() - make_interval(secs => $1)`,
      [ONLINE_WITHIN_SECONDS],
    );
    return {
      conversation: id ? await this.view(id, 'member') : null,
      messages: id ? await this.messages(id, 'member', { limit: 50 }) : [],
      serviceHours: this.config.chatServiceHours,
      advisorsOnline: online.n > 0 && this.inServiceHours(),
    };
  }

  async memberHistory(memberId: string, q: ChatHistoryQuery): Promise<ChatMessageView[]> {
    const id = await this.memberConversationId(memberId);
    return id ? this.messages(id, 'member', q) : [];
  }

  inServiceHours(at = new Date()): boolean {
    return withinServiceHours(this.config.chatServiceHours, at);
  }

  /** The inbox: mine, the store's queue (oldest waiting first), the store, or everything (admins). */
  async inbox(who: StaffPrincipal, q: InboxQuery): Promise<ConversationView[]> {
    const view = q.view ?? 'mine';
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (view === 'mine') add('c.advisor_id = ?', who.staffId);
    if (view === 'queue') where.push(`c.advisor_id IS NULL AND c.status <> 'resolved'`);
    if (who.role !== 'admin' && view !== 'mine') add('(c.store_id = ? OR c.store_id IS NULL)', who.storeId);
    if (view === 'all' && who.role !== 'admin' && who.role !== 'store_manager') throw new ServiceException(ErrorCode.Forbidden);
    if (q.status) add('c.status = ?', q.status);
    else if (view === 'mine') where.push(`c.status <> 'resolved'`);
    if (q.q) {
      params.push(`%${q.q}%`, q.q);
      where.push(`(m.name ILIKE $${params.length - 1} OR m.nickname ILIKE $${params.length - 1} OR m.member_no = $${params.length})`);
    }
    const order = view === 'queue' ? 'c.waiting_since NULLS LAST, c.created_at' : 'c.last_message_at DESC NULLS LAST';
    const rows = await this.db.query<ConversationViewRow[]>(`${CONVERSATION_VIEW_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT 200`, params);
    return rows.map((r) => conversationView(r, 'staff'));
  }

  /** A conversation a staff member may see: admins all, others their store's (and storeless ones). */
  async staffConversation(who: StaffPrincipal, id: string, manager?: EntityManager, lock = false): Promise<ConversationRow> {
    const [row] = await (manager ?? this.db).query<ConversationRow[]>(`SELECT * FROM conversation WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    if (!row) throw new ServiceException(ErrorCode.ConversationNotFound);
    if (who.role !== 'admin' && row.store_id !== null && row.store_id !== who.storeId) throw new ServiceException(ErrorCode.ConversationNotFound);
    return row;
  }

  async staffView(who: StaffPrincipal, id: string): Promise<ConversationView> {
    await this.staffConversation(who, id);
    await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'conversation.view', memberId: await this.memberOf(id) });
    return this.view(id, 'staff');
  }

  async staffHistory(who: StaffPrincipal, id: string, q: ChatHistoryQuery): Promise<ChatMessageView[]> {
    await this.staffConversation(who, id);
    return this.messages(id, 'staff', q);
  }

  /** Catch-up for a socket (and a way to start watching a conversation for staff). */
  async sync(actor: ChatActor, conversationId: string | undefined, afterSeq: number): Promise<ChatSyncResponse & { conversationId: string | null }> {
    let id: string | null;
    if (actor.kind === 'member') {
      id = await this.memberConversationId(actor.memberId);
      if (conversationId && conversationId !== id) throw new ServiceException(ErrorCode.ConversationNotFound);
    } else {
      if (!conversationId) throw new ServiceException(ErrorCode.ValidationFailed);
      await this.staffConversation(actor, conversationId);
      id = conversationId;
    }
    if (!id) return { conversation: null, messages: [], more: false, conversationId: null };
    const viewer = actor.kind === 'member' ? 'member' : 'staff';
    const messages = await this.messages(id, viewer, { afterSeq, limit: 201 });
    return { conversation: await this.view(id, viewer), messages: messages.slice(0, 200), more: messages.length > 200, conversationId: id };
  }

  // --- writing ---

  /** A member writes in their own conversation (created or reopened as needed). */
  async sendAsMember(memberId: string, openid: string, dto: SendChatMessageDto, now = new Date()): Promise<{ message: ChatMessageView; assigned: boolean }> {
    const problems = validateChatSend(dto, 'member', 'app');
    if (problems.length > 0) throw new ServiceException(ErrorCode.ChatMessageInvalid, problems.join('; '), { message: problems[0] });
    let flagged = false;
    if (dto.type === 'text') flagged = (await this.contentVerdict(openid, dto.text ?? '')) === 'review';
    const body = await this.buildBody(dto, { memberId });
    let outcome: { message: ChatMessageView; conversation: ConversationRow; opened: boolean };
    try {
      outcome = await this.db.transaction(async (tx) => {
        const conv = await this.lockMemberConversation(tx, memberId, now);
        const opened = await this.ensureCycle(tx, conv, now);
        const message = await this.insert(
          tx,
          conv,
          { senderKind: 'member', senderId: memberId, type: dto.type, body, clientId: dto.clientId, flagged, at: now },
          `status = 'open', waiting_since = COALESCE(waiting_since, $2), member_read_seq = last_seq + 1, updated_at = $2`,
        );
        return { message, conversation: conv, opened };
      });
    } catch (e) {
      // A resend of a stored message (same clientId): answer the stored one; nothing changed.
      if (uniqueViolation(e) !== 'uq_chat_message_client') throw e;
      const [row] = await this.db.query<(MessageRow & { advisor_id: string | null })[]>(
        `${MESSAGE_SELECT} JOIN conversation c ON c.id = x.conversation_id WHERE c.member_id = $1 AND c.channel = 'app' AND x.sender_kind = 'member' AND x.client_id = $2`,
        [memberId, dto.clientId],
      );
      const [conv] = await this.db.query<{ advisor_id: string | null }[]>(`SELECT advisor_id FROM conversation WHERE id = $1`, [row.conversation_id]);
      return { message: messageView(row, 'member'), assigned: conv?.advisor_id != null };
    }
    const { message, conversation, opened } = outcome;
    this.hub.message(this.audience(conversation), message);
    if (opened) this.hub.conversation(this.audience(conversation), await this.view(conversation.id, 'staff'));
    return { message, assigned: conversation.advisor_id !== null };
  }

  /** An advisor (or a store manager / admin) writes; an unassigned conversation becomes theirs. */
  async sendAsStaff(who: StaffPrincipal, conversationId: string, dto: SendChatMessageDto, now = new Date()): Promise<ChatMessageView> {
    const current = await this.staffConversation(who, conversationId);
    const problems = validateChatSend(dto, 'advisor', current.channel);
    if (problems.length > 0) throw new ServiceException(ErrorCode.ChatMessageInvalid, problems.join('; '), { message: problems[0] });
    const body = await this.buildBody(dto, { memberId: current.member_id });
    const result = await this.db.transaction(async (tx) => {
      const conv = await this.staffConversation(who, conversationId, tx, true);
      const [seen] = await tx.query<MessageRow[]>(`${MESSAGE_SELECT} WHERE x.conversation_id = $1 AND x.sender_kind = 'advisor' AND x.client_id = $2`, [conv.id, dto.clientId]);
      if (seen) return { message: messageView(seen, 'staff'), conv, created: false, claimed: false };
      let claimed = false;
      if (conv.advisor_id === null && who.role === 'advisor') {
        await this.assignInTx(tx, conv, who.staffId, now);
        claimed = true;
      } else if (conv.advisor_id !== who.staffId && who.role === 'advisor') {
        throw new ServiceException(ErrorCode.OutOfScope, 'conversation belongs to another advisor', { message: '该会话由其他顾问接待，请先转接' });
      }
      if (conv.channel === 'wechat') {
        const [rows] = await tx.query<unknown[][]>(
          `UPDATE conversation SET wechat_window_left = wechat_window_left - 1 WHERE id = $1 AND wechat_window_until > $2 AND wechat_window_left > 0 RETURNING id`,
          [conv.id, now],
        );
        if (rows.length === 0) throw new ServiceException(ErrorCode.WechatWindowClosed);
      }
      await this.ensureCycle(tx, conv, now);
      const message = await this.insert(tx, conv, { senderKind: 'advisor', senderId: who.staffId, type: dto.type, body, clientId: dto.clientId, at: now });
      await tx.query(
        `UPDATE conversation SET waiting_since = NULL, bot_active = false, bot_checked_seq = $3, advisor_read_seq = $3,
                status = CASE WHEN status = 'resolved' THEN 'open' ELSE status END, resolved_at = CASE WHEN status = 'resolved' THEN NULL ELSE resolved_at END, updated_at = $2
          WHERE id = $1`,
        [conv.id, now, message.seq],
      );
      await tx.query(`UPDATE conversation_cycle SET first_response_at = COALESCE(first_response_at, $2), advisor_id = COALESCE(advisor_id, $3) WHERE id = (SELECT cycle_id FROM conversation WHERE id = $1)`, [
        conv.id,
        now,
        who.staffId,
      ]);
      return { message, conv: { ...conv, advisor_id: conv.advisor_id ?? (claimed ? who.staffId : null) }, created: true, claimed };
    });
    if (!result.created) return result.message;
    let message = result.message;
    if (result.conv.channel === 'wechat') message = await this.deliverToWechat(result.conv, message);
    this.hub.message(this.audience(result.conv), message);
    if (result.claimed) this.hub.conversation(this.audience(result.conv), await this.view(conversationId, 'staff'));
    return message;
  }

  /** A bot answer or a system line, numbered like any message; returns it (already published). */
  async post(conversationId: string, message: Omit<NewMessage, 'at'>, now = new Date(), manager?: EntityManager): Promise<ChatMessageView> {
    const run = async (tx: EntityManager) => {
      const [conv] = await tx.query<ConversationRow[]>(`SELECT * FROM conversation WHERE id = $1 FOR UPDATE`, [conversationId]);
      if (!conv) throw new ServiceException(ErrorCode.ConversationNotFound);
      const view = await this.insert(tx, conv, { ...message, at: now });
      if (message.senderKind === 'bot') await tx.query(`UPDATE conversation SET bot_checked_seq = $2 WHERE id = $1`, [conv.id, view.seq]);
      return { view, conv };
    };
    const { view, conv } = manager ? await run(manager) : await this.db.transaction(run);
    if (!manager) this.hub.message(this.audience(conv), view);
    return view;
  }

  /** Publishes a message stored by a caller's transaction once it has committed. */
  publish(conv: ConversationRow, message: ChatMessageView): void {
    this.hub.message(this.audience(conv), message);
  }

  async publishConversation(conversationId: string, previousAdvisorId?: string | null): Promise<ConversationView> {
    const view = await this.view(conversationId, 'staff');
    this.hub.conversation({ conversationId, memberId: view.memberId, advisorId: view.advisorId, storeId: view.storeId }, view, previousAdvisorId);
    return view;
  }

  async read(actor: ChatActor, conversationId: string | undefined, seq: number): Promise<void> {
    let conv: ConversationRow;
    if (actor.kind === 'member') {
      const id = await this.memberConversationId(actor.memberId);
      if (!id || (conversationId && conversationId !== id)) throw new ServiceException(ErrorCode.ConversationNotFound);
      const [rows] = (await this.db.query(`UPDATE conversation SET member_read_seq = GREATEST(member_read_seq, LEAST($2::int, last_seq)) WHERE id = $1 RETURNING *`, [
        id,
        seq,
      ])) as [ConversationRow[], number];
      conv = rows[0];
    } else {
      if (!conversationId) throw new ServiceException(ErrorCode.ValidationFailed);
      await this.staffConversation(actor, conversationId);
      const [rows] = (await this.db.query(`UPDATE conversation SET advisor_read_seq = GREATEST(advisor_read_seq, LEAST($2::int, last_seq)) WHERE id = $1 RETURNING *`, [
        conversationId,
        seq,
      ])) as [ConversationRow[], number];
      conv = rows[0];
    }
    const reader = actor.kind === 'member' ? 'member' : 'advisor';
    this.hub.read(this.audience(conv), { conversationId: conv.id, reader, seq: reader === 'member' ? conv.member_read_seq : conv.advisor_read_seq });
  }

  async typing(actor: ChatActor, conversationId: string | undefined, typing: boolean): Promise<void> {
    let conv: ConversationRow | undefined;
    if (actor.kind === 'member') {
      [conv] = await this.db.query<ConversationRow[]>(`SELECT * FROM conversation WHERE member_id = $1 AND channel = 'app'`, [actor.memberId]);
      if (!conv || (conversationId && conversationId !== conv.id)) return;
    } else {
      if (!conversationId) throw new ServiceException(ErrorCode.ValidationFailed);
      conv = await this.staffConversation(actor, conversationId);
      if (conv.channel === 'wechat' && conv.openid) {
        // WeChat shows "typing" only within 30 s of the member's last message; outside that it says 45080.
        this.wechat.customTyping(conv.openid, typing).catch(() => undefined);
      }
    }
    this.hub.typing(this.audience(conv), { conversationId: conv.id, who: actor.kind === 'member' ? 'member' : 'advisor', typing });
  }

  async setStatus(who: StaffPrincipal, conversationId: string, status: ConversationStatus, now = new Date()): Promise<ConversationView> {
    const outcome = await this.db.transaction(async (tx) => {
      const conv = await this.staffConversation(who, conversationId, tx, true);
      this.assertMayHandle(who, conv);
      if (conv.status === status) return { conv, changed: false, invite: null as ChatMessageView | null };
      let invite: ChatMessageView | null = null;
      if (status === 'resolved') {
        await tx.query(`UPDATE conversation SET status = 'resolved', resolved_at = $2, waiting_since = NULL, updated_at = $2 WHERE id = $1`, [conv.id, now]);
        if (conv.cycle_id) {
          await tx.query(`UPDATE conversation_cycle SET resolved_at = $2, resolved_by = $3 WHERE id = $1 AND resolved_at IS NULL`, [conv.cycle_id, now, who.staffId]);
          if (conv.member_id) {
            const until = new Date(now.getTime() + 48 * 3600_000);
            const body: ChatSystemBody = {
              text: '本次服务已结束，请为顾问的服务打分',
              event: 'csat-invite',
              csat: { subject: 'conversation', subjectId: conv.cycle_id, until: until.toISOString() },
            };
            invite = await this.insert(tx, conv, { senderKind: 'system', senderId: null, type: 'system', body, at: now });
          }
        }
      } else {
        if (conv.status === 'resolved') await this.ensureCycle(tx, { ...conv }, now, true);
        await tx.query(`UPDATE conversation SET status = $2, resolved_at = NULL, updated_at = $3 WHERE id = $1`, [conv.id, status, now]);
      }
      return { conv, changed: true, invite };
    });
    if (outcome.invite) this.hub.message(this.audience(outcome.conv), outcome.invite);
    return outcome.changed ? this.publishConversation(conversationId) : this.view(conversationId, 'staff');
  }

  async setLabels(who: StaffPrincipal, conversationId: string, labels: string[]): Promise<ConversationView> {
    const conv = await this.staffConversation(who, conversationId);
    this.assertMayHandle(who, conv);
    const clean = [...new Set(labels.map((l) => l.trim()).filter((l) => l.length > 0))];
    await this.db.query(`UPDATE conversation SET labels = $2, updated_at = now() WHERE id = $1`, [conversationId, clean]);
    return this.publishConversation(conversationId);
  }

  /** A goodwill coupon from the conversation, once per key, with a coupon card in the chat. */
  async compensate(who: StaffPrincipal, conversationId: string, couponTemplateId: string, key: string): Promise<ChatMessageView> {
    const conv = await this.staffConversation(who, conversationId);
    this.assertMayHandle(who, conv);
    if (!conv.member_id) throw new ServiceException(ErrorCode.ChatMessageInvalid, 'no member', { message: '该微信用户尚未成为会员，无法发券' });
    const card = await this.coupons.templateCard(couponTemplateId);
    if (!card) throw new ServiceException(ErrorCode.CouponTemplateNotFound);
    const issued = await this.coupons.issue({
      templateCode: card.code,
      memberId: conv.member_id,
      key: `chat:${conversationId}:${key}`,
      source: 'compensation',
      reason: '会话补偿',
      issuedBy: who.staffId,
    });
    const dto: SendChatMessageDto = { clientId: `comp-${key}`.slice(0, 64), type: 'coupon', couponTemplateId };
    const message = await this.sendAsStaff(who, conversationId, dto);
    if (!issued.created) return message;
    await this.db.query(`UPDATE chat_message SET body = body || $2::jsonb WHERE id = $1::bigint`, [message.id, JSON.stringify({ memberCouponId: issued.couponId })]);
    const updated = { ...message, body: { ...(message.body as object), memberCouponId: issued.couponId } as ChatMessageBody };
    this.hub.message(this.audience({ ...conv }), updated);
    await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'coupon.compensate', memberId: conv.member_id, detail: { conversationId, couponId: issued.couponId } });
    return updated;
  }

  // --- helpers used by routing, the bot and WeChat ---

  audience(c: Pick<ConversationRow, 'id' | 'member_id' | 'advisor_id' | 'store_id'>): Audience {
    return { conversationId: c.id, memberId: c.member_id, advisorId: c.advisor_id, storeId: c.store_id };
  }

  /** Assigns inside the caller's transaction (conversation row locked by the caller). */
  async assignInTx(tx: EntityManager, conv: ConversationRow, advisorId: string, now: Date): Promise<void> {
    await tx.query(`UPDATE conversation SET advisor_id = $2, updated_at = $3 WHERE id = $1`, [conv.id, advisorId, now]);
    if (conv.cycle_id) await tx.query(`UPDATE conversation_cycle SET advisor_id = $2 WHERE id = $1`, [conv.cycle_id, advisorId]);
    await tx.query(
      `INSERT INTO advisor_presence (staff_id, capacity, last_assigned_at) VALUES ($1, $2, $3)
       ON CONFLICT (staff_id) DO UPDATE SET last_assigned_at = $3`,
      [advisorId, this.config.chatDefaultCapacity, now],
    );
  }

  /** Starts a reply cycle when there is none open (first message ever, or after resolution). Answers whether it did. */
  async ensureCycle(tx: EntityManager, conv: ConversationRow, now: Date, force = false): Promise<boolean> {
    if (conv.cycle_id && conv.status !== 'resolved' && !force) return false;
    const [cycle] = await tx.query<{ id: string }[]>(`INSERT INTO conversation_cycle (conversation_id, advisor_id, started_at) VALUES ($1, $2, $3) RETURNING id`, [
      conv.id,
      conv.advisor_id,
      now,
    ]);
    await tx.query(`UPDATE conversation SET cycle_id = $2, status = 'open', resolved_at = NULL, bot_active = true WHERE id = $1`, [conv.id, cycle.id]);
    conv.cycle_id = cycle.id;
    conv.status = 'open';
    return true;
  }

  /**
   * Numbers and stores a message in a locked conversation: one UPDATE takes the next seq (with any of the caller's
   * column changes, written against `$1` = id and `$2` = the message time), one INSERT stores it and answers its view.
   */
  async insert(tx: EntityManager, conv: ConversationRow, m: NewMessage, alsoSet?: string): Promise<ChatMessageView> {
    const [numbered] = (await tx.query(
      `UPDATE conversation SET last_seq = last_seq + 1, last_message_at = $2${alsoSet ? `, ${alsoSet}` : ''} WHERE id = $1 RETURNING last_seq AS seq`,
      [conv.id, m.at],
    )) as [{ seq: number }[], number];
    const seq = numbered[0].seq;
    conv.last_seq = seq;
    const [row] = await tx.query<MessageRow[]>(
      `WITH x AS (
         INSERT INTO chat_message (conversation_id, seq, sender_kind, sender_id, type, body, client_id, flagged, wechat_msg_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *)
       SELECT x.id::text AS id, x.conversation_id, x.seq, x.sender_kind, x.sender_id, x.type, x.body, x.client_id, x.flagged, x.delivery, x.created_at,
              CASE x.sender_kind WHEN 'advisor' THEN (SELECT name FROM staff WHERE id = x.sender_id)
                                 WHEN 'member' THEN (SELECT COALESCE(name, nickname) FROM member WHERE id = x.sender_id)
                                 WHEN 'bot' THEN '智能助手' END AS sender_name
         FROM x`,
      [conv.id, seq, m.senderKind, m.senderId, m.type, JSON.stringify(m.body), m.clientId ?? null, m.flagged ?? false, m.wechatMsgId ?? null, m.at],
    );
    return messageView(row, m.senderKind === 'member' ? 'member' : 'staff');
  }

  private async lockMemberConversation(tx: EntityManager, memberId: string, now: Date): Promise<ConversationRow> {
    const [existing] = await tx.query<ConversationRow[]>(`SELECT * FROM conversation WHERE member_id = $1 AND channel = 'app' FOR UPDATE`, [memberId]);
    if (existing) return existing;
    await tx.query(
      `INSERT INTO conversation (member_id, channel, store_id, created_at, updated_at)
       SELECT m.id, 'app', COALESCE(m.store_id, a.store_id), $2, $2 FROM member m LEFT JOIN staff a ON a.id = m.advisor_id WHERE m.id = $1
       ON CONFLICT (member_id, channel) WHERE member_id IS NOT NULL DO NOTHING`,
      [memberId, now],
    );
    const [conv] = await tx.query<ConversationRow[]>(`SELECT * FROM conversation WHERE member_id = $1 AND channel = 'app' FOR UPDATE`, [memberId]);
    if (!conv) throw new ServiceException(ErrorCode.MemberNotFound);
    return conv;
  }

  private assertMayHandle(who: StaffPrincipal, conv: ConversationRow): void {
    if (who.role === 'advisor' && conv.advisor_id !== null && conv.advisor_id !== who.staffId) {
      throw new ServiceException(ErrorCode.OutOfScope, 'conversation belongs to another advisor', { message: '该会话由其他顾问接待' });
    }
  }

  private async memberOf(conversationId: string): Promise<string | null> {
    const [row] = await this.db.query<{ member_id: string | null }[]>(`SELECT member_id FROM conversation WHERE id = $1`, [conversationId]);
    return row?.member_id ?? null;
  }

  /**
   * WeChat's content check on a member's text: `risky` is refused (nothing stored), `review` is delivered and
   * flagged. When the check itself fails the text is delivered flagged, so an outage never silences members.
   */
  async contentVerdict(openid: string, text: string): Promise<'pass' | 'review'> {
    let suggest: 'pass' | 'review' | 'risky';
    try {
      suggest = (await this.wechat.msgSecCheck(openid, text)).suggest;
    } catch (e) {
      this.logger.warn(`content check unavailable (${e instanceof WechatApiError ? e.errcode : 'error'}); message delivered and flagged`);
      return 'review';
    }
    if (suggest === 'risky') throw new ServiceException(ErrorCode.ChatContentBlocked);
    return suggest;
  }

  /** Builds a message body from ids; names, prices and links are read here, never taken from the client. */
  private async buildBody(dto: SendChatMessageDto, ctx: { memberId: string | null }): Promise<ChatMessageBody> {
    switch (dto.type) {
      case 'text':
        return { text: (dto.text ?? '').trim() };
      case 'image': {
        const name = dto.imageId ?? '';
        if (!CHAT_IMAGE_NAME.test(name) || !existsSync(join(resolve(this.config.mediaDir, 'chat'), name))) throw new ServiceException(ErrorCode.ChatImageInvalid);
        return { url: `/api/chat/images/${name}` };
      }
      case 'product': {
        const [p] = await this.db.query<{ id: string; name: string; price_fen: number; image_url: string | null }[]>(
          `SELECT id, name, price_fen, images[1] AS image_url FROM product WHERE id = $1 AND active`,
          [dto.productId],
        );
        if (!p) throw new ServiceException(ErrorCode.ProductNotFound);
        return { productId: p.id, name: p.name, priceFen: Number(p.price_fen), imageUrl: p.image_url };
      }
      case 'coupon': {
        const card = await this.coupons.templateCard(dto.couponTemplateId ?? '');
        if (!card) throw new ServiceException(ErrorCode.CouponTemplateNotFound);
        return { templateId: dto.couponTemplateId as string, name: card.name, summary: card.summary };
      }
      case 'booking': {
        const [b] = await this.db.query<{ id: string; member_id: string; service_name: string; store_name: string; starts_at: Date; status: string }[]>(
          `SELECT b.id, b.member_id, sv.name AS service_name, st.name AS store_name, b.starts_at, b.status
             FROM booking b JOIN appointment_service sv ON sv.id = b.service_id JOIN store st ON st.id = b.store_id WHERE b.id = $1`,
          [dto.bookingId],
        );
        if (!b || (ctx.memberId !== null && b.member_id !== ctx.memberId)) throw new ServiceException(ErrorCode.ChatMessageInvalid, 'booking of someone else', { message: '预约不存在' });
        return { bookingId: b.id, serviceName: b.service_name, storeName: b.store_name, startsAt: new Date(b.starts_at).toISOString(), status: b.status };
      }
      default:
        throw new ServiceException(ErrorCode.ChatMessageInvalid);
    }
  }

  /**
   * Sends an advisor's message through WeChat customer service (text; images as temporary media; product cards as
   * mini-program cards when the product's picture can be had for the card's thumbnail, otherwise as text with the
   * shop's path) and records whether WeChat took it.
   */
  private async deliverToWechat(conv: ConversationRow, message: ChatMessageView): Promise<ChatMessageView> {
    if (!conv.openid) return message;
    let delivery: 'sent' | 'failed' = 'sent';
    let error: string | null = null;
    try {
      const body = message.body as unknown as Record<string, unknown>;
      if (message.type === 'image') {
        const name = String(body['url']).split('/').pop() ?? '';
        const bytes = await readFile(join(resolve(this.config.mediaDir, 'chat'), name));
        const ext = name.split('.').pop() ?? 'jpg';
        const mediaId = await this.wechat.uploadImage(bytes, name, ext === 'png' ? 'image/png' : 'image/jpeg');
        await this.wechat.sendCustomMessage({ touser: conv.openid, msgtype: 'image', image: { media_id: mediaId } });
      } else if (message.type === 'product') {
        const title = `${String(body['name'])} ¥${(Number(body['priceFen']) / 100).toFixed(2)}`;
        const thumb = typeof body['imageUrl'] === 'string' ? await this.productThumb(body['imageUrl']) : null;
        if (thumb) {
          await this.wechat.sendCustomMessage({ touser: conv.openid, msgtype: 'miniprogrampage', miniprogrampage: { title, pagepath: WECHAT_SHOP_PAGE, thumb_media_id: thumb } });
        } else {
          await this.wechat.sendCustomMessage({ touser: conv.openid, msgtype: 'text', text: { content: `【${title}】在小程序「商城」中查看：${WECHAT_SHOP_PAGE}` } });
        }
      } else {
        await this.wechat.sendCustomMessage({ touser: conv.openid, msgtype: 'text', text: { content: String(body['text']) } });
      }
    } catch (e) {
      delivery = 'failed';
      error = e instanceof WechatApiError ? `${e.errcode} ${e.errmsg}`.slice(0, 120) : 'network error';
      this.logger.warn(`WeChat customer-service send failed: ${error}`);
    }
    await this.db.query(`UPDATE chat_message SET delivery = $2, delivery_error = $3 WHERE id = $1::bigint`, [message.id, delivery, error]);
    return { ...message, delivery };
  }

  /**
   * The temporary-media id of a product picture, for a mini-program card's thumbnail: fetched (http(s), an image by
   * its first bytes, at most 2 MB, within 5 s), uploaded, and reused for two days (WeChat keeps temporary media three).
   * Null when the picture cannot be had; the card then goes as text.
   */
  private async productThumb(url: string): Promise<string | null> {
    const known = this.thumbs.get(url);
    if (known && known.until > Date.now()) return known.mediaId;
    if (!/^https?:\/\//.test(url)) return null;
    let bytes: Buffer;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (!res.ok || Number(res.headers.get('content-length') ?? 0) > PRODUCT_THUMB_MAX_BYTES) return null;
      bytes = Buffer.from(await res.arrayBuffer());
    } catch {
      return null;
    }
    const type = detectImageType(bytes);
    if (bytes.length > PRODUCT_THUMB_MAX_BYTES || (type !== 'jpg' && type !== 'png')) return null;
    const mediaId = await this.wechat.uploadImage(bytes, `product.${type}`, type === 'png' ? 'image/png' : 'image/jpeg');
    this.thumbs.set(url, { mediaId, until: Date.now() + 2 * 86_400_000 });
    return mediaId;
  }
}
