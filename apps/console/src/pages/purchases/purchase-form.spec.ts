import type { PurchaseDraft } from './purchase-form';
import { addLine, buildStorePurchase, describeEarnedPoints, EMPTY_DRAFT, normalizeMemberCode, purchaseTotals, removeLine, setLineQuantity } from './purchase-form';

const serum = { id: 'p-serum', sku: 'GLOW-SERUM-30', name: '水光精华', priceFen: 29900 };
const cushion = { id: 'p-cushion', sku: 'GLOW-CUSHION', name: '柔雾气垫', priceFen: 25950 };
const KEY = '7f0e2c1a-5b7d-4c7e-9f4a-1d2e3f4a5b6c';
const context: Parameters<typeof buildStorePurchase>[1] = { memberCode: 'GM20260001234567', storeId: undefined, needsStore: false, idempotencyKey: KEY };

function draft(overrides: Partial<PurchaseDraft> = {}): PurchaseDraft {
  return { ...EMPTY_DRAFT, ...overrides };
}

describe(addLine.name, () => {
  it('adds a product once and counts it up when picked again, never past 99', () => {
    let lines = addLine([], serum);
    lines = addLine(lines, cushion);
    lines = addLine(lines, serum);
    expect(lines.map((line) => [line.sku, line.quantity, line.unitPriceFen])).toEqual([
      ['GLOW-SERUM-30', 2, 29900],
      ['GLOW-CUSHION', 1, 25950],
    ]);
    lines = setLineQuantity(lines, 'p-serum', 99);
    expect(addLine(lines, serum)[0].quantity).toBe(99);
    expect(setLineQuantity(lines, 'p-serum', 0)[0].quantity).toBe(1);
    expect(removeLine(lines, 'p-serum').map((line) => line.sku)).toEqual(['GLOW-CUSHION']);
  });
});

describe(normalizeMemberCode.name, () => {
  it('drops the spaces and line breaks a scanner or a paste adds', () => {
    expect(normalizeMemberCode(' GM2026 0001234567\n')).toBe('GM20260001234567');
  });
});

describe(purchaseTotals.name, () => {
  const lines = addLine(addLine(addLine([], serum), serum), cushion);

  it('adds the lines at catalog prices and takes the discount off', () => {
    expect(purchaseTotals(draft({ lines }))).toEqual({ subtotalFen: 85750, discountFen: 0, totalFen: 85750, amountProblem: null });
    expect(purchaseTotals(draft({ lines, discountYuan: '57.5' }))).toEqual({ subtotalFen: 85750, discountFen: 5750, totalFen: 80000, amountProblem: null });
  });

  it('refuses a discount above the goods, or mistyped', () => {
    expect(purchaseTotals(draft({ lines, discountYuan: '857.51' })).amountProblem).toBe('优惠金额不能超过商品总额');
    expect(purchaseTotals(draft({ lines, discountYuan: '1.234' })).totalFen).toBeNull();
  });

  it('takes a receipt’s amount as typed', () => {
    expect(purchaseTotals(draft({ mode: 'receipt', totalYuan: '399' })).totalFen).toBe(39900);
    expect(purchaseTotals(draft({ mode: 'receipt', totalYuan: '' }))).toEqual({ subtotalFen: 0, discountFen: 0, totalFen: null, amountProblem: null });
    expect(purchaseTotals(draft({ mode: 'receipt', totalYuan: '0' })).amountProblem).toBe('金额须大于 0');
  });
});

describe(buildStorePurchase.name, () => {
  it('sends items by SKU with the discount in fen, and the receipt number when given', () => {
    const lines = addLine(addLine(addLine([], serum), serum), cushion);
    expect(buildStorePurchase(draft({ lines, discountYuan: '0.5', receiptNo: ' A1001 ' }), context)).toEqual({
      ok: true,
      body: {
        memberCode: 'GM20260001234567',
        receiptNo: 'A1001',
        items: [
          { sku: 'GLOW-SERUM-30', quantity: 2 },
          { sku: 'GLOW-CUSHION', quantity: 1 },
        ],
        discountFen: 50,
        idempotencyKey: KEY,
      },
    });
  });

  it('sends a receipt with its amount, and the store an admin picked', () => {
    expect(buildStorePurchase(draft({ mode: 'receipt', receiptNo: 'A1001', totalYuan: '399.00' }), { ...context, storeId: 'store-2', needsStore: true })).toEqual({
      ok: true,
      body: { memberCode: 'GM20260001234567', storeId: 'store-2', receiptNo: 'A1001', totalFen: 39900, idempotencyKey: KEY },
    });
  });

  it('sends the coupons picked at the till by code, and no coupon field without any', () => {
    const lines = addLine([], serum);
    expect(buildStorePurchase(draft({ lines }), { ...context, couponCodes: ['ABCD2345EFGH', 'GIFT2345MNPQ'] })).toEqual({
      ok: true,
      body: { memberCode: 'GM20260001234567', items: [{ sku: 'GLOW-SERUM-30', quantity: 1 }], couponCodes: ['ABCD2345EFGH', 'GIFT2345MNPQ'], idempotencyKey: KEY },
    });
    const built = buildStorePurchase(draft({ lines }), { ...context, couponCodes: [] });
    expect(built.ok && 'couponCodes' in built.body).toBe(false);
  });

  it.each<[string, PurchaseDraft, Partial<typeof context>, string]>([
    ['no member', draft({ lines: addLine([], serum) }), { memberCode: null }, '请先扫描或输入会员码'],
    ['no store for an admin', draft({ lines: addLine([], serum) }), { needsStore: true }, '请选择门店'],
    ['no items', draft(), {}, '请添加商品，或切换到「仅小票」录入小票金额'],
    ['a receipt without a number', draft({ mode: 'receipt', totalYuan: '10' }), {}, '请输入小票号'],
    ['a receipt without an amount', draft({ mode: 'receipt', receiptNo: 'A1' }), {}, '请输入实付金额'],
    ['a receipt number with symbols', draft({ mode: 'receipt', receiptNo: 'A/1', totalYuan: '10' }), {}, '小票号只能包含字母、数字和短横线，最多 32 位'],
    ['a discount above the goods', draft({ lines: addLine([], serum), discountYuan: '300' }), {}, '优惠金额不能超过商品总额'],
  ])('refuses %s', (_, typed, overrides, problem) => {
    expect(buildStorePurchase(typed, { ...context, ...overrides })).toEqual({ ok: false, problem });
  });
});

describe(describeEarnedPoints.name, () => {
  it.each([
    [{ earned: 399, status: 'pending' as const, activatesAt: '2026-12-04T02:00:00.000Z' }, '退货期后生效，预计 2026-12-04 02:00 到账'],
    [{ earned: 399, status: 'active' as const, activatesAt: '2026-11-20T02:00:00.000Z' }, '已到账，可立即使用'],
    [{ earned: 0, status: null, activatesAt: null }, '本单未获得积分'],
  ])('%j → %s', (points, text) => {
    expect(describeEarnedPoints(points)).toBe(text);
  });
});
