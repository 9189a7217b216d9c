import { randomBytes, randomInt } from 'node:crypto';
import { COUPON_CODE_RANDOM_BYTES, couponValidity, toCouponCode } from '@glow/domain';
import type { DataSource } from 'typeorm';
import type { SeedProgress } from './demo-seed';

const DAY = 86_400_000;
const BATCH = 500;

interface DemoTemplate {
  code: string;
  name: string;
  description: string;
  kind: 'amount_off' | 'percent_off' | 'gift' | 'service';
  amountOffFen?: number;
  percentOff?: number;
  maxDiscountFen?: number;
  giftSku?: string;
  serviceCode?: string;
  minSpendFen: number;
  scope?: { kind: 'categories' | 'skus'; values: string[] };
  days: number;
  stock: number | null;
  limit: number;
  claimable: boolean;
  stacking?: 'exclusive' | 'stackable';
  group?: string;
  costFen: number;
  /** Share of demo members holding one (claimed or issued). */
  share: number;
}

/** The demo brand's coupons: the claim center's, the points mall's and the tiers' birthday gifts. */
const DEMO_TEMPLATES: DemoTemplate[] = [
  { code: 'NEW-10', name: '新人无门槛10元', description: '新会员专享，全场通用', kind: 'amount_off', amountOffFen: 1000, minSpendFen: 0, days: 14, stock: 5000, limit: 1, claimable: true, costFen: 1000, share: 0.3 },
  { code: 'SKINCARE-300-50', name: '护肤满300减50', description: '护肤品类满 ¥300 可用', kind: 'amount_off', amountOffFen: 5000, minSpendFen: 30000, scope: { kind: 'categories', values: ['skincare'] }, days: 30, stock: 3000, limit: 1, claimable: true, costFen: 5000, share: 0.25 },
  { code: 'MAKEUP-85', name: '彩妆8.5折', description: '彩妆类商品 8.5 折，最高减 ¥100，可与满减券叠加', kind: 'percent_off', percentOff: 15, maxDiscountFen: 10000, minSpendFen: 0, scope: { kind: 'categories', values: ['makeup'] }, days: 21, stock: 2000, limit: 2, claimable: true, stacking: 'stackable', group: 'category', costFen: 2000, share: 0.15 },
  { code: 'GIFT-MINI', name: '满500赠旅行装', description: '单笔满 ¥500 赠水光洁面旅行装一支', kind: 'gift', giftSku: 'GL-SK-001', minSpendFen: 50000, days: 30, stock: 500, limit: 1, claimable: true, costFen: 3000, share: 0.05 },
  { code: 'SKIN-CHECK', name: '免费肌肤检测', description: '预约到店，出示券码即可免费检测一次', kind: 'service', serviceCode: 'SKIN-TEST', minSpendFen: 0, days: 60, stock: 800, limit: 1, claimable: true, costFen: 2000, share: 0.05 },
  { code: 'WINBACK-50', name: '回归礼满300减50', description: '老朋友回归专享，全场满 ¥300 减 ¥50，营销活动发放', kind: 'amount_off', amountOffFen: 5000, minSpendFen: 30000, days: 14, stock: null, limit: 1, claimable: false, costFen: 5000, share: 0 },
  { code: 'birthday-gold', name: '金卡生日礼券', description: '生日月专享，全场满 ¥200 减 ¥80', kind: 'amount_off', amountOffFen: 8000, minSpendFen: 20000, days: 31, stock: null, limit: 1, claimable: false, costFen: 8000, share: 0 },
  { code: 'birthday-black', name: '黑金生日礼券', description: '生日月专享，全场满 ¥300 减 ¥150', kind: 'amount_off', amountOffFen: 15000, minSpendFen: 30000, days: 31, stock: null, limit: 1, claimable: false, costFen: 15000, share: 0 },
];

/** The demo coupon templates (active), before the points mall that issues one of them. Idempotent by code. */
export async function seedCouponTemplates(db: DataSource, log: (line: string) => void): Promise<void> {
  for (const t of DEMO_TEMPLATES) {
    await db.query(
      `INSERT INTO coupon_template (code, name, description, kind, status, amount_off_fen, percent_off, max_discount_fen, gift_sku, service_code, min_spend_fen,
                                    scope_kind, scope_values, validity_kind, valid_days, total_stock, remaining, per_member_limit, claimable, stacking, stack_group,
                                    cost_fen, published_at)
       VALUES ($1, $2, $3, $4, 'active', $5, $6, $7, $8, $9, $10, $11, $12, 'relative', $13, $14, $14, $15, $16, $17, $18, $19, now())
       ON CONFLICT (code) DO NOTHING`,
      [
        t.code,
        t.name,
        t.description,
        t.kind,
        t.amountOffFen ?? null,
        t.percentOff ?? null,
        t.maxDiscountFen ?? null,
        t.giftSku ?? null,
        t.serviceCode ?? null,
        t.minSpendFen,
        t.scope?.kind ?? 'all',
        t.scope?.values ?? [],
        t.days,
        t.stock,
        t.limit,
        t.claimable,
        t.stacking ?? 'exclusive',
        t.group ?? null,
        t.costFen,
      ],
    );
  }
  log(`${DEMO_TEMPLATES.length} demo coupon templates ready`);
}

