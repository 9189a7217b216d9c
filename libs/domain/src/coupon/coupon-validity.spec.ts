import { type CouponTemplateDraft, couponValidity, type CouponValidity, validateCouponTemplate } from './coupon-validity';
import { couponRules } from './testing/coupon-fixtures';

const at = (iso: string) => new Date(iso);
const relative = (days: number | null): CouponValidity => ({ kind: 'relative', from: null, until: null, days });
const fixed = (from: string | null, until: string | null): CouponValidity => ({ kind: 'fixed', from: from === null ? null : at(from), until: until === null ? null : at(until), days: null });

describe(couponValidity.name, () => {
  it.each<[string, string, number, string]>([
    ['one day lasts until the end of the day it arrives', '2026-11-25T12:00:00+08:00', 1, '2026-11-25T23:59:59.999+08:00'],
    ['seven days count the day it arrives as the first', '2026-11-25T12:00:00+08:00', 7, '2026-12-01T23:59:59.999+08:00'],
    ['a coupon arriving at 23:59 with one day lasts only to midnight', '2026-11-25T23:59:00+08:00', 1, '2026-11-25T23:59:59.999+08:00'],
    ['days count on the Shanghai calendar: 00:30 Shanghai is still the day before in UTC', '2026-11-25T16:30:00Z', 1, '2026-11-26T23:59:59.999+08:00'],
    ['validity runs across the year end', '2026-12-30T09:00:00+08:00', 3, '2027-01-01T23:59:59.999+08:00'],
  ])('%s', (_, received, days, until) => {
    expect(couponValidity(relative(days), at(received))).toEqual({ validFrom: at(received), validUntil: at(until) });
  });

  it('gives a fixed coupon the template’s dates, whenever it arrives', () => {
    const validity = fixed('2026-12-01T00:00:00+08:00', '2026-12-31T23:59:59.999+08:00');
    expect(couponValidity(validity, at('2026-11-20T08:00:00Z'))).toEqual({ validFrom: validity.from, validUntil: validity.until });
  });

  it('makes a fixed coupon without a start usable from the moment it arrives', () => {
    expect(couponValidity(fixed(null, '2026-12-31T23:59:59.999+08:00'), at('2026-11-20T08:00:00Z'))).toEqual({
      validFrom: at('2026-11-20T08:00:00Z'),
      validUntil: at('2026-12-31T23:59:59.999+08:00'),
    });
  });

  it.each<[string, CouponValidity]>([
    ['a fixed validity without an end', fixed('2026-12-01T00:00:00+08:00', null)],
    ['a relative validity without days', relative(null)],
    ['a relative validity of zero days', relative(0)],
  ])('refuses %s, which the template check never lets through', (_, validity) => {
    expect(() => couponValidity(validity, at('2026-11-20T08:00:00Z'))).toThrow(RangeError);
  });
});

