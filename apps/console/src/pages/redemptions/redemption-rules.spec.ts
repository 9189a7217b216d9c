import { giftCoupon, memberCoupon } from '../../test/coupon.fixtures';
import { cancelReasonProblem, inStoreRedeemProblem, normalizePickupCode, PICKUP_CODE_PATTERN } from './redemption-rules';

describe(normalizePickupCode.name, () => {
  it.each([
    ['AB12CD34', 'AB12CD34'],
    [' ab12 cd34 ', 'ab12cd34'],
    ['提货码：AB12-CD34', 'AB12CD34'],
  ])('%j → %j', (raw, code) => {
    expect(normalizePickupCode(raw)).toBe(code);
  });

  it('leaves short and long codes for the pattern to refuse', () => {
    expect(PICKUP_CODE_PATTERN.test(normalizePickupCode('AB12 CD3'))).toBe(false);
    expect(PICKUP_CODE_PATTERN.test(normalizePickupCode('AB12CD345'))).toBe(false);
    expect(PICKUP_CODE_PATTERN.test(normalizePickupCode('AB12 CD34'))).toBe(true);
  });
});

describe(cancelReasonProblem.name, () => {
  it('asks for a reason of 2 to 100 characters', () => {
    expect(cancelReasonProblem('')).toBe('请填写取消原因（至少 2 个字）');
    expect(cancelReasonProblem('错')).toBe('请填写取消原因（至少 2 个字）');
    expect(cancelReasonProblem('顾客改选')).toBeNull();
    expect(cancelReasonProblem('长'.repeat(101))).toBe('取消原因最多 100 个字');
  });
});

describe(inStoreRedeemProblem.name, () => {
  it('redeems available gift and service coupons at the counter', () => {
    expect(inStoreRedeemProblem(giftCoupon())).toBeNull();
    expect(inStoreRedeemProblem(giftCoupon({ template: { ...giftCoupon().template, kind: 'service' } }))).toBeNull();
  });

  it('sends money-off coupons to the till, and refuses coupons no longer available', () => {
    expect(inStoreRedeemProblem(memberCoupon())).toBe('满减券和折扣券请在门店收银时随消费使用');
    expect(inStoreRedeemProblem(memberCoupon({ template: { ...memberCoupon().template, kind: 'percent_off' } }))).toBe('满减券和折扣券请在门店收银时随消费使用');
    expect(inStoreRedeemProblem(giftCoupon({ status: 'used' }))).toBe('该券已使用，不能核销');
    expect(inStoreRedeemProblem(giftCoupon({ status: 'revoked' }))).toBe('该券已作废，不能核销');
  });
});
