import { ApiError } from '../../api/http';
import { couponTemplate, saveBodyOf } from '../../test/coupon.fixtures';
import {
  formFieldOf,
  isFieldLocked,
  issuedCount,
  percentOffToZhe,
  templateFieldErrors,
  templateProblemLines,
  toCouponTemplateFormValues,
  toPreviewBody,
  toSaveCouponTemplateBody,
  validateCouponTemplateForm,
  zheToPercentOff,
  type CouponTemplateField,
  type CouponTemplateFormValues,
} from './coupon-template-form';

/** A new template with its code and name typed: what a marketer has before choosing anything else. */
const typed = (overrides: Partial<CouponTemplateFormValues> = {}): CouponTemplateFormValues => ({
  ...toCouponTemplateFormValues(null),
  code: 'CPN-300-50',
  name: '满300减50',
  amountOffYuan: 50,
  minSpendYuan: 300,
  ...overrides,
});

describe(toSaveCouponTemplateBody.name, () => {
  it.each([
    ['money off, everywhere, 30 days from receipt', couponTemplate()],
    [
      'a capped 8.5折 on two categories, fixed dates, weekday lunchtimes, stackable in a group',
      couponTemplate({
        kind: 'percent_off',
        amountOffFen: null,
        percentOff: 15,
        maxDiscountFen: 10000,
        minSpendFen: 0,
        scope: { kind: 'categories', values: ['skincare', 'makeup'], excludeSkus: ['GLOW-SET-01'] },
        validity: { kind: 'fixed', from: '2026-12-01T00:00:00.000Z', until: '2026-12-31T15:59:00.000Z', days: null, weekdays: [1, 2, 3, 4, 5], hoursFrom: '10:00', hoursUntil: '14:00' },
        stacking: 'stackable',
        stackGroup: '品牌券',
        totalStock: null,
        claimable: false,
        costFen: 1250,
      }),
    ],
    [
      'a gift on listed SKUs',
      couponTemplate({ kind: 'gift', amountOffFen: null, giftSku: 'GLOW-SERUM-5ML', minSpendFen: 19900, scope: { kind: 'skus', values: ['GLOW-SERUM-30', 'GLOW-CREAM-50'], excludeSkus: [] } }),
    ],
    ['a service', couponTemplate({ kind: 'service', amountOffFen: null, serviceCode: 'FACIAL-60', minSpendFen: 0 })],
  ])('sends an unchanged template back as the API gave it: %s', (_, view) => {
    expect(toSaveCouponTemplateBody(toCouponTemplateFormValues(view))).toEqual(saveBodyOf(view));
  });

  it('keeps only the fields of the chosen kind, so switching kinds leaves nothing stale behind', () => {
    const values = typed({ discountZhe: 8.5, maxDiscountYuan: 100, giftSku: 'GLOW-SERUM-5ML', serviceCode: 'FACIAL-60' });
    expect(toSaveCouponTemplateBody(values)).toMatchObject({ amountOffFen: 5000, percentOff: null, maxDiscountFen: null, giftSku: null, serviceCode: null });
    expect(toSaveCouponTemplateBody({ ...values, kind: 'percent_off' })).toMatchObject({ amountOffFen: null, percentOff: 15, maxDiscountFen: 10000, giftSku: null });
    expect(toSaveCouponTemplateBody({ ...values, kind: 'gift' })).toMatchObject({ amountOffFen: null, percentOff: null, giftSku: 'GLOW-SERUM-5ML', minSpendFen: 30000 });
    // A service has no minimum spend, whatever was typed before switching.
    expect(toSaveCouponTemplateBody({ ...values, kind: 'service' })).toMatchObject({ serviceCode: 'FACIAL-60', giftSku: null, minSpendFen: 0 });
  });

  it('sends yuan as fen without float noise, and an empty cap as no cap', () => {
    expect(toSaveCouponTemplateBody(typed({ amountOffYuan: 0.29, minSpendYuan: 99.9, costYuan: 12.34 }))).toMatchObject({ amountOffFen: 29, minSpendFen: 9990, costFen: 1234 });
    expect(toSaveCouponTemplateBody(typed({ kind: 'percent_off', discountZhe: 9, maxDiscountYuan: null }))).toMatchObject({ percentOff: 10, maxDiscountFen: null });
  });

  it('sends the values of the chosen scope only, and the excluded SKUs in every scope', () => {
    const values = typed({ scopeCategories: ['skincare'], scopeSkus: ['GLOW-SERUM-30'], excludeSkus: ['GLOW-SET-01'] });
    expect(toSaveCouponTemplateBody(values).scope).toEqual({ kind: 'all', values: [], excludeSkus: ['GLOW-SET-01'] });
    expect(toSaveCouponTemplateBody({ ...values, scopeKind: 'categories' }).scope).toEqual({ kind: 'categories', values: ['skincare'], excludeSkus: ['GLOW-SET-01'] });
    expect(toSaveCouponTemplateBody({ ...values, scopeKind: 'skus' }).scope).toEqual({ kind: 'skus', values: ['GLOW-SERUM-30'], excludeSkus: ['GLOW-SET-01'] });
  });

  it('sends the dates of a fixed validity or the days of a relative one, weekdays in order and the hours', () => {
    const values = typed({ validFrom: '2026-12-01T00:00:00.000Z', validUntil: '2026-12-31T00:00:00.000Z', validDays: 7, weekdays: [6, 1, 7], hours: ['18:00', '22:00'] });
    expect(toSaveCouponTemplateBody(values).validity).toEqual({ kind: 'relative', from: null, until: null, days: 7, weekdays: [1, 6, 7], hoursFrom: '18:00', hoursUntil: '22:00' });
    expect(toSaveCouponTemplateBody({ ...values, validityKind: 'fixed', hours: null }).validity).toEqual({
      kind: 'fixed',
      from: '2026-12-01T00:00:00.000Z',
      until: '2026-12-31T00:00:00.000Z',
      days: null,
      weekdays: [1, 6, 7],
      hoursFrom: null,
      hoursUntil: null,
    });
  });

  it('trims text, sends an empty stock as unlimited and a group only for stackable coupons', () => {
    expect(toSaveCouponTemplateBody(typed({ code: ' CPN-1 ', name: ' 新客券 ', description: '  ', stackGroup: '品牌券' }))).toMatchObject({
      code: 'CPN-1',
      name: '新客券',
      description: '',
      totalStock: null,
      stacking: 'exclusive',
      stackGroup: null,
    });
    expect(toSaveCouponTemplateBody(typed({ stacking: 'stackable', stackGroup: ' 品牌券 ' })).stackGroup).toBe('品牌券');
    expect(toSaveCouponTemplateBody(typed({ stacking: 'stackable', stackGroup: ' ' })).stackGroup).toBeNull();
  });
});

