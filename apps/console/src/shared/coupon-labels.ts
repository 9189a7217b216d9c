import type { OrderView } from '@glow/contracts';
import { COUPON_KIND_LABELS, type CouponKind, type CouponStatus, type CouponTemplateStatus } from '@glow/domain';
import { formatYuan } from './format';

/*
 * The coupon words (COUPON_KIND_LABELS, COUPON_STATUS_LABELS…) are imported from @glow/domain, shared with the API and
 * the mini-program; only how the console colours them lives here.
 */

/** antd Tag colours of each coupon kind. */
export const COUPON_KIND_COLORS = {
  amount_off: 'magenta',
  percent_off: 'volcano',
  gift: 'gold',
  service: 'blue',
} as const satisfies Record<CouponKind, string>;

export const COUPON_TEMPLATE_STATUS_COLORS = {
  draft: 'default',
  active: 'green',
  paused: 'orange',
  ended: 'red',
} as const satisfies Record<CouponTemplateStatus, string>;

export const COUPON_STATUS_COLORS = {
  available: 'green',
  held: 'orange',
  used: 'blue',
  expired: 'default',
  revoked: 'red',
} as const satisfies Record<CouponStatus, string>;

/** A coupon used on an order, as the till's result and the order drawer list it: what it was and what it took off. */
export function orderCouponText(coupon: OrderView['coupons'][number]): string {
  const effect = coupon.discountFen > 0 ? ` -${formatYuan(coupon.discountFen)}` : ` · ${COUPON_KIND_LABELS[coupon.kind]}已核销`;
  return `${coupon.name}（${coupon.code}）${effect}`;
}
