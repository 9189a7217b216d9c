import type { ClaimCenterItem, CouponUseTarget, MemberCouponView, OrderView } from '@glow/contracts';
import { COUPON_STATUS_LABELS, COUPON_WALLET_TABS, type CouponWalletTab, formatYuan } from '@glow/domain';
import { BOOKING_PAGE, LOYALTY_PAGES, SHOP_PAGES } from './navigation';
import { formatStamp } from './shanghai-time';

export { COUPON_KIND_LABELS, COUPON_SOURCE_LABELS, COUPON_STATUS_LABELS } from '@glow/domain';

/** The wallet's tabs in order, named like the status they list (可使用, 已使用, 已过期). */
export const WALLET_TABS: { tab: CouponWalletTab; label: string }[] = COUPON_WALLET_TABS.map((tab) => ({ tab, label: COUPON_STATUS_LABELS[tab] }));

/** Where "去使用" leads: the online shop, the member code shown at the till, or booking a service. */
export const COUPON_USE_PAGES: Record<CouponUseTarget, string> = {
  shop: SHOP_PAGES.shop,
  store: LOYALTY_PAGES.memberCode,
  booking: BOOKING_PAGE,
};

export const CLAIM_BUTTON_TEXT: Record<ClaimCenterItem['state'], string> = {
  claimable: '立即领取',
  claimed: '已领取',
  sold_out: '已抢光',
};

/** `剩余 12 张`; nothing for a template without a stock limit, `已抢光` at zero. */
export function remainingText(item: Pick<ClaimCenterItem, 'remaining'>): string {
  if (item.remaining === null) return '';
  return item.remaining > 0 ? `剩余 ${item.remaining} 张` : '已抢光';
}

/** `每人限领 2 张，已领 1 张`. */
export function claimLimitText(item: Pick<ClaimCenterItem, 'perMemberLimit' | 'claimedByMe'>): string {
  const limit = `每人限领 ${item.perMemberLimit} 张`;
  return item.claimedByMe > 0 ? `${limit}，已领 ${item.claimedByMe} 张` : limit;
}

/** `有效期至 2026-12-31 23:59` (Shanghai time, as the stores read it). */
export function validityText(coupon: Pick<MemberCouponView, 'validUntil'>): string {
  return `有效期至 ${formatStamp(coupon.validUntil)}`;
}

/** `2026-12-01 00:00 至 2026-12-31 23:59`. */
export function validityRangeText(coupon: Pick<MemberCouponView, 'validFrom' | 'validUntil'>): string {
  return `${formatStamp(coupon.validFrom)} 至 ${formatStamp(coupon.validUntil)}`;
}

/** The tag a card carries next to its name: none while usable, 待支付 while an unpaid order holds it, else its status. */
export function couponStatusTag(coupon: Pick<MemberCouponView, 'status'>): string | null {
  return coupon.status === 'available' ? null : COUPON_STATUS_LABELS[coupon.status];
}

/** `满300减50 -¥50.00`, or only the name for a coupon that takes no money off (a gift). */
export function orderCouponText(coupon: OrderView['coupons'][number]): string {
  return coupon.discountFen > 0 ? `${coupon.name} -${formatYuan(coupon.discountFen)}` : coupon.name;
}
