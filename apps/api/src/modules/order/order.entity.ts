import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OrderChannel, OrderStatus } from '@glow/contracts';
import { Member } from '../member/member.entity';
import { Staff } from '../member/staff.entity';
import { Store } from '../member/store.entity';

/**
 * A purchase, from a store's till or paid online. Amounts are integer fen; `total = subtotal - discount`, and
 * refunds can never exceed what was paid. An online payment attaches through `payment_ref` (payment issue).
 */
@Entity('sales_order')
@Check('ck_sales_order_channel', `channel IN ('store', 'online')`)
@Check('ck_sales_order_status', `status IN ('created', 'paid', 'refunded', 'partially_refunded', 'cancelled')`)
@Check('ck_sales_order_amounts', `subtotal_fen >= 0 AND discount_fen >= 0 AND total_fen = subtotal_fen - discount_fen AND refunded_fen BETWEEN 0 AND total_fen`)
@Index('uq_sales_order_no', ['orderNo'], { unique: true })
@Index('uq_sales_order_receipt', ['storeId', 'receiptNo'], { unique: true, where: `receipt_no IS NOT NULL` })
@Index('uq_sales_order_key', ['idempotencyKey'], { unique: true })
@Index('ix_sales_order_member', ['memberId', 'createdAt'])
@Index('ix_sales_order_store', ['storeId', 'createdAt'])
@Index('ix_sales_order_unpaid', ['payBefore'], { where: `status = 'created'` })
// Read by campaigns and analytics (migration "campaigns"): purchases by member and time, by time, and changes since a watermark.
@Index('ix_sales_order_member_paid', ['memberId', 'paidAt'], { where: `paid_at IS NOT NULL` })
@Index('ix_sales_order_paid', ['paidAt', 'memberId', 'status'], { where: `paid_at IS NOT NULL` })
@Index('ix_sales_order_updated', ['updatedAt'])
export class SalesOrder {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_no', type: 'varchar', length: 24 })
  orderNo: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id' })
  member?: Member;

  @Column({ type: 'varchar', length: 8 })
  channel: OrderChannel;

  @Column({ type: 'varchar', length: 20 })
  status: OrderStatus;

  @Column({ name: 'store_id', type: 'uuid', nullable: true })
  storeId: string | null;

  @ManyToOne(() => Store, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'store_id' })
  store?: Store | null;

  @Column({ name: 'advisor_id', type: 'uuid', nullable: true })
  advisorId: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'advisor_id' })
  advisor?: Staff | null;

  @Column({ name: 'receipt_no', type: 'varchar', length: 32, nullable: true })
  receiptNo: string | null;

  @Column({ name: 'subtotal_fen', type: 'integer' })
  subtotalFen: number;

  @Column({ name: 'discount_fen', type: 'integer', default: 0 })
  discountFen: number;

  @Column({ name: 'total_fen', type: 'integer' })
  totalFen: number;

  @Column({ name: 'refunded_fen', type: 'integer', default: 0 })
  refundedFen: number;

  /** The WeChat Pay transaction id that paid an online order. */
  @Column({ name: 'payment_ref', type: 'varchar', length: 64, nullable: true })
  paymentRef: string | null;

  /** An online order awaiting payment is closed at WeChat Pay and cancelled at this moment; its coupons go back. */
  @Column({ name: 'pay_before', type: 'timestamptz', nullable: true })
  payBefore: Date | null;

  @Column({ name: 'prepay_id', type: 'varchar', length: 64, nullable: true })
  prepayId: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 120 })
  idempotencyKey: string;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @OneToMany(() => OrderItem, (i) => i.order)
  items?: OrderItem[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('order_item')
@Check('ck_order_item_amounts', `quantity > 0 AND unit_price_fen >= 0 AND paid_fen >= 0 AND refunded_quantity BETWEEN 0 AND quantity`)
@Index('ix_order_item_order', ['orderId'])
@Index('ix_order_item_product', ['productId'])
export class OrderItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => SalesOrder, (o) => o.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: SalesOrder;

  @Column({ name: 'product_id', type: 'uuid', nullable: true })
  productId: string | null;

  @Column({ type: 'varchar', length: 32 })
  sku: string;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  category: string | null;

  @Column({ name: 'unit_price_fen', type: 'integer' })
  unitPriceFen: number;

  @Column({ type: 'integer' })
  quantity: number;

  /** The line's share of what was paid, after the order discount. */
  @Column({ name: 'paid_fen', type: 'integer' })
  paidFen: number;

  @Column({ name: 'refunded_quantity', type: 'integer', default: 0 })
  refundedQuantity: number;

  @Column({ type: 'smallint' })
  position: number;
}

@Entity('order_refund')
@Check('ck_order_refund_amount', `amount_fen >= 0`)
@Check('ck_order_refund_payment', `payment_status IS NULL OR payment_status IN ('pending', 'processing', 'succeeded', 'failed')`)
@Index('ix_order_refund_order', ['orderId'])
@Index('uq_order_refund_key', ['idempotencyKey'], { unique: true })
export class OrderRefund {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'amount_fen', type: 'integer' })
  amountFen: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  items: { itemId: string; quantity: number }[];

  @Column({ type: 'varchar', length: 100 })
  reason: string;

  @Column({ type: 'jsonb' })
  points: { cancelled: number; clawedBack: number; debt: number };

  @Column({ name: 'staff_id', type: 'uuid', nullable: true })
  staffId: string | null;

  /** For an online order: the money's way back through WeChat Pay (`pending` until WeChat accepted the refund). */
  @Column({ name: 'payment_status', type: 'varchar', length: 12, nullable: true })
  paymentStatus: 'pending' | 'processing' | 'succeeded' | 'failed' | null;

  @Column({ name: 'payment_refund_id', type: 'varchar', length: 64, nullable: true })
  paymentRefundId: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 120 })
  idempotencyKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Every WeChat Pay notification handled, by its id: a re-delivered notification changes nothing. */
@Entity('payment_notification')
export class PaymentNotification {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ name: 'event_type', type: 'varchar', length: 40 })
  eventType: string;

  @Column({ name: 'out_trade_no', type: 'varchar', length: 32, nullable: true })
  outTradeNo: string | null;

  @Column({ type: 'jsonb' })
  resource: Record<string, unknown>;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
