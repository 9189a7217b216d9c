import { memberCoupon } from '../../test/coupon.fixtures';
import { buildIssueCoupon, couponCounts, couponDates, couponReasonProblem } from './member-coupons';

const KEY = '5f0c2a9e-1b3d-4c5e-8f7a-9b0c1d2e3f4a';

describe(buildIssueCoupon.name, () => {
  it('sends the template, the source, the trimmed reason and the key of the opened form', () => {
    expect(buildIssueCoupon({ templateCode: 'SORRY-30', source: 'compensation', reason: ' 等候过久 ' }, KEY)).toEqual({
      ok: true,
      body: { templateCode: 'SORRY-30', source: 'compensation', reason: '等候过久', idempotencyKey: KEY },
    });
  });

  it.each([
    [{ templateCode: null, source: 'manual' as const, reason: '活动补发' }, '请选择要发放的优惠券'],
    [{ templateCode: 'SORRY-30', source: 'manual' as const, reason: ' 补 ' }, '请填写发放原因（至少 2 个字）'],
    [{ templateCode: 'SORRY-30', source: 'manual' as const, reason: '补'.repeat(101) }, '发放原因最多 100 个字'],
  ])('refuses %j: %s', (values, problem) => {
    expect(buildIssueCoupon(values, KEY)).toEqual({ ok: false, problem });
  });
});

describe(couponReasonProblem.name, () => {
  it('asks for a reason of 2 to 100 characters', () => {
    expect(couponReasonProblem('', '作废')).toBe('请填写作废原因（至少 2 个字）');
    expect(couponReasonProblem('误发', '作废')).toBeNull();
    expect(couponReasonProblem('误'.repeat(100), '作废')).toBeNull();
  });
});

describe(couponCounts.name, () => {
  it('counts held coupons as still the member’s, and revoked ones with the expired', () => {
    const statuses = ['available', 'held', 'used', 'expired', 'revoked', 'available'] as const;
    expect(couponCounts(statuses.map((status) => ({ status })))).toEqual({ available: 3, used: 1, lapsed: 2 });
  });
});

describe(couponDates.name, () => {
  it('reads both ends as Shanghai business dates', () => {
    expect(couponDates(memberCoupon())).toBe('2026-11-20 至 2026-12-20');
  });
});
