import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CancelRedemptionDto,
  ErrorCode,
  type MemberRewardView,
  type Paged,
  type RedemptionView,
  type RewardView,
  type SaveRewardDto,
  type StaffRedemptionQuery,
} from '@glow/contracts';
import { rewardBlock, toReadableCode } from '@glow/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { storeScopeOf, type StaffPrincipal } from '../../platform/auth/principal';
import { LoyaltyException } from './loyalty.exception';
import { LoyaltyService } from './loyalty.service';
import { PointsService } from './points.service';
import { CouponService } from '../coupon/coupon.service';
import type { Reward } from './reward.entity';

type RewardRow = Reward & { redeemedCount: number };

const BLOCK_ERRORS = {
  inactive: ErrorCode.RewardNotAvailable,
  'not-started': ErrorCode.RewardNotAvailable,
  ended: ErrorCode.RewardNotAvailable,
  'sold-out': ErrorCode.RewardSoldOut,
  tier: ErrorCode.RewardTierRequired,
  limit: ErrorCode.RewardLimitReached,
  points: ErrorCode.PointsInsufficient,
} as const;

/**
 * The points mall. A redemption is one transaction: the member's account is locked, stock is taken by a
 * conditional update, the per-member count by a conditional upsert, then the points are spent; any refusal rolls
 * everything back. A repeated idempotency key answers the redemption already made.
 */
