import type { OrderItemView, OrderRefundView, OrderView, RefundOrderDto } from '@glow/contracts';
import { parseYuan } from '../../shared/yuan-input';

export type RefundMode = 'full' | 'items' | 'amount';

export const REFUND_MODE_LABELS = {
  full: '整单退款',
  items: '按商品',
  amount: '按金额',
} as const satisfies Record<RefundMode, string>;

/** Mirrors RefundOrderDto's reason length (values from the contracts barrel are not imported, see api-routes.ts). */
export const REASON_MIN = 2;
export const REASON_MAX = 100;

/** Units of a line that can still be refunded: bought minus already refunded. */
export function refundableQuantity(item: Pick<OrderItemView, 'quantity' | 'refundedQuantity'>): number {
  return Math.max(item.quantity - item.refundedQuantity, 0);
}

/** Fen that can still be refunded on the order. */
export function refundableFen(order: Pick<OrderView, 'totalFen' | 'refundedFen'>): number {
  return Math.max(order.totalFen - order.refundedFen, 0);
}

/** Whether a refund can be recorded now: the order is paid (wholly or partly refunded) and something is left. */
export function canRefund(order: Pick<OrderView, 'status' | 'totalFen' | 'refundedFen'>): boolean {
  return (order.status === 'paid' || order.status === 'partially_refunded') && refundableFen(order) > 0;
}

/** Orders with items refund whole or by item; orders recorded from a receipt alone refund whole or by amount. */
export function refundModes(order: Pick<OrderView, 'items'>): RefundMode[] {
  return order.items.length > 0 ? ['full', 'items'] : ['full', 'amount'];
}

/** What the refund dialog holds: units per item id, the amount as typed in yuan, and the reason. */
export interface RefundDraft {
  mode: RefundMode;
  quantities: Record<string, number>;
  amountYuan: string;
  reason: string;
}

export function emptyRefundDraft(): RefundDraft {
  return { mode: 'full', quantities: {}, amountYuan: '', reason: '' };
}

export type RefundBuild = { ok: true; body: RefundOrderDto } | { ok: false; problem: string };

/**
 * The refund request for the dialog, or the first reason it cannot be sent. Items never ask for more than was bought
 * minus refunded, an amount never more than is left, and an order with items is never refunded by amount (the API
 * refuses all three as ORDER_REFUND_INVALID).
 */
export function buildRefund(order: Pick<OrderView, 'items' | 'totalFen' | 'refundedFen'>, draft: RefundDraft, idempotencyKey: string): RefundBuild {
  const reason = draft.reason.trim();
  if (reason.length < REASON_MIN) return { ok: false, problem: '请填写退款原因（至少 2 个字）' };
  if (reason.length > REASON_MAX) return { ok: false, problem: `退款原因最多 ${REASON_MAX} 个字` };
  if (!refundModes(order).includes(draft.mode)) return { ok: false, problem: '该订单不支持这种退款方式' };

  switch (draft.mode) {
    case 'full':
      return { ok: true, body: { full: true, reason, idempotencyKey } };
    case 'items': {
      const items: { itemId: string; quantity: number }[] = [];
      for (const item of order.items) {
        const quantity = draft.quantities[item.id] ?? 0;
        if (!Number.isInteger(quantity) || quantity < 0) return { ok: false, problem: `「${item.name}」的退货数量不正确` };
        if (quantity > refundableQuantity(item)) return { ok: false, problem: `「${item.name}」最多可退 ${refundableQuantity(item)} 件` };
        if (quantity > 0) items.push({ itemId: item.id, quantity });
      }
      if (items.length === 0) return { ok: false, problem: '请选择要退的商品和数量' };
      return { ok: true, body: { items, reason, idempotencyKey } };
    }
    case 'amount': {
      const amount = parseYuan(draft.amountYuan, { min: 1, max: refundableFen(order) });
      if (!amount.ok) return { ok: false, problem: amount.problem };
      return { ok: true, body: { amountFen: amount.fen, reason, idempotencyKey } };
    }
  }
}

/** The refund just recorded: the newest on the order. */
export function latestRefund(order: Pick<OrderView, 'refunds'>): OrderRefundView | null {
  return order.refunds.reduce<OrderRefundView | null>((latest, refund) => (!latest || refund.createdAt > latest.createdAt ? refund : latest), null);
}

/** The points a refund took back, in the words staff tell the member: 取消待生效 120 分 · 扣回 30 分 · 记为欠分 10 分. */
export function describeRefundPoints(points: OrderRefundView['points']): string {
  const parts = [
    points.cancelled > 0 ? `取消待生效积分 ${points.cancelled} 分` : null,
    points.clawedBack > 0 ? `扣回积分 ${points.clawedBack} 分` : null,
    points.debt > 0 ? `已使用的 ${points.debt} 分记为欠分，将从以后获得的积分中抵扣` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : '未涉及积分';
}
