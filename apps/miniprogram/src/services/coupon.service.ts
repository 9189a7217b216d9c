import type {
  CartItemDto,
  ClaimCenterItem,
  ClaimCouponDto,
  CouponQuote,
  CouponQuoteDto,
  CouponWalletTab,
  MemberCouponView,
  WalletCounts,
} from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { memberHttp } from './member-session';
import { query } from './query-string';

/** The coupons a member can claim now, each with its state for this member (claimable, claimed, sold out). */
export function listClaimCenter(): Promise<ClaimCenterItem[]> {
  return memberHttp.get<ClaimCenterItem[]>(apiRoutes.couponClaimCenter);
}

/**
 * Claims one coupon of a template. `idempotencyKey` names this one intended claim: a retry after a failure without
 * an answer sends the same key and the API answers the claim already made (200) instead of making another (201).
 * Refusals: 409 COUPON_SOLD_OUT, COUPON_LIMIT_REACHED, COUPON_NOT_CLAIMABLE.
 */
export function claimCoupon(templateId: string, idempotencyKey: string): Promise<MemberCouponView> {
  const body: ClaimCouponDto = { idempotencyKey };
  return memberHttp.post<MemberCouponView>(apiRoutes.couponClaim(encodeURIComponent(templateId)), body);
}

/** One tab of the wallet: `available` also lists coupons held by an unpaid order, `expired` also revoked ones. */
export function listMyCoupons(tab: CouponWalletTab): Promise<MemberCouponView[]> {
  return memberHttp.get<MemberCouponView[]>(apiRoutes.couponsMine + query({ tab }));
}

export function getWalletCounts(): Promise<WalletCounts> {
  return memberHttp.get<WalletCounts>(apiRoutes.couponsMineCounts);
}

/** One of the member's coupons, with the code shown at the till. */
export function getMyCoupon(id: string): Promise<MemberCouponView> {
  return memberHttp.get<MemberCouponView>(apiRoutes.couponMine(encodeURIComponent(id)));
}

/**
 * Prices a cart against every available coupon of the member. Without `couponIds` the API applies its best
 * suggestion; with them, exactly those (an empty array means "no coupon").
 */
export function quoteCoupons(items: CartItemDto[], couponIds?: string[]): Promise<CouponQuote> {
  const body: CouponQuoteDto = couponIds === undefined ? { items } : { items, couponIds };
  return memberHttp.post<CouponQuote>(apiRoutes.couponQuote, body);
}
