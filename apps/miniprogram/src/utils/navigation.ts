import Taro from '@tarojs/taro';

export const HOME_PAGE = '/pages/index/index';
export const BOOKING_PAGE = '/pages/booking/index';

/** Back to the previous page, or to the home page when this page was opened directly (a shared link, a QR code). */
export function goBackOrHome(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.reLaunch({ url: HOME_PAGE });
}

/** Pages of the loyalty subpackage (`subPackages` in app.config.ts): downloaded on first use, not at launch. */
export const LOYALTY_PAGES = {
  memberCode: '/packages/loyalty/pages/member-code/index',
  points: '/packages/loyalty/pages/points/index',
  mall: '/packages/loyalty/pages/mall/index',
  reward: '/packages/loyalty/pages/reward/index',
  redemptions: '/packages/loyalty/pages/redemptions/index',
  redemption: '/packages/loyalty/pages/redemption/index',
  orders: '/packages/loyalty/pages/orders/index',
} as const;

export function rewardPage(id: string): string {
  return `${LOYALTY_PAGES.reward}?id=${encodeURIComponent(id)}`;
}

export function redemptionPage(id: string): string {
  return `${LOYALTY_PAGES.redemption}?id=${encodeURIComponent(id)}`;
}

/** Pages of the coupon subpackage: the claim center, the wallet and one coupon with its code for the till. */
export const COUPON_PAGES = {
  claimCenter: '/packages/coupon/pages/claim-center/index',
  wallet: '/packages/coupon/pages/wallet/index',
  detail: '/packages/coupon/pages/detail/index',
} as const;

/** Pages of the shop subpackage: the product list, checkout, and one online order (payment and its result). */
export const SHOP_PAGES = {
  shop: '/packages/shop/pages/shop/index',
  checkout: '/packages/shop/pages/checkout/index',
  order: '/packages/shop/pages/order/index',
} as const;

export function couponDetailPage(id: string): string {
  return `${COUPON_PAGES.detail}?id=${encodeURIComponent(id)}`;
}

/** An online order; with `pay`, the page starts paying it as soon as it has loaded (继续支付 from another page). */
export function shopOrderPage(id: string, options: { pay?: boolean } = {}): string {
  return `${SHOP_PAGES.order}?id=${encodeURIComponent(id)}${options.pay ? '&pay=1' : ''}`;
}

/** Pages of the advisor-service subpackage: the chat with an advisor, and the member's tickets. */
export const SERVICE_PAGES = {
  chat: '/packages/service/pages/chat/index',
  tickets: '/packages/service/pages/tickets/index',
  ticket: '/packages/service/pages/ticket/index',
} as const;

/** The chat; with a card, the page offers to send it (咨询顾问 from a booking or a product). */
export function chatPage(card?: { bookingId: string } | { productId: string }): string {
  if (!card) return SERVICE_PAGES.chat;
  const [key, value] = 'bookingId' in card ? ['bookingId', card.bookingId] : ['productId', card.productId];
  return `${SERVICE_PAGES.chat}?${key}=${encodeURIComponent(value)}`;
}

export function ticketPage(id: string): string {
  return `${SERVICE_PAGES.ticket}?id=${encodeURIComponent(id)}`;
}

export function bookingDetailPage(id: string): string {
  return `/pages/booking-detail/index?id=${encodeURIComponent(id)}`;
}
