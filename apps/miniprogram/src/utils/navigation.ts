import Taro from '@tarojs/taro';

export const HOME_PAGE = '/pages/index/index';

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
