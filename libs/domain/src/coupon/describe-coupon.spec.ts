import type { CouponRules } from './coupon-rules';
import type { CouponValidity } from './coupon-validity';
import { couponFace } from './describe-coupon';
import { couponRules } from './testing/coupon-fixtures';

const DECEMBER: CouponValidity = { kind: 'fixed', from: new Date('2026-12-01T00:00:00+08:00'), until: new Date('2026-12-31T23:59:59.999+08:00'), days: null };
const SEVEN_DAYS: CouponValidity = { kind: 'relative', from: null, until: null, days: 7 };
const none = { amountOffFen: null, percentOff: null, maxDiscountFen: null, giftSku: null, serviceCode: null };

describe(couponFace.name, () => {
  it.each<[string, Partial<CouponRules>, string, string]>([
    ['¥50 off ¥300', { amountOffFen: 5000, minSpendFen: 30000 }, '¥50', '满¥300可用'],
    ['¥49.90 off with no minimum', { amountOffFen: 4990 }, '¥49.90', '无门槛'],
    ['¥1,000 off ¥5,000.50', { amountOffFen: 100000, minSpendFen: 500050 }, '¥1,000', '满¥5,000.50可用'],
    ['15% off, capped at ¥100', { ...none, kind: 'percent_off', percentOff: 15, maxDiscountFen: 10000, minSpendFen: 20000 }, '8.5折', '满¥200可用，最高减¥100'],
    ['20% off, no cap, no minimum', { ...none, kind: 'percent_off', percentOff: 20 }, '8折', '无门槛'],
    ['12% off', { ...none, kind: 'percent_off', percentOff: 12, maxDiscountFen: 5050 }, '8.8折', '无门槛，最高减¥50.50'],
    ['95% off', { ...none, kind: 'percent_off', percentOff: 95 }, '0.5折', '无门槛'],
    ['a gift with purchase', { ...none, kind: 'gift', giftSku: 'MINI', minSpendFen: 30000 }, '赠品', '满¥300可用'],
    ['a free service', { ...none, kind: 'service', serviceCode: 'FACIAL' }, '服务', '无门槛'],
  ])('shows %s as its headline and condition', (_, rules, headline, condition) => {
    expect(couponFace(couponRules(rules), DECEMBER)).toMatchObject({ headline, condition });
  });

  it.each<[CouponRules['kind'], Partial<CouponRules>, string]>([
    ['amount_off', {}, 'shop'],
    ['percent_off', { ...none, percentOff: 10 }, 'shop'],
    ['gift', { ...none, giftSku: 'MINI' }, 'store'],
    ['service', { ...none, serviceCode: 'FACIAL' }, 'booking'],
  ])('sends a member with a %s coupon to use it where it works', (kind, rules, useTarget) => {
    expect(couponFace(couponRules({ ...rules, kind }), DECEMBER).useTarget).toBe(useTarget);
  });

  it('spells out every rule of a template with fixed dates', () => {
    const rules = couponRules({
      weekdays: [1, 2, 3, 4, 5],
      hoursFrom: '10:00',
      hoursUntil: '14:00',
      scope: { kind: 'categories', values: ['skincare', 'makeup'], excludeSkus: ['LIMITED-01', 'LIMITED-02'] },
      stacking: 'exclusive',
    });
    expect(couponFace(rules, DECEMBER).rules).toEqual(['2026-12-01 至 2026-12-31 有效', '仅限周一至周五 10:00–14:00使用', '限护肤、彩妆类商品', '不含：LIMITED-01、LIMITED-02', '不与其他优惠券同享']);
  });

  it.each<[string, CouponValidity, { validFrom?: Date; validUntil?: Date }, string]>([
    ['a template valid for days after it arrives', SEVEN_DAYS, {}, '领取后7天内有效'],
    ['a template valid only the day it arrives', { ...SEVEN_DAYS, days: 1 }, {}, '领取当天有效'],
    [
      'a member’s coupon with its own dates',
      SEVEN_DAYS,
      { validFrom: new Date('2026-11-25T12:34:00+08:00'), validUntil: new Date('2026-12-01T23:59:59.999+08:00') },
      '2026-11-25 12:34 至 2026-12-01 有效',
    ],
    ['a coupon ending at a set time', { ...DECEMBER, until: new Date('2026-12-12T20:00:00+08:00') }, {}, '2026-12-01 至 2026-12-12 20:00 有效'],
    ['a fixed end without a start', { ...DECEMBER, from: null }, {}, '有效期至2026-12-31'],
    ['dates on the Shanghai calendar, not UTC', { ...DECEMBER, from: new Date('2026-11-30T16:00:00Z') }, {}, '2026-12-01 至 2026-12-31 有效'],
  ])('states the validity of %s', (_, validity, opts, sentence) => {
    expect(couponFace(couponRules(), validity, opts).rules[0]).toBe(sentence);
  });

  it.each<[string, Partial<CouponRules>, string[]]>([
    ['storewide, stacking with anything', {}, ['全场通用', '可与其他优惠券叠加使用']],
    ['listed SKUs, stacking with other groups', { scope: { kind: 'skus', values: ['A'], excludeSkus: [] }, stackGroup: 'double11' }, ['限指定商品', '可与其他组优惠券叠加使用']],
    ['a category the catalog does not label yet', { scope: { kind: 'categories', values: ['haircare'], excludeSkus: [] } }, ['限haircare类商品', '可与其他优惠券叠加使用']],
  ])('describes the scope and stacking of a coupon %s', (_, rules, sentences) => {
    expect(couponFace(couponRules(rules), SEVEN_DAYS).rules.slice(1)).toEqual(sentences);
  });

  it('uses the caller’s category labels when given', () => {
    const rules = couponRules({ scope: { kind: 'categories', values: ['skincare'], excludeSkus: [] } });
    expect(couponFace(rules, SEVEN_DAYS, { categoryLabels: { skincare: '面部护理' } }).rules).toContain('限面部护理类商品');
  });

  it.each<[string, Partial<CouponRules>, { giftName?: string; serviceName?: string }, string]>([
    ['the gift by name', { ...none, kind: 'gift', giftSku: 'MINI-SERUM' }, { giftName: '精华小样 5ml' }, '赠送：精华小样 5ml'],
    ['the gift by SKU when its name is unknown', { ...none, kind: 'gift', giftSku: 'MINI-SERUM' }, {}, '赠送：MINI-SERUM'],
    ['the service by name', { ...none, kind: 'service', serviceCode: 'FACIAL' }, { serviceName: '深层清洁护理' }, '可兑换服务：深层清洁护理'],
    ['the service by code when its name is unknown', { ...none, kind: 'service', serviceCode: 'FACIAL' }, {}, '可兑换服务：FACIAL'],
  ])('names %s last', (_, rules, opts, sentence) => {
    expect(couponFace(couponRules(rules), SEVEN_DAYS, opts).rules.at(-1)).toBe(sentence);
  });

  it('says nothing about days and hours when the coupon works any time', () => {
    expect(couponFace(couponRules(), SEVEN_DAYS).rules).toEqual(['领取后7天内有效', '全场通用', '可与其他优惠券叠加使用']);
  });
});
