/** The words of coupon rules, shared by the rules here, the API contracts and both clients. */

/** 满减 (amount off), 折扣 (percent off with a cap), 赠品 (a gift or sample), 服务 (a free service). */
export const COUPON_KINDS = ['amount_off', 'percent_off', 'gift', 'service'] as const;
export type CouponKind = (typeof COUPON_KINDS)[number];

export const COUPON_SCOPE_KINDS = ['all', 'categories', 'skus'] as const;
export type CouponScopeKind = (typeof COUPON_SCOPE_KINDS)[number];

/** `exclusive`: the only coupon on its order. `stackable`: combines with stackable coupons of other groups. */
export const COUPON_STACKING = ['exclusive', 'stackable'] as const;
export type CouponStacking = (typeof COUPON_STACKING)[number];

/** `fixed`: valid from/until given dates. `relative`: valid for N days from the moment it reaches the member. */
export const COUPON_VALIDITY_KINDS = ['fixed', 'relative'] as const;
export type CouponValidityKind = (typeof COUPON_VALIDITY_KINDS)[number];

/**
 * A member coupon: `available` → `held` (applied to an online order awaiting payment) → `used`;
 * `held` → `available` when that order is cancelled or times out; `used` → `available` when its order is refunded
 * in full while the coupon is still valid; `available` → `expired` (job) or `revoked` (staff).
 */
export const COUPON_STATUSES = ['available', 'held', 'used', 'expired', 'revoked'] as const;
export type CouponStatus = (typeof COUPON_STATUSES)[number];

/** Where "去使用" leads: the online shop, the member code at the till, or booking a service. */
export const COUPON_USE_TARGETS = ['shop', 'store', 'booking'] as const;
export type CouponUseTarget = (typeof COUPON_USE_TARGETS)[number];

/** Why a coupon cannot apply to a cart, as a value. */
export const COUPON_REFUSALS = [
  'not-available',
  'expired',
  'not-started',
  'wrong-day',
  'wrong-hour',
  'below-minimum',
  'out-of-scope',
  'not-stackable',
  'same-group',
  'limit-reached',
  'service-only',
] as const;
export type CouponRefusal = (typeof COUPON_REFUSALS)[number];

// Labels (Chinese, for members and staff): clients import them as values from here.
export const COUPON_KIND_LABELS: Record<CouponKind, string> = {
  amount_off: '满减券',
  percent_off: '折扣券',
  gift: '赠品券',
  service: '服务券',
};

/** draft → active ⇄ paused → ended (draft may also end without ever going live). */
export const COUPON_TEMPLATE_STATUSES = ['draft', 'active', 'paused', 'ended'] as const;
export type CouponTemplateStatus = (typeof COUPON_TEMPLATE_STATUSES)[number];
export const COUPON_TEMPLATE_STATUS_LABELS: Record<CouponTemplateStatus, string> = {
  draft: '草稿',
  active: '进行中',
  paused: '已暂停',
  ended: '已结束',
};

export const COUPON_STATUS_LABELS: Record<CouponStatus, string> = {
  available: '可使用',
  held: '待支付',
  used: '已使用',
  expired: '已过期',
  revoked: '已作废',
};

/** The wallet's tabs: `expired` also lists revoked coupons; `available` also lists held ones. */
export const COUPON_WALLET_TABS = ['available', 'used', 'expired'] as const;
export type CouponWalletTab = (typeof COUPON_WALLET_TABS)[number];

/** How a coupon reached its member. */
export const COUPON_SOURCES = ['claim', 'campaign', 'tier', 'mall', 'compensation', 'manual'] as const;
export type CouponSource = (typeof COUPON_SOURCES)[number];
export const COUPON_SOURCE_LABELS: Record<CouponSource, string> = {
  claim: '领券中心',
  campaign: '营销活动',
  tier: '会员权益',
  mall: '积分兑换',
  compensation: '服务补偿',
  manual: '人工发放',
};
