import { randomInt } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CheckoutDto, type CheckoutResponse, ErrorCode, type OrderView } from '@glow/contracts';
import { type EarnLine, formatYuan, orderNumber } from '@glow/domain';
import { DataSource, QueryFailedError } from 'typeorm';
import { WechatPayApiError, WechatPayClient, type WechatPayTransaction } from '../../platform/wechat/wechat-pay.client';
import { WechatApiError } from '../../platform/wechat/wechat.exception';
import { CouponService } from '../coupon/coupon.service';
import { LoyaltyService } from '../loyalty/loyalty.service';
import { OrderException } from './order.exception';
import { type Line, OrderService } from './order.service';

/** How long an online order waits for payment before it is closed and its coupons go back. */
export const PAY_WINDOW_MINUTES = 15;

interface UnpaidOrder {
  id: string;
  order_no: string;
  member_id: string;
  status: string;
  total_fen: number;
  prepay_id: string | null;
  pay_before: Date;
  idempotency_key: string;
}

/**
 * Online orders paid with WeChat Pay. Checkout creates the order and HOLDS its coupons in one transaction, then asks
 * WeChat Pay for a prepay id. The payment notification (or a query, when the notification is late) settles it: paid,
 * coupons used and points earned in one transaction. An order unpaid at `pay_before` is closed at WeChat Pay first and
 * only then cancelled, so a payment can never land on a cancelled order; its coupons go back to the member.
 */
@Injectable()
export class OnlineOrderService {
  private readonly log = new Logger(OnlineOrderService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: OrderService,
    private readonly coupons: CouponService,
    private readonly loyalty: LoyaltyService,
    private readonly pay: WechatPayClient,
  ) {}

  async checkout(memberId: string, openid: string, dto: CheckoutDto): Promise<{ response: CheckoutResponse; created: boolean }> {
    const key = `online:${memberId}:${dto.idempotencyKey}`;
    const [seen] = await this.db.query<{ id: string }[]>(`SELECT id FROM sales_order WHERE idempotency_key = $1`, [key]);
    if (seen) return { response: await this.payment(memberId, openid, seen.id), created: false };
    const priced = await this.coupons.pricedLines(dto.items);
    const orderNo = orderNumber('W', new Date(), randomInt(0, 100_000_000));
    let id: string;
    try {
      id = await this.db.transaction(async (tx) => {
        const applied = await this.coupons.lockAndApply(tx, memberId, { ids: dto.couponIds ?? [] }, priced);
        const lines: Line[] = priced.map((l, n) => ({
          productId: l.productId,
          sku: l.sku,
          name: l.name,
          category: l.category,
          unitPriceFen: l.unitPriceFen,
          quantity: l.quantity,
          paidFen: applied.paidFen[n],
        }));
        lines.push(...(await this.orders.giftLines(applied.gifts)));
        const subtotalFen = lines.reduce((sum, l) => sum + l.unitPriceFen * l.quantity, 0);
        const totalFen = lines.reduce((sum, l) => sum + l.paidFen, 0);
        // WeChat Pay takes no zero-amount payment: a coupon may lower an order, not make it free.
        if (totalFen < 1) throw new OrderException(ErrorCode.OrderDiscountTooLarge, 'free order', { message: '优惠后金额须至少为 ¥0.01' });
        const [order] = await tx.query<{ id: string }[]>(
          `INSERT INTO sales_order (order_no, member_id, channel, status, subtotal_fen, discount_fen, total_fen, idempotency_key, pay_before)
           VALUES ($1, $2, 'online', 'created', $3, $4, $5, $6, now() + make_interval(mins => $7)) RETURNING id`,
          [orderNo, memberId, subtotalFen, subtotalFen - totalFen, totalFen, key, PAY_WINDOW_MINUTES],
        );
        await this.orders.insertItems(tx, order.id, lines);
        await this.coupons.holdForOrder(tx, applied, order.id);
        return order.id;
      });
    } catch (e) {
      const constraint = e instanceof QueryFailedError ? (e.driverError as { constraint?: string }).constraint : undefined;
      if (constraint === 'uq_sales_order_key') {
        const [raced] = await this.db.query<{ id: string }[]>(`SELECT id FROM sales_order WHERE idempotency_key = $1`, [key]);
        if (raced) return { response: await this.payment(memberId, openid, raced.id), created: false };
      }
      throw e;
    }
    return { response: await this.payment(memberId, openid, id), created: true };
  }

  /**
   * Payment parameters for an unpaid order of the member: the prepay id is asked once and kept (WeChat answers the
   * same one for the same order). A paid or cancelled order answers without parameters.
   */
  async payment(memberId: string, openid: string, orderId: string): Promise<CheckoutResponse> {
    const order = await this.unpaid(memberId, orderId);
    if (order.status === 'created') {
      let prepayId = order.prepay_id;
      if (!prepayId) {
        const view = await this.orders.view(order.id);
        prepayId = await unavailableAs503(() =>
          this.pay.prepayJsapi({ outTradeNo: order.order_no, description: describe(view), totalFen: order.total_fen, openid, timeExpire: new Date(order.pay_before) }),
        );
        await this.db.query(`UPDATE sales_order SET prepay_id = $2 WHERE id = $1 AND prepay_id IS NULL`, [order.id, prepayId]);
      }
      return { order: await this.orders.view(order.id), payment: this.pay.paymentParams(prepayId), payBefore: new Date(order.pay_before).toISOString() };
    }
    if (order.status === 'cancelled') throw new OrderException(ErrorCode.OrderPaymentClosed);
    return { order: await this.orders.view(order.id), payment: null, payBefore: new Date(order.pay_before).toISOString() };
  }