describe(validateCouponTemplate.name, () => {
  const draft = (overrides: Partial<CouponTemplateDraft> = {}): CouponTemplateDraft => ({
    ...couponRules(),
    validity: fixed('2026-12-01T00:00:00+08:00', '2026-12-31T23:59:59.999+08:00'),
    totalStock: 1000,
    claimable: true,
    ...overrides,
  });
  const none = { amountOffFen: null, percentOff: null, maxDiscountFen: null, giftSku: null, serviceCode: null };

  it.each<[string, Partial<CouponTemplateDraft>]>([
    ['¥50 off ¥300', { amountOffFen: 5000, minSpendFen: 30000 }],
    ['an amount off larger than its minimum (the marketer’s choice)', { amountOffFen: 50000, minSpendFen: 100 }],
    ['15% off capped at ¥100', { ...none, kind: 'percent_off', percentOff: 15, maxDiscountFen: 10000 }],
    ['15% off without a cap', { ...none, kind: 'percent_off', percentOff: 15 }],
    ['a gift with purchase', { ...none, kind: 'gift', giftSku: 'MINI-SERUM', minSpendFen: 30000 }],
    ['a free facial', { ...none, kind: 'service', serviceCode: 'FACIAL' }],
    ['skincare and makeup only, bar one SKU', { scope: { kind: 'categories', values: ['skincare', 'makeup'], excludeSkus: ['LIMITED-01'] } }],
    ['listed SKUs only', { scope: { kind: 'skus', values: ['SERUM', 'CREAM'], excludeSkus: [] } }],
    ['weekday lunchtimes', { weekdays: [1, 2, 3, 4, 5], hoursFrom: '11:00', hoursUntil: '14:00' }],
    ['valid seven days after it arrives', { validity: relative(7) }],
    ['a fixed end without a start', { validity: fixed(null, '2026-12-31T23:59:59.999+08:00') }],
    ['issued only, without a stock', { claimable: false, totalStock: null }],
    ['stackable in a group', { stacking: 'stackable', stackGroup: 'double11' }],
    ['exclusive', { stacking: 'exclusive', stackGroup: null }],
  ])('accepts %s', (_, overrides) => {
    expect(validateCouponTemplate(draft(overrides))).toEqual([]);
  });

  it.each<[string, Partial<CouponTemplateDraft>, string, string]>([
    ['an amount coupon without its amount', { amountOffFen: null }, 'amountOffFen', '请填写减免金额'],
    ['an amount of zero', { amountOffFen: 0 }, 'amountOffFen', '减免金额须为正整数（分）'],
    ['an amount in fractions of a fen', { amountOffFen: 49.5 }, 'amountOffFen', '减免金额须为正整数（分）'],
    ['an amount coupon with a percentage as well', { percentOff: 10 }, 'percentOff', '满减券不填写此项'],
    ['an amount coupon with a gift as well', { giftSku: 'MINI' }, 'giftSku', '满减券不填写此项'],
    ['a percentage coupon without its percentage', { ...none, kind: 'percent_off' }, 'percentOff', '请填写折扣'],
    ['100% off', { ...none, kind: 'percent_off', percentOff: 100 }, 'percentOff', '折扣须为1到99的整数（减免的百分比）'],
    ['a cap of zero', { ...none, kind: 'percent_off', percentOff: 10, maxDiscountFen: 0 }, 'maxDiscountFen', '最高优惠金额须为正整数（分）'],
    ['a cap on an amount coupon', { maxDiscountFen: 10000 }, 'maxDiscountFen', '满减券不填写此项'],
    ['a gift coupon without its gift', { ...none, kind: 'gift' }, 'giftSku', '请选择赠品'],
    ['a gift coupon with a blank gift', { ...none, kind: 'gift', giftSku: ' ' }, 'giftSku', '请选择赠品'],
    ['a gift coupon with money off as well', { ...none, kind: 'gift', giftSku: 'MINI', amountOffFen: 100 }, 'amountOffFen', '赠品券不填写此项'],
    ['a service coupon without its service', { ...none, kind: 'service' }, 'serviceCode', '请选择可兑换的服务'],
    ['a service coupon with a minimum spend it could never check', { ...none, kind: 'service', serviceCode: 'FACIAL', minSpendFen: 100 }, 'minSpendFen', '服务券不设使用门槛'],
    ['a negative minimum', { minSpendFen: -1 }, 'minSpendFen', '使用门槛须为不小于0的整数（分）'],
    ['a category coupon without categories', { scope: { kind: 'categories', values: [], excludeSkus: [] } }, 'scope.values', '请选择适用品类'],
    ['a SKU coupon without SKUs', { scope: { kind: 'skus', values: [], excludeSkus: [] } }, 'scope.values', '请填写适用商品'],
    ['an unknown category', { scope: { kind: 'categories', values: ['skincare', 'haircare'], excludeSkus: [] } }, 'scope.values', '未知品类：haircare'],
    ['a category listed twice', { scope: { kind: 'categories', values: ['makeup', 'makeup'], excludeSkus: [] } }, 'scope.values', '适用范围有重复项'],
    ['a storewide coupon listing categories', { scope: { kind: 'all', values: ['makeup'], excludeSkus: [] } }, 'scope.values', '全场通用时不指定品类或商品'],
    ['a SKU both included and excluded', { scope: { kind: 'skus', values: ['SERUM', 'CREAM'], excludeSkus: ['CREAM'] } }, 'scope.excludeSkus', '既适用又排除：CREAM'],
    ['an excluded SKU listed twice', { scope: { kind: 'all', values: [], excludeSkus: ['A', 'A'] } }, 'scope.excludeSkus', '排除商品有重复项'],
    ['a weekday listed twice', { weekdays: [1, 1] }, 'weekdays', '星期不能重复'],
    ['weekday 0', { weekdays: [0, 1] }, 'weekdays', '星期须为1（周一）到7（周日）'],
    ['a start hour without an end', { hoursFrom: '10:00' }, 'hoursUntil', '请同时填写开始和结束时间'],
    ['an end hour without a start', { hoursUntil: '14:00' }, 'hoursFrom', '请同时填写开始和结束时间'],
    ['hours that end before they start', { hoursFrom: '14:00', hoursUntil: '10:00' }, 'hoursUntil', '结束时间须晚于开始时间'],
    ['hours that end as they start', { hoursFrom: '10:00', hoursUntil: '10:00' }, 'hoursUntil', '结束时间须晚于开始时间'],
    ['a malformed hour', { hoursFrom: '9:00', hoursUntil: '14:00' }, 'hoursFrom', '时间格式须为HH:mm'],
    ['fixed dates without an end', { validity: fixed('2026-12-01T00:00:00+08:00', null) }, 'validity.until', '请填写结束时间'],
    ['fixed dates ending before they start', { validity: fixed('2026-12-31T00:00:00+08:00', '2026-12-01T00:00:00+08:00') }, 'validity.until', '结束时间须晚于开始时间'],
    ['fixed dates with a number of days', { validity: { ...fixed('2026-12-01T00:00:00+08:00', '2026-12-31T00:00:00+08:00'), days: 7 } }, 'validity.days', '固定日期的优惠券不填写有效天数'],
    ['a relative validity without days', { validity: relative(null) }, 'validity.days', '请填写有效天数'],
    ['a relative validity of zero days', { validity: relative(0) }, 'validity.days', '有效天数须为正整数'],
    ['a relative validity with an end date', { validity: { ...relative(7), until: at('2026-12-31T00:00:00Z') } }, 'validity.until', '领取后计算有效期的优惠券不填写结束时间'],
    ['a claimable coupon without a stock', { claimable: true, totalStock: null }, 'totalStock', '可领取的优惠券须设置发放总量'],
    ['a stock of zero', { totalStock: 0 }, 'totalStock', '发放总量须为正整数'],
    ['a group on an exclusive coupon', { stacking: 'exclusive', stackGroup: 'double11' }, 'stackGroup', '仅可叠加的优惠券可设置叠加分组'],
    ['a blank group name', { stackGroup: '  ' }, 'stackGroup', '叠加分组名称不能为空'],
  ])('tells the marketer about %s', (_, overrides, field, problem) => {
    expect(validateCouponTemplate(draft(overrides))).toEqual([{ field, problem }]);
  });

  it('lists every problem at once, so the marketer fixes the form in one go', () => {
    const sut = validateCouponTemplate(draft({ amountOffFen: null, weekdays: [2, 2], validity: relative(null), totalStock: null }));
    expect(sut.map((p) => p.field)).toEqual(['amountOffFen', 'weekdays', 'validity.days', 'totalStock']);
  });
});
