import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  type CreateTicketDto,
  type CsatDto,
  type MemberTicketView,
  type TicketCompensationDto,
  type TicketDetailView,
  type TicketEventKind,
  type TicketQuery,
  type TicketStatus,
  type TicketView,
  type UpdateTicketDto,
} from '@glow/contracts';
import { businessDate, canMoveTicket, csatAllowed, csatOpenUntil, escalationLevelAt, formatTicketNo, slaDueAt, ticketStatusNote } from '@glow/domain';
import { AuditService } from '../../platform/audit/audit.service';
import { type StaffPrincipal, storeScopeOf } from '../../platform/auth/principal';
import { CouponService } from '../coupon/coupon.service';
import { LoyaltyService } from '../loyalty/loyalty.service';
import { ServiceException } from './service.exception';

interface TicketRow {
  id: string;
  ticket_no: string;
  member_id: string;
  member_name: string | null;
  store_id: string | null;
  category: TicketView['category'];
  priority: TicketView['priority'];
  status: TicketStatus;
  title: string;
  description: string;
  order_id: string | null;
  order_no: string | null;
  booking_id: string | null;
  conversation_id: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  sla_due_at: Date;
  escalation_level: number;
  created_at: Date;
  updated_at: Date;
  resolved_at: Date | null;
  closed_at: Date | null;
}

const TICKET_SELECT = `
  SELECT t.*, COALESCE(m.name, m.nickname) AS member_name, o.order_no, a.name AS assignee_name
    FROM ticket t JOIN member m ON m.id = t.member_id LEFT JOIN sales_order o ON o.id = t.order_id LEFT JOIN staff a ON a.id = t.assignee_id`;

function ticketView(r: TicketRow, now = new Date()): TicketView {
  return {
    id: r.id,
    ticketNo: r.ticket_no,
    memberId: r.member_id,
    memberName: r.member_name,
    storeId: r.store_id,
    category: r.category,
    priority: r.priority,
    status: r.status,
    title: r.title,
    description: r.description,
    orderId: r.order_id,
    orderNo: r.order_no,
    bookingId: r.booking_id,
    conversationId: r.conversation_id,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    slaDueAt: new Date(r.sla_due_at).toISOString(),
    overdue: r.status !== 'resolved' && r.status !== 'closed' && new Date(r.sla_due_at) < now,
    escalationLevel: r.escalation_level,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
  };
}

/**
 * Complaints and after-sales tickets: numbered per day, due by an SLA from their priority, moved through
 * new → in progress → waiting on member → resolved → closed by compare-and-set, with a full history, idempotent
 * compensation in coupons or points, and escalation when the SLA passes. Members follow the public part.
 */
