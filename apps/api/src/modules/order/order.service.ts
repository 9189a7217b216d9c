import { randomInt } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type OrderView, type Paged, type RefundOrderDto, type StaffOrderQuery, type StorePurchaseDto } from '@glow/contracts';
import { type EarnLine, formatYuan, orderNumber, splitDiscount } from '@glow/domain';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { storeScopeOf, type StaffPrincipal } from '../../platform/auth/principal';
import { CatalogService } from '../catalog/catalog.service';
import { LoyaltyService } from '../loyalty/loyalty.service';
import { MemberCodeService } from '../loyalty/member-code.service';
import { CouponService } from '../coupon/coupon.service';
import { WechatPayClient } from '../../platform/wechat/wechat-pay.client';
import { OrderException } from './order.exception';

export interface Line {
  productId: string | null;
  sku: string;
  name: string;
  category: string | null;
  unitPriceFen: number;
  quantity: number;
  paidFen: number;
}

/**
 * Orders from the store till and online. Recording a purchase and refunding one each run in one transaction with
 * what they do to points, tier (`LoyaltyService`) and coupons (`CouponService`), so a purchase never exists without
 * its points nor a refund without its claw-back. Online orders are created and paid in `OnlineOrderService`.
 */
@Injectable()
export class OrderService {
  private readonly log = new Logger(OrderService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: CatalogService,
    private readonly loyalty: LoyaltyService,
    private readonly codes: MemberCodeService,
    private readonly coupons: CouponService,
    private readonly pay: WechatPayClient,
  ) {}

  /**
   * A purchase at the till; a retried request (same idempotency key) answers the same order. Coupons the advisor
   * scanned are locked, checked against the lines and used in the same transaction; a whole-order discount typed at the
   * till comes off what the coupons left.
   */
  async storePurchase(who: StaffPrincipal, dto: StorePurchaseDto): Promise<{ view: OrderView; created: boolean }> {
    const storeId = await this.storeFor(who, dto.storeId);
    const seen = await this.byKey(dto.idempotencyKey);
    if (seen) return { view: await this.view(seen), created: false };
    const memberId = await this.codes.memberIdOf(dto.memberCode);
    const gross = await this.lines(dto);
    const orderNo = orderNumber('S', new Date(), randomInt(0, 100_000_000));
    const itemized = (dto.items?.length ?? 0) > 0;
    try {
      const id = await this.db.transaction(async (tx) => {
        const applied = await this.coupons.lockAndApply(tx, memberId, { codes: dto.couponCodes?.map((c) => c.toUpperCase()) }, gross);
        const afterCoupons = applied.paidFen;
        const manual = dto.discountFen ?? 0;
        if (manual > afterCoupons.reduce((a, b) => a + b, 0)) throw new OrderException(ErrorCode.OrderDiscountTooLarge);
        const paid = splitDiscount(afterCoupons, manual);
        const lines: Line[] = gross.map((l, n) => ({ ...l, paidFen: paid[n] }));
        // Gifts join itemized orders as free lines; on a receipt the used gift coupon is the record.
        if (itemized) lines.push(...(await this.giftLines(applied.gifts)));
        const subtotalFen = lines.reduce((sum, l) => sum + l.unitPriceFen * l.quantity, 0);
        const totalFen = lines.reduce((sum, l) => sum + l.paidFen, 0);
        if (itemized && dto.totalFen !== undefined && dto.totalFen !== totalFen) {
          throw new OrderException(ErrorCode.ValidationFailed, 'total mismatch', { details: [{ field: 'totalFen', problems: [`实付金额应为 ${formatYuan(totalFen)}`] }] });
        }
        const [order] = await tx.query<{ id: string; paid_at: Date }[]>(
          `INSERT INTO sales_order (order_no, member_id, channel, status, store_id, advisor_id, receipt_no, subtotal_fen, discount_fen, total_fen, idempotency_key, paid_at)
           VALUES ($1, $2, 'store', 'paid', $3, $4, $5, $6, $7, $8, $9, now()) RETURNING id, paid_at`,
          [orderNo, memberId, storeId, who.role === 'admin' ? null : who.staffId, dto.receiptNo ?? null, subtotalFen, subtotalFen - totalFen, totalFen, dto.idempotencyKey],
        );
        if (itemized) await this.insertItems(tx, order.id, lines);
        await this.coupons.useOnOrder(tx, applied, order.id, { storeId, staffId: who.role === 'admin' ? null : who.staffId });
        const ref = dto.receiptNo ? `小票 ${dto.receiptNo}` : `订单 ${orderNo}`;
        await this.loyalty.earnForOrder(tx, {
          orderId: order.id,
          memberId,
          paidAt: new Date(order.paid_at),
          totalFen,
          lines: lines.map<EarnLine>((l) => ({ sku: l.sku, category: l.category, paidFen: l.paidFen })),
          description: `门店消费 ${formatYuan(totalFen)}（${ref}）`,
        });
        return order.id;
      });
      return { view: await this.view(id), created: true };
    } catch (e) {
      const constraint = e instanceof QueryFailedError ? (e.driverError as { constraint?: string }).constraint : undefined;
      if (constraint === 'uq_sales_order_receipt') throw new OrderException(ErrorCode.ReceiptUsed);
      if (constraint === 'uq_sales_order_key') {
        const raced = await this.byKey(dto.idempotencyKey);
        if (raced) return { view: await this.view(raced), created: false };
      }
      throw e;
    }
  }

