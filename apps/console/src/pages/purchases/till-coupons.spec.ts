import { couponAtTill, giftCoupon, memberCoupon } from '../../test/coupon.fixtures';
import { MEMBER_ID } from '../../test/loyalty-till.fixtures';
import { availableCoupons, couponValidityText, scannedCouponProblem, toggleCouponCode } from './till-coupons';

describe(availableCoupons.name, () => {
  it('offers only available coupons, soonest to expire first', () => {
    const late = memberCoupon({ id: 'late', code: 'LATE2345ABCD', validUntil: '2027-01-31T15:59:59.999Z' });
    const soon = memberCoupon({ id: 'soon', code: 'SOON2345ABCD', validUntil: '2026-11-30T15:59:59.999Z' });
    const used = memberCoupon({ id: 'used', code: 'USED2345ABCD', status: 'used' });
    const held = memberCoupon({ id: 'held', code: 'HELD2345ABCD', status: 'held' });
    expect(availableCoupons([late, used, soon, held]).map((coupon) => coupon.id)).toEqual(['soon', 'late']);
  });
});

describe(toggleCouponCode.name, () => {
  it('picks and unpicks a code, and never more than five', () => {
    expect(toggleCouponCode(['A'], 'B')).toEqual({ ok: true, codes: ['A', 'B'] });
    expect(toggleCouponCode(['A', 'B'], 'A')).toEqual({ ok: true, codes: ['B'] });
    expect(toggleCouponCode(['A', 'B', 'C', 'D', 'E'], 'F')).toEqual({ ok: false, problem: '一单最多使用 5 张优惠券' });
    expect(toggleCouponCode(['A', 'B', 'C', 'D', 'E'], 'E')).toEqual({ ok: true, codes: ['A', 'B', 'C', 'D'] });
  });
});

describe(scannedCouponProblem.name, () => {
  it('accepts the member’s own available coupon', () => {
    expect(scannedCouponProblem(couponAtTill(), MEMBER_ID)).toBeNull();
    expect(scannedCouponProblem(couponAtTill(giftCoupon()), MEMBER_ID)).toBeNull();
  });

  it('refuses someone else’s coupon, and one no longer available', () => {
    expect(scannedCouponProblem(couponAtTill(memberCoupon(), { id: 'other', name: null, nickname: '阿花', memberNo: 'GM20260099' }), MEMBER_ID)).toBe(
      '该券属于其他会员（阿花，GM20260099），不能用于本单',
    );
    expect(scannedCouponProblem(couponAtTill(memberCoupon({ status: 'used' })), MEMBER_ID)).toBe('该券已使用，不能使用');
    expect(scannedCouponProblem(couponAtTill(memberCoupon({ status: 'expired' })), MEMBER_ID)).toBe('该券已过期，不能使用');
  });
});

describe(couponValidityText.name, () => {
  const now = new Date('2026-11-25T02:00:00.000Z');

  it('reads the last day in Shanghai, and the first one too when the coupon has not started', () => {
    expect(couponValidityText(memberCoupon(), now)).toBe('有效期至 2026-12-20');
    // 16:00 UTC is already the next day in Shanghai.
    expect(couponValidityText({ validFrom: '2026-11-30T16:00:00.000Z', validUntil: '2026-12-31T15:59:59.999Z' }, now)).toBe('2026-12-01 至 2026-12-31 可用');
  });
});
