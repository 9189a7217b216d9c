import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ErrorCode, type AdvisorAvailabilityView, type AdvisorSettingsDto, type ChatSystemBody, type ConversationView } from '@glow/contracts';
import type { StaffPrincipal } from '../../platform/auth/principal';
import { AppConfig } from '../../platform/config/app-config';
import { ChatService, ONLINE_WITHIN_SECONDS } from './chat.service';
import type { ConversationRow } from './conversation-rows';
import { ServiceException } from './service.exception';

/**
 * Who answers a conversation. The member's bound advisor when online, accepting and under capacity; otherwise the
 * store's advisors by open-conversation count (then whoever was assigned longest ago); otherwise it waits in the
 * store's queue, and the queue is drained oldest-waiting first whenever an advisor frees up or comes online.
 * Capacity holds under concurrency because every assignment to an advisor recounts under their presence row lock.
 */
@Injectable()
export class ChatRouter {
  private readonly logger = new Logger(ChatRouter.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly chat: ChatService,
    private readonly config: AppConfig,
  ) {}

  /** Tries to give an unassigned conversation to an advisor; answers whether it did. */
  async route(conversationId: string, now = new Date()): Promise<boolean> {
    const assigned = await this.db.transaction(async (tx) => {
      const [conv] = await tx.query<(ConversationRow & { bound: string | null })[]>(
        `SELECT c.*, m.advisor_id AS bound FROM conversation c LEFT JOIN member m ON m.id = c.member_id WHERE c.id = $1 FOR UPDATE OF c`,
        [conversationId],
      );
      if (!conv || conv.advisor_id !== null || conv.status === 'resolved') return null;
      const candidates = await tx.query<{ id: string; name: string }[]>(
        `SELECT s.id, s.name FROM staff s JOIN advisor_presence p ON p.staff_id = s.id
          WHERE s.active AND s.role = 'advisor' AND p.accepting AND p.last_seen > $3::timestamptz - make_interval(secs => $4)
            AND ($1::uuid IS NULL OR s.store_id = $1)
          ORDER BY (s.id = $2::uuid) DESC NULLS LAST,
                   (SELECT count(*) FROM conversation o WHERE o.advisor_id = s.id AND o.status <> 'resolved'),
                   p.last_assigned_at NULLS FIRST
          LIMIT 20`,
        [conv.store_id, conv.bound, now, ONLINE_WITHIN_SECONDS],
      );
      for (const candidate of candidates) {
        if (await this.hasRoom(tx, candidate.id)) {
          await this.chat.assignInTx(tx, conv, candidate.id, now);
          const body: ChatSystemBody = { text: `顾问 ${candidate.name} 为您服务`, event: 'assigned' };
          const message = await this.chat.insert(tx, { ...conv, advisor_id: candidate.id }, { senderKind: 'system', senderId: null, type: 'system', body, at: now });
          return { conv: { ...conv, advisor_id: candidate.id }, message };
        }
      }
      return null;
    });
    if (!assigned) return false;
    this.chat.publish(assigned.conv, assigned.message);
    await this.chat.publishConversation(conversationId);
    return true;
  }

  /** Gives waiting conversations (oldest first) to advisors with room; one store, or all. Answers how many. */
  async drainQueue(storeId?: string | null, now = new Date()): Promise<number> {
    const waiting = await this.db.query<{ id: string }[]>(
      `SELECT id FROM conversation WHERE advisor_id IS NULL AND status <> 'resolved'
         AND ($1::boolean OR store_id IS NOT DISTINCT FROM $2::uuid)
       ORDER BY waiting_since NULLS LAST, created_at LIMIT 200`,
      [storeId === undefined, storeId ?? null],
    );
    let assigned = 0;
    for (const w of waiting) {
      if (await this.route(w.id, now)) assigned += 1;
    }
    return assigned;
  }

  /** An advisor's own claim of a queued conversation (capacity is theirs to judge). */
  async claim(who: StaffPrincipal, conversationId: string, now = new Date()): Promise<ConversationView> {
    if (who.role !== 'advisor' && who.role !== 'store_manager' && who.role !== 'admin') throw new ServiceException(ErrorCode.Forbidden);
    const outcome = await this.db.transaction(async (tx) => {
      const conv = await this.chat.staffConversation(who, conversationId, tx, true);
      if (conv.advisor_id === who.staffId) return null;
      if (conv.advisor_id !== null) throw new ServiceException(ErrorCode.ConversationStatusInvalid, 'already assigned', { message: '该会话已由其他顾问接待' });
      await this.chat.assignInTx(tx, conv, who.staffId, now);
      const [me] = await tx.query<{ name: string }[]>(`SELECT name FROM staff WHERE id = $1`, [who.staffId]);
      const message = await this.chat.insert(tx, { ...conv, advisor_id: who.staffId }, {
        senderKind: 'system',
        senderId: null,
        type: 'system',
        body: { text: `顾问 ${me.name} 为您服务`, event: 'assigned' } satisfies ChatSystemBody,
        at: now,
      });
      return { conv: { ...conv, advisor_id: who.staffId }, message };
    });
    if (outcome) this.chat.publish(outcome.conv, outcome.message);
    return outcome ? this.chat.publishConversation(conversationId) : this.chat.view(conversationId, 'staff');
  }