/**
 * Coupons in demo members' wallets, claimed over the last two months: most still available, some used in store,
 * some expired. Stock and per-member counts move as a claim moves them. Idempotent: skipped once any exist.
 */
export async function seedMemberCoupons(db: DataSource, progress?: SeedProgress, log: (line: string) => void = () => undefined): Promise<number> {
  const [{ n }] = await db.query<{ n: number }[]>(`SELECT COUNT(*)::int AS n FROM member_coupon WHERE issue_key LIKE 'demo:%'`);
  if (n > 0) return 0;
  const templates = await db.query<{ id: string; code: string; valid_days: number; remaining: number | null; per_member_limit: number }[]>(
    `SELECT id, code, valid_days, remaining, per_member_limit FROM coupon_template WHERE code = ANY($1)`,
    [DEMO_TEMPLATES.filter((t) => t.share > 0).map((t) => t.code)],
  );
  const members = await db.query<{ id: string; store_id: string | null }[]>(`SELECT id, store_id FROM member WHERE member_no ~ '^S[0-9]{7}$' AND deleted_at IS NULL ORDER BY member_no`);
  progress?.start(members.length, 'demo coupons');
  const now = Date.now();
  let made = 0;
  for (let from = 0; from < members.length; from += BATCH) {
    const rows: unknown[][] = [];
    for (const m of members.slice(from, from + BATCH)) {
      for (const t of templates) {
        const share = DEMO_TEMPLATES.find((d) => d.code === t.code)?.share ?? 0;
        if (Math.random() >= share) continue;
        const claimedAt = new Date(now - randomInt(0, 60) * DAY - randomInt(0, DAY));
        const { validFrom, validUntil } = couponValidity({ kind: 'relative', from: null, until: null, days: t.valid_days }, claimedAt);
        const used = validUntil.getTime() > claimedAt.getTime() + DAY && Math.random() < 0.3;
        const status = used ? 'used' : validUntil.getTime() <= now ? 'expired' : 'available';
        const usedAt = used ? new Date(Math.min(now - 3_600_000, claimedAt.getTime() + randomInt(1, 10) * DAY)) : null;
        rows.push([t.id, m.id, toCouponCode(randomBytes(COUPON_CODE_RANDOM_BYTES)), status, `demo:${t.code}:${m.id}`, validFrom, validUntil, usedAt, used ? m.store_id : null, status === 'expired' ? validUntil : null, claimedAt]);
      }
    }
    if (rows.length > 0) {
      await db.transaction(async (tx) => {
        const values = rows.map((_, r) => `(${Array.from({ length: 11 }, (_, c) => `$${r * 11 + c + 1}`).join(', ')}, 'claim')`).join(', ');
        await tx.query(
          `INSERT INTO member_coupon (template_id, member_id, code, status, issue_key, valid_from, valid_until, used_at, used_store_id, expired_at, created_at, source)
           VALUES ${values} ON CONFLICT DO NOTHING`,
          rows.flat(),
        );
      });
      made += rows.length;
    }
    progress?.advance(Math.min(BATCH, members.length - from));
  }
  // What the claims took: stock and each member's count, as the claim transaction keeps them.
  await db.query(
    `INSERT INTO coupon_claim_count (template_id, member_id, claimed)
     SELECT template_id, member_id, COUNT(*) FROM member_coupon WHERE issue_key LIKE 'demo:%' GROUP BY 1, 2 ON CONFLICT DO NOTHING`,
  );
  await db.query(
    `UPDATE coupon_template t SET remaining = GREATEST(0, t.total_stock - (SELECT COUNT(*) FROM member_coupon c WHERE c.template_id = t.id))
      WHERE t.total_stock IS NOT NULL AND t.code = ANY($1)`,
    [templates.map((t) => t.code)],
  );
  progress?.stop();
  log(`${made} demo coupons in members' wallets`);
  return made;
}
