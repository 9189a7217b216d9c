import { COUPON_USE_PAGES } from './coupon';
import {
  BOOKING_PAGE,
  COUPON_PAGES,
  HOME_PAGE,
  LOYALTY_PAGES,
  SERVICE_PAGES,
  SHOP_PAGES,
  bookingDetailPage,
  chatPage,
  couponDetailPage,
  redemptionPage,
  rewardPage,
  shopOrderPage,
  ticketPage,
} from './navigation';

interface AppConfigShape {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  preloadRule?: Record<string, { packages: string[] }>;
}

/** Every page path app.config.ts registers, as a navigation URL (`/root/page`). */
async function registeredPages(): Promise<{ config: AppConfigShape; urls: string[] }> {
  // app.config.ts calls Taro's build-time global; here it simply hands back the object.
  Object.assign(globalThis, { defineAppConfig: (config: AppConfigShape) => config });
  const config = (await import('../app.config')).default as unknown as AppConfigShape;
  const sub = (config.subPackages ?? []).flatMap(({ root, pages }) => pages.map((page) => `${root.replace(/\/$/, '')}/${page}`));
  return { config, urls: [...config.pages, ...sub].map((page) => `/${page}`) };
}

describe('page URLs', () => {
  it('registers every page the app navigates to', async () => {
    const { urls } = await registeredPages();

    expect(urls).toContain(HOME_PAGE);
    for (const url of Object.values(LOYALTY_PAGES)) expect(urls).toContain(url);
    for (const url of [BOOKING_PAGE, ...Object.values(COUPON_PAGES), ...Object.values(SHOP_PAGES), ...Object.values(SERVICE_PAGES), ...Object.values(COUPON_USE_PAGES)]) {
      expect(urls).toContain(url);
    }
    expect(rewardPage('rw 1')).toBe('/packages/loyalty/pages/reward/index?id=rw%201');
    expect(couponDetailPage('c/1')).toBe('/packages/coupon/pages/detail/index?id=c%2F1');
    expect(shopOrderPage('o-1')).toBe('/packages/shop/pages/order/index?id=o-1');
    expect(shopOrderPage('o-1', { pay: true })).toBe('/packages/shop/pages/order/index?id=o-1&pay=1');
    expect(redemptionPage('rd-1')).toBe('/packages/loyalty/pages/redemption/index?id=rd-1');
    expect(chatPage()).toBe('/packages/service/pages/chat/index');
    expect(chatPage({ bookingId: 'b 1' })).toBe('/packages/service/pages/chat/index?bookingId=b%201');
    expect(chatPage({ productId: 'p-1' })).toBe('/packages/service/pages/chat/index?productId=p-1');
    expect(ticketPage('t-1')).toBe('/packages/service/pages/ticket/index?id=t-1');
    expect(urls).toContain(bookingDetailPage('b-1').split('?')[0]);
  });

  it('keeps the loyalty, coupon, shop and service pages out of the main package and preloads the loyalty ones from the home page', async () => {
    const { config } = await registeredPages();
    const pagesOf = (root: string) => config.subPackages?.find((sub) => sub.root === root)?.pages;

    expect(pagesOf('packages/loyalty')).toHaveLength(Object.keys(LOYALTY_PAGES).length);
    expect(pagesOf('packages/coupon')).toHaveLength(Object.keys(COUPON_PAGES).length);
    expect(pagesOf('packages/shop')).toHaveLength(Object.keys(SHOP_PAGES).length);
    expect(pagesOf('packages/service')).toHaveLength(Object.keys(SERVICE_PAGES).length);
    expect(config.pages.some((page) => page.startsWith('packages/'))).toBe(false);
    expect(config.preloadRule?.[HOME_PAGE.slice(1)]?.packages).toEqual(['loyalty']);
  });
});