@Injectable()
export class RewardService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly points: PointsService,
    private readonly loyalty: LoyaltyService,
    private readonly coupons: CouponService,
  ) {}

  // --- staff ---

  async list(): Promise<RewardView[]> {
    const rows = await this.rows();
    return this.views(rows);
  }

  async get(id: string): Promise<RewardView> {
    const [row] = await this.rows(id);
    if (!row) throw new LoyaltyException(ErrorCode.RewardNotFound);
    return (await this.views([row]))[0];
  }

  async create(dto: SaveRewardDto): Promise<RewardView> {
    await this.check(dto);
    const [row] = await this.db.query<{ id: string }[]>(
      `INSERT INTO reward (kind, name, description, image_url, points_cost, stock_total, stock_left, per_member_limit, starts_at, ends_at, min_tier_code, product_id, coupon_template_code, active)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      this.params(dto),
    );
    return this.get(row.id);
  }

  /** Changing the total moves the units left by the same difference; it cannot drop below what was redeemed. */
  async update(id: string, dto: SaveRewardDto): Promise<RewardView> {
    await this.check(dto);
    const [updated] = await this.db.query<[unknown[], number]>(
      `UPDATE reward SET kind = $2, name = $3, description = $4, image_url = $5, points_cost = $6,
              stock_left = stock_left + ($7 - stock_total), stock_total = $7, per_member_limit = $8, starts_at = $9, ends_at = $10,
              min_tier_code = $11, product_id = $12, coupon_template_code = $13, active = $14, updated_at = now()
        WHERE id = $1 AND stock_left + ($7 - stock_total) >= 0 RETURNING id`,
      [id, ...this.params(dto)],
    );
    if (updated.length === 0) {
      const [exists] = await this.db.query<unknown[]>(`SELECT 1 FROM reward WHERE id = $1`, [id]);
      if (!exists) throw new LoyaltyException(ErrorCode.RewardNotFound);
      throw new LoyaltyException(ErrorCode.RewardInvalid, 'stock below redeemed', { message: '总库存不能少于已兑换的数量' });
    }
    return this.get(id);
  }

  async redemptions(who: StaffPrincipal, q: StaffRedemptionQuery): Promise<Paged<RedemptionView>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const scope = storeScopeOf(who);
    const rows = await this.db.query<(RedemptionRow & { total: number })[]>(
      `${REDEMPTION_SELECT}
        WHERE ($1::text IS NULL OR d.status = $1) AND ($2::uuid IS NULL OR d.member_id = $2)
          AND ($3::uuid IS NULL OR d.status = 'issued' OR d.fulfilled_store_id = $3)
        ORDER BY d.created_at DESC LIMIT $4 OFFSET $5`,
      [q.status ?? null, q.memberId ?? null, scope, pageSize, (page - 1) * pageSize],
    );
    return { items: rows.map(toRedemptionView), total: rows[0]?.total ?? 0, page, pageSize };
  }

  /** Hands over a product or service reward by its pickup code, once. */
  async pickup(who: StaffPrincipal, code: string, storeId: string | undefined): Promise<RedemptionView> {
    const store = storeScopeOf(who) ?? storeId ?? null;
    const [rows] = await this.db.query<[{ id: string }[], number]>(
      `UPDATE redemption SET status = 'fulfilled', fulfilled_at = now(), fulfilled_store_id = $2, fulfilled_by = $3
        WHERE pickup_code = $1 AND status = 'issued' RETURNING id`,
      [code.toUpperCase(), store, who.staffId],
    );
    if (rows.length === 0) throw new LoyaltyException(ErrorCode.PickupCodeInvalid);
    return this.redemption(rows[0].id);
  }

  /** Cancels an unfulfilled redemption: stock, the member's count and the points come back. */
  async cancel(who: StaffPrincipal, id: string, dto: CancelRedemptionDto): Promise<RedemptionView> {
    await this.db.transaction(async (tx) => {
      const [r] = await tx.query<{ member_id: string; reward_id: string; status: string }[]>(`SELECT member_id, reward_id, status FROM redemption WHERE id = $1`, [id]);
      if (!r) throw new LoyaltyException(ErrorCode.RedemptionNotFound);
      await this.points.lock(tx, r.member_id);
      const [done] = await tx.query<[unknown[], number]>(
        `UPDATE redemption SET status = 'cancelled', cancelled_at = now(), cancel_reason = $2
          WHERE id = $1 AND (status = 'issued' OR (status = 'fulfilled' AND pickup_code IS NULL)) RETURNING id`,
        [id, dto.reason],
      );
      if (done.length === 0) throw new LoyaltyException(ErrorCode.RedemptionStateInvalid);
      // A coupon reward is taken back only while the coupon is unused.
      if ((await this.coupons.revokeByKey(tx, `redemption:${id}`, `兑换取消：${dto.reason}`)) === 'in-use') {
        throw new LoyaltyException(ErrorCode.RedemptionStateInvalid, 'coupon used', { message: '兑换的优惠券已使用，不能取消兑换' });
      }
      await tx.query(`UPDATE reward SET stock_left = stock_left + 1 WHERE id = $1`, [r.reward_id]);
      await tx.query(`UPDATE reward_member_count SET count = count - 1 WHERE reward_id = $1 AND member_id = $2`, [r.reward_id, r.member_id]);
      const [spent] = await tx.query<{ lots: { lotId: string; points: number }[] }[]>(`SELECT lots FROM points_entry WHERE idempotency_key = $1`, [`redeem:${id}`]);
      await this.points.restore(
        tx,
        { memberId: r.member_id, reason: `兑换取消：${dto.reason}`, refType: 'redemption', refId: id, key: `redeem:${id}:restore`, staffId: who.staffId },
        spent?.lots ?? [],
      );
    });
    return this.redemption(id);
  }

  // --- members ---

  async forMember(memberId: string): Promise<MemberRewardView[]> {
    const rows = await this.rows();
    const now = new Date();
    return this.memberViews(memberId, rows.filter((r) => r.active && (!r.endsAt || r.endsAt > now)));
  }

  async oneForMember(memberId: string, id: string): Promise<MemberRewardView> {
    const [row] = await this.rows(id);
    if (!row || !row.active) throw new LoyaltyException(ErrorCode.RewardNotFound);
    return (await this.memberViews(memberId, [row]))[0];
  }

  async redeem(memberId: string, rewardId: string, idempotencyKey: string): Promise<{ view: RedemptionView; created: boolean }> {
    const id = await this.db.transaction(async (tx) => {
      const account = await this.points.lock(tx, memberId);
      const [seen] = await tx.query<{ id: string; reward_id: string }[]>(`SELECT id, reward_id FROM redemption WHERE member_id = $1 AND idempotency_key = $2`, [
        memberId,
        idempotencyKey,
      ]);
      if (seen) {
        if (seen.reward_id !== rewardId) throw new LoyaltyException(ErrorCode.IdempotencyConflict);
        return { id: seen.id, created: false };
      }
      const [reward] = await this.rows(rewardId, tx);
      if (!reward?.active) throw new LoyaltyException(ErrorCode.RewardNotFound);
      // Refuse with the precise reason (window, tier, points…) before touching anything.
      const block = await this.blockOf(tx, memberId, reward, account.balance);
      if (block && block.reason !== 'sold-out' && block.reason !== 'limit') {
        throw new LoyaltyException(BLOCK_ERRORS[block.reason], block.reason, { message: block.message });
      }
      const [taken] = await tx.query<[unknown[], number]>(`UPDATE reward SET stock_left = stock_left - 1 WHERE id = $1 AND stock_left > 0 RETURNING id`, [rewardId]);
      if (taken.length === 0) throw new LoyaltyException(ErrorCode.RewardSoldOut);
      const counted = await tx.query<unknown[]>(
        `INSERT INTO reward_member_count (reward_id, member_id, count) VALUES ($1, $2, 1)
         ON CONFLICT (reward_id, member_id) DO UPDATE SET count = reward_member_count.count + 1 WHERE reward_member_count.count < $3
         RETURNING count`,
        [rewardId, memberId, reward.perMemberLimit],
      );
      if (counted.length === 0) throw new LoyaltyException(ErrorCode.RewardLimitReached);
      const pickupCode = reward.kind === 'coupon' ? null : toReadableCode(randomBytes(8), 8);
      const [made] = await tx.query<{ id: string }[]>(
        `INSERT INTO redemption (reward_id, member_id, points, pickup_code, idempotency_key) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [rewardId, memberId, reward.pointsCost, pickupCode, idempotencyKey],
      );
      if (reward.kind === 'coupon' && reward.couponTemplateCode) {
        // The coupon is the reward: issued in this transaction (or nothing is), so it is delivered at once.
        await this.coupons.issue({ templateCode: reward.couponTemplateCode, memberId, key: `redemption:${made.id}`, source: 'mall', reason: `积分兑换「${reward.name}」` }, tx);
        await tx.query(`UPDATE redemption SET status = 'fulfilled', fulfilled_at = now() WHERE id = $1`, [made.id]);
      }
      await this.points.debit(tx, {
        memberId,
        kind: 'spend',
        points: reward.pointsCost,
        reason: `兑换「${reward.name}」`,
        refType: 'redemption',
        refId: made.id,
        key: `redeem:${made.id}`,
      });
      return { id: made.id, created: true };
    });
    return { view: await this.redemption(id.id), created: id.created };
  }

  async mine(memberId: string): Promise<RedemptionView[]> {
    const rows = await this.db.query<RedemptionRow[]>(`${REDEMPTION_SELECT} WHERE d.member_id = $1 ORDER BY d.created_at DESC LIMIT 100`, [memberId]);
    return rows.map(toRedemptionView);
  }

  async mineOne(memberId: string, id: string): Promise<RedemptionView> {
    const [row] = await this.db.query<RedemptionRow[]>(`${REDEMPTION_SELECT} WHERE d.id = $1 AND d.member_id = $2`, [id, memberId]);
    if (!row) throw new LoyaltyException(ErrorCode.RedemptionNotFound);
    return toRedemptionView(row);
  }

  async redemption(id: string): Promise<RedemptionView> {
    const [row] = await this.db.query<RedemptionRow[]>(`${REDEMPTION_SELECT} WHERE d.id = $1`, [id]);
    if (!row) throw new LoyaltyException(ErrorCode.RedemptionNotFound);
    return toRedemptionView(row);
  }

  // --- internals ---

  private async blockOf(tx: EntityManager, memberId: string, row: RewardRow, balance: number) {
    // Everything inside the transaction uses its connection: a second one per request would exhaust the pool under load.
    const tiers = await this.loyalty.tiersOf([memberId], tx);
    const ladder = await this.loyalty.ladder(tx);
    const [mine] = await tx.query<{ count: number }[]>(`SELECT count FROM reward_member_count WHERE reward_id = $1 AND member_id = $2`, [row.id, memberId]);
    const minTier = ladder.find((t) => t.code === row.minTierCode) ?? null;
    return rewardBlock(
      { ...row, minTierRank: minTier?.rank ?? null, minTierName: minTier?.name ?? null },
      { balance, tierRank: tiers.get(memberId)?.rank ?? 0, redeemedByMe: mine?.count ?? 0 },
      new Date(),
    );
  }

  private async check(dto: SaveRewardDto): Promise<void> {
    const problems: string[] = [];
    if (dto.startsAt && dto.endsAt && new Date(dto.startsAt) >= new Date(dto.endsAt)) problems.push('结束时间须晚于开始时间');
    if (dto.kind === 'product' && !dto.productId) problems.push('实物奖励须关联商品');
    if (dto.kind === 'coupon' && !dto.couponTemplateCode) problems.push('优惠券奖励须填写券模板编码');
    if (dto.kind === 'coupon' && dto.couponTemplateCode && !(await this.coupons.templateExists(dto.couponTemplateCode))) problems.push('券模板编码不存在');
    if (dto.productId) {
      const [p] = await this.db.query<unknown[]>(`SELECT 1 FROM product WHERE id = $1`, [dto.productId]);
      if (!p) problems.push('关联的商品不存在');
    }
    if (dto.minTierCode) {
      const ladder = await this.loyalty.ladder();
      if (!ladder.some((t) => t.code === dto.minTierCode)) throw new LoyaltyException(ErrorCode.TierUnknown);
    }
    if (problems.length > 0) throw new LoyaltyException(ErrorCode.RewardInvalid, problems.join('; '), { message: `兑换商品设置不正确：${problems.join('；')}` });
  }

  private params(dto: SaveRewardDto): unknown[] {
    return [
      dto.kind,
      dto.name,
      dto.description,
      dto.imageUrl ?? null,
      dto.pointsCost,
      dto.stockTotal,
      dto.perMemberLimit,
      dto.startsAt ?? null,
      dto.endsAt ?? null,
      dto.minTierCode ?? null,
      dto.kind === 'product' ? (dto.productId ?? null) : null,
      dto.kind === 'coupon' ? (dto.couponTemplateCode ?? null) : null,
      dto.active,
    ];
  }

  private async rows(id?: string, manager: Pick<EntityManager, 'query'> = this.db.manager): Promise<RewardRow[]> {
    const rows = await manager.query<Record<string, unknown>[]>(
      `SELECT r.*, (SELECT COUNT(*) FROM redemption d WHERE d.reward_id = r.id AND d.status <> 'cancelled')::int AS redeemed_count
         FROM reward r WHERE ($1::uuid IS NULL OR r.id = $1) ORDER BY r.active DESC, r.points_cost, r.created_at`,
      [id ?? null],
    );
    return rows.map((r) => ({
      id: r.id as string,
      kind: r.kind as Reward['kind'],
      name: r.name as string,
      description: r.description as string,
      imageUrl: r.image_url as string | null,
      pointsCost: r.points_cost as number,
      stockTotal: r.stock_total as number,
      stockLeft: r.stock_left as number,
      perMemberLimit: r.per_member_limit as number,
      startsAt: r.starts_at ? new Date(r.starts_at as string) : null,
      endsAt: r.ends_at ? new Date(r.ends_at as string) : null,
      minTierCode: r.min_tier_code as string | null,
      productId: r.product_id as string | null,
      couponTemplateCode: r.coupon_template_code as string | null,
      active: r.active as boolean,
      createdAt: new Date(r.created_at as string),
      updatedAt: new Date(r.updated_at as string),
      redeemedCount: r.redeemed_count as number,
    }));
  }

  private async views(rows: RewardRow[]): Promise<RewardView[]> {
    const ladder = await this.loyalty.ladder();
    return rows.map((r) => {
      const tier = ladder.find((t) => t.code === r.minTierCode);
      return {
        id: r.id,
        kind: r.kind,
        name: r.name,
        description: r.description,
        imageUrl: r.imageUrl,
        pointsCost: r.pointsCost,
        stockTotal: r.stockTotal,
        stockLeft: r.stockLeft,
        perMemberLimit: r.perMemberLimit,
        startsAt: r.startsAt?.toISOString() ?? null,
        endsAt: r.endsAt?.toISOString() ?? null,
        minTier: tier ? { code: tier.code, name: tier.name } : null,
        productId: r.productId,
        couponTemplateCode: r.couponTemplateCode,
        active: r.active,
        redeemedCount: r.redeemedCount,
      };
    });
  }

  private async memberViews(memberId: string, rows: RewardRow[]): Promise<MemberRewardView[]> {
    const [views, totals, tiers, ladder, counts] = await Promise.all([
      this.views(rows),
      this.points.totals(memberId),
      this.loyalty.tiersOf([memberId]),
      this.loyalty.ladder(),
      this.db.query<{ reward_id: string; count: number }[]>(`SELECT reward_id, count FROM reward_member_count WHERE member_id = $1`, [memberId]),
    ]);
    const mine = new Map(counts.map((c) => [c.reward_id, c.count]));
    const now = new Date();
    return views.map((v, i) => {
      const minTier = ladder.find((t) => t.code === rows[i].minTierCode) ?? null;
      const redeemedByMe = mine.get(v.id) ?? 0;
      const block = rewardBlock(
        { ...rows[i], minTierRank: minTier?.rank ?? null, minTierName: minTier?.name ?? null },
        { balance: totals.balance, tierRank: tiers.get(memberId)?.rank ?? 0, redeemedByMe },
        now,
      );
      return { ...v, redeemable: block === null, blockedReason: block?.message ?? null, redeemedByMe };
    });
  }
}

