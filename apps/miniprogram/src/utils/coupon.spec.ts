import { claimItem, memberCoupon } from '../packages/coupon/test-fixtures';
import {
  CLAIM_BUTTON_TEXT,
  COUPON_USE_PAGES,
  WALLET_TABS,
  claimLimitText,
  couponStatusTag,
  orderCouponText,
  remainingText,
  validityRangeText,
  validityText,
} from './coupon';

describe('coupon texts', () => {
  it('leads "去使用" to the shop, the member code at the till, or booking', () => {
    expect(COUPON_USE_PAGES).toEqual({
      shop: '/packages/shop/pages/shop/index',
      store: '/packages/loyalty/pages/member-code/index',
      booking: '/pages/booking/index',
    });
  });

  it('names the wallet tabs like the status they list', () => {
    expect(WALLET_TABS).toEqual([
      { tab: 'available', label: '可使用' },
      { tab: 'used', label: '已使用' },
      { tab: 'expired', label: '已过期' },
    ]);
  });

  it('labels the claim button by state', () => {
    expect(CLAIM_BUTTON_TEXT).toEqual({ claimable: '立即领取', claimed: '已领取', sold_out: '已抢光' });
  });

  it.each([
    [120, '剩余 120 张'],
    [0, '已抢光'],
    [null, ''],
  ])('says what is left of %p', (remaining, expected) => {
    expect(remainingText(claimItem({ remaining }))).toBe(expected);
  });

  it('states the limit per member and how many were claimed', () => {
    expect(claimLimitText(claimItem())).toBe('每人限领 1 张');
    expect(claimLimitText(claimItem({ perMemberLimit: 3, claimedByMe: 2 }))).toBe('每人限领 3 张，已领 2 张');
  });

  it('gives validity in Shanghai time', () => {
    const coupon = memberCoupon({ validFrom: '2026-11-30T16:00:00.000Z', validUntil: '2026-12-31T15:59:00.000Z' });

    expect(validityText(coupon)).toBe('有效期至 2026-12-31 23:59');
    expect(validityRangeText(coupon)).toBe('2026-12-01 00:00 至 2026-12-31 23:59');
  });

  it.each([
    ['available', null],
    ['held', '待支付'],
    ['used', '已使用'],
    ['expired', '已过期'],
    ['revoked', '已作废'],
  ] as const)('tags a %s coupon with %p', (status, expected) => {
    expect(couponStatusTag({ status })).toBe(expected);
  });

  it('shows what each coupon took off an order', () => {
    expect(orderCouponText({ id: 'c-1', code: 'X', name: '满300减50', kind: 'amount_off', discountFen: 5000 })).toBe('满300减50 -¥50.00');
    expect(orderCouponText({ id: 'c-2', code: 'Y', name: '小样赠品券', kind: 'gift', discountFen: 0 })).toBe('小样赠品券');
  });
});
