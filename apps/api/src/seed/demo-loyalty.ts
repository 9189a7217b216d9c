import { randomInt } from 'node:crypto';
import { orderNumber, pointsSchedule, tierForSpend, type TierRung } from '@glow/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_LADDER } from '../modules/loyalty/loyalty.service';
import type { SeedProgress } from './demo-seed';

const BATCH = 200;
const DAY = 86_400_000;
const RETURN_WINDOW_DAYS = 7;
const VALIDITY_DAYS = 365;

/** Points-mall rewards of the demo brand. */
const DEMO_REWARDS = [
  { kind: 'product', sku: 'GL-SK-001', name: '水光洁面旅行装', description: '30g 旅行装，到店出示提货码领取', pointsCost: 300, stock: 200, limit: 2, tier: null },
  { kind: 'product', sku: 'GL-SK-004', name: '焕颜酵素洁颜粉小样', description: '5g × 3 体验装，到店领取', pointsCost: 500, stock: 120, limit: 1, tier: null },
  { kind: 'service', sku: null, name: '肌肤检测一次', description: '专业仪器肌肤检测，兑换后到店出示提货码', pointsCost: 800, stock: 60, limit: 1, tier: null },
  { kind: 'service', sku: null, name: '专属彩妆造型', description: '金卡及以上会员专享，顾问一对一造型 60 分钟', pointsCost: 2000, stock: 20, limit: 1, tier: 'gold' },
  { kind: 'coupon', sku: null, name: '满 300 减 50 券', description: '护肤品类满 ¥300 可用，兑换后立即发放至券包', pointsCost: 1000, stock: 500, limit: 3, tier: null },
] as const;

/**
 * Loyalty of the demo brand: the default tier ladder and earning rules, points-mall rewards, and a year of store
 * purchases for half the demo members, written the way the API writes them (orders, lots, ledger, tier spend,
 * accounts), so the points invariant holds on the seeded data. Idempotent: members with orders are skipped.
 */
export async function seedLoyalty(db: DataSource, progress?: SeedProgress, log: (line: string) => void = () => undefined): Promise<number> {
  await db.query(`INSERT INTO earning_rules (id) VALUES (1) ON CONFLICT (id) DO NOTHING`);
  for (const [rank, t] of DEFAULT_LADDER.entries()) {
    await db.query(
      `INSERT INTO tier (code, name, rank, min_spend_fen, multiplier_pct, booking_extra_days, description, birthday_coupon_code)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE NOT EXISTS (SELECT 1 FROM tier WHERE rank = $3) ON CONFLICT (code) DO NOTHING`,
      [t.code, t.name, rank, t.minSpendFen, t.multiplierPct, t.bookingExtraDays, t.description, rank >= 2 ? `birthday-${t.code}` : null],
    );
  }
  const [{ n: rewards }] = await db.query<{ n: number }[]>(`SELECT COUNT(*)::int AS n FROM reward`);
  if (rewards === 0) {
    for (const r of DEMO_REWARDS) {
      await db.query(
        `INSERT INTO reward (kind, name, description, points_cost, stock_total, stock_left, per_member_limit, min_tier_code, product_id, coupon_template_code, active)
         VALUES ($1, $2, $3, $4, $5, $5, $6, $7, (SELECT id FROM product WHERE sku = $8), $9, true)`,
        [r.kind, r.name, r.description, r.pointsCost, r.stock, r.limit, r.tier, r.sku, r.kind === 'coupon' ? 'SKINCARE-300-50' : null],
      );
    }
  }
  const ladder = (await db.query<{ code: string; name: string; rank: number; min_spend_fen: string; multiplier_pct: number }[]>(`SELECT * FROM tier ORDER BY rank`)).map<TierRung>(
    (t) => ({ code: t.code, name: t.name, rank: t.rank, minSpendFen: Number(t.min_spend_fen), multiplierPct: t.multiplier_pct }),
  );
  const members = await db.query<{ id: string; store_id: string | null; advisor_id: string | null; joined_at: Date }[]>(
    `SELECT m.id, m.store_id, m.advisor_id, m.joined_at FROM member m
      WHERE m.member_no ~ '^S[0-9]{7}$' AND m.deleted_at IS NULL AND substring(m.member_no, 2)::int % 2 = 0
        AND NOT EXISTS (SELECT 1 FROM sales_order o WHERE o.member_id = m.id)
      ORDER BY m.member_no`,
  );
  if (members.length === 0) return 0;
  const [fallbackStore] = await db.query<{ id: string }[]>(`SELECT id FROM store ORDER BY code LIMIT 1`);
  progress?.start(members.length, 'store purchases');
  let orders = 0;
  for (let from = 0; from < members.length; from += BATCH) {
    const batch = members.slice(from, from + BATCH);
    await db.transaction(async (tx) => {
      for (const m of batch) orders += await seedMemberPurchases(tx, m, fallbackStore.id, ladder);
    });
    progress?.advance(batch.length);
  }
  progress?.stop();
  log(`${orders} demo store purchases for ${members.length} members`);
  return orders;
}