interface RedemptionRow {
  id: string;
  reward_id: string;
  kind: RedemptionView['reward']['kind'];
  name: string;
  image_url: string | null;
  member_id: string;
  member_no: string;
  member_name: string | null;
  points: number;
  status: RedemptionView['status'];
  pickup_code: string | null;
  fulfilled_at: Date | null;
  store_id: string | null;
  store_name: string | null;
  cancelled_at: Date | null;
  created_at: Date;
  total?: number;
}

const REDEMPTION_SELECT = `
  SELECT d.id, d.reward_id, r.kind, r.name, r.image_url, d.member_id, m.member_no, COALESCE(m.name, m.nickname) AS member_name,
         d.points, d.status, d.pickup_code, d.fulfilled_at, s.id AS store_id, s.name AS store_name, d.cancelled_at, d.created_at,
         COUNT(*) OVER ()::int AS total
    FROM redemption d
    JOIN reward r ON r.id = d.reward_id
    JOIN member m ON m.id = d.member_id
    LEFT JOIN store s ON s.id = d.fulfilled_store_id`;

function toRedemptionView(r: RedemptionRow): RedemptionView {
  return {
    id: r.id,
    reward: { id: r.reward_id, kind: r.kind, name: r.name, imageUrl: r.image_url },
    member: { id: r.member_id, memberNo: r.member_no, name: r.member_name },
    points: r.points,
    status: r.status,
    pickupCode: r.pickup_code,
    fulfilledAt: r.fulfilled_at ? new Date(r.fulfilled_at).toISOString() : null,
    fulfilledStore: r.store_id ? { id: r.store_id, name: r.store_name ?? '' } : null,
    cancelledAt: r.cancelled_at ? new Date(r.cancelled_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
