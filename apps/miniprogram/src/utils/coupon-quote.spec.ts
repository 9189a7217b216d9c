import type { CouponOption } from '@glow/contracts';
import { couponOption, memberCoupon, stackable } from '../packages/coupon/test-fixtures';
import { quote } from '../packages/shop/test-fixtures';
import { MAX_COUPONS_PER_ORDER, isBestSelection, isSelectable, pickerRows, toggleCoupon, usableCount } from './coupon-quote';

const exclusiveA = couponOption(memberCoupon({ id: 'ex-a' }), { discountFen: 5000 });
const exclusiveB = couponOption(memberCoupon({ id: 'ex-b' }), { discountFen: 8000 });
const beauty1 = couponOption(stackable('st-1', 'beauty'), { discountFen: 1000 });
const beauty2 = couponOption(stackable('st-2', 'beauty'), { discountFen: 1500 });
const free = couponOption(stackable('st-3', null), { discountFen: 500 });
const belowMinimum = couponOption(memberCoupon({ id: 'min' }), { outcome: 'below-minimum', message: '还差¥20可用', discountFen: 0 });
const serviceOnly = couponOption(memberCoupon({ id: 'svc' }), { outcome: 'service-only', message: '仅限到店服务使用', discountFen: 0 });
const clash = couponOption(stackable('st-4', 'beauty'), { outcome: 'same-group', message: '不可与同类券同时使用', discountFen: 1200 });
const options: CouponOption[] = [exclusiveA, exclusiveB, beauty1, beauty2, free, belowMinimum, serviceOnly, clash];

describe(toggleCoupon.name, () => {
  it.each([
    ['picks an exclusive coupon alone', [], exclusiveA, ['ex-a']],
    ['replaces everything with an exclusive coupon', ['st-1', 'st-3'], exclusiveB, ['ex-b']],
    ['swaps one exclusive coupon for another', ['ex-a'], exclusiveB, ['ex-b']],
    ['drops a picked coupon', ['st-1', 'st-3'], beauty1, ['st-3']],
    ['stacks coupons of different groups', ['st-1'], free, ['st-1', 'st-3']],
    ['replaces a coupon of the same stack group', ['st-1', 'st-3'], beauty2, ['st-3', 'st-2']],
    ['replaces an exclusive coupon with a stackable one', ['ex-a'], free, ['st-3']],
    ['lets a coupon that only clashes replace the other', ['st-1'], clash, ['st-4']],
    ['ignores a coupon that cannot be used on this cart', ['ex-a'], belowMinimum, ['ex-a']],
    ['ignores a service coupon in the shop', [], serviceOnly, []],
  ])('%s', (_, selected, option, expected) => {
    expect(toggleCoupon(selected, option, options)).toEqual(expected);
  });

  it('keeps at most the order limit, dropping the oldest pick', () => {
    const many = Array.from({ length: MAX_COUPONS_PER_ORDER + 1 }, (_, i) => couponOption(stackable(`g-${i}`, `group-${i}`)));
    let selected: string[] = [];
    for (const option of many) selected = toggleCoupon(selected, option, many);

    expect(selected).toHaveLength(MAX_COUPONS_PER_ORDER);
    expect(selected).not.toContain('g-0');
    expect(selected.at(-1)).toBe(`g-${MAX_COUPONS_PER_ORDER}`);
  });

  it('never picks an unusable coupon nor two coupons of one group, however the member taps', () => {
    let selected: string[] = [];
    for (const option of [...options, ...[...options].reverse(), beauty1, clash, free, exclusiveA, free]) {
      selected = toggleCoupon(selected, option, options);
      const picked = options.filter((candidate) => selected.includes(candidate.coupon.id));
      expect(picked.every(isSelectable)).toBe(true);
      const exclusive = picked.filter((candidate) => candidate.coupon.template.stacking === 'exclusive');
      expect(exclusive.length === 0 || picked.length === 1).toBe(true);
      const groups = picked.map((candidate) => candidate.coupon.template.stackGroup).filter((group) => group !== null);
      expect(new Set(groups).size).toBe(groups.length);
    }
  });
});

describe(pickerRows.name, () => {
  it('lists the picked coupons first, then the usable ones by saving, then the greyed ones with their reason', () => {
    const rows = pickerRows(quote(options, { applied: { couponIds: ['st-1'], discountFen: 1000, totalFen: 90800, lines: [], gifts: [] } }));

    expect(rows.map((row) => row.option.coupon.id)).toEqual(['st-1', 'ex-b', 'ex-a', 'st-2', 'st-4', 'st-3', 'min', 'svc']);
    expect(rows.find((row) => row.option.coupon.id === 'st-1')).toMatchObject({ selected: true, selectable: true, note: null });
    expect(rows.find((row) => row.option.coupon.id === 'ex-b')).toMatchObject({ selected: false, selectable: true, note: null });
    expect(rows.find((row) => row.option.coupon.id === 'st-4')).toMatchObject({ selectable: true, note: '不可与同类券同时使用' });
    expect(rows.find((row) => row.option.coupon.id === 'min')).toMatchObject({ selectable: false, note: '还差¥20可用' });
    expect(rows.find((row) => row.option.coupon.id === 'svc')).toMatchObject({ selectable: false, note: '仅限到店服务使用' });
  });

  it('counts the coupons that can be picked', () => {
    expect(usableCount(quote(options))).toBe(6);
    expect(usableCount(quote([belowMinimum, serviceOnly]))).toBe(0);
  });
});

describe(isBestSelection.name, () => {
  const applied = (couponIds: string[]) => ({ couponIds, discountFen: 0, totalFen: 0, lines: [], gifts: [] });

  it.each([
    [['a', 'b'], ['b', 'a'], true],
    [['a'], ['a'], true],
    [['a'], [], false],
    [['a', 'b'], ['a'], false],
    [[], [], false],
  ])('best %j, applied %j → %p', (best, picked, expected) => {
    expect(isBestSelection({ bestCouponIds: best, applied: applied(picked) })).toBe(expected);
  });
});
