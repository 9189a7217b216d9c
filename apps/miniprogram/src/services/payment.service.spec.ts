import Taro from '@tarojs/taro';
import type { PaymentParams } from '@glow/contracts';
import { onlineOrder, paidOrder } from '../packages/shop/test-fixtures';
import { ApiError, type HttpClient } from './http';
import { getMyOrder } from './order.service';
import { handOverPayment, payOrder, PAYMENT_CONFIRM_TIMEOUT_MS, takeHandedPayment, waitUntilPaid } from './payment.service';
import { demoSandbox, isDemoMode } from './wechat-auth.service';

jest.mock('./order.service', () => ({ getMyOrder: jest.fn() }));
jest.mock('./wechat-auth.service', () => ({ isDemoMode: jest.fn(), demoSandbox: jest.fn() }));

const PAYMENT: PaymentParams = {
  appId: 'wxglowdemo0000001',
  timeStamp: '1796191200',
  nonceStr: 'n0nce',
  package: 'prepay_id=wx0112345',
  signType: 'RSA',
  paySign: 'c2lnbmF0dXJl',
};

const readOrder = jest.mocked(getMyOrder);
const sandboxPost = jest.fn(() => Promise.resolve({}));

/** The order reads answer `statuses` in turn (the last one repeats); records when each read happened. */
function orderReads(...statuses: ('created' | 'paid' | 'cancelled' | Error)[]): number[] {
  const at: number[] = [];
  const started = Date.now();
  readOrder.mockImplementation(async () => {
    at.push(Date.now() - started);
    const next = statuses[Math.min(at.length - 1, statuses.length - 1)];
    if (next instanceof Error) throw next;
    return next === 'paid' ? paidOrder() : onlineOrder({ status: next });
  });
  return at;
}

const offline = () => new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0);

