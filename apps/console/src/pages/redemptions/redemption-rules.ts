import type { MemberCouponView } from '@glow/contracts';
import { COUPON_STATUS_LABELS } from '@glow/domain';

/*
 * Mirrors of PickupDto's code pattern and CancelRedemptionDto's reason length: values from the contracts barrel are
 * not imported in the browser (see api-routes.ts). The API validates again.
 */
export const PICKUP_CODE_PATTERN = /^[A-Za-z0-9]{8}$/;
export const REASON_MIN = 2;
export const REASON_MAX = 100;

/**
 * The pickup code as typed, scanned or pasted ('提货码 AB12 CD34' → 'AB12CD34'): letters and digits only. The case is
 * left as typed; whether it matters is the API's to decide.
 */
export function normalizePickupCode(raw: string): string {
  return raw.replace(/[^A-Za-z0-9]/g, '');
}

/** Why `reason` cannot cancel a redemption, or null when it can. */
export function cancelReasonProblem(reason: string): string | null {
  if (reason.length < REASON_MIN) return '请填写取消原因（至少 2 个字）';
  if (reason.length > REASON_MAX) return `取消原因最多 ${REASON_MAX} 个字`;
  return null;
}

/**
 * Why a scanned coupon cannot be redeemed at the counter without a purchase, or null when it can: only gift and
 * service coupons are, and only while available (the API also checks its dates, days and hours).
 */
export function inStoreRedeemProblem(coupon: Pick<MemberCouponView, 'status' | 'template'>): string | null {
  if (coupon.template.kind === 'amount_off' || coupon.template.kind === 'percent_off') return '满减券和折扣券请在门店收银时随消费使用';
  if (coupon.status !== 'available') return `该券${COUPON_STATUS_LABELS[coupon.status]}，不能核销`;
  return null;
}