describe(zheToPercentOff.name, () => {
  it.each([
    [8.5, 15],
    [9, 10],
    [9.9, 1],
    [0.1, 99],
    [7, 30],
    [6.8, 32],
  ])('%d折 takes %d%% off, and back', (zhe, percentOff) => {
    expect(zheToPercentOff(zhe)).toBe(percentOff);
    expect(percentOffToZhe(percentOff)).toBe(zhe);
  });
});

describe(toPreviewBody.name, () => {
  it('stands in for an unfinished code and name, which do not show on the coupon', () => {
    expect(toPreviewBody(typed({ code: '', name: '新' }))).toMatchObject({ code: 'PREVIEW', name: '优惠券预览', amountOffFen: 5000 });
    expect(toPreviewBody(typed())).toMatchObject({ code: 'CPN-300-50', name: '满300减50' });
  });
});

describe(validateCouponTemplateForm.name, () => {
  const fields = new Set<string>(Object.keys(toCouponTemplateFormValues(null)));

  it.each<[string, Partial<CouponTemplateFormValues>, CouponTemplateField | null, string | null]>([
    ['a complete new template', {}, null, null],
    ['no code', { code: ' ' }, 'code', '请填写编码'],
    ['a code with spaces', { code: 'CPN 1' }, 'code', '编码为 2–40 位字母、数字、下划线或短横线'],
    ['a one-character name', { name: '券' }, 'name', '名称至少 2 个字'],
    ['no amount off', { amountOffYuan: null }, 'amountOffYuan', '请填写减免金额'],
    ['no discount', { kind: 'percent_off', discountZhe: null }, 'discountZhe', '请填写折扣'],
    ['a discount with two decimals', { kind: 'percent_off', discountZhe: 8.55 }, 'discountZhe', '折扣须在 0.1–9.9 折之间，最多一位小数'],
    ['a 10折 discount', { kind: 'percent_off', discountZhe: 10 }, 'discountZhe', '折扣须在 0.1–9.9 折之间，最多一位小数'],
    ['a capped 8.5折', { kind: 'percent_off', discountZhe: 8.5, maxDiscountYuan: 100 }, null, null],
    ['no gift', { kind: 'gift' }, 'giftSku', '请选择赠品'],
    ['no service', { kind: 'service' }, 'serviceCode', '请选择可兑换的服务'],
    ['a service (its minimum is not asked)', { kind: 'service', serviceCode: 'FACIAL-60', minSpendYuan: null }, null, null],
    ['no minimum spend', { minSpendYuan: null }, 'minSpendYuan', '请填写使用门槛（0 为无门槛）'],
    ['categories without any', { scopeKind: 'categories' }, 'scopeCategories', '请选择适用品类'],
    ['SKUs without any', { scopeKind: 'skus' }, 'scopeSkus', '请填写适用商品'],
    ['a SKU both listed and excluded', { scopeKind: 'skus', scopeSkus: ['GLOW-SERUM-30'], excludeSkus: ['GLOW-SERUM-30'] }, 'excludeSkus', '既适用又排除：GLOW-SERUM-30'],
    ['no days', { validDays: null }, 'validDays', '请填写有效天数'],
    ['a year and a day', { validDays: 366 }, 'validDays', '有效天数最多 365 天'],
    ['fixed dates without a start', { validityKind: 'fixed', validUntil: '2026-12-31T00:00:00.000Z' }, 'validFrom', '请选择开始时间'],
    ['fixed dates without an end', { validityKind: 'fixed', validFrom: '2026-12-01T00:00:00.000Z' }, 'validUntil', '请填写结束时间'],
    ['fixed dates ending before they start', { validityKind: 'fixed', validFrom: '2026-12-31T00:00:00.000Z', validUntil: '2026-12-01T00:00:00.000Z' }, 'validUntil', '结束时间须晚于开始时间'],
    ['hours ending when they start', { hours: ['14:00', '14:00'] }, 'hours', '结束时间须晚于开始时间'],
    ['claimable without stock', { claimable: true, totalStock: null }, 'totalStock', '可领取的优惠券须设置发放总量'],
    ['claimable with stock', { claimable: true, totalStock: 500 }, null, null],
    ['no limit per member', { perMemberLimit: null }, 'perMemberLimit', '请填写每人限领张数'],
    ['no cost', { costYuan: null }, 'costYuan', '请填写单张核销成本（0 为不计）'],
  ])('%s', (_, overrides, field, problem) => {
    const problems = validateCouponTemplateForm(typed(overrides), null);
    // Every problem lands on a field the form has, one per field.
    for (const found of problems) expect(found.field === null || fields.has(found.field)).toBe(true);
    expect(new Set(problems.map((found) => found.field)).size).toBe(problems.length);
    if (field === null) expect(problems).toEqual([]);
    else expect(problems).toContainEqual({ field, problem });
  });

  it('keeps a live template’s stock at or above what it gave out, and limited or unlimited as it was', () => {
    const live = couponTemplate({ totalStock: 1000, counters: { ...couponTemplate().counters, remaining: 580 } });
    const values = toCouponTemplateFormValues(live);
    expect(issuedCount(live)).toBe(420);
    expect(validateCouponTemplateForm({ ...values, totalStock: 420 }, live)).toEqual([]);
    expect(validateCouponTemplateForm({ ...values, totalStock: 419 }, live)).toEqual([{ field: 'totalStock', problem: '已发放 420 张，发放总量不能少于已发放数量' }]);

    const unlimited = couponTemplate({ claimable: false, totalStock: null, counters: { ...couponTemplate().counters, remaining: null } });
    expect(validateCouponTemplateForm({ ...toCouponTemplateFormValues(unlimited), totalStock: 5000 }, unlimited)).toEqual([{ field: 'totalStock', problem: '已发布的不限量优惠券不能改为限量' }]);
    // A draft may switch freely.
    expect(validateCouponTemplateForm({ ...toCouponTemplateFormValues(unlimited), totalStock: 5000 }, { ...unlimited, status: 'draft' })).toEqual([]);
  });

  it('lets a live template’s fixed end move later, never earlier', () => {
    const live = couponTemplate({
      claimable: false,
      totalStock: null,
      counters: { ...couponTemplate().counters, remaining: null },
      validity: { kind: 'fixed', from: '2026-12-01T00:00:00.000Z', until: '2026-12-31T15:59:00.000Z', days: null, weekdays: [], hoursFrom: null, hoursUntil: null },
    });
    const values = toCouponTemplateFormValues(live);
    expect(validateCouponTemplateForm({ ...values, validUntil: '2027-01-31T15:59:00.000Z' }, live)).toEqual([]);
    expect(validateCouponTemplateForm({ ...values, validUntil: '2026-12-24T15:59:00.000Z' }, live)).toEqual([{ field: 'validUntil', problem: '已发布的优惠券只能延长有效期，不能缩短' }]);
  });
});

