import { addDays, atBusinessTime, businessDate, isHhmm, minutesOf } from '../appointment/business-time';
import { PRODUCT_CATEGORIES } from '../catalog/product-category';
import type { CouponRules } from './coupon-rules';
import { COUPON_KIND_LABELS, COUPON_KINDS, COUPON_SCOPE_KINDS, COUPON_STACKING, COUPON_VALIDITY_KINDS, type CouponKind, type CouponValidityKind } from './coupon-vocabulary';

/** `fixed`: from `from` (null: from the moment it reaches the member) until `until`. `relative`: for `days` days. */
export interface CouponValidity {
  kind: CouponValidityKind;
  from: Date | null;
  until: Date | null;
  days: number | null;
}

/** A template as the marketer saves it: the rules every coupon copies, plus how long and how many. */
export type CouponTemplateDraft = CouponRules & { validity: CouponValidity; totalStock: number | null; claimable: boolean };

export interface TemplateProblem {
  /** The path of the offending field in the draft, e.g. `amountOffFen`, `scope.values`, `validity.until`. */
  field: string;
  /** What is wrong, in Chinese, for the marketer. */
  problem: string;
}

/**
 * When a coupon that reaches its member at `at` may be used. A `relative` coupon counts in whole business days,
 * today being the first, and runs to the last millisecond of its last day (23:59:59.999 Shanghai time), so
 * "valid 7 days" means until the end of the 7th day on the member's calendar, not 7×24 hours. A `fixed` coupon uses
 * the template's dates, from the moment it is received when the template gives no start.
 */
export function couponValidity(validity: CouponValidity, at: Date): { validFrom: Date; validUntil: Date } {
  if (validity.kind === 'fixed') {
    if (validity.until === null) throw new RangeError('A fixed validity needs an end');
    return { validFrom: validity.from ?? at, validUntil: validity.until };
  }
  const days = validity.days;
  if (days === null || !Number.isInteger(days) || days < 1) throw new RangeError('A relative validity needs a whole number of days from 1');
  const endOfLastDay = atBusinessTime(addDays(businessDate(at), days), '00:00').getTime() - 1;
  return { validFrom: at, validUntil: new Date(endOfLastDay) };
}

/**
 * Everything wrong with a template, each problem against its field, in Chinese for the console; empty when it may be
 * saved. Each kind carries its own amount and nothing of the other kinds, so a coupon never reads two ways; a
 * percentage coupon's cap and a minimum spend above the amount off are both the marketer's choice.
 */
export function validateCouponTemplate(t: CouponTemplateDraft): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const add = (field: string, problem: string) => problems.push({ field, problem });

  if (!(COUPON_KINDS as readonly string[]).includes(t.kind)) add('kind', '请选择优惠券类型');
  else checkKindFields(t, add);

  if (!Number.isSafeInteger(t.minSpendFen) || t.minSpendFen < 0) add('minSpendFen', '使用门槛须为不小于0的整数（分）');
  else if (t.kind === 'service' && t.minSpendFen > 0) add('minSpendFen', '服务券不设使用门槛');

  checkScope(t.scope, add);

  if (t.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) add('weekdays', '星期须为1（周一）到7（周日）');
  else if (new Set(t.weekdays).size !== t.weekdays.length) add('weekdays', '星期不能重复');

  checkHours(t.hoursFrom, t.hoursUntil, add);
  checkValidity(t.validity, add);

  if (t.totalStock !== null && (!Number.isSafeInteger(t.totalStock) || t.totalStock < 1)) add('totalStock', '发放总量须为正整数');
  else if (t.claimable && t.totalStock === null) add('totalStock', '可领取的优惠券须设置发放总量');

  if (!(COUPON_STACKING as readonly string[]).includes(t.stacking)) add('stacking', '请选择叠加规则');
  if (t.stackGroup !== null) {
    if (t.stacking !== 'stackable') add('stackGroup', '仅可叠加的优惠券可设置叠加分组');
    else if (t.stackGroup.trim() === '') add('stackGroup', '叠加分组名称不能为空');
  }
  return problems;
}

type Add = (field: string, problem: string) => void;

const KIND_FIELDS = {
  amountOffFen: 'amount_off',
  percentOff: 'percent_off',
  maxDiscountFen: 'percent_off',
  giftSku: 'gift',
  serviceCode: 'service',
} as const satisfies Record<string, CouponKind>;

