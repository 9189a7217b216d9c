import { NotificationService } from '../notification/notification.service';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AdjustPointsDto,
  type EarningRulesDto,
  type EarningRulesView,
  ErrorCode,
  type Paged,
  POINTS_ENTRY_LABELS,
  type PointsEntryKind,
  type PointsEntryView,
  type PointsLotStatus,
  type PointsRefType,
  type PointsSummary,
  type SaveTiersDto,
  type StaffMemberPoints,
  type TierProgressView,
  type TierView,
} from '@glow/contracts';
import {
  businessDate,
  downgradeOn,
  type EarnLine,
  isBirthdayMonth,
  monthStart,
  orderPoints,
  pointsSchedule,
  pointsToReverse,
  profileCompleteness,
  reviewTier,
  type TierReviewOutcome,
  type TierRung,
  tierProgress,
  validateLadder,
} from '@glow/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service';
import type { StaffPrincipal } from '../../platform/auth/principal';
import { MemberPrivileges } from '../member/member-privileges';
import { EarningRules } from './earning-rules.entity';
import { LoyaltyException } from './loyalty.exception';
import { PointsService, type ReversalResult } from './points.service';
import { Tier } from './tier.entity';

/** What the order module tells loyalty about a paid order. */
export interface PaidOrderSnapshot {
  orderId: string;
  memberId: string;
  paidAt: Date;
  totalFen: number;
  lines: EarnLine[];
  /** Shown in the points history, e.g. 门店消费 ¥399.00（小票 A1001）. */
  description: string;
}

export interface RefundSnapshot {
  orderId: string;
  refundId: string;
  memberId: string;
  paidAt: Date;
  totalFen: number;
  refundedBeforeFen: number;
  refundNowFen: number;
  description: string;
}

export interface OrderPoints {
  earned: number;
  status: PointsLotStatus | null;
  activatesAt: string | null;
}

export const DEFAULT_LADDER = [
  { code: 'pink', name: '粉卡', minSpendFen: 0, multiplierPct: 100, bookingExtraDays: 0, description: '入会即享：消费积分、生日月双倍积分' },
  { code: 'silver', name: '银卡', minSpendFen: 200_000, multiplierPct: 110, bookingExtraDays: 3, description: '积分 1.1 倍，预约可多提前 3 天' },
  { code: 'gold', name: '金卡', minSpendFen: 600_000, multiplierPct: 120, bookingExtraDays: 7, description: '积分 1.2 倍，生日礼券，预约可多提前 7 天，专属兑换' },
  { code: 'black', name: '黑金', minSpendFen: 1_500_000, multiplierPct: 150, bookingExtraDays: 14, description: '积分 1.5 倍，生日礼券，预约可多提前 14 天，专属顾问' },
];

const RULE_FIELDS = [
  'pointsPerYuan',
  'birthdayMultiplierPct',
  'bonusRules',
  'monthlyCap',
  'returnWindowDays',
  'validityDays',
  'expiryReminderDays',
  'profileBonus',
  'skinTestBonus',
  'referralBonus',
  'bonusMonthlyCap',
  'tierGraceDays',
] as const satisfies readonly (keyof EarningRulesDto)[];

/**
 * Earning rules, tiers and what a purchase or a refund does to a member's points and tier. The ledger itself is
 * `PointsService`; the order module calls `earnForOrder` / `reverseForRefund` inside its own transaction.
 */
