import type { IssueCouponDto, MemberCouponView } from '@glow/contracts';
import { businessDate } from '@glow/domain';

/* Mirrors of IssueCouponDto's and RevokeCouponDto's reason length (values from the contracts barrel are not imported in the browser). */
export const COUPON_REASON_MIN = 2;
export const COUPON_REASON_MAX = 100;

/** The two ways staff give a member a coupon (the others come from claims, campaigns, tiers and the points mall). */
export const STAFF_ISSUE_SOURCES = ['compensation', 'manual'] as const satisfies readonly IssueCouponDto['source'][];

/** Why `reason` cannot go with an issue or a revocation, or null when it can. */
export function couponReasonProblem(reason: string, action: '发放' | '作废'): string | null {
  const text = reason.trim();
  if (text.length < COUPON_REASON_MIN) return `请填写${action}原因（至少 ${COUPON_REASON_MIN} 个字）`;
  if (text.length > COUPON_REASON_MAX) return `${action}原因最多 ${COUPON_REASON_MAX} 个字`;
  return null;
}

export interface IssueFormValues {
  templateCode: string | null;
  source: IssueCouponDto['source'];
  reason: string;
}

export type IssueBuild = { ok: true; body: IssueCouponDto } | { ok: false; problem: string };

/** The issue request for the form as filled, under the key of this opened form, or the first reason it cannot be sent. */
export function buildIssueCoupon(values: IssueFormValues, idempotencyKey: string): IssueBuild {
  if (!values.templateCode) return { ok: false, problem: '请选择要发放的优惠券' };
  const problem = couponReasonProblem(values.reason, '发放');
  if (problem) return { ok: false, problem };
  return { ok: true, body: { templateCode: values.templateCode, source: values.source, reason: values.reason.trim(), idempotencyKey } };
}

/** How many of the member's coupons can still be used, were used, and lapsed (expired or revoked). */
export function couponCounts(coupons: Pick<MemberCouponView, 'status'>[]): { available: number; used: number; lapsed: number } {
  return {
    available: coupons.filter((coupon) => coupon.status === 'available' || coupon.status === 'held').length,
    used: coupons.filter((coupon) => coupon.status === 'used').length,
    lapsed: coupons.filter((coupon) => coupon.status === 'expired' || coupon.status === 'revoked').length,
  };
}

/** A coupon's dates in business (Shanghai) days, as its face shows them: 2026-11-20 至 2026-12-20. */
export function couponDates(coupon: Pick<MemberCouponView, 'validFrom' | 'validUntil'>): string {
  return `${businessDate(new Date(coupon.validFrom))} 至 ${businessDate(new Date(coupon.validUntil))}`;
}