describe(isFieldLocked.name, () => {
  const fixed = couponTemplate({ validity: { ...couponTemplate().validity, kind: 'fixed', days: null, from: '2026-12-01T00:00:00.000Z', until: '2026-12-31T00:00:00.000Z' } });

  it.each<[string, CouponTemplateField, boolean, Parameters<typeof isFieldLocked>[0]]>([
    ['a new template', 'amountOffYuan', false, null],
    ['a draft', 'kind', false, couponTemplate({ status: 'draft' })],
    ['an active template’s name', 'name', false, couponTemplate()],
    ['an active template’s description', 'description', false, couponTemplate()],
    ['an active template’s cost', 'costYuan', false, couponTemplate()],
    ['an active template’s limited stock', 'totalStock', false, couponTemplate()],
    ['an active template’s unlimited stock', 'totalStock', true, couponTemplate({ totalStock: null })],
    ['an active template’s amount', 'amountOffYuan', true, couponTemplate()],
    ['an active template’s minimum', 'minSpendYuan', true, couponTemplate()],
    ['an active template’s days', 'validDays', true, couponTemplate()],
    ['an active template’s claimability', 'claimable', true, couponTemplate()],
    ['a paused template’s fixed end', 'validUntil', false, { ...fixed, status: 'paused' }],
    ['a paused template’s fixed start', 'validFrom', true, { ...fixed, status: 'paused' }],
    ['an active relative template’s end', 'validUntil', true, couponTemplate()],
    ['an ended template’s name', 'name', true, couponTemplate({ status: 'ended' })],
  ])('%s: %s locked → %s', (_, field, locked, saved) => {
    expect(isFieldLocked(saved, field)).toBe(locked);
  });
});

