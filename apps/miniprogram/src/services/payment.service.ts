import Taro from '@tarojs/taro';
import type { CheckoutResponse, OrderView, PaymentParams } from '@glow/contracts';
import { outcomeUnknown } from '../utils/idempotency';
import { ApiError } from './http';
import { getMyOrder } from './order.service';
import { demoSandbox, isDemoMode } from './wechat-auth.service';

/**
 * How paying an order ended, as far as the member can tell:
 * - `paid`: the API has recorded the payment (WeChat's notification arrived);
 * - `abandoned`: the member closed WeChat Pay (or the sandbox sheet); the order still awaits payment;
 * - `unconfirmed`: WeChat said ok but the API has not seen the payment yet; the order is shown as it was last read;
 * - `closed`: the order was cancelled (by the member elsewhere, or at `payBefore`) and can no longer be paid.
 */
export type PaymentOutcome =
  | { kind: 'paid'; order: OrderView }
  | { kind: 'abandoned' }
  | { kind: 'unconfirmed'; order: OrderView }
  | { kind: 'closed'; order: OrderView };

/**
 * Waits between two reads of the order while WeChat's payment notification travels to the API: short at first,
 * since it usually arrives within a second or two, then longer, never more than ~15 s in all.
 */
export const PAYMENT_POLL_DELAYS_MS = [500, 1000, 1500, 2000, 3000] as const;
export const PAYMENT_CONFIRM_TIMEOUT_MS = 15_000;

export interface PayOrderOptions {
  /**
   * H5 demo mode only: shows the sandbox's "模拟支付" sheet and resolves to whether the member confirmed (true)
   * or closed it (false), as WeChat's own payment sheet would.
   */
  confirmSandbox: () => Promise<boolean>;
  /** The member has paid on their side; from now on the API is asked until it has recorded the payment. */
  onConfirming?: () => void;
}

/**
 * Pays an order with the parameters the API returned for it (checkout or `orderPayment`), then waits until the API
 * has recorded the payment. In WeChat this is `wx.requestPayment`; its `requestPayment:ok` only means the member
 * completed the sheet, not that the brand was paid, so the order is read until it is `paid`. In the H5 build (demo
 * mode) there is no WeChat Pay: the WeChat sandbox pays the order, and notifies the API as WeChat would.
 */
export async function payOrder(response: Pick<CheckoutResponse, 'order' | 'payment'>, options: PayOrderOptions): Promise<PaymentOutcome> {
  const { order, payment } = response;
  // Nothing left to pay: paid meanwhile, or closed.
  if (order.status !== 'created' || !payment) return classify(order);

  if (process.env.TARO_ENV === 'weapp') {
    if (!(await requestWechatPayment(payment))) return { kind: 'abandoned' };
  } else {
    if (!(await isDemoMode())) throw new ApiError('UNSUPPORTED_PLATFORM', '请在微信中打开 Glow 会员小程序完成支付', 0);
    if (!(await options.confirmSandbox())) return { kind: 'abandoned' };
    await payInSandbox(order.orderNo);
  }
  options.onConfirming?.();
  return waitUntilPaid(order.id);
}

/**
 * Reads the order until the API has recorded its payment (or it was closed), with short waits in between, for at
 * most `timeoutMs`. A read that gets no answer (offline for a moment) does not end the wait; an answered refusal does.
 */
export async function waitUntilPaid(orderId: string, timeoutMs: number = PAYMENT_CONFIRM_TIMEOUT_MS): Promise<PaymentOutcome> {
  const started = Date.now();
  let last: OrderView | null = null;
  let lastError: unknown = null;
  for (let attempt = 0; ; attempt += 1) {
    try {
      last = await getMyOrder(orderId);
      const outcome = classify(last);
      if (outcome.kind !== 'unconfirmed') return outcome;
    } catch (error) {
      if (!outcomeUnknown(error)) throw error;
      lastError = error;
    }
    const delay = PAYMENT_POLL_DELAYS_MS[Math.min(attempt, PAYMENT_POLL_DELAYS_MS.length - 1)];
    if (Date.now() - started + delay > timeoutMs) break;
    await sleep(delay);
  }
  if (last) return { kind: 'unconfirmed', order: last };
  throw lastError;
}

/** A refunded order was paid first: for the member the payment went through. */
function classify(order: OrderView): PaymentOutcome {
  if (order.status === 'created') return { kind: 'unconfirmed', order };
  if (order.status === 'cancelled') return { kind: 'closed', order };
  return { kind: 'paid', order };
}

/** Resolves to false when the member closed the payment sheet; other failures are errors. */
async function requestWechatPayment(payment: PaymentParams): Promise<boolean> {
  // `appId` is not an option of wx.requestPayment: WeChat pays for the mini-program it runs in.
  const { timeStamp, nonceStr, package: prepay, signType, paySign } = payment;
  try {
    await Taro.requestPayment({ timeStamp, nonceStr, package: prepay, signType, paySign });
    return true;
  } catch (failure) {
    if (/cancel/i.test(errMsgOf(failure))) return false;
    // WeChat's errMsg is English and not for members.
    throw new ApiError('PAYMENT_FAILED', '支付未完成，请稍后重试', 0);
  }
}

/** What WeChat's payment sheet would do when the member confirms: the sandbox pays and notifies the API. */
async function payInSandbox(orderNo: string): Promise<void> {
  const sandbox = await demoSandbox();
  await sandbox.post<object>(`/__control/pay/transactions/${encodeURIComponent(orderNo)}/pay`, {});
}

function errMsgOf(failure: unknown): string {
  if (typeof failure === 'object' && failure !== null && 'errMsg' in failure) return String((failure as { errMsg: unknown }).errMsg);
  return '';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const handedOver = new Map<string, Pick<CheckoutResponse, 'order' | 'payment'>>();

/**
 * The checkout page hands the payment parameters of the order it just placed to the order page, which pays it,
 * so that paying happens in one place and the order page need not ask the API for parameters it already has.
 */
export function handOverPayment(response: Pick<CheckoutResponse, 'order' | 'payment'>): void {
  handedOver.set(response.order.id, response);
}

/** The parameters handed over for this order, once; null when there are none (ask the API for fresh ones). */
export function takeHandedPayment(orderId: string): Pick<CheckoutResponse, 'order' | 'payment'> | null {
  const response = handedOver.get(orderId) ?? null;
  handedOver.delete(orderId);
  return response;
}