function checkKindFields(t: CouponTemplateDraft, add: Add): void {
  for (const [field, kind] of Object.entries(KIND_FIELDS) as [keyof typeof KIND_FIELDS, CouponKind][]) {
    if (kind !== t.kind && t[field] !== null) add(field, `${COUPON_KIND_LABELS[t.kind]}不填写此项`);
  }
  const isPositiveFen = (n: number) => Number.isSafeInteger(n) && n >= 1;
  switch (t.kind) {
    case 'amount_off':
      if (t.amountOffFen === null) add('amountOffFen', '请填写减免金额');
      else if (!isPositiveFen(t.amountOffFen)) add('amountOffFen', '减免金额须为正整数（分）');
      break;
    case 'percent_off':
      if (t.percentOff === null) add('percentOff', '请填写折扣');
      else if (!Number.isInteger(t.percentOff) || t.percentOff < 1 || t.percentOff > 99) add('percentOff', '折扣须为1到99的整数（减免的百分比）');
      if (t.maxDiscountFen !== null && !isPositiveFen(t.maxDiscountFen)) add('maxDiscountFen', '最高优惠金额须为正整数（分）');
      break;
    case 'gift':
      if (t.giftSku === null || t.giftSku.trim() === '') add('giftSku', '请选择赠品');
      break;
    case 'service':
      if (t.serviceCode === null || t.serviceCode.trim() === '') add('serviceCode', '请选择可兑换的服务');
      break;
  }
}

function checkScope(scope: CouponRules['scope'], add: Add): void {
  if (!(COUPON_SCOPE_KINDS as readonly string[]).includes(scope.kind)) {
    add('scope.kind', '请选择适用范围');
    return;
  }
  if (scope.kind === 'all') {
    if (scope.values.length > 0) add('scope.values', '全场通用时不指定品类或商品');
  } else if (scope.values.length === 0) {
    add('scope.values', scope.kind === 'categories' ? '请选择适用品类' : '请填写适用商品');
  } else if (new Set(scope.values).size !== scope.values.length) {
    add('scope.values', '适用范围有重复项');
  } else if (scope.kind === 'categories') {
    const unknown = scope.values.filter((v) => !(PRODUCT_CATEGORIES as readonly string[]).includes(v));
    if (unknown.length > 0) add('scope.values', `未知品类：${unknown.join('、')}`);
  } else {
    const both = scope.values.filter((v) => scope.excludeSkus.includes(v));
    if (both.length > 0) add('scope.excludeSkus', `既适用又排除：${both.join('、')}`);
  }
  if (new Set(scope.excludeSkus).size !== scope.excludeSkus.length) add('scope.excludeSkus', '排除商品有重复项');
}

function checkHours(from: string | null, until: string | null, add: Add): void {
  if (from === null && until === null) return;
  if (from === null) return add('hoursFrom', '请同时填写开始和结束时间');
  if (until === null) return add('hoursUntil', '请同时填写开始和结束时间');
  if (!isHhmm(from)) add('hoursFrom', '时间格式须为HH:mm');
  if (!isHhmm(until)) add('hoursUntil', '时间格式须为HH:mm');
  if (isHhmm(from) && isHhmm(until) && minutesOf(from) >= minutesOf(until)) add('hoursUntil', '结束时间须晚于开始时间');
}

function checkValidity(v: CouponValidity, add: Add): void {
  if (!(COUPON_VALIDITY_KINDS as readonly string[]).includes(v.kind)) return add('validity.kind', '请选择有效期类型');
  if (v.kind === 'fixed') {
    if (v.days !== null) add('validity.days', '固定日期的优惠券不填写有效天数');
    if (v.until === null) add('validity.until', '请填写结束时间');
    else if (v.from !== null && v.from.getTime() >= v.until.getTime()) add('validity.until', '结束时间须晚于开始时间');
    return;
  }
  if (v.from !== null) add('validity.from', '领取后计算有效期的优惠券不填写开始时间');
  if (v.until !== null) add('validity.until', '领取后计算有效期的优惠券不填写结束时间');
  if (v.days === null) add('validity.days', '请填写有效天数');
  else if (!Number.isInteger(v.days) || v.days < 1) add('validity.days', '有效天数须为正整数');
}