describe(formFieldOf.name, () => {
  it.each<[string, CouponTemplateFormValues['scopeKind'], CouponTemplateField | null]>([
    ['amountOffFen', 'all', 'amountOffYuan'],
    ['percentOff', 'all', 'discountZhe'],
    ['maxDiscountFen', 'all', 'maxDiscountYuan'],
    ['minSpendFen', 'all', 'minSpendYuan'],
    ['costFen', 'all', 'costYuan'],
    ['scope.kind', 'all', 'scopeKind'],
    ['scope.values', 'categories', 'scopeCategories'],
    ['scope.values.1', 'skus', 'scopeSkus'],
    ['scope.excludeSkus.0', 'skus', 'excludeSkus'],
    ['validity.until', 'all', 'validUntil'],
    ['validity.days', 'all', 'validDays'],
    ['validity.weekdays.2', 'all', 'weekdays'],
    ['weekdays', 'all', 'weekdays'],
    ['hoursUntil', 'all', 'hours'],
    ['validity.hoursFrom', 'all', 'hours'],
    ['totalStock', 'all', 'totalStock'],
    ['stackGroup', 'all', 'stackGroup'],
    ['somethingElse', 'all', null],
  ])('%s (scope %s) → %s', (apiField, scopeKind, field) => {
    expect(formFieldOf(apiField, scopeKind)).toBe(field);
  });
});

describe(templateFieldErrors.name, () => {
  const refused = new ApiError(400, 'COUPON_TEMPLATE_INVALID', '优惠券设置不正确，请按提示修改', [
    { field: 'amountOffFen', problems: ['请填写减免金额'] },
    { field: 'scope.values', problems: ['请选择适用品类'] },
    { field: 'validity.days', problems: ['max'] },
    { field: 'unknown', problems: ['?'] },
  ]);

  it('puts each problem next to its field, in words, and leaves out fields the form does not have', () => {
    expect(templateFieldErrors(refused, 'categories')).toEqual([
      { name: 'amountOffYuan', errors: ['请填写减免金额'] },
      { name: 'scopeCategories', errors: ['请选择适用品类'] },
      { name: 'validDays', errors: ['大于允许的最大值'] },
    ]);
    expect(templateProblemLines(refused)).toEqual(['减免金额：请填写减免金额', '适用范围 · 适用品类或商品：请选择适用品类', '有效期 · 有效天数：大于允许的最大值', 'unknown：?']);
  });
});
