import { COUPON_CODE_PATTERN, normalizeCouponCode } from './coupon-code';

describe(normalizeCouponCode.name, () => {
  it.each([
    ['ABCD2345EFGH', 'ABCD2345EFGH'],
    [' abcd 2345 efgh\n', 'ABCD2345EFGH'],
    ['券码：ABCD-2345-EFGH', 'ABCD2345EFGH'],
  ])('%j → %s, a code the API takes', (raw, code) => {
    expect(normalizeCouponCode(raw)).toBe(code);
    expect(COUPON_CODE_PATTERN.test(normalizeCouponCode(raw))).toBe(true);
  });
});