  async insertItems(tx: EntityManager, orderId: string, lines: Line[]): Promise<void> {
    await tx.query(
      `INSERT INTO order_item (order_id, product_id, sku, name, category, unit_price_fen, quantity, paid_fen, position)
       SELECT $1, l."productId", l.sku, l.name, l.category, l."unitPriceFen", l.quantity, l."paidFen", l.position
         FROM jsonb_to_recordset($2::jsonb) AS l("productId" uuid, sku text, name text, category text, "unitPriceFen" int, quantity int, "paidFen" int, position int)`,
      [orderId, JSON.stringify(lines.map((l, position) => ({ ...l, position })))],
    );
  }

  /** A gift coupon's product as a free line of the order, so stock and the member's history show it. */
  async giftLines(skus: string[]): Promise<Line[]> {
    if (skus.length === 0) return [];
    const products = await this.catalog.bySkus(skus);
    return skus
      .map((sku) => products.get(sku))
      .filter((p): p is NonNullable<typeof p> => p !== undefined)
      .map((p) => ({ productId: p.id, sku: p.sku, name: `赠品·${p.name}`.slice(0, 60), category: p.category, unitPriceFen: 0, quantity: 1, paidFen: 0 }));
  }

  /** A full refund, by items, or by amount (orders without items); points and qualifying spend follow. */
  async refund(who: StaffPrincipal, orderId: string, dto: RefundOrderDto): Promise<OrderView> {
    const modes = [dto.full === true, (dto.items?.length ?? 0) > 0, dto.amountFen !== undefined].filter(Boolean).length;
    if (modes !== 1) throw new OrderException(ErrorCode.RefundInvalid, 'choose one mode', { message: '请选择一种退款方式：整单、按商品或按金额' });
    let moneyBack: string | null = null;
    try {
      await this.db.transaction(async (tx) => {
        const [order] = await tx.query<OrderRow[]>(`SELECT * FROM sales_order WHERE id = $1 FOR UPDATE`, [orderId]);
        if (!order) throw new OrderException(ErrorCode.OrderNotFound);
        const scope = storeScopeOf(who);
        if (scope && order.store_id !== scope) throw new OrderException(ErrorCode.OutOfScope);
        const [seen] = await tx.query<{ order_id: string }[]>(`SELECT order_id FROM order_refund WHERE idempotency_key = $1`, [dto.idempotencyKey]);
        if (seen) {
          if (seen.order_id !== orderId) throw new OrderException(ErrorCode.IdempotencyConflict);
          return;
        }
        if (order.status !== 'paid' && order.status !== 'partially_refunded') throw new OrderException(ErrorCode.OrderStateInvalid);
        const items = await tx.query<{ id: string; quantity: number; refunded_quantity: number; paid_fen: number }[]>(
          `SELECT id, quantity, refunded_quantity, paid_fen FROM order_item WHERE order_id = $1 ORDER BY position FOR UPDATE`,
          [orderId],
        );
        const left = order.total_fen - order.refunded_fen;
        let amount = 0;
        const taken: { itemId: string; quantity: number }[] = [];
        if (dto.full) {
          amount = left;
          for (const i of items) if (i.quantity > i.refunded_quantity) taken.push({ itemId: i.id, quantity: i.quantity - i.refunded_quantity });
        } else if (dto.items?.length) {
          if (items.length === 0) throw new OrderException(ErrorCode.RefundInvalid, 'no items', { message: '该订单没有商品明细，请按金额退款' });
          const byId = new Map(items.map((i) => [i.id, i]));
          const wanted = new Map<string, number>();
          for (const r of dto.items) wanted.set(r.itemId, (wanted.get(r.itemId) ?? 0) + r.quantity);
          for (const [itemId, quantity] of wanted) {
            const i = byId.get(itemId);
            if (!i || quantity > i.quantity - i.refunded_quantity) throw new OrderException(ErrorCode.RefundInvalid);
            amount += shareOf(i.paid_fen, i.quantity, i.refunded_quantity, quantity);
            taken.push({ itemId, quantity });
          }
        } else {
          if (items.length > 0) throw new OrderException(ErrorCode.RefundInvalid, 'itemized', { message: '有商品明细的订单请按商品退款' });
          amount = dto.amountFen ?? 0;
          if (amount > left) throw new OrderException(ErrorCode.RefundInvalid);
        }
        if (amount <= 0 && taken.length === 0) throw new OrderException(ErrorCode.RefundInvalid);
        if (taken.length > 0) {
          await tx.query(
            `UPDATE order_item i SET refunded_quantity = i.refunded_quantity + t.quantity
               FROM jsonb_to_recordset($1::jsonb) AS t("itemId" uuid, quantity int) WHERE i.id = t."itemId"`,
            [JSON.stringify(taken)],
          );
        }
        const refundedAfter = order.refunded_fen + amount;
        await tx.query(`UPDATE sales_order SET refunded_fen = $2, status = $3, updated_at = now() WHERE id = $1`, [
          orderId,
          refundedAfter,
          refundedAfter >= order.total_fen ? 'refunded' : 'partially_refunded',
        ]);
        const [refund] = await tx.query<{ id: string }[]>(
          `INSERT INTO order_refund (order_id, amount_fen, items, reason, points, staff_id, idempotency_key, payment_status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [
            orderId,
            amount,
            JSON.stringify(taken),
            dto.reason,
            JSON.stringify({ cancelled: 0, clawedBack: 0, debt: 0 }),
            who.staffId,
            dto.idempotencyKey,
            order.channel === 'online' && amount > 0 ? 'pending' : null,
          ],
        );
        if (order.channel === 'online' && amount > 0) moneyBack = refund.id;
        // A full refund gives back the coupons still valid; a partial one keeps them used.
        if (refundedAfter >= order.total_fen) await this.coupons.returnForRefund(tx, orderId);
        if (amount > 0) {
          const points = await this.loyalty.reverseForRefund(tx, {
            orderId,
            refundId: refund.id,
            memberId: order.member_id,
            paidAt: new Date(order.paid_at ?? order.created_at),
            totalFen: order.total_fen,
            refundedBeforeFen: order.refunded_fen,
            refundNowFen: amount,
            description: `退款 ${formatYuan(amount)}（${order.receipt_no ? `小票 ${order.receipt_no}` : `订单 ${order.order_no}`}）`,
          });
          await tx.query(`UPDATE order_refund SET points = $2 WHERE id = $1`, [
            refund.id,
            JSON.stringify({ cancelled: points.cancelled, clawedBack: points.clawedBack, debt: points.debt }),
          ]);
        }
      });
    } catch (e) {
      const constraint = e instanceof QueryFailedError ? (e.driverError as { constraint?: string }).constraint : undefined;
      if (constraint !== 'uq_order_refund_key') throw e;
      const [raced] = await this.db.query<{ order_id: string }[]>(`SELECT order_id FROM order_refund WHERE idempotency_key = $1`, [dto.idempotencyKey]);
      if (raced?.order_id !== orderId) throw new OrderException(ErrorCode.IdempotencyConflict);
    }
    if (moneyBack) await this.sendRefund(moneyBack);
    return this.view(orderId);
  }

  /**
   * Sends an online order's refund to WeChat Pay (after the refund is recorded, so the books never wait on WeChat).
   * The refund id is the out_refund_no, so a retry is the same refund to WeChat; a failure stays `pending` and the
   * `payment-refunds` job retries it. The refund notification marks it succeeded.
   */
  async sendRefund(refundId: string): Promise<void> {
    const [r] = await this.db.query<{ id: string; amount_fen: number; reason: string; order_no: string; total_fen: number }[]>(
      `SELECT r.id, r.amount_fen, r.reason, o.order_no, o.total_fen FROM order_refund r JOIN sales_order o ON o.id = r.order_id
        WHERE r.id = $1 AND r.payment_status = 'pending'`,
      [refundId],
    );
    if (!r) return;
    try {
      const refund = await this.pay.refund({ outTradeNo: r.order_no, outRefundNo: r.id.replaceAll('-', ''), refundFen: r.amount_fen, totalFen: r.total_fen, reason: r.reason });
      const status = refund.status === 'SUCCESS' ? 'succeeded' : refund.status === 'PROCESSING' ? 'processing' : 'failed';
      await this.db.query(`UPDATE order_refund SET payment_status = $2, payment_refund_id = $3 WHERE id = $1 AND payment_status = 'pending'`, [r.id, status, refund.refund_id]);
    } catch (e) {
      this.log.warn(`refund ${r.id} of ${r.order_no} not accepted by WeChat Pay yet: ${String(e)}`);
    }
  }

  /** Refunds WeChat Pay has not accepted yet (it was down), for the retry job. */
  async pendingRefunds(limit = 100): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT id FROM order_refund WHERE payment_status = 'pending' AND created_at < now() - interval '1 minute' ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /** The refund notification: WeChat Pay returned the money (or could not). Idempotent. */
  async refundSettled(outRefundNo: string, status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL', refundId: string | null): Promise<void> {
    await this.db.query(
      `UPDATE order_refund SET payment_status = $2, payment_refund_id = COALESCE($3, payment_refund_id)
        WHERE replace(id::text, '-', '') = $1 AND payment_status IN ('pending', 'processing')`,
      [outRefundNo, status === 'SUCCESS' ? 'succeeded' : 'failed', refundId],
    );
  }

  async list(who: StaffPrincipal, q: StaffOrderQuery): Promise<Paged<OrderView>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const scope = storeScopeOf(who);
    if (scope && q.storeId && q.storeId !== scope) throw new OrderException(ErrorCode.OutOfScope);
    const rows = await this.db.query<{ id: string; total: number }[]>(
      `SELECT o.id, COUNT(*) OVER ()::int AS total FROM sales_order o JOIN member m ON m.id = o.member_id
        WHERE ($1::uuid IS NULL OR o.store_id = $1) AND ($2::uuid IS NULL OR o.member_id = $2) AND ($3::text IS NULL OR o.status = $3)
          AND ($4::text IS NULL OR o.order_no = $4 OR o.receipt_no = $4 OR m.member_no = upper($4))
        ORDER BY o.created_at DESC LIMIT $5 OFFSET $6`,
      [scope ?? q.storeId ?? null, q.memberId ?? null, q.status ?? null, q.q?.trim() || null, pageSize, (page - 1) * pageSize],
    );
    return { items: await this.views(rows.map((r) => r.id)), total: rows[0]?.total ?? 0, page, pageSize };
  }

  async get(who: StaffPrincipal, id: string): Promise<OrderView> {
    const view = await this.view(id);
    const scope = storeScopeOf(who);
    if (scope && view.store?.id !== scope) throw new OrderException(ErrorCode.OutOfScope);
    return view;
  }

  async mine(memberId: string): Promise<OrderView[]> {
    const rows = await this.db.query<{ id: string }[]>(`SELECT id FROM sales_order WHERE member_id = $1 ORDER BY created_at DESC LIMIT 50`, [memberId]);
    return this.views(rows.map((r) => r.id));
  }

  async view(id: string): Promise<OrderView> {
    const [view] = await this.views([id]);
    if (!view) throw new OrderException(ErrorCode.OrderNotFound);
    return view;
  }

  /** Order views in the given order, with items, refunds and the points each earned. */
  async views(ids: string[], manager: EntityManager = this.db.manager): Promise<OrderView[]> {
    if (ids.length === 0) return [];
    const [orders, items, refunds, points, coupons] = await Promise.all([
      manager.query<(OrderRow & { store_name: string | null; advisor_name: string | null; member_no: string; member_name: string | null; nickname: string | null })[]>(
        `SELECT o.*, s.name AS store_name, a.name AS advisor_name, m.member_no, m.name AS member_name, m.nickname
           FROM sales_order o JOIN member m ON m.id = o.member_id LEFT JOIN store s ON s.id = o.store_id LEFT JOIN staff a ON a.id = o.advisor_id
          WHERE o.id = ANY($1)`,
        [ids],
      ),
      manager.query<{ id: string; order_id: string; product_id: string | null; sku: string; name: string; category: string | null; unit_price_fen: number; quantity: number; paid_fen: number; refunded_quantity: number }[]>(
        `SELECT * FROM order_item WHERE order_id = ANY($1) ORDER BY position`,
        [ids],
      ),
      manager.query<{ id: string; order_id: string; amount_fen: number; items: { itemId: string; quantity: number }[]; reason: string; points: { cancelled: number; clawedBack: number; debt: number }; created_at: Date }[]>(
        `SELECT id, order_id, amount_fen, items, reason, points, created_at FROM order_refund WHERE order_id = ANY($1) ORDER BY created_at`,
        [ids],
      ),
      this.loyalty.orderPoints(ids),
      this.coupons.forOrders(ids, manager),
    ]);
    const byId = new Map(orders.map((o) => [o.id, o]));
    return ids
      .map((id) => byId.get(id))
      .filter((o): o is NonNullable<typeof o> => o !== undefined)
      .map((o) => ({
        id: o.id,
        orderNo: o.order_no,
        channel: o.channel,
        status: o.status,
        store: o.store_id ? { id: o.store_id, name: o.store_name ?? '' } : null,
        advisor: o.advisor_id ? { id: o.advisor_id, name: o.advisor_name ?? '' } : null,
        member: { id: o.member_id, memberNo: o.member_no, name: o.member_name, nickname: o.nickname },
        receiptNo: o.receipt_no,
        items: items
          .filter((i) => i.order_id === o.id)
          .map((i) => ({
            id: i.id,
            productId: i.product_id,
            sku: i.sku,
            name: i.name,
            category: i.category,
            unitPriceFen: i.unit_price_fen,
            quantity: i.quantity,
            paidFen: i.paid_fen,
            refundedQuantity: i.refunded_quantity,
          })),
        subtotalFen: o.subtotal_fen,
        discountFen: o.discount_fen,
        totalFen: o.total_fen,
        refundedFen: o.refunded_fen,
        points: points.get(o.id) ?? { earned: 0, status: null, activatesAt: null },
        refunds: refunds
          .filter((r) => r.order_id === o.id)
          .map((r) => ({ id: r.id, amountFen: r.amount_fen, items: r.items, reason: r.reason, points: r.points, createdAt: new Date(r.created_at).toISOString() })),
        coupons: coupons.get(o.id) ?? [],
        payBefore: o.status === 'created' && o.pay_before ? new Date(o.pay_before).toISOString() : null,
        paidAt: o.paid_at ? new Date(o.paid_at).toISOString() : null,
        createdAt: new Date(o.created_at).toISOString(),
      }));
  }

  private async byKey(key: string): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }[]>(`SELECT id FROM sales_order WHERE idempotency_key = $1`, [key]);
    return row?.id ?? null;
  }

  private async storeFor(who: StaffPrincipal, requested: string | undefined): Promise<string> {
    const scope = storeScopeOf(who);
    if (scope && requested && requested !== scope) throw new OrderException(ErrorCode.OutOfScope);
    const storeId = scope ?? requested;
    if (!storeId) {
      throw new OrderException(ErrorCode.ValidationFailed, 'store required', { details: [{ field: 'storeId', problems: ['请选择门店'] }] });
    }
    const [store] = await this.db.query<unknown[]>(`SELECT 1 FROM store WHERE id = $1 AND active`, [storeId]);
    if (!store) throw new OrderException(ErrorCode.StoreNotFound);
    return storeId;
  }

  /**
   * The order lines at their gross amounts: items from the catalog, or one receipt line whose amount is the receipt
   * total before coupons. Discounts are taken off inside the purchase transaction.
   */
  private async lines(dto: StorePurchaseDto): Promise<Line[]> {
    if (dto.items?.length) {
      const priced = await this.coupons.pricedLines(dto.items);
      return priced.map((l) => ({ productId: l.productId, sku: l.sku, name: l.name, category: l.category, unitPriceFen: l.unitPriceFen, quantity: l.quantity, paidFen: l.unitPriceFen * l.quantity }));
    }
    if (dto.totalFen === undefined || !dto.receiptNo) throw new OrderException(ErrorCode.OrderItemsRequired);
    if (dto.discountFen) throw new OrderException(ErrorCode.ValidationFailed, 'discount on receipt', { details: [{ field: 'discountFen', problems: ['按小票登记时请直接填写实付金额'] }] });
    return [{ productId: null, sku: '', name: '小票消费', category: null, unitPriceFen: dto.totalFen, quantity: 1, paidFen: dto.totalFen }];
  }
}

interface OrderRow {
  id: string;
  order_no: string;
  member_id: string;
  channel: OrderView['channel'];
  status: OrderView['status'];
  store_id: string | null;
  advisor_id: string | null;
  receipt_no: string | null;
  subtotal_fen: number;
  discount_fen: number;
  total_fen: number;
  refunded_fen: number;
  paid_at: Date | null;
  pay_before: Date | null;
  created_at: Date;
}

/** The money of `now` units out of `quantity` after `before` were refunded: cumulative, so all units add up to `paid`. */
function shareOf(paid: number, quantity: number, before: number, now: number): number {
  return Math.floor((paid * (before + now)) / quantity) - Math.floor((paid * before) / quantity);
}