@Injectable()
export class LoyaltyService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly points: PointsService,
    private readonly audit: AuditService,
    private readonly privileges: MemberPrivileges,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.privileges.provide({ bookingExtraDays: (memberId) => this.bookingExtraDays(memberId) });
  }

  // --- rules ---

  async rules(manager: EntityManager = this.db.manager): Promise<EarningRules> {
    const repo = manager.getRepository(EarningRules);
    const found = await repo.findOne({ where: { id: 1 } });
    if (found) return found;
    await manager.query(`INSERT INTO earning_rules (id) VALUES (1) ON CONFLICT (id) DO NOTHING`);
    return repo.findOneOrFail({ where: { id: 1 } });
  }

  async rulesView(): Promise<EarningRulesView> {
    return toRulesView(await this.rules());
  }

  async saveRules(dto: EarningRulesDto): Promise<EarningRulesView> {
    await this.rules();
    const changes: Partial<EarningRules> = {};
    for (const f of RULE_FIELDS) (changes as Record<string, unknown>)[f] = f === 'bonusRules' ? dto.bonusRules.map((r) => ({ ...r })) : dto[f];
    await this.db.getRepository(EarningRules).update({ id: 1 }, changes);
    return this.rulesView();
  }

  // --- tiers ---

  /** The ladder, lowest first; the default one is created on first use. */
  async ladder(manager: EntityManager = this.db.manager): Promise<(TierRung & Tier)[]> {
    let rows = await manager.getRepository(Tier).find({ order: { rank: 'ASC' } });
    if (rows.length === 0) {
      for (const [rank, t] of DEFAULT_LADDER.entries()) {
        await manager.query(
          `INSERT INTO tier (code, name, rank, min_spend_fen, multiplier_pct, booking_extra_days, description, birthday_coupon_code)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
          [t.code, t.name, rank, t.minSpendFen, t.multiplierPct, t.bookingExtraDays, t.description, rank >= 2 ? `birthday-${t.code}` : null],
        );
      }
      rows = await manager.getRepository(Tier).find({ order: { rank: 'ASC' } });
    }
    return rows;
  }

  async tierViews(): Promise<TierView[]> {
    const ladder = await this.ladder();
    // Members never evaluated yet (no purchase, no review so far) hold the lowest tier.
    const counts = await this.db.query<{ tier_code: string; n: number }[]>(
      `SELECT COALESCE(t.tier_code, $1) AS tier_code, COUNT(*)::int AS n
         FROM member m LEFT JOIN member_tier t ON t.member_id = m.id WHERE m.deleted_at IS NULL GROUP BY 1`,
      [ladder[0].code],
    );
    const countOf = new Map(counts.map((c) => [c.tier_code, c.n]));
    return ladder.map((t) => ({ ...tierBrief(t), minSpendFen: t.minSpendFen, benefits: benefitsOf(t), memberCount: countOf.get(t.code) ?? 0 }));
  }

  /** Replaces the whole ladder; a tier still held by members or required by a reward cannot be removed. */
  async saveLadder(dto: SaveTiersDto): Promise<TierView[]> {
    const problems = validateLadder(dto.tiers);
    if (problems.length > 0) {
      throw new LoyaltyException(ErrorCode.TierLadderInvalid, problems.join('; '), { message: `会员等级设置不正确：${problems.join('；')}` });
    }
    await this.db.transaction(async (tx) => {
      await tx.query(`LOCK TABLE tier IN EXCLUSIVE MODE`);
      const keep = dto.tiers.map((t) => t.code);
      const [used] = await tx.query<{ n: number }[]>(
        `SELECT (SELECT COUNT(*) FROM member_tier WHERE NOT (tier_code = ANY($1)))::int + (SELECT COUNT(*) FROM reward WHERE min_tier_code IS NOT NULL AND NOT (min_tier_code = ANY($1)))::int AS n`,
        [keep],
      );
      if (used.n > 0) throw new LoyaltyException(ErrorCode.TierInUse);
      await tx.query(`DELETE FROM tier WHERE NOT (code = ANY($1))`, [keep]);
      await tx.query(`UPDATE tier SET rank = rank + 100`);
      for (const [rank, t] of dto.tiers.entries()) {
        await tx.query(
          `INSERT INTO tier (code, name, rank, min_spend_fen, multiplier_pct, booking_extra_days, description, birthday_coupon_code)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (code) DO UPDATE SET name = $2, rank = $3, min_spend_fen = $4, multiplier_pct = $5, booking_extra_days = $6, description = $7, birthday_coupon_code = $8`,
          [t.code, t.name, rank, t.minSpendFen, t.multiplierPct, t.benefits.bookingExtraDays, t.benefits.description, t.benefits.birthdayCouponCode ?? null],
        );
      }
    });
    return this.tierViews();
  }

  /** The member's tier row, created at the lowest tier on first use; locked when inside a transaction. */
  async memberTier(manager: EntityManager, memberId: string, lock: boolean, known?: TierRung[]): Promise<{ tier_code: string; below_since: string | null }> {
    const ladder = known ?? (await this.ladder(manager));
    await manager.query(`INSERT INTO member_tier (member_id, tier_code) VALUES ($1, $2) ON CONFLICT (member_id) DO NOTHING`, [memberId, ladder[0].code]);
    const [row] = await manager.query<{ tier_code: string; below_since: string | null }[]>(
      `SELECT tier_code, to_char(below_since, 'YYYY-MM-DD') AS below_since FROM member_tier WHERE member_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [memberId],
    );
    return row;
  }

  /** Qualifying spend in the rolling 12 months: paid minus refunded, by the date of the purchase. */
  async spendOf(manager: EntityManager, memberId: string): Promise<number> {
    const [row] = await manager.query<{ fen: string }[]>(
      `SELECT COALESCE(SUM(amount_fen), 0) AS fen FROM tier_spend WHERE member_id = $1 AND occurred_at > now() - interval '12 months'`,
      [memberId],
    );
    return Number(row.fen);
  }

  /** Re-evaluates a member's tier: at a purchase only upgrades, at the daily review also downgrades (one level, after the grace). */
  async evaluateTier(
    tx: EntityManager,
    memberId: string,
    mode: 'purchase' | 'review',
    known?: { ladder: TierRung[]; rules: EarningRules; current: { tier_code: string; below_since: string | null } },
  ): Promise<TierReviewOutcome> {
    const ladder = known?.ladder ?? (await this.ladder(tx));
    const current = known?.current ?? (await this.memberTier(tx, memberId, true, ladder));
    const spendFen = await this.spendOf(tx, memberId);
    const rules = known?.rules ?? (await this.rules(tx));
    const today = businessDate(new Date());
    const outcome = reviewTier({ ladder, currentCode: current.tier_code, spendFen, belowSince: current.below_since, today, graceDays: rules.tierGraceDays, mode });
    const changed = outcome.code !== current.tier_code;
    await tx.query(
      `UPDATE member_tier SET tier_code = $2, below_since = $3, since = CASE WHEN $4 THEN now() ELSE since END,
              reviewed_on = CASE WHEN $5 THEN $6::date ELSE reviewed_on END
        WHERE member_id = $1`,
      [memberId, outcome.code, outcome.belowSince, changed, mode === 'review', today],
    );
    if (changed) {
      const [change] = await tx.query<{ id: string }[]>(
        `INSERT INTO tier_change (member_id, from_code, to_code, reason, spend_fen) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [memberId, current.tier_code, outcome.code, outcome.reason, spendFen],
      );
      const up = (ladder.find((t) => t.code === outcome.code)?.rank ?? 0) > (ladder.find((t) => t.code === current.tier_code)?.rank ?? 0);
      const tierName = ladder.find((t) => t.code === outcome.code)?.name ?? outcome.code;
      // Sent only if the member allowed tier-change messages; queued in this transaction, so it goes out only if the change holds.
      await this.notifications.enqueue(
        {
          memberId,
          template: 'tier-change',
          page: 'packages/loyalty/pages/points/index',
          data: { phrase1: up ? '等级升级' : '等级调整', thing2: tierName.slice(0, 20), date3: today, thing4: up ? '恭喜升级，新权益已生效' : '继续消费可恢复等级' },
          key: `tier-change:${change.id}`,
          source: 'tier-review',
        },
        tx,
      );
    }
    return outcome;
  }

  async tierProgressOf(memberId: string): Promise<TierProgressView> {
    const manager = this.db.manager;
    const current = await this.memberTier(manager, memberId, false);
    const [ladder, spendFen, rules] = [await this.ladder(manager), await this.spendOf(manager, memberId), await this.rules(manager)];
    const tier = ladder.find((t) => t.code === current.tier_code) ?? ladder[0];
    const progress = tierProgress(ladder, tier.code, spendFen);
    return {
      tier: tierBrief(tier),
      qualifyingSpendFen: spendFen,
      next: progress.next ? { ...tierBrief(progress.next), minSpendFen: progress.next.minSpendFen } : null,
      needFen: progress.needFen,
      ratio: progress.ratio,
      downgradeOn: downgradeOn(current.below_since, rules.tierGraceDays),
      benefits: benefitsOf(tier),
    };
  }

  // --- orders ---

  /** Points and qualifying spend of a paid order, in the order module's transaction. Idempotent per order. */
  async earnForOrder(tx: EntityManager, s: PaidOrderSnapshot): Promise<OrderPoints> {
    await this.points.lock(tx, s.memberId);
    const rules = await this.rules(tx);
    const ladder = await this.ladder(tx);
    const current = await this.memberTier(tx, s.memberId, true, ladder);
    const tier = ladder.find((t) => t.code === current.tier_code);
    const [member] = await tx.query<{ birthday: string | null }[]>(`SELECT to_char(birthday, 'YYYY-MM-DD') AS birthday FROM member WHERE id = $1`, [s.memberId]);
    let capLeft: number | null = null;
    if (rules.monthlyCap > 0) {
      const [used] = await tx.query<{ n: number }[]>(
        `SELECT COALESCE(SUM(earned), 0)::int AS n FROM points_lot WHERE member_id = $1 AND ref_type = 'order' AND status <> 'cancelled' AND created_at >= $2`,
        [s.memberId, monthStart(s.paidAt)],
      );
      capLeft = Math.max(0, rules.monthlyCap - used.n);
    }
    const earn = orderPoints(s.lines, rules, {
      tierMultiplierPct: tier?.multiplierPct ?? 100,
      birthdayMonth: isBirthdayMonth(member?.birthday ?? null, s.paidAt),
      capLeft,
    });
    const schedule = pointsSchedule(s.paidAt, rules.returnWindowDays, rules.validityDays);
    const pending = rules.returnWindowDays > 0;
    if (earn.points > 0) {
      await this.points.credit(tx, {
        memberId: s.memberId,
        kind: 'earn',
        points: earn.points,
        pending,
        activatesAt: pending ? schedule.activatesAt : s.paidAt,
        expiresAt: schedule.expiresAt,
        reason: earn.capped ? `${s.description}（已达本月积分上限）` : s.description,
        refType: 'order',
        refId: s.orderId,
        key: `order:${s.orderId}:earn`,
      });
    }
    await tx.query(
      `INSERT INTO tier_spend (member_id, amount_fen, order_id, occurred_at, idempotency_key) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (idempotency_key) DO NOTHING`,
      [s.memberId, s.totalFen, s.orderId, s.paidAt, `order:${s.orderId}:spend`],
    );
    // The member's tier row is locked since the start of this transaction: reuse what was read.
    await this.evaluateTier(tx, s.memberId, 'purchase', { ladder, rules, current });
    return { earned: earn.points, status: earn.points > 0 ? (pending ? 'pending' : 'active') : null, activatesAt: earn.points > 0 ? (pending ? schedule.activatesAt : s.paidAt).toISOString() : null };
  }

  /** Takes back the points of the refunded share and lowers the qualifying spend; idempotent per refund. */
  async reverseForRefund(tx: EntityManager, s: RefundSnapshot): Promise<ReversalResult> {
    await this.points.lock(tx, s.memberId);
    const [lot] = await tx.query<{ earned: number }[]>(`SELECT earned FROM points_lot WHERE ref_type = 'order' AND ref_id = $1 ORDER BY created_at LIMIT 1`, [s.orderId]);
    const points = lot
      ? pointsToReverse({ earned: lot.earned, totalFen: s.totalFen, refundedBeforeFen: s.refundedBeforeFen, refundNowFen: s.refundNowFen })
      : 0;
    const result = await this.points.reverse(
      tx,
      { memberId: s.memberId, reason: s.description, refType: 'order', refId: s.orderId, key: `refund:${s.refundId}:points`, lotRef: { refType: 'order', refId: s.orderId } },
      points,
    );
    await tx.query(
      `INSERT INTO tier_spend (member_id, amount_fen, order_id, occurred_at, idempotency_key) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (idempotency_key) DO NOTHING`,
      [s.memberId, -s.refundNowFen, s.orderId, s.paidAt, `refund:${s.refundId}:spend`],
    );
    return result;
  }

  /** The points each order earned and their state, for order views. */
  async orderPoints(orderIds: string[]): Promise<Map<string, OrderPoints>> {
    if (orderIds.length === 0) return new Map();
    const rows = await this.db.query<{ ref_id: string; earned: number; status: PointsLotStatus; activates_at: Date }[]>(
      `SELECT DISTINCT ON (ref_id) ref_id, earned, status, activates_at FROM points_lot WHERE ref_type = 'order' AND ref_id = ANY($1) ORDER BY ref_id, created_at`,
      [orderIds],
    );
    return new Map(rows.map((r) => [r.ref_id, { earned: r.earned, status: r.status, activatesAt: new Date(r.activates_at).toISOString() }]));
  }

  // --- members ---

  async summary(memberId: string): Promise<PointsSummary> {
    await this.grantBonuses(memberId);
    const rules = await this.rules();
    const totals = await this.points.totals(memberId);
    const [soon] = await this.db.query<{ expires_at: Date; points: number }[]>(
      `SELECT expires_at, SUM(remaining)::int AS points FROM points_lot
        WHERE member_id = $1 AND status = 'active' AND remaining > 0 AND expires_at <= now() + make_interval(days => $2)
        GROUP BY expires_at ORDER BY expires_at LIMIT 1`,
      [memberId, rules.expiryReminderDays],
    );
    return {
      ...totals,
      expiringSoon: soon ? { points: soon.points, expiresAt: new Date(soon.expires_at).toISOString() } : null,
      tier: await this.tierProgressOf(memberId),
    };
  }

  async history(memberId: string, page = 1, pageSize = 20): Promise<Paged<PointsEntryView>> {
    const rows = await this.db.query<EntryRow[]>(
      `SELECT id, kind, delta, pending_delta, reason, ref_type, ref_id, created_at, COUNT(*) OVER ()::int AS total
         FROM points_entry WHERE member_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
      [memberId, pageSize, (page - 1) * pageSize],
    );
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && page > 1) {
      const [c] = await this.db.query<{ n: number }[]>(`SELECT COUNT(*)::int AS n FROM points_entry WHERE member_id = $1`, [memberId]);
      total = c.n;
    }
    return { items: rows.map(toEntryView), total, page, pageSize };
  }

  async staffView(memberId: string): Promise<StaffMemberPoints> {
    const [summary, lots, entries, changes] = await Promise.all([
      this.summary(memberId),
      this.db.query<{ id: string; earned: number; remaining: number; status: PointsLotStatus; reason: string; activates_at: Date; expires_at: Date; created_at: Date }[]>(
        `SELECT id, earned, remaining, status, reason, activates_at, expires_at, created_at FROM points_lot WHERE member_id = $1 ORDER BY created_at DESC LIMIT 200`,
        [memberId],
      ),
      this.history(memberId, 1, 100),
      this.db.query<{ from_code: string | null; to_code: string; reason: string; spend_fen: string; created_at: Date }[]>(
        `SELECT from_code, to_code, reason, spend_fen, created_at FROM tier_change WHERE member_id = $1 ORDER BY created_at DESC LIMIT 50`,
        [memberId],
      ),
    ]);
    return {
      summary,
      lots: lots.map((l) => ({
        id: l.id,
        earned: l.earned,
        remaining: l.remaining,
        status: l.status,
        reason: l.reason,
        activatesAt: new Date(l.activates_at).toISOString(),
        expiresAt: new Date(l.expires_at).toISOString(),
        createdAt: new Date(l.created_at).toISOString(),
      })),
      entries: entries.items,
      tierHistory: changes.map((c) => ({ from: c.from_code, to: c.to_code, reason: c.reason, spendFen: Number(c.spend_fen), createdAt: new Date(c.created_at).toISOString() })),
    };
  }

  /** Admin adjustment with a reason, audited; a negative one takes lots like a spend and never goes below zero. */
  async adjust(who: StaffPrincipal, memberId: string, dto: AdjustPointsDto): Promise<StaffMemberPoints> {
    const key = `adjust:${dto.idempotencyKey}`;
    await this.db.transaction(async (tx) => {
      await this.points.lock(tx, memberId);
      const [seen] = await tx.query<{ member_id: string; delta: number }[]>(`SELECT member_id, delta FROM points_entry WHERE idempotency_key = $1`, [key]);
      if (seen) {
        if (seen.member_id !== memberId || seen.delta !== dto.delta) throw new LoyaltyException(ErrorCode.IdempotencyConflict);
        return;
      }
      const rules = await this.rules(tx);
      const change = { memberId, reason: `人工调整：${dto.reason}`, refType: 'adjustment' as const, refId: null, key, staffId: who.staffId };
      if (dto.delta > 0) {
        const now = new Date();
        await this.points.credit(tx, { ...change, kind: 'adjust', points: dto.delta, pending: false, activatesAt: now, expiresAt: pointsSchedule(now, 0, rules.validityDays).expiresAt });
      } else if (dto.delta < 0) {
        await this.points.debit(tx, { ...change, kind: 'adjust', points: -dto.delta });
      }
      await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'points.adjust', memberId, detail: { delta: dto.delta, reason: dto.reason } }, tx);
    });
    return this.staffView(memberId);
  }

  /** An opening balance from the import, once per member; answers false when the member already has one. */
  async creditOpening(tx: EntityManager, memberId: string, points: number, note: string, importId: string): Promise<boolean> {
    const rules = await this.rules(tx);
    const now = new Date();
    const lot = await this.points.credit(tx, {
      memberId,
      kind: 'opening',
      points,
      pending: false,
      activatesAt: now,
      expiresAt: pointsSchedule(now, 0, rules.validityDays).expiresAt,
      reason: note ? `期初积分导入：${note}` : '期初积分导入',
      refType: 'import',
      refId: importId,
      key: `opening:${memberId}`,
    });
    return lot !== null;
  }

  // --- one-off bonuses ---

  /** Grants the one-off bonuses the member has earned (profile, first skin test, referrals), once each. */
  async grantBonuses(memberId: string): Promise<number> {
    const rules = await this.rules();
    const [m] = await this.db.query<BonusMemberRow[]>(
      `SELECT id, nickname, avatar_url, gender, to_char(birthday, 'YYYY-MM-DD') AS birthday, city, skin_profile_at, deleted_at FROM member WHERE id = $1`,
      [memberId],
    );
    if (!m || m.deleted_at) return 0;
    const due: { key: string; points: number; reason: string }[] = [];
    const complete =
      profileCompleteness({ nickname: m.nickname, avatarUrl: m.avatar_url, gender: m.gender, birthday: m.birthday, city: m.city, hasSkinProfile: m.skin_profile_at !== null })
        .percent === 100;
    if (complete && rules.profileBonus > 0) due.push({ key: `bonus:profile:${memberId}`, points: rules.profileBonus, reason: '完善个人资料奖励' });
    if (m.skin_profile_at && rules.skinTestBonus > 0) due.push({ key: `bonus:skin-test:${memberId}`, points: rules.skinTestBonus, reason: '首次完成肌肤测试奖励' });
    if (rules.referralBonus > 0) {
      const referees = await this.db.query<{ id: string }[]>(`SELECT id FROM member WHERE referred_by_id = $1 AND deleted_at IS NULL ORDER BY joined_at`, [memberId]);
      for (const r of referees) due.push({ key: `bonus:referral:${r.id}`, points: rules.referralBonus, reason: '推荐好友入会奖励' });
    }
    if (due.length === 0) return 0;
    const seen = new Set(
      (await this.db.query<{ idempotency_key: string }[]>(`SELECT idempotency_key FROM points_entry WHERE idempotency_key = ANY($1)`, [due.map((d) => d.key)])).map(
        (r) => r.idempotency_key,
      ),
    );
    let granted = 0;
    for (const d of due.filter((x) => !seen.has(x.key))) {
      granted += await this.db.transaction(async (tx) => {
        await this.points.lock(tx, memberId);
        const now = new Date();
        let points = d.points;
        if (rules.bonusMonthlyCap > 0) {
          const [used] = await tx.query<{ n: number }[]>(
            `SELECT COALESCE(SUM(earned), 0)::int AS n FROM points_lot WHERE member_id = $1 AND ref_type = 'bonus' AND created_at >= $2`,
            [memberId, monthStart(now)],
          );
          points = Math.min(points, rules.bonusMonthlyCap - used.n);
        }
        // Over this month's cap: left for next month rather than lost.
        if (points <= 0) return 0;
        const lot = await this.points.credit(tx, {
          memberId,
          kind: 'bonus',
          points,
          pending: false,
          activatesAt: now,
          expiresAt: pointsSchedule(now, 0, rules.validityDays).expiresAt,
          reason: d.reason,
          refType: 'bonus',
          refId: null,
          key: d.key,
        });
        return lot ? points : 0;
      });
    }
    return granted;
  }

  /** Members who may have a bonus due (the job's candidates). */
  async bonusCandidates(limit: number): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT m.id FROM member m
        WHERE m.deleted_at IS NULL AND (
          (m.skin_profile_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM points_entry e WHERE e.idempotency_key = 'bonus:skin-test:' || m.id))
          OR (m.nickname IS NOT NULL AND m.avatar_url IS NOT NULL AND m.birthday IS NOT NULL AND m.city IS NOT NULL AND m.gender <> 'unknown'
              AND m.skin_profile_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM points_entry e WHERE e.idempotency_key = 'bonus:profile:' || m.id))
          OR EXISTS (SELECT 1 FROM member r WHERE r.referred_by_id = m.id AND r.deleted_at IS NULL
                      AND NOT EXISTS (SELECT 1 FROM points_entry e WHERE e.idempotency_key = 'bonus:referral:' || r.id)))
        ORDER BY m.id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /** Extra days the member may book ahead, from their tier's benefits. */
  async bookingExtraDays(memberId: string): Promise<number> {
    const [row] = await this.db.query<{ days: number }[]>(
      `SELECT t.booking_extra_days AS days FROM member_tier mt JOIN tier t ON t.code = mt.tier_code WHERE mt.member_id = $1`,
      [memberId],
    );
    return row?.days ?? 0;
  }

  /** Brief tier of many members at once (lowest tier for members never evaluated). */
  async tiersOf(memberIds: string[], manager: EntityManager = this.db.manager): Promise<Map<string, { code: string; name: string; rank: number; multiplierPct: number }>> {
    const ladder = await this.ladder(manager);
    const rows = memberIds.length
      ? await manager.query<{ member_id: string; tier_code: string }[]>(`SELECT member_id, tier_code FROM member_tier WHERE member_id = ANY($1)`, [memberIds])
      : [];
    const byCode = new Map(ladder.map((t) => [t.code, t]));
    const codeOf = new Map(rows.map((r) => [r.member_id, r.tier_code]));
    return new Map(memberIds.map((id) => [id, tierBrief(byCode.get(codeOf.get(id) ?? '') ?? ladder[0])]));
  }
}

