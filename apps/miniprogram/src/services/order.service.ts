import type { CartItemDto, CheckoutDto, CheckoutResponse, OrderView } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { memberHttp } from './member-session';

/** The member's orders, in store and online, latest first, with the points each earned. */
export function listMyOrders(): Promise<OrderView[]> {
  return memberHttp.get<OrderView[]>(apiRoutes.ordersMine);
}

export function getMyOrder(id: string): Promise<OrderView> {
  return memberHttp.get<OrderView>(apiRoutes.orderMine(encodeURIComponent(id)));
}

/**
 * Places an online order awaiting payment. The picked coupons are held for it until it is paid, or released when
 * it is cancelled or not paid by `payBefore`. `idempotencyKey` names this one intended order (see redeemReward).
 * Refusal: 409 COUPON_NOT_APPLICABLE.
 */
export function checkout(items: CartItemDto[], couponIds: string[], idempotencyKey: string): Promise<CheckoutResponse> {
  const body: CheckoutDto = { items, couponIds, idempotencyKey };
  return memberHttp.post<CheckoutResponse>(apiRoutes.checkout, body);
}

/** Fresh WeChat Pay parameters for an unpaid order; 409 ORDER_PAYMENT_CLOSED once it is cancelled. */
export function renewPayment(id: string): Promise<CheckoutResponse> {
  return memberHttp.post<CheckoutResponse>(apiRoutes.orderPayment(encodeURIComponent(id)));
}

/** Cancels an unpaid online order; its coupons go back to the wallet. */
export function cancelMyOrder(id: string): Promise<OrderView> {
  return memberHttp.post<OrderView>(apiRoutes.orderCancel(encodeURIComponent(id)));
}
