import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type Customer360Booking, type Customer360View } from '@glow/contracts';
import { businessDate, formatYuan, messagePreview } from '@glow/domain';
import { AuditService } from '../../platform/audit/audit.service';
import { type StaffPrincipal, storeScopeOf } from '../../platform/auth/principal';
import { LoyaltyService } from '../loyalty/loyalty.service';
import { ServiceException } from './service.exception';

/**
 * Everything an advisor needs beside a conversation, read in one go from the modules' tables: profile, skin, tier
 * and points, coupons, bookings, orders and repurchase due dates, tags, previous conversations and tickets. Each view
 * is audited (who looked at which member).
 */
@Injectable()
export class Customer360Service {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly loyalty: LoyaltyService,
    private readonly audit: AuditService,
  ) {}

  async view(who: StaffPrincipal, memberId: string, now = new Date()): Promise<Customer360View> {
    const [m] = await this.db.query<
      {
        id: string;
        member_no: string;
        name: string | null;
        nickname: string | null;
        avatar_url: string | null;
        phone_masked: string | null;
        gender: string | null;
        birthday: string | null;
        city: string | null;
        joined_at: Date;
        store_id: string | null;
        store_name: string | null;
        advisor_id: string | null;
        advisor_name: string | null;
        deleted_at: Date | null;
      }[]
    >(
      `SELECT m.id, m.member_no, m.name, m.nickname, m.avatar_url, m.phone_masked, m.gender, to_char(m.birthday, 'YYYY-MM-DD') AS birthday, m.city, m.joined_at,
              m.store_id, st.name AS store_name, m.advisor_id, a.name AS advisor_name, m.deleted_at
         FROM member m LEFT JOIN store st ON st.id = m.store_id LEFT JOIN staff a ON a.id = m.advisor_id WHERE m.id = $1`,
      [memberId],
    );
    if (!m || m.deleted_at) throw new ServiceException(ErrorCode.MemberNotFound);
    const scope = storeScopeOf(who);
    // Store staff see their store's members and anyone who is talking to their store.
    if (scope && m.store_id && m.store_id !== scope) {
      const [talking] = await this.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM conversation WHERE member_id = $1 AND store_id = $2`, [memberId, scope]);
      if (talking.n === 0) throw new ServiceException(ErrorCode.OutOfScope);
    }
    await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'member.view-360', memberId });

    const summary = await this.loyalty.summary(memberId);
    const [skin] = await this.db.query<{ skin_type: string; concerns: string[]; taken_at: Date }[]>(
      `SELECT skin_type, concerns, taken_at FROM skin_result WHERE member_id = $1 ORDER BY taken_at DESC LIMIT 1`,
      [memberId],
    );
    const tags = await this.db.query<{ id: string; name: string }[]>(`SELECT t.id, t.label AS name FROM member_tag mt JOIN tag t ON t.id = mt.tag_id WHERE mt.member_id = $1 ORDER BY t.label`, [memberId]);
    const coupons = await this.db.query<{ id: string; name: string; valid_until: Date }[]>(
      `SELECT c.id, t.name, c.valid_until FROM member_coupon c JOIN coupon_template t ON t.id = c.template_id
        WHERE c.member_id = $1 AND c.status = 'available' AND c.valid_until > $2 ORDER BY c.valid_until LIMIT 20`,
      [memberId, now],
    );
    const bookings = await this.db.query<(Customer360Booking & { starts: Date })[]>(
      `SELECT b.id, sv.name AS "serviceName", st.name AS "storeName", b.starts_at AS starts, b.status
         FROM booking b JOIN appointment_service sv ON sv.id = b.service_id JOIN store st ON st.id = b.store_id
        WHERE b.member_id = $1 ORDER BY b.starts_at DESC LIMIT 30`,
      [memberId],
    );
    const orders = await this.db.query<{ id: string; order_no: string; channel: string; total_fen: number; refunded_fen: number; paid_at: Date; items: string }[]>(
      `SELECT o.id, o.order_no, o.channel, o.total_fen, o.refunded_fen, o.paid_at,
              (SELECT string_agg(i.name || '×' || i.quantity, '、' ORDER BY i.position) FROM order_item i WHERE i.order_id = o.id) AS items
         FROM sales_order o WHERE o.member_id = $1 AND o.paid_at IS NOT NULL ORDER BY o.paid_at DESC LIMIT 10`,
      [memberId],
    );
    // Repurchase due: the last purchase of each product with a usage period, plus that period.
    const due = await this.db.query<{ product_id: string; name: string; due_on: string }[]>(
      `SELECT DISTINCT ON (p.id) p.id AS product_id, p.name, to_char((o.paid_at AT TIME ZONE 'Asia/Shanghai')::date + p.usage_days, 'YYYY-MM-DD') AS due_on
         FROM sales_order o JOIN order_item i ON i.order_id = o.id JOIN product p ON p.id = i.product_id
        WHERE o.member_id = $1 AND o.status IN ('paid', 'partially_refunded') AND p.usage_days IS NOT NULL
        ORDER BY p.id, o.paid_at DESC`,
      [memberId],
    );
    const conversations = await this.db.query<{ id: string; channel: 'app' | 'wechat'; status: 'open' | 'pending' | 'resolved'; created_at: Date; last_type: string | null; last_body: Record<string, unknown> | null }[]>(
      `SELECT c.id, c.channel, c.status, c.created_at, x.type AS last_type, x.body AS last_body
         FROM conversation c LEFT JOIN chat_message x ON x.conversation_id = c.id AND x.seq = c.last_seq WHERE c.member_id = $1 ORDER BY c.last_message_at DESC NULLS LAST`,
      [memberId],
    );
    const tickets = await this.db.query<{ id: string; ticket_no: string; title: string; status: Customer360View['tickets'][number]['status']; created_at: Date }[]>(
      `SELECT id, ticket_no, title, status, created_at FROM ticket WHERE member_id = $1 ORDER BY created_at DESC LIMIT 20`,
      [memberId],
    );
    const today = businessDate(now);
    const tier = summary.tier;
    return {
      member: {
        id: m.id,
        memberNo: m.member_no,
        name: m.name ?? m.nickname,
        avatarUrl: m.avatar_url,
        phoneMasked: m.phone_masked,
        gender: m.gender,
        birthday: m.birthday,
        city: m.city,
        joinedAt: new Date(m.joined_at).toISOString(),
        storeName: m.store_name,
        advisorId: m.advisor_id,
        advisorName: m.advisor_name,
      },
      tier: {
        name: tier.tier.name,
        nextName: tier.next?.name ?? null,
        progressPercent: Math.round(tier.ratio * 100),
        toNextLabel: tier.next ? `再消费 ${formatYuan(tier.needFen)} 升级${tier.next.name}` : null,
      },
      points: { balance: summary.balance, expiringSoon: summary.expiringSoon?.points ?? 0, expiringOn: summary.expiringSoon ? businessDate(new Date(summary.expiringSoon.expiresAt)) : null },
      skin: skin ? { skinType: skin.skin_type, concerns: skin.concerns, testedAt: new Date(skin.taken_at).toISOString() } : null,
      tags,
      coupons: coupons.map((c) => ({ id: c.id, name: c.name, summary: `有效期至 ${businessDate(new Date(c.valid_until))}`, validUntil: new Date(c.valid_until).toISOString() })),
      bookings: {
        upcoming: bookings.filter((b) => new Date(b.starts) >= now && b.status === 'booked').reverse().map(({ starts, ...b }) => ({ ...b, startsAt: new Date(starts).toISOString() })),
        past: bookings.filter((b) => !(new Date(b.starts) >= now && b.status === 'booked')).slice(0, 10).map(({ starts, ...b }) => ({ ...b, startsAt: new Date(starts).toISOString() })),
      },
      orders: orders.map((o) => ({
        id: o.id,
        orderNo: o.order_no,
        channel: o.channel,
        paidFen: Number(o.total_fen) - Number(o.refunded_fen),
        paidAt: new Date(o.paid_at).toISOString(),
        items: o.items ?? '',
      })),
      repurchaseDue: due
        .sort((a, b) => a.due_on.localeCompare(b.due_on))
        .map((d) => ({ productId: d.product_id, productName: d.name, dueOn: d.due_on, overdue: d.due_on < today })),
      conversations: conversations.map((c) => ({
        id: c.id,
        channel: c.channel,
        status: c.status,
        createdAt: new Date(c.created_at).toISOString(),
        lastPreview: c.last_type ? messagePreview(c.last_type as never, c.last_body ?? {}) : null,
      })),
      tickets: tickets.map((t) => ({ id: t.id, ticketNo: t.ticket_no, title: t.title, status: t.status, createdAt: new Date(t.created_at).toISOString() })),
    };
  }
}