interface EntryRow {
  id: string;
  kind: PointsEntryKind;
  delta: number;
  pending_delta: number;
  reason: string;
  ref_type: PointsRefType;
  ref_id: string | null;
  created_at: Date;
  total: number;
}

interface BonusMemberRow {
  id: string;
  nickname: string | null;
  avatar_url: string | null;
  gender: 'female' | 'male' | 'unknown';
  birthday: string | null;
  city: string | null;
  skin_profile_at: Date | null;
  deleted_at: Date | null;
}

function toEntryView(r: EntryRow): PointsEntryView {
  return {
    id: String(r.id),
    kind: r.kind,
    label: POINTS_ENTRY_LABELS[r.kind],
    delta: r.delta,
    pendingDelta: r.pending_delta,
    reason: r.reason,
    refType: r.ref_type,
    refId: r.ref_id,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export function tierBrief(t: Pick<Tier, 'code' | 'name' | 'rank' | 'multiplierPct'>): { code: string; name: string; rank: number; multiplierPct: number } {
  return { code: t.code, name: t.name, rank: t.rank, multiplierPct: t.multiplierPct };
}

function benefitsOf(t: Tier): TierProgressView['benefits'] {
  return { birthdayCouponCode: t.birthdayCouponCode, bookingExtraDays: t.bookingExtraDays, description: t.description };
}

function toRulesView(r: EarningRules): EarningRulesView {
  const view = Object.fromEntries(RULE_FIELDS.map((f) => [f, r[f]])) as unknown as EarningRulesDto;
  return { ...view, updatedAt: r.updatedAt.toISOString() };
}

