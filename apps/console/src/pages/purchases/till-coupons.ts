import type { CouponAtTill, MemberCouponView } from '@glow/contracts';
import { businessDate, COUPON_STATUS_LABELS, MAX_COUPONS_PER_ORDER } from '@glow/domain';
import { memberName } from '../../shared/loyalty-till-labels';

/** The member's coupons the till can offer: those still available, soonest to expire first. */
export function availableCoupons(coupons: MemberCouponView[]): MemberCouponView[] {
  return coupons.filter((coupon) => coupon.status === 'available').sort((a, b) => Date.parse(a.validUntil) - Date.parse(b.validUntil));
}

export type CouponToggle = { ok: true; codes: string[] } | { ok: false; problem: string };

/** Picks or unpicks `code` for the purchase; an order carries at most MAX_COUPONS_PER_ORDER coupons. */
export function toggleCouponCode(codes: string[], code: string): CouponToggle {
  if (codes.includes(code)) return { ok: true, codes: codes.filter((picked) => picked !== code) };
  if (codes.length >= MAX_COUPONS_PER_ORDER) return { ok: false, problem: `一单最多使用 ${MAX_COUPONS_PER_ORDER} 张优惠券` };
  return { ok: true, codes: [...codes, code] };
}

/**
 * Why a scanned coupon cannot go on this member's purchase, or null when it can: it belongs to someone else, or it is
 * no longer available. Whether it applies to the items is the API's to say when the purchase is recorded.
 */
export function scannedCouponProblem(scanned: CouponAtTill, memberId: string): string | null {
  if (scanned.member.id !== memberId) return `该券属于其他会员（${memberName(scanned.member)}，${scanned.member.memberNo}），不能用于本单`;
  if (scanned.coupon.status !== 'available') return `该券${COUPON_STATUS_LABELS[scanned.coupon.status]}，不能使用`;
  return null;
}

/**
 * A coupon's dates as the till reads them, in business (Shanghai) dates like the coupon's face: 有效期至 2026-12-20,
 * or from–until when it has not started yet.
 */
export function couponValidityText(coupon: Pick<MemberCouponView, 'validFrom' | 'validUntil'>, now: Date): string {
  const until = businessDate(new Date(coupon.validUntil));
  if (Date.parse(coupon.validFrom) > now.getTime()) return `${businessDate(new Date(coupon.validFrom))} 至 ${until} 可用`;
  return `有效期至 ${until}`;
}
