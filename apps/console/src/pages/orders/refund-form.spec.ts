import type { OrderItemView, OrderRefundView, OrderView } from '@glow/contracts';
import { buildRefund, canRefund, describeRefundPoints, emptyRefundDraft, latestRefund, refundableFen, refundableQuantity, refundModes, type RefundDraft } from './refund-form';

const KEY = '7f0e2c1a-5b7d-4c7e-9f4a-1d2e3f4a5b6c';

function item(overrides: Partial<OrderItemView>): OrderItemView {
  return { id: 'i-1', productId: 'p-1', sku: 'SKU-1', name: '水光精华', category: 'skincare', unitPriceFen: 29900, quantity: 2, paidFen: 59800, refundedQuantity: 0, ...overrides };
}

const withItems = {
  items: [item({ id: 'i-serum' }), item({ id: 'i-cushion', name: '柔雾气垫', quantity: 3, refundedQuantity: 1 })],
  totalFen: 137500,
  refundedFen: 25900,
};
const receiptOnly = { items: [], totalFen: 39900, refundedFen: 9900 };

function draft(overrides: Partial<RefundDraft>): RefundDraft {
  return { ...emptyRefundDraft(), reason: '顾客退货', ...overrides };
}

describe(refundableQuantity.name, () => {
  it('is what was bought minus what was refunded', () => {
    expect(refundableQuantity({ quantity: 3, refundedQuantity: 1 })).toBe(2);
    expect(refundableQuantity({ quantity: 3, refundedQuantity: 3 })).toBe(0);
  });
});

describe(canRefund.name, () => {
  it.each<[Pick<OrderView, 'status' | 'totalFen' | 'refundedFen'>, boolean]>([
    [{ status: 'paid', totalFen: 100, refundedFen: 0 }, true],
    [{ status: 'partially_refunded', totalFen: 100, refundedFen: 40 }, true],
    [{ status: 'refunded', totalFen: 100, refundedFen: 100 }, false],
    [{ status: 'created', totalFen: 100, refundedFen: 0 }, false],
    [{ status: 'paid', totalFen: 100, refundedFen: 100 }, false],
  ])('%j → %s', (order, expected) => {
    expect(canRefund(order)).toBe(expected);
    expect(refundableFen(order)).toBe(order.totalFen - order.refundedFen);
  });
});

describe(refundModes.name, () => {
  it('refunds by amount only an order recorded without items', () => {
    expect(refundModes(withItems)).toEqual(['full', 'items']);
    expect(refundModes(receiptOnly)).toEqual(['full', 'amount']);
  });
});

describe(buildRefund.name, () => {
  it('refunds the whole order', () => {
    expect(buildRefund(withItems, draft({ mode: 'full', reason: ' 过敏 ' }), KEY)).toEqual({ ok: true, body: { full: true, reason: '过敏', idempotencyKey: KEY } });
  });

  it('refunds the chosen units, leaving out lines with none', () => {
    expect(buildRefund(withItems, draft({ mode: 'items', quantities: { 'i-serum': 0, 'i-cushion': 2 } }), KEY)).toEqual({
      ok: true,
      body: { items: [{ itemId: 'i-cushion', quantity: 2 }], reason: '顾客退货', idempotencyKey: KEY },
    });
  });

  it('refunds an amount in fen, up to what is left', () => {
    expect(buildRefund(receiptOnly, draft({ mode: 'amount', amountYuan: '300' }), KEY)).toEqual({
      ok: true,
      body: { amountFen: 30000, reason: '顾客退货', idempotencyKey: KEY },
    });
  });

  it.each<[string, Pick<OrderView, 'items' | 'totalFen' | 'refundedFen'>, Partial<RefundDraft>, string]>([
    ['no reason', withItems, { reason: ' 退 ' }, '请填写退款原因（至少 2 个字）'],
    ['more units than are left', withItems, { mode: 'items', quantities: { 'i-cushion': 3 } }, '「柔雾气垫」最多可退 2 件'],
    ['no units', withItems, { mode: 'items', quantities: {} }, '请选择要退的商品和数量'],
    ['an amount for an order with items', withItems, { mode: 'amount', amountYuan: '10' }, '该订单不支持这种退款方式'],
    ['more than is left', receiptOnly, { mode: 'amount', amountYuan: '300.01' }, '金额不能超过 300.00 元'],
    ['nothing', receiptOnly, { mode: 'amount', amountYuan: '0' }, '金额须大于 0'],
  ])('refuses %s', (_, order, typed, problem) => {
    expect(buildRefund(order, draft(typed), KEY)).toEqual({ ok: false, problem });
  });
});

describe(latestRefund.name, () => {
  it('is the newest refund of the order', () => {
    const refund = (id: string, createdAt: string): OrderRefundView => ({ id, amountFen: 100, items: [], reason: '退', points: { cancelled: 0, clawedBack: 0, debt: 0 }, createdAt });
    expect(latestRefund({ refunds: [refund('r-1', '2026-11-20T02:00:00.000Z'), refund('r-2', '2026-11-21T02:00:00.000Z')] })?.id).toBe('r-2');
    expect(latestRefund({ refunds: [] })).toBeNull();
  });
});

describe(describeRefundPoints.name, () => {
  it('names each way the points came back', () => {
    expect(describeRefundPoints({ cancelled: 120, clawedBack: 0, debt: 0 })).toBe('取消待生效积分 120 分');
    expect(describeRefundPoints({ cancelled: 0, clawedBack: 30, debt: 10 })).toBe('扣回积分 30 分 · 已使用的 10 分记为欠分，将从以后获得的积分中抵扣');
    expect(describeRefundPoints({ cancelled: 0, clawedBack: 0, debt: 0 })).toBe('未涉及积分');
  });
});