  async mine(memberId: string, orderId: string): Promise<OrderView> {
    const view = await this.orders.view(orderId);
    if (view.member.id !== memberId) throw new OrderException(ErrorCode.OrderNotFound);
    return view;
  }

  /** The member gives up an unpaid order: closed at WeChat Pay, then cancelled with its coupons released. */
  async cancelByMember(memberId: string, orderId: string): Promise<OrderView> {
    const order = await this.unpaid(memberId, orderId);
    if (order.status !== 'created') throw new OrderException(ErrorCode.OrderStateInvalid, order.status, { message: '该订单当前状态不能取消' });
    const outcome = await unavailableAs503(() => this.closeOrSettle(order));
    if (outcome === 'paid') throw new OrderException(ErrorCode.OrderStateInvalid, 'paid meanwhile', { message: '订单已支付，不能取消' });
    return this.orders.view(orderId);
  }

  /**
   * Settles a WeChat Pay transaction (from a notification or a query): the order becomes paid, its held coupons used
   * and its points earned, in one transaction. Idempotent: an order already paid is left alone.
   */
  async settle(t: WechatPayTransaction): Promise<'paid' | 'already' | 'unknown' | 'mismatch'> {
    if (t.trade_state !== 'SUCCESS') return 'unknown';
    return this.db.transaction(async (tx) => {
      const [order] = await tx.query<(UnpaidOrder & { paid_at: Date | null })[]>(`SELECT * FROM sales_order WHERE order_no = $1 AND channel = 'online' FOR UPDATE`, [
        t.out_trade_no,
      ]);
      if (!order) return 'unknown';
      if (order.status !== 'created') {
        if (order.status === 'cancelled') this.log.error(`payment ${t.transaction_id} arrived for cancelled order ${order.order_no}: refund it by hand`);
        return 'already';
      }
      if (t.amount?.total !== order.total_fen) {
        this.log.error(`payment ${t.transaction_id} of ${t.amount?.total} fen does not match order ${order.order_no} (${order.total_fen} fen)`);
        return 'mismatch';
      }
      const paidAt = t.success_time ? new Date(t.success_time) : new Date();
      await tx.query(`UPDATE sales_order SET status = 'paid', paid_at = $2, payment_ref = $3, updated_at = now() WHERE id = $1`, [order.id, paidAt, t.transaction_id]);
      await this.coupons.consumeHeld(tx, order.id);
      const [view] = await this.orders.views([order.id], tx);
      await this.loyalty.earnForOrder(tx, {
        orderId: order.id,
        memberId: order.member_id,
        paidAt,
        totalFen: order.total_fen,
        lines: view.items.map<EarnLine>((i) => ({ sku: i.sku, category: i.category, paidFen: i.paidFen })),
        description: `线上消费 ${formatYuan(order.total_fen)}（订单 ${order.order_no}）`,
      });
      return 'paid';
    });
  }

  /** Unpaid orders past their time: each is settled if WeChat says it was paid, otherwise closed and cancelled. */
  async closeExpired(limit = 200): Promise<{ cancelled: number; paid: number; failed: number }> {
    const due = await this.db.query<UnpaidOrder[]>(
      `SELECT * FROM sales_order WHERE status = 'created' AND channel = 'online' AND pay_before <= now() ORDER BY pay_before LIMIT $1`,
      [limit],
    );
    let cancelled = 0;
    let paid = 0;
    let failed = 0;
    for (const order of due) {
      try {
        const outcome = await this.closeOrSettle(order);
        if (outcome === 'paid') paid++;
        else cancelled++;
      } catch (e) {
        failed++;
        this.log.warn(`unpaid order ${order.order_no} not closed yet: ${String(e)}`);
      }
    }
    return { cancelled, paid, failed };
  }

  /** Closes the order at WeChat Pay (when a prepay exists) and cancels it; if WeChat says it was paid, settles it. */
  private async closeOrSettle(order: UnpaidOrder): Promise<'cancelled' | 'paid'> {
    if (order.prepay_id) {
      const t = await this.pay.query(order.order_no);
      if (t?.trade_state === 'SUCCESS') {
        await this.settle(t);
        return 'paid';
      }
      try {
        await this.pay.close(order.order_no);
      } catch (e) {
        if (e instanceof WechatPayApiError && e.code === 'ORDER_PAID') {
          const paidNow = await this.pay.query(order.order_no);
          if (paidNow) await this.settle(paidNow);
          return 'paid';
        }
        throw e;
      }
    }
    await this.db.transaction(async (tx) => {
      const [rows] = await tx.query<unknown[][]>(
        `UPDATE sales_order SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1 AND status = 'created' RETURNING id`,
        [order.id],
      );
      if (rows.length > 0) await this.coupons.releaseHeld(tx, order.id);
    });
    return 'cancelled';
  }

  private async unpaid(memberId: string, orderId: string): Promise<UnpaidOrder> {
    const [order] = await this.db.query<UnpaidOrder[]>(`SELECT * FROM sales_order WHERE id = $1 AND member_id = $2 AND channel = 'online'`, [orderId, memberId]);
    if (!order) throw new OrderException(ErrorCode.OrderNotFound);
    return order;
  }
}

/** WeChat Pay being down is a 503 the client can retry, not a 500. */
async function unavailableAs503<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof WechatApiError) throw new OrderException(ErrorCode.WechatUnavailable, e.message);
    throw e;
  }
}

/** The bill line the member sees in WeChat Pay (≤ 127 characters). */
function describe(view: OrderView): string {
  const first = view.items[0]?.name ?? 'Glow 订单';
  const more = view.items.length > 1 ? ` 等${view.items.length}件` : '';
  return `Glow-${first}${more}`.slice(0, 127);
}
