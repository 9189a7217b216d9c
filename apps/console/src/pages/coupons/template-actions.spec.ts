import { couponTemplate } from '../../test/coupon.fixtures';
import { redemptionPercent, statusActionConfirmation, templateActions, validityLines } from './template-actions';

describe(templateActions.name, () => {
  it.each([
    ['draft', ['edit', 'publish', 'end']],
    ['active', ['edit', 'pause', 'end']],
    ['paused', ['edit', 'resume', 'end']],
    ['ended', ['view']],
  ] as const)('a %s template can be %j by those who configure coupons', (status, actions) => {
    expect(templateActions(status, true)).toEqual(actions);
  });

  it('only lets everyone else look', () => {
    for (const status of ['draft', 'active', 'paused', 'ended'] as const) expect(templateActions(status, false)).toEqual(['view']);
  });
});

describe(statusActionConfirmation.name, () => {
  it('says before publishing what becomes locked and how members get the coupon', () => {
    const claimable = statusActionConfirmation('publish', couponTemplate({ claimable: true }));
    expect(claimable?.title).toBe('发布「满300减50」？');
    expect(claimable?.content).toContain('领券中心领取');
    expect(claimable?.content).toContain('券面规则将锁定');
    expect(claimable?.content).toContain('只能修改名称、说明、发放总量、核销成本和延后结束时间');
    expect(statusActionConfirmation('publish', couponTemplate({ claimable: false }))?.content).toContain('向会员发放');
  });

  it('asks before ending, and pauses or resumes at once', () => {
    expect(statusActionConfirmation('end', couponTemplate())?.content).toContain('不能再领取或发放');
    expect(statusActionConfirmation('pause', couponTemplate())).toBeNull();
    expect(statusActionConfirmation('resume', couponTemplate())).toBeNull();
  });
});

describe(validityLines.name, () => {
  it('reads days from receipt, or the dates, then the days and hours of use', () => {
    expect(validityLines(couponTemplate())).toEqual(['领取后 30 天内有效']);
    expect(
      validityLines(
        couponTemplate({
          validity: { kind: 'fixed', from: '2026-12-01T00:00:00.000Z', until: '2026-12-31T15:59:00.000Z', days: null, weekdays: [1, 2, 3, 4, 5], hoursFrom: '10:00', hoursUntil: '14:00' },
        }),
      ),
    ).toEqual(['2026-12-01 00:00 至 2026-12-31 15:59', '仅限周一至周五 10:00–14:00使用']);
  });
});

describe(redemptionPercent.name, () => {
  it.each([
    [420, 105, 25],
    [3, 1, 33.3],
    [0, 0, 0],
    [10, 10, 100],
  ])('%d issued, %d redeemed → %d%%', (issued, redeemed, percent) => {
    expect(redemptionPercent({ issued, redeemed })).toBe(percent);
  });
});