describe('payment.service', () => {
  const platform = process.env.TARO_ENV;
  const confirmSandbox = jest.fn(() => Promise.resolve(true));

  beforeEach(() => {
    jest.clearAllMocks();
    jest.useFakeTimers({ now: new Date('2026-12-01T06:00:10.000Z') });
    jest.mocked(demoSandbox).mockResolvedValue({ post: sandboxPost } as unknown as HttpClient);
  });

  afterEach(() => {
    jest.useRealTimers();
    process.env.TARO_ENV = platform;
  });

  describe('in WeChat', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'weapp';
    });

    it('opens WeChat Pay with the order’s parameters, then reads the order until the API has the payment', async () => {
      jest.mocked(Taro.requestPayment).mockResolvedValueOnce({ errMsg: 'requestPayment:ok' });
      const reads = orderReads('created', 'created', 'paid');
      const onConfirming = jest.fn();

      const outcome = payOrder({ order: onlineOrder(), payment: PAYMENT }, { confirmSandbox, onConfirming });
      await jest.advanceTimersByTimeAsync(2_000);

      await expect(outcome).resolves.toEqual({ kind: 'paid', order: paidOrder() });
      // appId is not an option of wx.requestPayment; the rest goes as the API signed it.
      expect(Taro.requestPayment).toHaveBeenCalledWith({
        timeStamp: '1796191200',
        nonceStr: 'n0nce',
        package: 'prepay_id=wx0112345',
        signType: 'RSA',
        paySign: 'c2lnbmF0dXJl',
      });
      expect(onConfirming).toHaveBeenCalledTimes(1);
      expect(readOrder).toHaveBeenCalledWith('o-1');
      expect(reads).toEqual([0, 500, 1500]);
      expect(confirmSandbox).not.toHaveBeenCalled();
    });

    it('does not take requestPayment:ok as proof: gives up after about 15 s with the order still unpaid', async () => {
      jest.mocked(Taro.requestPayment).mockResolvedValueOnce({ errMsg: 'requestPayment:ok' });
      const reads = orderReads('created');

      const outcome = payOrder({ order: onlineOrder(), payment: PAYMENT }, { confirmSandbox });
      await jest.advanceTimersByTimeAsync(60_000);

      await expect(outcome).resolves.toEqual({ kind: 'unconfirmed', order: onlineOrder() });
      expect(reads).toEqual([0, 500, 1500, 3000, 5000, 8000, 11000, 14000]);
      expect(Math.max(...reads)).toBeLessThanOrEqual(PAYMENT_CONFIRM_TIMEOUT_MS);
    });

    it('leaves the order awaiting payment when the member closes WeChat Pay', async () => {
      jest.mocked(Taro.requestPayment).mockRejectedValueOnce({ errMsg: 'requestPayment:fail cancel' });

      await expect(payOrder({ order: onlineOrder(), payment: PAYMENT }, { confirmSandbox })).resolves.toEqual({ kind: 'abandoned' });
      expect(readOrder).not.toHaveBeenCalled();
    });

    it('reports any other WeChat Pay failure in Chinese', async () => {
      jest.mocked(Taro.requestPayment).mockRejectedValueOnce({ errMsg: 'requestPayment:fail system error' });

      await expect(payOrder({ order: onlineOrder(), payment: PAYMENT }, { confirmSandbox })).rejects.toMatchObject({
        code: 'PAYMENT_FAILED',
        message: '支付未完成，请稍后重试',
      });
    });
  });

  describe('in the H5 demo', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'h5';
      jest.mocked(isDemoMode).mockResolvedValue(true);
    });

    it('asks for confirmation on the sandbox sheet, has the sandbox pay the order, then waits for the API', async () => {
      const reads = orderReads('created', 'paid');

      const outcome = payOrder({ order: onlineOrder(), payment: PAYMENT }, { confirmSandbox });
      await jest.advanceTimersByTimeAsync(1_000);

      await expect(outcome).resolves.toMatchObject({ kind: 'paid' });
      expect(confirmSandbox).toHaveBeenCalledTimes(1);
      expect(sandboxPost).toHaveBeenCalledWith('/__control/pay/transactions/ON20261201000001/pay', {});
      expect(reads).toEqual([0, 500]);
      expect(Taro.requestPayment).not.toHaveBeenCalled();
    });

    it('pays nothing when the member closes the sandbox sheet', async () => {
      confirmSandbox.mockResolvedValueOnce(false);

      await expect(payOrder({ order: onlineOrder(), payment: PAYMENT }, { confirmSandbox })).resolves.toEqual({ kind: 'abandoned' });
      expect(sandboxPost).not.toHaveBeenCalled();
      expect(readOrder).not.toHaveBeenCalled();
    });

    it('sends the member to WeChat when the API is not in demo mode', async () => {
      jest.mocked(isDemoMode).mockResolvedValue(false);

      await expect(payOrder({ order: onlineOrder(), payment: PAYMENT }, { confirmSandbox })).rejects.toMatchObject({ code: 'UNSUPPORTED_PLATFORM' });
      expect(confirmSandbox).not.toHaveBeenCalled();
    });
  });

  it('pays nothing for an order that is already paid or closed', async () => {
    await expect(payOrder({ order: paidOrder(), payment: null }, { confirmSandbox })).resolves.toMatchObject({ kind: 'paid' });
    const cancelled = onlineOrder({ status: 'cancelled' });
    await expect(payOrder({ order: cancelled, payment: null }, { confirmSandbox })).resolves.toEqual({ kind: 'closed', order: cancelled });
    expect(Taro.requestPayment).not.toHaveBeenCalled();
    expect(confirmSandbox).not.toHaveBeenCalled();
  });

  describe(waitUntilPaid.name, () => {
    it('keeps reading through a moment offline', async () => {
      const reads = orderReads(offline(), 'created', 'paid');

      const outcome = waitUntilPaid('o-1');
      await jest.advanceTimersByTimeAsync(2_000);

      await expect(outcome).resolves.toMatchObject({ kind: 'paid' });
      expect(reads).toHaveLength(3);
    });

    it('stops when the order was cancelled meanwhile', async () => {
      orderReads('created', 'cancelled');

      const outcome = waitUntilPaid('o-1');
      await jest.advanceTimersByTimeAsync(1_000);

      await expect(outcome).resolves.toMatchObject({ kind: 'closed', order: { status: 'cancelled' } });
    });

    it('stops at an answered refusal, and at the end of the wait when no read ever succeeded', async () => {
      orderReads(new ApiError('ORDER_NOT_FOUND', '订单不存在', 404));
      await expect(waitUntilPaid('o-1')).rejects.toMatchObject({ code: 'ORDER_NOT_FOUND' });

      const reads = orderReads(offline());
      const outcome = waitUntilPaid('o-1').catch((error: unknown) => error);
      await jest.advanceTimersByTimeAsync(60_000);
      await expect(outcome).resolves.toMatchObject({ code: 'NETWORK_ERROR' });
      expect(reads).toHaveLength(8);
    });
  });

  it('hands the payment of a new order from checkout to the order page once', () => {
    const response = { order: onlineOrder(), payment: PAYMENT };
    handOverPayment(response);

    expect(takeHandedPayment('o-2')).toBeNull();
    expect(takeHandedPayment('o-1')).toBe(response);
    expect(takeHandedPayment('o-1')).toBeNull();
  });
});
