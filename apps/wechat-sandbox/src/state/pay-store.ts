import { randomInt } from 'node:crypto';
import { randomHex } from './random-id';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Without time_expire an order can be paid for 7 days; a later time_expire is clamped to 90 days (§8c). */
const DEFAULT_PAY_WINDOW_MS = 7 * DAY;
const MAX_PAY_WINDOW_MS = 90 * DAY;
/** time_expire must leave the user at least a minute (§8c). */
const MIN_PAY_WINDOW_MS = MINUTE;
/** A prepay_id works 2 hours; asking again with the same parameters after that hands out a new one. */
const PREPAY_ID_TTL_MS = 2 * 60 * MINUTE;
const BEIJING_OFFSET_MS = 8 * 60 * MINUTE;

export type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';

const TRADE_STATE_DESC: Readonly<Record<TradeState, string>> = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  CLOSED: '订单已关闭',
  REFUND: '转入退款',
};

/** A WeChat Pay v3 error: HTTP status and the `{code, message}` body. */
export type PayError = { status: number; code: string; message: string };
export type PayOutcome<T> = { ok: true; value: T } | { ok: false; error: PayError };

/** The validated fields of `POST /v3/pay/transactions/jsapi`. */
export type PrepayRequest = {
  appid: string;
  mchid: string;
  description: string;
  outTradeNo: string;
  /** Milliseconds since the epoch; null when the merchant left time_expire out. */
  timeExpire: number | null;
  attach: string | null;
  notifyUrl: string;
  total: number;
  openid: string;
  /** Canonical text of the request body; equal fingerprints mean "the same parameters". */
  fingerprint: string;
};

export type PayOrder = Omit<PrepayRequest, 'timeExpire'> & {
  createdAt: number;
  /** The last moment the user can pay. */
  expiresAt: number;
  prepayId: string;
  prepayIssuedAt: number;
  paid: { transactionId: string; successAt: number } | null;
  closedAt: number | null;
};

export type RefundStatus = 'PROCESSING' | 'SUCCESS';

export type RefundRequest = {
  outTradeNo: string | null;
  transactionId: string | null;
  outRefundNo: string;
  reason: string | null;
  notifyUrl: string | null;
  refund: number;
  total: number;
};

export type PayRefund = {
  refundId: string;
  outRefundNo: string;
  outTradeNo: string;
  transactionId: string;
  reason: string | null;
  notifyUrl: string | null;
  refund: number;
  total: number;
  status: RefundStatus;
  createdAt: number;
  successAt: number | null;
};

export type NotificationEvent = 'TRANSACTION.SUCCESS' | 'REFUND.SUCCESS';

export type NotificationRecord = {
  id: string;
  eventType: NotificationEvent;
  url: string;
  outTradeNo: string;
  outRefundNo: string | null;
  /** The exact JSON sent on every attempt; only the signature headers change between attempts. */
  body: string;
  attempts: number;
  delivered: boolean;
  /** HTTP status of the latest attempt; null when the merchant could not be reached or did not answer in time. */
  lastStatus: number | null;
};

