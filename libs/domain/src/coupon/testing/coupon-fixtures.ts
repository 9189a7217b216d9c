import type { CartLine, CouponRules, WalletCoupon } from '../coupon-rules';

/** ¥50 off the whole cart, no minimum, any day and hour, stackable without a group; override what a case needs. */
export function couponRules(overrides: Partial<CouponRules> = {}): CouponRules {
  return {
    kind: 'amount_off',
    amountOffFen: 5000,
    percentOff: null,
    maxDiscountFen: null,
    giftSku: null,
    serviceCode: null,
    minSpendFen: 0,
    scope: { kind: 'all', values: [], excludeSkus: [] },
    weekdays: [],
    hoursFrom: null,
    hoursUntil: null,
    stacking: 'stackable',
    stackGroup: null,
    ...overrides,
  };
}

/** An available coupon valid through November and December 2026 (Shanghai time). */
export function walletCoupon(id: string, rules: Partial<CouponRules> = {}, coupon: Partial<Omit<WalletCoupon, 'rules'>> = {}): WalletCoupon {
  return {
    id,
    status: 'available',
    validFrom: new Date('2026-11-01T00:00:00+08:00'),
    validUntil: new Date('2026-12-31T23:59:59.999+08:00'),
    rules: couponRules(rules),
    ...coupon,
  };
}

export function cartLine(sku: string, category: string | null, unitPriceFen: number, quantity = 1): CartLine {
  return { sku, category, unitPriceFen, quantity };
}
