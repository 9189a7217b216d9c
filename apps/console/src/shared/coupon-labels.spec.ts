import { orderCouponText } from './coupon-labels';

describe(orderCouponText.name, () => {
  it('reads what a coupon took off the order, or that a gift or service coupon was used', () => {
    expect(orderCouponText({ id: 'c1', code: 'ABCD2345EFGH', name: '满300减50', kind: 'amount_off', discountFen: 5000 })).toBe('满300减50（ABCD2345EFGH） -¥50.00');
    expect(orderCouponText({ id: 'c2', code: 'GIFT2345MNPQ', name: '精华小样赠品券', kind: 'gift', discountFen: 0 })).toBe('精华小样赠品券（GIFT2345MNPQ） · 赠品券已核销');
  });
});