  /** Hands a conversation to another advisor of the store who is online, accepting and under capacity. */
  async transfer(who: StaffPrincipal, conversationId: string, advisorId: string, note: string | undefined, now = new Date()): Promise<ConversationView> {
    const outcome = await this.db.transaction(async (tx) => {
      const conv = await this.chat.staffConversation(who, conversationId, tx, true);
      if (who.role === 'advisor' && conv.advisor_id !== null && conv.advisor_id !== who.staffId) {
        throw new ServiceException(ErrorCode.OutOfScope, 'not yours', { message: '只能转接自己接待的会话' });
      }
      if (conv.advisor_id === advisorId) throw new ServiceException(ErrorCode.ChatTransferInvalid, 'same advisor', { message: '会话已由该顾问接待' });
      const [target] = await tx.query<{ id: string; name: string; store_id: string | null; online: boolean; accepting: boolean }[]>(
        `SELECT s.id, s.name, s.store_id, COALESCE(p.last_seen > $2::timestamptz - make_interval(secs => $3), false) AS online, COALESCE(p.accepting, false) AS accepting
           FROM staff s LEFT JOIN advisor_presence p ON p.staff_id = s.id WHERE s.id = $1 AND s.active AND s.role = 'advisor'`,
        [advisorId, now, ONLINE_WITHIN_SECONDS],
      );
      if (!target || !target.online || !target.accepting) throw new ServiceException(ErrorCode.ChatTransferInvalid);
      if (conv.store_id !== null && target.store_id !== conv.store_id && who.role !== 'admin') throw new ServiceException(ErrorCode.ChatTransferInvalid);
      if (!(await this.hasRoom(tx, advisorId))) throw new ServiceException(ErrorCode.ChatTransferInvalid);
      const previous = conv.advisor_id;
      await this.chat.assignInTx(tx, conv, advisorId, now);
      const body: ChatSystemBody = { text: `已为您转接顾问 ${target.name}${note ? `（${note}）` : ''}`, event: 'transferred' };
      const message = await this.chat.insert(tx, { ...conv, advisor_id: advisorId }, { senderKind: 'system', senderId: null, type: 'system', body, at: now });
      return { conv: { ...conv, advisor_id: advisorId }, previous, message };
    });
    this.chat.publish(outcome.conv, outcome.message);
    const view = await this.chat.publishConversation(conversationId, outcome.previous);
    if (outcome.previous) await this.drainQueue(outcome.conv.store_id, now);
    return view;
  }

  // --- presence ---

  async heartbeat(staffIds: string[], now = new Date()): Promise<void> {
    if (staffIds.length === 0) return;
    await this.db.query(
      `INSERT INTO advisor_presence (staff_id, capacity, last_seen) SELECT id, $2, $3 FROM unnest($1::uuid[]) AS id
       ON CONFLICT (staff_id) DO UPDATE SET last_seen = $3`,
      [staffIds, this.config.chatDefaultCapacity, now],
    );
  }

  /**
   * The advisor's last socket closed at `closedAt`. A heartbeat after that (a reload's new socket, possibly on another
   * instance, whose connect overtook this disconnect) keeps them online.
   */
  async offline(staffId: string, closedAt: Date): Promise<void> {
    await this.db.query(`UPDATE advisor_presence SET last_seen = NULL WHERE staff_id = $1 AND last_seen < $2`, [staffId, closedAt]);
  }

  async settings(who: StaffPrincipal, dto: AdvisorSettingsDto): Promise<AdvisorAvailabilityView> {
    await this.db.query(
      `INSERT INTO advisor_presence (staff_id, capacity, accepting) VALUES ($1, COALESCE($2::smallint, $4::smallint), COALESCE($3::boolean, true))
       ON CONFLICT (staff_id) DO UPDATE SET capacity = COALESCE($2::smallint, advisor_presence.capacity), accepting = COALESCE($3::boolean, advisor_presence.accepting), updated_at = now()`,
      [who.staffId, dto.capacity ?? null, dto.accepting ?? null, this.config.chatDefaultCapacity],
    );
    if (dto.accepting !== false) await this.drainQueue(who.storeId);
    const [me] = await this.availability(who, who.staffId);
    return me;
  }

  /** Advisors of the caller's store (all stores for admins) with their load, for transfer and the console. */
  async availability(who: StaffPrincipal, onlyId?: string, now = new Date()): Promise<AdvisorAvailabilityView[]> {
    const rows = await this.db.query<{ id: string; name: string; store_id: string | null; online: boolean; accepting: boolean; open: number; capacity: number }[]>(
      `SELECT s.id, s.name, s.store_id,
              COALESCE(p.last_seen > $3::timestamptz - make_interval(secs => $4), false) AS online,
              COALESCE(p.accepting, true) AS accepting, COALESCE(p.capacity, $5) AS capacity,
              (SELECT count(*)::int FROM conversation c WHERE c.advisor_id = s.id AND c.status <> 'resolved') AS open
         FROM staff s LEFT JOIN advisor_presence p ON p.staff_id = s.id
        WHERE s.active AND s.role = 'advisor' AND ($1::uuid IS NULL OR s.store_id = $1) AND ($2::uuid IS NULL OR s.id = $2)
        ORDER BY s.name`,
      [who.role === 'admin' || who.role === 'marketer' ? null : who.storeId, onlyId ?? null, now, ONLINE_WITHIN_SECONDS, this.config.chatDefaultCapacity],
    );
    return rows.map((r) => ({ staffId: r.id, name: r.name, storeId: r.store_id, online: r.online, accepting: r.accepting, openConversations: r.open, capacity: Number(r.capacity) }));
  }

  /** Under the advisor's presence row lock: fewer open conversations than their capacity. */
  private async hasRoom(tx: EntityManager, advisorId: string): Promise<boolean> {
    const [p] = await tx.query<{ capacity: number }[]>(`SELECT capacity FROM advisor_presence WHERE staff_id = $1 FOR UPDATE`, [advisorId]);
    if (!p) return false;
    const [{ open }] = await tx.query<{ open: number }[]>(`SELECT count(*)::int AS open FROM conversation WHERE advisor_id = $1 AND status <> 'resolved'`, [advisorId]);
    return open < p.capacity;
  }
}
