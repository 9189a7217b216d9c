import type { OrderView, ProductResponse, StorePurchaseDto } from '@glow/contracts';
import { formatDateTime } from '../../shared/format';
import { parseYuan } from '../../shared/yuan-input';

/*
 * Mirrors of StorePurchaseDto's limits and RECEIPT_NO_PATTERN: values from the contracts barrel are not imported in
 * the browser (see api-routes.ts). The API validates again; these only let the till say so before sending.
 */
export const MAX_LINES = 50;
export const MAX_QUANTITY = 99;
export const RECEIPT_NO_PATTERN = /^[A-Za-z0-9-]{1,32}$/;
export const MEMBER_CODE_MAX_LENGTH = 40;

export type PurchaseMode = 'items' | 'receipt';

/** One line of the items being bought, priced from the catalog. */
export interface PurchaseLine {
  productId: string;
  sku: string;
  name: string;
  unitPriceFen: number;
  quantity: number;
}

/** What the till holds while a purchase is typed; amounts are the yuan text as typed. */
export interface PurchaseDraft {
  mode: PurchaseMode;
  lines: PurchaseLine[];
  discountYuan: string;
  receiptNo: string;
  totalYuan: string;
}

export const EMPTY_DRAFT: PurchaseDraft = { mode: 'items', lines: [], discountYuan: '', receiptNo: '', totalYuan: '' };

/** A scanned or typed member code without the spaces and line breaks a scanner or a paste may add. */
export function normalizeMemberCode(raw: string): string {
  return raw.replace(/\s/g, '');
}

/** Adds one of `product`, or one more when it is already on the list (never above the quantity limit). */
export function addLine(lines: PurchaseLine[], product: Pick<ProductResponse, 'id' | 'sku' | 'name' | 'priceFen'>): PurchaseLine[] {
  if (lines.some((line) => line.productId === product.id)) {
    return lines.map((line) => (line.productId === product.id ? { ...line, quantity: Math.min(line.quantity + 1, MAX_QUANTITY) } : line));
  }
  return [...lines, { productId: product.id, sku: product.sku, name: product.name, unitPriceFen: product.priceFen, quantity: 1 }];
}

export function setLineQuantity(lines: PurchaseLine[], productId: string, quantity: number): PurchaseLine[] {
  const clamped = Math.min(Math.max(Math.trunc(quantity), 1), MAX_QUANTITY);
  return lines.map((line) => (line.productId === productId ? { ...line, quantity: clamped } : line));
}

export function removeLine(lines: PurchaseLine[], productId: string): PurchaseLine[] {
  return lines.filter((line) => line.productId !== productId);
}

export interface PurchaseTotals {
  subtotalFen: number;
  discountFen: number;
  /** What the member pays; null while an amount is missing or mistyped. */
  totalFen: number | null;
  /** Why the typed discount or amount cannot be used, for the field. */
  amountProblem: string | null;
}

/** The live totals the till shows: items at catalog prices less the whole-order discount, or the receipt's amount. */
export function purchaseTotals(draft: PurchaseDraft): PurchaseTotals {
  if (draft.mode === 'receipt') {
    if (draft.totalYuan.trim() === '') return { subtotalFen: 0, discountFen: 0, totalFen: null, amountProblem: null };
    const total = parseYuan(draft.totalYuan, { min: 1 });
    return total.ok
      ? { subtotalFen: total.fen, discountFen: 0, totalFen: total.fen, amountProblem: null }
      : { subtotalFen: 0, discountFen: 0, totalFen: null, amountProblem: total.problem };
  }
  const subtotalFen = draft.lines.reduce((sum, line) => sum + line.unitPriceFen * line.quantity, 0);
  if (draft.discountYuan.trim() === '') return { subtotalFen, discountFen: 0, totalFen: subtotalFen, amountProblem: null };
  const discount = parseYuan(draft.discountYuan);
  if (!discount.ok) return { subtotalFen, discountFen: 0, totalFen: null, amountProblem: discount.problem };
  if (discount.fen > subtotalFen) return { subtotalFen, discountFen: discount.fen, totalFen: null, amountProblem: '优惠金额不能超过商品总额' };
  return { subtotalFen, discountFen: discount.fen, totalFen: subtotalFen - discount.fen, amountProblem: null };
}

export type PurchaseBuild = { ok: true; body: StorePurchaseDto } | { ok: false; problem: string };

/**
 * The request for the typed purchase, or the first reason it cannot be sent. Items go by SKU at the catalog price
 * (the API prices them); a receipt without items goes with its amount; a receipt number is optional with items.
 * The member's coupons picked at the till go by code; what they take off is the API's to work out.
 */
export function buildStorePurchase(
  draft: PurchaseDraft,
  context: { memberCode: string | null; storeId: string | undefined; needsStore: boolean; idempotencyKey: string; couponCodes?: string[] },
): PurchaseBuild {
  if (!context.memberCode) return { ok: false, problem: '请先扫描或输入会员码' };
  if (context.needsStore && !context.storeId) return { ok: false, problem: '请选择门店' };
  const receiptNo = draft.receiptNo.trim();
  if (receiptNo && !RECEIPT_NO_PATTERN.test(receiptNo)) return { ok: false, problem: '小票号只能包含字母、数字和短横线，最多 32 位' };

  const base = {
    memberCode: context.memberCode,
    ...(context.storeId ? { storeId: context.storeId } : {}),
    ...(receiptNo ? { receiptNo } : {}),
    ...(context.couponCodes && context.couponCodes.length > 0 ? { couponCodes: [...context.couponCodes] } : {}),
    idempotencyKey: context.idempotencyKey,
  };
  const totals = purchaseTotals(draft);
  if (draft.mode === 'receipt') {
    if (!receiptNo) return { ok: false, problem: '请输入小票号' };
    if (totals.amountProblem) return { ok: false, problem: totals.amountProblem };
    if (totals.totalFen === null) return { ok: false, problem: '请输入实付金额' };
    return { ok: true, body: { ...base, totalFen: totals.totalFen } };
  }

  if (draft.lines.length === 0) return { ok: false, problem: '请添加商品，或切换到「仅小票」录入小票金额' };
  if (draft.lines.length > MAX_LINES) return { ok: false, problem: `一单最多 ${MAX_LINES} 种商品` };
  if (totals.amountProblem) return { ok: false, problem: totals.amountProblem };
  return {
    ok: true,
    body: {
      ...base,
      items: draft.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
      ...(totals.discountFen > 0 ? { discountFen: totals.discountFen } : {}),
    },
  };
}

/** When the points of a recorded purchase can be used, in the words the advisor tells the member. */
export function describeEarnedPoints(points: OrderView['points']): string {
  if (points.earned <= 0) return '本单未获得积分';
  switch (points.status) {
    case 'pending':
      return points.activatesAt ? `退货期后生效，预计 ${formatDateTime(points.activatesAt)} 到账` : '退货期后生效';
    case 'active':
      return '已到账，可立即使用';
    case 'expired':
      return '已过期';
    case 'cancelled':
      return '已取消';
    default:
      return '处理中';
  }
}
