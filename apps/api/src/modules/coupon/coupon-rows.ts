import type { CouponFace, CouponSource, CouponStatus, CouponTemplateCounters, CouponTemplateStatus, CouponTemplateView, MemberCouponView } from '@glow/contracts';
import { type CouponRules, couponFace, PRODUCT_CATEGORY_LABELS, type WalletCoupon } from '@glow/domain';

/** A `coupon_template` row as SQL returns it. */
export interface TemplateRow {
  id: string;
  code: string;
  name: string;
  description: string;
  kind: CouponRules['kind'];
  status: CouponTemplateStatus;
  amount_off_fen: number | null;
  percent_off: number | null;
  max_discount_fen: number | null;
  gift_sku: string | null;
  service_code: string | null;
  min_spend_fen: number;
  scope_kind: CouponRules['scope']['kind'];
  scope_values: string[];
  exclude_skus: string[];
  validity_kind: 'fixed' | 'relative';
  valid_from: Date | null;
  valid_until: Date | null;
  valid_days: number | null;
  weekdays: number[];
  hours_from: string | null;
  hours_until: string | null;
  total_stock: number | null;
  remaining: number | null;
  per_member_limit: number;
  claimable: boolean;
  stacking: CouponRules['stacking'];
  stack_group: string | null;
  cost_fen: number;
  created_at: Date;
  updated_at: Date;
}

/** A `member_coupon` row with its template's row as one JSON column (`COUPON_SELECT`). */
export interface CouponRow {
  id: string;
  template_id: string;
  member_id: string;
  code: string;
  status: CouponStatus;
  source: CouponSource;
  issue_key: string;
  valid_from: Date;
  valid_until: Date;
  order_id: string | null;
  discount_fen: number | null;
  used_at: Date | null;
  created_at: Date;
  template: TemplateRow;
}

/** Selects a member coupon with its template as one JSON column, so one query answers both. */
export const COUPON_SELECT = `SELECT c.id, c.template_id, c.member_id, c.code, c.status, c.source, c.issue_key, c.valid_from, c.valid_until,
       c.order_id, c.discount_fen, c.used_at, c.created_at, to_jsonb(t) AS template
  FROM member_coupon c JOIN coupon_template t ON t.id = c.template_id`;

/** Template JSON comes back with dates as strings; turn them back into dates once. */
export function reviveTemplate(t: TemplateRow): TemplateRow {
  const date = (v: Date | string | null) => (v === null ? null : new Date(v));
  return { ...t, valid_from: date(t.valid_from), valid_until: date(t.valid_until), created_at: new Date(t.created_at), updated_at: new Date(t.updated_at) };
}

export function reviveCoupon(r: CouponRow): CouponRow {
  return { ...r, template: reviveTemplate(r.template) };
}

export function rulesOf(t: TemplateRow): CouponRules {
  return {
    kind: t.kind,
    amountOffFen: t.amount_off_fen,
    percentOff: t.percent_off,
    maxDiscountFen: t.max_discount_fen,
    giftSku: t.gift_sku,
    serviceCode: t.service_code,
    minSpendFen: t.min_spend_fen,
    scope: { kind: t.scope_kind, values: t.scope_values, excludeSkus: t.exclude_skus },
    weekdays: t.weekdays,
    hoursFrom: t.hours_from,
    hoursUntil: t.hours_until,
    stacking: t.stacking,
    stackGroup: t.stack_group,
  };
}

export function validityOf(t: TemplateRow) {
  return { kind: t.validity_kind, from: t.valid_from, until: t.valid_until, days: t.valid_days };
}

export function walletCoupon(r: CouponRow): WalletCoupon {
  return { id: r.id, status: r.status, validFrom: new Date(r.valid_from), validUntil: new Date(r.valid_until), rules: rulesOf(r.template) };
}

/** Names the face can show instead of codes (gift products). */
export type FaceNames = Map<string, string>;

export function faceOf(t: TemplateRow, names: FaceNames, dates?: { validFrom: Date; validUntil: Date }): CouponFace {
  return couponFace(rulesOf(t), validityOf(t), {
    ...dates,
    giftName: t.gift_sku ? names.get(t.gift_sku) : undefined,
    categoryLabels: PRODUCT_CATEGORY_LABELS,
  });
}

const ZERO: CouponTemplateCounters = { issued: 0, claimed: 0, redeemed: 0, expired: 0, held: 0, revoked: 0, remaining: null };

export function templateView(t: TemplateRow, counters: Omit<CouponTemplateCounters, 'remaining'> | undefined, names: FaceNames): CouponTemplateView {
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    description: t.description,
    kind: t.kind,
    status: t.status,
    amountOffFen: t.amount_off_fen,
    percentOff: t.percent_off,
    maxDiscountFen: t.max_discount_fen,
    giftSku: t.gift_sku,
    serviceCode: t.service_code,
    minSpendFen: t.min_spend_fen,
    scope: { kind: t.scope_kind, values: t.scope_values, excludeSkus: t.exclude_skus },
    validity: {
      kind: t.validity_kind,
      from: t.valid_from?.toISOString() ?? null,
      until: t.valid_until?.toISOString() ?? null,
      days: t.valid_days,
      weekdays: t.weekdays,
      hoursFrom: t.hours_from,
      hoursUntil: t.hours_until,
    },
    totalStock: t.total_stock,
    perMemberLimit: t.per_member_limit,
    claimable: t.claimable,
    stacking: t.stacking,
    stackGroup: t.stack_group,
    costFen: t.cost_fen,
    face: faceOf(t, names),
    counters: counters
      ? { issued: counters.issued, claimed: counters.claimed, redeemed: counters.redeemed, expired: counters.expired, held: counters.held, revoked: counters.revoked, remaining: t.remaining }
      : { ...ZERO, remaining: t.remaining },
    createdAt: t.created_at.toISOString(),
    updatedAt: t.updated_at.toISOString(),
  };
}

/** Days before expiry when a coupon counts as expiring soon (and its reminder goes out). */
export const EXPIRING_SOON_DAYS = 3;

export function couponView(r: CouponRow, names: FaceNames, now = new Date()): MemberCouponView {
  const validFrom = new Date(r.valid_from);
  const validUntil = new Date(r.valid_until);
  const t = r.template;
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    template: { id: t.id, code: t.code, name: t.name, kind: t.kind, description: t.description, stacking: t.stacking, stackGroup: t.stack_group },
    face: faceOf(t, names, { validFrom, validUntil }),
    source: r.source,
    validFrom: validFrom.toISOString(),
    validUntil: validUntil.toISOString(),
    orderId: r.order_id,
    discountFen: r.discount_fen,
    usedAt: r.used_at ? new Date(r.used_at).toISOString() : null,
    expiringSoon: r.status === 'available' && validUntil.getTime() > now.getTime() && validUntil.getTime() - now.getTime() <= EXPIRING_SOON_DAYS * 86_400_000,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