async function seedMemberPurchases(
  tx: EntityManager,
  m: { id: string; store_id: string | null; advisor_id: string | null; joined_at: Date },
  fallbackStore: string,
  ladder: TierRung[],
): Promise<number> {
  const now = Date.now();
  const earliest = Math.max(new Date(m.joined_at).getTime(), now - 330 * DAY);
  const count = 1 + randomInt(0, 5);
  const dates = Array.from({ length: count }, () => new Date(earliest + randomInt(0, Math.max(1, now - earliest - 3_600_000)))).sort((a, b) => a.getTime() - b.getTime());
  let balance = 0;
  let pending = 0;
  let spend = 0;
  for (const paidAt of dates) {
    const totalFen = (199 + randomInt(0, 2800)) * 100;
    const points = totalFen / 100;
    const orderNo = orderNumber('S', paidAt, randomInt(0, 100_000_000));
    const key = `demo:${orderNo}`;
    const [order] = await tx.query<{ id: string }[]>(
      `INSERT INTO sales_order (order_no, member_id, channel, status, store_id, advisor_id, receipt_no, subtotal_fen, discount_fen, total_fen, idempotency_key, paid_at, created_at)
       VALUES ($1, $2, 'store', 'paid', $3, $4, $5, $6, 0, $6, $7, $8, $8) RETURNING id`,
      [orderNo, m.id, m.store_id ?? fallbackStore, m.advisor_id, `D${orderNo.slice(1)}`, totalFen, key, paidAt],
    );
    const { activatesAt, expiresAt } = pointsSchedule(paidAt, RETURN_WINDOW_DAYS, VALIDITY_DAYS);
    const active = activatesAt.getTime() <= now;
    const [lot] = await tx.query<{ id: string }[]>(
      `INSERT INTO points_lot (member_id, earned, remaining, status, reason, ref_type, ref_id, activates_at, expires_at, created_at)
       VALUES ($1, $2, $2, $3, $4, 'order', $5, $6, $7, $8) RETURNING id`,
      [m.id, points, active ? 'active' : 'pending', `门店消费 ¥${(totalFen / 100).toFixed(2)}（小票 D${orderNo.slice(1)}）`, order.id, activatesAt, expiresAt, paidAt],
    );
    const lots = JSON.stringify([{ lotId: lot.id, points }]);
    await tx.query(
      `INSERT INTO points_entry (member_id, kind, delta, pending_delta, reason, ref_type, ref_id, idempotency_key, lots, created_at)
       VALUES ($1, 'earn', 0, $2, $3, 'order', $4, $5, $6, $7)`,
      [m.id, points, `门店消费 ¥${(totalFen / 100).toFixed(2)}`, order.id, `order:${order.id}:earn`, lots, paidAt],
    );
    if (active) {
      await tx.query(
        `INSERT INTO points_entry (member_id, kind, delta, pending_delta, reason, ref_type, ref_id, idempotency_key, lots, created_at)
         VALUES ($1, 'activate', $2, $3, $4, 'order', $5, $6, $7, $8)`,
        [m.id, points, -points, `门店消费 ¥${(totalFen / 100).toFixed(2)}`, order.id, `activate:${lot.id}`, lots, activatesAt],
      );
      balance += points;
    } else pending += points;
    await tx.query(`INSERT INTO tier_spend (member_id, amount_fen, order_id, occurred_at, idempotency_key) VALUES ($1, $2, $3, $4, $5)`, [
      m.id,
      totalFen,
      order.id,
      paidAt,
      `order:${order.id}:spend`,
    ]);
    spend += totalFen;
  }
  await tx.query(
    `INSERT INTO points_account (member_id, balance, pending, debt) VALUES ($1, $2, $3, 0)
     ON CONFLICT (member_id) DO UPDATE SET balance = points_account.balance + $2, pending = points_account.pending + $3`,
    [m.id, balance, pending],
  );
  const tier = tierForSpend(ladder, spend);
  await tx.query(`INSERT INTO member_tier (member_id, tier_code) VALUES ($1, $2) ON CONFLICT (member_id) DO UPDATE SET tier_code = $2`, [m.id, tier.code]);
  if (tier.rank > 0) {
    await tx.query(`INSERT INTO tier_change (member_id, from_code, to_code, reason, spend_fen) VALUES ($1, $2, $3, $4, $5)`, [
      m.id,
      ladder[0].code,
      tier.code,
      `近 12 个月消费 ¥${(spend / 100).toFixed(2)}，升级为${tier.name}`,
      spend,
    ]);
  }
  return dates.length;
}