@Injectable()
export class TicketService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly coupons: CouponService,
    private readonly loyalty: LoyaltyService,
    private readonly audit: AuditService,
  ) {}

  async list(who: StaffPrincipal, q: TicketQuery, now = new Date()): Promise<TicketView[]> {
    const rows = await this.db.query<TicketRow[]>(
      `${TICKET_SELECT}
        WHERE ($1::uuid IS NULL OR t.store_id = $1 OR t.store_id IS NULL) AND ($2::text IS NULL OR t.status = $2)
          AND ($3::uuid IS NULL OR t.assignee_id = $3) AND ($4::uuid IS NULL OR t.member_id = $4)
          AND (NOT $5::boolean OR (t.status NOT IN ('resolved', 'closed') AND t.sla_due_at < $6))
        ORDER BY CASE WHEN t.status IN ('resolved', 'closed') THEN 1 ELSE 0 END, t.sla_due_at LIMIT 500`,
      [storeScopeOf(who), q.status ?? null, q.mine === 'true' ? who.staffId : null, q.memberId ?? null, q.overdue === 'true', now],
    );
    return rows.map((r) => ticketView(r, now));
  }

  async create(who: StaffPrincipal, dto: CreateTicketDto, now = new Date()): Promise<TicketDetailView> {
    const id = await this.db.transaction(async (tx) => {
      const [member] = await tx.query<{ id: string; store_id: string | null; advisor_id: string | null; deleted_at: Date | null }[]>(
        `SELECT id, store_id, advisor_id, deleted_at FROM member WHERE id = $1`,
        [dto.memberId],
      );
      if (!member || member.deleted_at) throw new ServiceException(ErrorCode.MemberNotFound);
      const scope = storeScopeOf(who);
      if (scope && member.store_id && member.store_id !== scope) throw new ServiceException(ErrorCode.OutOfScope);
      if (dto.orderId) {
        const [o] = await tx.query<{ member_id: string | null }[]>(`SELECT member_id FROM sales_order WHERE id = $1`, [dto.orderId]);
        if (!o || o.member_id !== dto.memberId) throw new ServiceException(ErrorCode.TicketInvalid);
      }
      if (dto.bookingId) {
        const [b] = await tx.query<{ member_id: string }[]>(`SELECT member_id FROM booking WHERE id = $1`, [dto.bookingId]);
        if (!b || b.member_id !== dto.memberId) throw new ServiceException(ErrorCode.TicketInvalid);
      }
      if (dto.conversationId) {
        const [c] = await tx.query<{ member_id: string | null }[]>(`SELECT member_id FROM conversation WHERE id = $1`, [dto.conversationId]);
        if (!c || c.member_id !== dto.memberId) throw new ServiceException(ErrorCode.TicketInvalid);
      }
      const assignee = dto.assigneeId ?? (who.role === 'advisor' ? who.staffId : member.advisor_id);
      if (assignee) await this.assertAssignable(tx, who, assignee);
      const day = businessDate(now);
      const [counter] = await tx.query<{ last: number }[]>(
        `INSERT INTO ticket_day_counter (day, last) VALUES ($1, 1) ON CONFLICT (day) DO UPDATE SET last = ticket_day_counter.last + 1 RETURNING last`,
        [day],
      );
      const [row] = await tx.query<{ id: string }[]>(
        `INSERT INTO ticket (ticket_no, member_id, store_id, category, priority, title, description, order_id, booking_id, conversation_id, assignee_id, created_by, sla_due_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id`,
        [
          formatTicketNo(now, counter.last),
          dto.memberId,
          member.store_id ?? who.storeId,
          dto.category,
          dto.priority,
          dto.title.trim(),
          dto.description.trim(),
          dto.orderId ?? null,
          dto.bookingId ?? null,
          dto.conversationId ?? null,
          assignee ?? null,
          who.staffId,
          slaDueAt(dto.priority, now),
          now,
        ],
      );
      await this.event(tx, row.id, 'created', who.staffId, { to: 'new', note: ticketStatusNote('new'), at: now });
      await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'ticket.create', memberId: dto.memberId, detail: { ticketId: row.id } }, tx);
      return row.id;
    });
    return this.detail(who, id);
  }

  async detail(who: StaffPrincipal, id: string, now = new Date()): Promise<TicketDetailView> {
    const row = await this.scoped(who, id);
    const events = await this.db.query<
      { id: string; kind: TicketEventKind; actor_kind: 'staff' | 'member' | 'system'; actor_name: string | null; from_status: TicketStatus | null; to_status: TicketStatus | null; note: string | null; internal: boolean; detail: Record<string, unknown>; created_at: Date }[]
    >(
      `SELECT e.id::text AS id, e.kind, e.actor_kind, CASE e.actor_kind WHEN 'staff' THEN s.name WHEN 'member' THEN COALESCE(m.name, m.nickname) ELSE NULL END AS actor_name,
              e.from_status, e.to_status, e.note, e.internal, e.detail, e.created_at
         FROM ticket_event e LEFT JOIN staff s ON e.actor_kind = 'staff' AND s.id = e.actor_id LEFT JOIN member m ON e.actor_kind = 'member' AND m.id = e.actor_id
        WHERE e.ticket_id = $1 ORDER BY e.id`,
      [id],
    );
    const compensations = await this.db.query<{ kind: 'coupon' | 'points'; points: number | null; name: string | null; reason: string; created_at: Date }[]>(
      `SELECT c.kind, c.points, t.name, c.reason, c.created_at FROM ticket_compensation c LEFT JOIN coupon_template t ON t.id = c.coupon_template_id WHERE c.ticket_id = $1 ORDER BY c.created_at`,
      [id],
    );
    const [csat] = await this.db.query<{ score: number; comment: string | null }[]>(`SELECT score, comment FROM csat_response WHERE subject_kind = 'ticket' AND subject_id = $1`, [id]);
    return {
      ...ticketView(row, now),
      events: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        actorKind: e.actor_kind,
        actorName: e.actor_name,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        note: e.note,
        internal: e.internal,
        detail: e.detail,
        createdAt: new Date(e.created_at).toISOString(),
      })),
      compensations: compensations.map((c) => ({
        kind: c.kind,
        label: c.kind === 'points' ? `补偿积分 ${c.points} 分（${c.reason}）` : `补偿优惠券「${c.name ?? ''}」（${c.reason}）`,
        createdAt: new Date(c.created_at).toISOString(),
      })),
      csat: csat ?? null,
    };
  }

  async update(who: StaffPrincipal, id: string, dto: UpdateTicketDto, now = new Date()): Promise<TicketDetailView> {
    await this.db.transaction(async (tx) => {
      const row = await this.scoped(who, id, tx, true);
      if (row.status === 'closed') throw new ServiceException(ErrorCode.TicketStatusInvalid);
      const priority = dto.priority ?? row.priority;
      // A new priority moves the SLA from when the ticket was opened.
      const due = dto.priority && dto.priority !== row.priority ? slaDueAt(dto.priority, new Date(row.created_at)) : new Date(row.sla_due_at);
      await tx.query(`UPDATE ticket SET category = $2, priority = $3, title = $4, sla_due_at = $5, updated_at = $6 WHERE id = $1`, [
        id,
        dto.category ?? row.category,
        priority,
        dto.title?.trim() ?? row.title,
        due,
        now,
      ]);
      if (dto.priority && dto.priority !== row.priority) {
        await this.event(tx, id, 'priority', who.staffId, { internal: true, detail: { from: row.priority, to: dto.priority }, at: now });
      }
    });
    return this.detail(who, id);
  }

  async move(who: StaffPrincipal, id: string, to: TicketStatus, note: string | undefined, now = new Date()): Promise<TicketDetailView> {
    await this.db.transaction(async (tx) => {
      const row = await this.scoped(who, id, tx, true);
      if (!canMoveTicket(row.status, to)) throw new ServiceException(ErrorCode.TicketStatusInvalid);
      const [changed] = (await tx.query(
        `UPDATE ticket SET status = $3::text, updated_at = $4,
                resolved_at = CASE WHEN $3::text = 'resolved' THEN $4 WHEN $3::text = 'in_progress' THEN NULL ELSE resolved_at END,
                closed_at = CASE WHEN $3::text = 'closed' THEN $4 ELSE closed_at END,
                assignee_id = COALESCE(assignee_id, CASE WHEN $5::text = 'advisor' THEN $6::uuid END)
          WHERE id = $1 AND status = $2::text RETURNING id`,
        [id, row.status, to, now, who.role, who.staffId],
      )) as [unknown[], number];
      if (changed.length === 0) throw new ServiceException(ErrorCode.TicketStatusInvalid);
      await this.event(tx, id, 'status', who.staffId, { from: row.status, to, note: note?.trim() || ticketStatusNote(to), at: now });
    });
    return this.detail(who, id);
  }

  async assign(who: StaffPrincipal, id: string, assigneeId: string, now = new Date()): Promise<TicketDetailView> {
    await this.db.transaction(async (tx) => {
      const row = await this.scoped(who, id, tx, true);
      if (row.status === 'closed') throw new ServiceException(ErrorCode.TicketStatusInvalid);
      await this.assertAssignable(tx, who, assigneeId);
      await tx.query(`UPDATE ticket SET assignee_id = $2, updated_at = $3 WHERE id = $1`, [id, assigneeId, now]);
      await this.event(tx, id, 'assigned', who.staffId, { internal: true, detail: { assigneeId }, at: now });
    });
    return this.detail(who, id);
  }

  async note(who: StaffPrincipal, id: string, note: string, internal: boolean, now = new Date()): Promise<TicketDetailView> {
    await this.db.transaction(async (tx) => {
      const row = await this.scoped(who, id, tx, true);
      if (row.status === 'closed') throw new ServiceException(ErrorCode.TicketStatusInvalid);
      await tx.query(`UPDATE ticket SET updated_at = $2 WHERE id = $1`, [id, now]);
      await this.event(tx, id, internal ? 'note' : 'reply', who.staffId, { note: note.trim(), internal, at: now });
    });
    return this.detail(who, id);
  }

  /** Coupons or points for the member, once per key (a retried click gives nothing more). */
  async compensate(who: StaffPrincipal, id: string, dto: TicketCompensationDto, now = new Date()): Promise<TicketDetailView> {
    const row = await this.scoped(who, id);
    if (row.status === 'closed') throw new ServiceException(ErrorCode.TicketStatusInvalid);
    if ((dto.kind === 'coupon') !== Boolean(dto.couponTemplateId) || (dto.kind === 'points') !== Boolean(dto.points)) {
      throw new ServiceException(ErrorCode.ValidationFailed, 'coupon needs couponTemplateId, points needs points', { message: '补偿券须选择优惠券，补偿积分须填写积分数' });
    }
    const [seen] = await this.db.query<{ id: string }[]>(`SELECT id FROM ticket_compensation WHERE ticket_id = $1 AND idempotency_key = $2`, [id, dto.key]);
    if (seen) return this.detail(who, id);
    let couponId: string | null = null;
    if (dto.kind === 'coupon') {
      const card = await this.coupons.templateCard(dto.couponTemplateId as string);
      if (!card) throw new ServiceException(ErrorCode.CouponTemplateNotFound);
      const issued = await this.coupons.issue({
        templateCode: card.code,
        memberId: row.member_id,
        key: `ticket:${id}:${dto.key}`,
        source: 'compensation',
        reason: `工单 ${row.ticket_no}：${dto.reason}`,
        issuedBy: who.staffId,
      });
      couponId = issued.couponId;
    } else {
      await this.loyalty.adjust(who, row.member_id, { delta: dto.points as number, reason: `工单 ${row.ticket_no} 补偿：${dto.reason}`, idempotencyKey: `ticket:${id.slice(0, 18)}:${dto.key}`.slice(0, 64) });
    }
    await this.db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }[]>(
        `INSERT INTO ticket_compensation (ticket_id, idempotency_key, kind, coupon_template_id, member_coupon_id, points, reason, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (ticket_id, idempotency_key) DO NOTHING RETURNING id`,
        [id, dto.key, dto.kind, dto.couponTemplateId ?? null, couponId, dto.points ?? null, dto.reason.trim(), who.staffId, now],
      );
      if (rows.length > 0) {
        await this.event(tx, id, 'compensation', who.staffId, {
          note: dto.kind === 'points' ? `已补偿 ${dto.points} 积分` : '已补偿优惠券，请在「我的优惠券」查看',
          detail: { kind: dto.kind, points: dto.points ?? null, couponId },
          at: now,
        });
      }
    });
    return this.detail(who, id);
  }

  /**
   * Escalates tickets past their SLA (level 1 at the due time, 2 and 3 as it drags on): an internal event, the
   * console's overdue marker, and a follow-up task for whoever has to act. Answers how many moved.
   */
  async escalate(now = new Date()): Promise<{ escalated: number }> {
    const due = await this.db.query<{ id: string; sla_due_at: Date; created_at: Date; escalation_level: number }[]>(
      `SELECT id, sla_due_at, created_at, escalation_level FROM ticket WHERE status NOT IN ('resolved', 'closed') AND sla_due_at <= $1 AND escalation_level < 3`,
      [now],
    );
    let escalated = 0;
    for (const t of due) {
      const level = escalationLevelAt(new Date(t.sla_due_at), new Date(t.created_at), now);
      if (level <= t.escalation_level) continue;
      await this.db.transaction(async (tx) => {
        const [rows] = (await tx.query(`UPDATE ticket SET escalation_level = $2 WHERE id = $1 AND escalation_level < $2 RETURNING id`, [t.id, level])) as [unknown[], number];
        if (rows.length === 0) return;
        escalated += 1;
        await this.event(tx, t.id, 'escalated', null, { internal: true, note: `已超出处理时限，升级至 ${level} 级，请店长跟进`, detail: { level }, at: now });
        // Somebody has to act: a task due today on the assignee's list (the store's, which its manager sees, when
        // nobody is assigned), once per level.
        await tx.query(
          `INSERT INTO follow_up_task (member_id, advisor_id, store_id, kind, title, due_on, source_key)
           SELECT t.member_id, t.assignee_id, t.store_id, 'ticket', left('工单' || t.ticket_no || '超时，已升级至' || $2::text || '级', 40), $3::date, $4
             FROM ticket t WHERE t.id = $1
           ON CONFLICT (source_key) DO NOTHING`,
          [t.id, level, businessDate(now), `ticket:${t.id}:escalated:${level}`],
        );
      });
    }
    return { escalated };
  }

  // --- members ---

  async memberTickets(memberId: string, now = new Date()): Promise<MemberTicketView[]> {
    const rows = await this.db.query<{ id: string }[]>(`SELECT id FROM ticket WHERE member_id = $1 ORDER BY created_at DESC LIMIT 50`, [memberId]);
    const out: MemberTicketView[] = [];
    for (const r of rows) out.push(await this.memberTicket(memberId, r.id, now));
    return out;
  }

  async memberTicket(memberId: string, id: string, now = new Date()): Promise<MemberTicketView> {
    const [t] = await this.db.query<TicketRow[]>(`${TICKET_SELECT} WHERE t.id = $1 AND t.member_id = $2`, [id, memberId]);
    if (!t) throw new ServiceException(ErrorCode.TicketNotFound);
    const events = await this.db.query<{ kind: TicketEventKind; to_status: TicketStatus | null; note: string | null; actor_kind: string; created_at: Date }[]>(
      `SELECT kind, to_status, note, actor_kind, created_at FROM ticket_event WHERE ticket_id = $1 AND NOT internal ORDER BY id`,
      [id],
    );
    const [csat] = await this.db.query<{ score: number; comment: string | null }[]>(`SELECT score, comment FROM csat_response WHERE subject_kind = 'ticket' AND subject_id = $1`, [id]);
    const open = t.status === 'resolved' && t.resolved_at && csatAllowed({ resolvedAt: new Date(t.resolved_at), now, alreadyRated: Boolean(csat) });
    return {
      id: t.id,
      ticketNo: t.ticket_no,
      title: t.title,
      category: t.category,
      status: t.status,
      createdAt: new Date(t.created_at).toISOString(),
      updatedAt: new Date(t.updated_at).toISOString(),
      events: events.map((e) => ({ kind: e.kind, status: e.to_status, text: e.note ?? '', at: new Date(e.created_at).toISOString(), byMember: e.actor_kind === 'member' })),
      csatOpenUntil: open && t.resolved_at ? csatOpenUntil(new Date(t.resolved_at)).toISOString() : null,
      csat: csat ?? null,
    };
  }

  /** The member answers; a ticket waiting on them goes back to in progress. */
  async memberReply(memberId: string, id: string, text: string, now = new Date()): Promise<MemberTicketView> {
    await this.db.transaction(async (tx) => {
      const [t] = await tx.query<{ status: TicketStatus }[]>(`SELECT status FROM ticket WHERE id = $1 AND member_id = $2 FOR UPDATE`, [id, memberId]);
      if (!t) throw new ServiceException(ErrorCode.TicketNotFound);
      if (t.status === 'closed' || t.status === 'resolved') throw new ServiceException(ErrorCode.TicketStatusInvalid);
      await tx.query(`INSERT INTO ticket_event (ticket_id, kind, actor_kind, actor_id, note, created_at) VALUES ($1, 'reply', 'member', $2, $3, $4)`, [id, memberId, text.trim(), now]);
      if (t.status === 'waiting_member') {
        await tx.query(`UPDATE ticket SET status = 'in_progress', updated_at = $2 WHERE id = $1`, [id, now]);
        await tx.query(`INSERT INTO ticket_event (ticket_id, kind, actor_kind, from_status, to_status, note, created_at) VALUES ($1, 'status', 'system', 'waiting_member', 'in_progress', $2, $3)`, [
          id,
          ticketStatusNote('in_progress'),
          now,
        ]);
      } else {
        await tx.query(`UPDATE ticket SET updated_at = $2 WHERE id = $1`, [id, now]);
      }
    });
    return this.memberTicket(memberId, id, now);
  }

  /** CSAT for a resolved conversation cycle or ticket: once, within the window after resolution. */
  async rate(memberId: string, dto: CsatDto, now = new Date()): Promise<void> {
    let resolvedAt: Date | null = null;
    let advisorId: string | null = null;
    if (dto.subject === 'ticket') {
      const [t] = await this.db.query<{ resolved_at: Date | null; assignee_id: string | null; status: string }[]>(
        `SELECT resolved_at, assignee_id, status FROM ticket WHERE id = $1 AND member_id = $2`,
        [dto.subjectId, memberId],
      );
      if (!t) throw new ServiceException(ErrorCode.TicketNotFound);
      resolvedAt = t.status === 'resolved' || t.status === 'closed' ? t.resolved_at : null;
      advisorId = t.assignee_id;
    } else {
      const [c] = await this.db.query<{ resolved_at: Date | null; advisor_id: string | null }[]>(
        `SELECT y.resolved_at, y.advisor_id FROM conversation_cycle y JOIN conversation c ON c.id = y.conversation_id WHERE y.id = $1 AND c.member_id = $2`,
        [dto.subjectId, memberId],
      );
      if (!c) throw new ServiceException(ErrorCode.ConversationNotFound);
      resolvedAt = c.resolved_at;
      advisorId = c.advisor_id;
    }
    if (!csatAllowed({ resolvedAt: resolvedAt ? new Date(resolvedAt) : null, now, alreadyRated: false })) throw new ServiceException(ErrorCode.CsatNotAllowed);
    const rows = await this.db.query<{ id: string }[]>(
      `INSERT INTO csat_response (subject_kind, subject_id, member_id, advisor_id, score, comment, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (subject_kind, subject_id) DO NOTHING RETURNING id`,
      [dto.subject, dto.subjectId, memberId, advisorId, dto.score, dto.comment?.trim() || null, now],
    );
    if (rows.length === 0) throw new ServiceException(ErrorCode.CsatNotAllowed);
  }

  // --- helpers ---

  private async scoped(who: StaffPrincipal, id: string, tx?: EntityManager, lock = false): Promise<TicketRow> {
    const [row] = await (tx ?? this.db).query<TicketRow[]>(`${TICKET_SELECT} WHERE t.id = $1 ${lock ? 'FOR UPDATE OF t' : ''}`, [id]);
    const scope = storeScopeOf(who);
    if (!row || (scope && row.store_id && row.store_id !== scope)) throw new ServiceException(ErrorCode.TicketNotFound);
    return row;
  }

  private async assertAssignable(tx: EntityManager, who: StaffPrincipal, staffId: string): Promise<void> {
    const [s] = await tx.query<{ store_id: string | null; role: string; active: boolean }[]>(`SELECT store_id, role, active FROM staff WHERE id = $1`, [staffId]);
    const scope = storeScopeOf(who);
    if (!s || !s.active || (s.role !== 'advisor' && s.role !== 'store_manager') || (scope && s.store_id !== scope)) {
      throw new ServiceException(ErrorCode.ValidationFailed, 'assignee', { message: '只能指派给本门店的顾问或店长' });
    }
  }

  private async event(
    tx: EntityManager,
    ticketId: string,
    kind: TicketEventKind,
    staffId: string | null,
    e: { from?: TicketStatus; to?: TicketStatus; note?: string; internal?: boolean; detail?: Record<string, unknown>; at: Date },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO ticket_event (ticket_id, kind, actor_kind, actor_id, from_status, to_status, note, internal, detail, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [ticketId, kind, staffId ? 'staff' : 'system', staffId, e.from ?? null, e.to ?? null, e.note ?? null, e.internal ?? false, JSON.stringify(e.detail ?? {}), e.at],
    );
  }
}