/** RFC 3339 in Beijing time, as WeChat Pay writes every instant: `2026-01-01T15:01:02+08:00`. */
export function beijingTime(ms: number): string {
  return `${new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

function digits(length: number): string {
  return Array.from({ length }, () => randomInt(0, 10)).join('');
}

/** `wx` + Beijing timestamp + 20 characters, like `wx201410272009395522657a690389285100`. */
function newPrepayId(now: number): string {
  return `wx${beijingTime(now).replace(/\D/g, '').slice(0, 14)}${randomHex(20)}`;
}

/** 28 digits starting 4200 and the Beijing date, like `4200000000202601010000000001`. */
function newTransactionId(now: number): string {
  return `4200${beijingTime(now).slice(0, 10).replace(/-/g, '')}${digits(16)}`;
}

/** 29 digits starting 50, like `50200207182018070300011301001`. */
function newRefundId(): string {
  return `50${digits(27)}`;
}

function fail(status: number, code: string, message: string): { ok: false; error: PayError } {
  return { ok: false, error: { status, code, message } };
}

/**
 * The merchant's orders, refunds and notifications as WeChat Pay keeps them. Every rule is a synchronous step, so two
 * concurrent requests can never both pay or both refund the same money.
 */
export class PayStore {
  private readonly orders = new Map<string, PayOrder>();
  private readonly refunds = new Map<string, PayRefund>();
  private readonly notificationList: NotificationRecord[] = [];

  constructor(private readonly now: () => number) {}

  reset(): void {
    this.orders.clear();
    this.refunds.clear();
    this.notificationList.length = 0;
  }

  order(outTradeNo: string): PayOrder | undefined {
    return this.orders.get(outTradeNo);
  }

  orderByTransactionId(transactionId: string): PayOrder | undefined {
    return [...this.orders.values()].find((order) => order.paid?.transactionId === transactionId);
  }

  /** An unpaid order reads as CLOSED once its time_expire has passed, whether or not anyone closed it. */
  stateOf(order: PayOrder): TradeState {
    if (order.paid) return this.refundsOf(order.outTradeNo).length > 0 ? 'REFUND' : 'SUCCESS';
    return order.closedAt !== null || this.now() > order.expiresAt ? 'CLOSED' : 'NOTPAY';
  }

  /**
   * Asking again with the same out_trade_no and the same parameters returns the current prepay_id (a new one once it
   * is 2 hours old); different parameters are a duplicate order number. Paid and closed orders take no new prepay.
   */
  prepay(request: PrepayRequest): PayOutcome<{ prepayId: string }> {
    const now = this.now();
    const existing = this.orders.get(request.outTradeNo);
    if (existing) {
      const state = this.stateOf(existing);
      if (state === 'SUCCESS' || state === 'REFUND') return fail(400, 'ORDER_PAID', '该订单已支付');
      if (state === 'CLOSED') return fail(400, 'ORDER_CLOSED', '该订单已关闭');
      if (existing.fingerprint !== request.fingerprint) return fail(400, 'INVALID_REQUEST', '201 商户订单号重复');
      if (now - existing.prepayIssuedAt >= PREPAY_ID_TTL_MS) {
        existing.prepayId = newPrepayId(now);
        existing.prepayIssuedAt = now;
      }
      return { ok: true, value: { prepayId: existing.prepayId } };
    }
    const { timeExpire, ...fields } = request;
    if (timeExpire !== null && timeExpire < now + MIN_PAY_WINDOW_MS) return fail(400, 'PARAM_ERROR', 'time_expire 须晚于下单时间至少1分钟');
    const expiresAt = timeExpire === null ? now + DEFAULT_PAY_WINDOW_MS : Math.min(timeExpire, now + MAX_PAY_WINDOW_MS);
    const prepayId = newPrepayId(now);
    this.orders.set(request.outTradeNo, { ...fields, createdAt: now, expiresAt, prepayId, prepayIssuedAt: now, paid: null, closedAt: null });
    return { ok: true, value: { prepayId } };
  }

  /** Closing is idempotent; a paid order cannot be closed. */
  close(outTradeNo: string, mchid: string): PayOutcome<null> {
    const order = this.orders.get(outTradeNo);
    if (!order || order.mchid !== mchid) return fail(404, 'ORDER_NOT_EXIST', '订单不存在');
    if (order.paid) return fail(400, 'ORDER_PAID', '订单已支付');
    order.closedAt ??= this.now();
    return { ok: true, value: null };
  }

  /** The user pays in the WeChat client: only an open (NOTPAY, not expired) order can be paid, and only once. */
  pay(outTradeNo: string): { ok: true; order: PayOrder } | { ok: false; reason: 'unknown' | 'closed' | 'paid' } {
    const order = this.orders.get(outTradeNo);
    if (!order) return { ok: false, reason: 'unknown' };
    const state = this.stateOf(order);
    if (state === 'CLOSED') return { ok: false, reason: 'closed' };
    if (state !== 'NOTPAY') return { ok: false, reason: 'paid' };
    const now = this.now();
    order.paid = { transactionId: newTransactionId(now), successAt: now };
    return { ok: true, order };
  }

  /**
   * Refunds a paid order: the refunds of an order never add up to more than it was paid. A repeated out_refund_no with
   * the same order and amounts returns the existing refund (a safe retry); with anything else it is refused.
   */
  createRefund(request: RefundRequest): PayOutcome<{ refund: PayRefund; created: boolean }> {
    const order = request.outTradeNo !== null ? this.orders.get(request.outTradeNo) : this.orderByTransactionId(request.transactionId ?? '');
    const existing = this.refunds.get(request.outRefundNo);
    if (existing) {
      const same = existing.outTradeNo === order?.outTradeNo && existing.refund === request.refund && existing.total === request.total;
      if (!same) return fail(400, 'INVALID_REQUEST', '商户退款单号已存在，且退款参数与之前的请求不一致');
      return { ok: true, value: { refund: existing, created: false } };
    }
    if (!order) return fail(404, 'RESOURCE_NOT_EXISTS', '订单不存在');
    if (!order.paid) return fail(400, 'INVALID_REQUEST', '订单未支付，不能退款');
    if (request.total !== order.total) return fail(400, 'INVALID_REQUEST', 'amount.total 与订单金额不一致');
    const refunded = this.refundsOf(order.outTradeNo).reduce((sum, refund) => sum + refund.refund, 0);
    if (request.refund > order.total - refunded) return fail(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额');
    const refund: PayRefund = {
      refundId: newRefundId(),
      outRefundNo: request.outRefundNo,
      outTradeNo: order.outTradeNo,
      transactionId: order.paid.transactionId,
      reason: request.reason,
      notifyUrl: request.notifyUrl,
      refund: request.refund,
      total: request.total,
      status: 'PROCESSING',
      createdAt: this.now(),
      successAt: null,
    };
    this.refunds.set(refund.outRefundNo, refund);
    return { ok: true, value: { refund, created: true } };
  }

  /** The money reaches the user. */
  settleRefund(refund: PayRefund): void {
    if (refund.status !== 'PROCESSING') return;
    refund.status = 'SUCCESS';
    refund.successAt = this.now();
  }

  refund(outRefundNo: string): PayRefund | undefined {
    return this.refunds.get(outRefundNo);
  }

  refundsOf(outTradeNo: string): PayRefund[] {
    return [...this.refunds.values()].filter((refund) => refund.outTradeNo === outTradeNo);
  }

  addNotification(record: Omit<NotificationRecord, 'attempts' | 'delivered' | 'lastStatus'>): NotificationRecord {
    const stored: NotificationRecord = { ...record, attempts: 0, delivered: false, lastStatus: null };
    this.notificationList.push(stored);
    return stored;
  }

  notification(id: string): NotificationRecord | undefined {
    return this.notificationList.find((record) => record.id === id);
  }

  /** Oldest first, optionally only those about one order (its payment and its refunds). */
  notifications(outTradeNo?: string): NotificationRecord[] {
    return this.notificationList.filter((record) => outTradeNo === undefined || record.outTradeNo === outTradeNo);
  }

  /** The Transaction object of §8e, as the query endpoint and the payment notification carry it. */
  transactionView(order: PayOrder): Record<string, unknown> {
    const state = this.stateOf(order);
    const { paid } = order;
    return {
      appid: order.appid,
      mchid: order.mchid,
      out_trade_no: order.outTradeNo,
      ...(paid && { transaction_id: paid.transactionId, trade_type: 'JSAPI', bank_type: 'OTHERS', success_time: beijingTime(paid.successAt) }),
      trade_state: state,
      trade_state_desc: TRADE_STATE_DESC[state],
      attach: order.attach ?? '',
      payer: { openid: order.openid },
      amount: paid ? { total: order.total, payer_total: order.total, currency: 'CNY', payer_currency: 'CNY' } : { total: order.total, currency: 'CNY' },
      promotion_detail: [],
    };
  }
}

/** The Refund object of §8h. */
export function refundView(refund: PayRefund): Record<string, unknown> {
  return {
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    transaction_id: refund.transactionId,
    out_trade_no: refund.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(refund.successAt !== null && { success_time: beijingTime(refund.successAt) }),
    create_time: beijingTime(refund.createdAt),
    status: refund.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: refund.total,
      refund: refund.refund,
      from: [],
      payer_total: refund.total,
      payer_refund: refund.refund,
      settlement_refund: refund.refund,
      settlement_total: refund.total,
      discount_refund: 0,
      currency: 'CNY',
    },
    promotion_detail: [],
  };
}

/** The decrypted resource of a REFUND.* notification (§8h); note `refund_status` where the Refund object says `status`. */
export function refundNoticeView(refund: PayRefund, mchid: string): Record<string, unknown> {
  return {
    mchid,
    out_trade_no: refund.outTradeNo,
    transaction_id: refund.transactionId,
    refund_id: refund.refundId,
    out_refund_no: refund.outRefundNo,
    refund_status: refund.status,
    ...(refund.successAt !== null && { success_time: beijingTime(refund.successAt) }),
    user_received_account: '支付用户零钱',
    amount: { total: refund.total, refund: refund.refund, payer_total: refund.total, payer_refund: refund.refund },
  };
}
