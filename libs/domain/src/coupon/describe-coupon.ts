import { businessClock, businessDate } from '../appointment/business-time';
import { PRODUCT_CATEGORY_LABELS } from '../catalog/product-category';
import { formatYuan } from '../loyalty/format-yuan';
import { type CouponRules, usageWindowText } from './coupon-rules';
import type { CouponValidity } from './coupon-validity';
import type { CouponKind, CouponUseTarget } from './coupon-vocabulary';

/** A coupon as a member reads it: the big text, the line under it, every rule as a sentence, and where to use it. */
export interface CouponFaceText {
  headline: string;
  condition: string;
  rules: string[];
  useTarget: CouponUseTarget;
}

export interface CouponFaceOptions {
  /** A member coupon's own dates, shown instead of the template's validity. */
  validFrom?: Date;
  validUntil?: Date;
  giftName?: string;
  serviceName?: string;
  /** Category labels to show; the catalog's own labels otherwise. */
  categoryLabels?: Record<string, string>;
}

const USE_TARGETS: Record<CouponKind, CouponUseTarget> = { amount_off: 'shop', percent_off: 'shop', gift: 'store', service: 'booking' };

/**
 * The face of a coupon, generated from its rules so what the member reads is what {@link evaluateCoupon} enforces:
 * '¥50' / '8.5折' / '赠品' / '服务', then '满¥300可用' or '无门槛' (with '，最高减¥100' for a capped percentage), then
 * one sentence each for validity, days and hours, scope, excluded SKUs, stacking and the gift or service. Dates are
 * Shanghai business dates. A gift is handed over at the till, a service is booked, money off is spent in the shop.
 */
export function couponFace(rules: CouponRules, validity: CouponValidity, opts: CouponFaceOptions = {}): CouponFaceText {
  const minimum = rules.minSpendFen > 0 ? `满${yuan(rules.minSpendFen)}可用` : '无门槛';
  const cap = rules.kind === 'percent_off' && rules.maxDiscountFen !== null ? `，最高减${yuan(rules.maxDiscountFen)}` : '';
  const sentences = [validityText(validity, opts), usageWindowText(rules), scopeText(rules.scope, opts.categoryLabels)];
  if (rules.scope.excludeSkus.length > 0) sentences.push(`不含：${rules.scope.excludeSkus.join('、')}`);
  sentences.push(rules.stacking === 'exclusive' ? '不与其他优惠券同享' : rules.stackGroup === null ? '可与其他优惠券叠加使用' : '可与其他组优惠券叠加使用');
  if (rules.kind === 'gift') sentences.push(`赠送：${opts.giftName ?? rules.giftSku ?? ''}`);
  if (rules.kind === 'service') sentences.push(`可兑换服务：${opts.serviceName ?? rules.serviceCode ?? ''}`);
  return {
    headline: headlineOf(rules),
    condition: minimum + cap,
    rules: sentences.filter((s): s is string => s !== null),
    useTarget: USE_TARGETS[rules.kind],
  };
}

function headlineOf(rules: CouponRules): string {
  switch (rules.kind) {
    case 'amount_off':
      return rules.amountOffFen === null ? '满减' : yuan(rules.amountOffFen);
    case 'percent_off': {
      if (rules.percentOff === null) return '折扣';
      // 15% off means paying 85%, which Chinese shoppers read as 8.5折.
      const tenths = 100 - rules.percentOff;
      return `${Math.floor(tenths / 10)}${tenths % 10 === 0 ? '' : `.${tenths % 10}`}折`;
    }
    case 'gift':
      return '赠品';
    case 'service':
      return '服务';
  }
}

/** '¥50' for whole yuan, '¥49.90' otherwise. */
function yuan(fen: number): string {
  return formatYuan(fen).replace(/\.00$/, '');
}

function validityText(validity: CouponValidity, opts: CouponFaceOptions): string {
  const fixed = validity.kind === 'fixed';
  const from = opts.validFrom ?? (fixed ? validity.from : null);
  const until = opts.validUntil ?? (fixed ? validity.until : null);
  if (until !== null) return from === null ? `有效期至${untilText(until)}` : `${fromText(from)} 至 ${untilText(until)} 有效`;
  if (validity.days === 1) return '领取当天有效';
  return `领取后${validity.days ?? 0}天内有效`;
}

/** The date alone when the coupon starts at midnight, otherwise with the time it starts. */
function fromText(instant: Date): string {
  const clock = businessClock(instant);
  return clock === '00:00' ? businessDate(instant) : `${businessDate(instant)} ${clock}`;
}

/** The date alone when the coupon lasts to the end of that day, otherwise with the time it ends. */
function untilText(instant: Date): string {
  const clock = businessClock(instant);
  return clock === '23:59' ? businessDate(instant) : `${businessDate(instant)} ${clock}`;
}

function scopeText(scope: CouponRules['scope'], labels: Record<string, string> | undefined): string {
  if (scope.kind === 'all') return '全场通用';
  if (scope.kind === 'skus') return '限指定商品';
  const catalog: Record<string, string> = PRODUCT_CATEGORY_LABELS;
  return `限${scope.values.map((v) => labels?.[v] ?? catalog[v] ?? v).join('、')}类商品`;
}
