import type { CouponOption, CouponQuote, OrderView, ProductCard } from '@glow/contracts';

export function product(overrides: Partial<ProductCard> = {}): ProductCard {
  return { id: 'p-1', sku: 'GL-SK-001', name: '水光精华', line: '水光系列', category: 'skincare', priceFen: 45900, image: null, ...overrides };
}

/** A quote of `subtotalFen` with the options given; `applied` defaults to the best ones (all `ok` options picked). */
export function quote(options: CouponOption[], overrides: Partial<CouponQuote> = {}, subtotalFen = 91800): CouponQuote {
  const best = options.filter((option) => option.outcome === 'ok').slice(0, 1);
  const discountFen = best.reduce((sum, option) => sum + option.discountFen, 0);
  return {
    subtotalFen,
    options,
    bestCouponIds: best.map((option) => option.coupon.id),
    applied: {
      couponIds: best.map((option) => option.coupon.id),
      discountFen,
      totalFen: subtotalFen - discountFen,
      lines: [{ sku: 'GL-SK-001', quantity: 2, paidFen: subtotalFen - discountFen }],
      gifts: [],
    },
    ...overrides,
  };
}

/** An online order awaiting payment, with one coupon held for it. */
export function onlineOrder(overrides: Partial<OrderView> = {}): OrderView {
  return {
    id: 'o-1',
    orderNo: 'ON20261201000001',
    channel: 'online',
    status: 'created',
    store: null,
    advisor: null,
    member: { id: 'm-1', memberNo: 'GL8K3M2Q01', name: null, nickname: '小美' },
    receiptNo: null,
    items: [{ id: 'i-1', productId: 'p-1', sku: 'GL-SK-001', name: '水光精华', category: 'skincare', unitPriceFen: 45900, quantity: 2, paidFen: 86800, refundedQuantity: 0 }],
    subtotalFen: 91800,
    discountFen: 5000,
    totalFen: 86800,
    refundedFen: 0,
    points: { earned: 0, status: null, activatesAt: null },
    refunds: [],
    coupons: [{ id: 'c-1', code: 'K7M2Q9XA3BCD', name: '新客满300减50', kind: 'amount_off', discountFen: 5000 }],
    // Far ahead, so the order stays payable whatever day the tests run.
    payBefore: '2099-12-01T06:30:00.000Z',
    paidAt: null,
    createdAt: '2026-12-01T06:00:00.000Z',
    ...overrides,
  };
}

/** The same order once the API has recorded its payment (points pending through the return window). */
export function paidOrder(overrides: Partial<OrderView> = {}): OrderView {
  return onlineOrder({
    status: 'paid',
    payBefore: null,
    paidAt: '2026-12-01T06:01:00.000Z',
    points: { earned: 868, status: 'pending', activatesAt: '2026-12-07T16:00:00.000Z' },
    ...overrides,
  });
}
