import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import type { PaymentParams } from '@glow/contracts';
import { ApiError } from '../../../../services/http';
import { cancelMyOrder, getMyOrder, renewPayment } from '../../../../services/order.service';
import { type PayOrderOptions, payOrder, takeHandedPayment } from '../../../../services/payment.service';
import { onlineOrder, paidOrder } from '../../test-fixtures';
import OrderPage from './index';

jest.mock('../../../../services/order.service', () => ({ getMyOrder: jest.fn(), renewPayment: jest.fn(), cancelMyOrder: jest.fn() }));
jest.mock('../../../../services/payment.service', () => ({ payOrder: jest.fn(), takeHandedPayment: jest.fn() }));

const PAYMENT: PaymentParams = { appId: 'wx', timeStamp: '1', nonceStr: 'n', package: 'prepay_id=1', signType: 'RSA', paySign: 's' };

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;
const click = async (container: HTMLElement, id: string) => {
  await act(async () => {
    fireEvent.click(byId(container, id) as Element);
  });
};

/** Pays the way H5 demo mode does: the sandbox sheet asks, then the order is read until paid. */
function payThroughTheSandboxSheet(): void {
  jest.mocked(payOrder).mockImplementation(async (_response, options: PayOrderOptions) => {
    if (!(await options.confirmSandbox())) return { kind: 'abandoned' };
    options.onConfirming?.();
    return { kind: 'paid', order: paidOrder() };
  });
}

function openWith(params: Record<string, string>): void {
  jest.mocked(useRouter).mockReturnValue({ params } as unknown as ReturnType<typeof useRouter>);
}

describe('OrderPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(getMyOrder).mockResolvedValue(onlineOrder());
    jest.mocked(takeHandedPayment).mockReturnValue(null);
    jest.mocked(renewPayment).mockResolvedValue({ order: onlineOrder(), payment: PAYMENT, payBefore: '2026-12-01T06:30:00.000Z' });
    payThroughTheSandboxSheet();
  });

  it('pays right after checkout with the handed-over parameters and shows the result', async () => {
    openWith({ id: 'o-1', pay: '1' });
    const handed = { order: onlineOrder(), payment: PAYMENT };
    jest.mocked(takeHandedPayment).mockReturnValue(handed);
    const { container } = render(<OrderPage />);

    await waitFor(() => expect(byId(container, 'sandbox-pay-sheet')).not.toBeNull());
    expect(byId(container, 'sandbox-pay-amount')?.textContent).toBe('¥868.00');
    expect(takeHandedPayment).toHaveBeenCalledWith('o-1');
    expect(jest.mocked(payOrder).mock.calls[0][0]).toBe(handed);
    expect(renewPayment).not.toHaveBeenCalled();

    await click(container, 'sandbox-pay-confirm');

    await waitFor(() => expect(byId(container, 'pay-success')).not.toBeNull());
    expect(byId(container, 'sandbox-pay-sheet')).toBeNull();
    expect(byId(container, 'pay-success')?.textContent).toContain('支付成功');
    expect(byId(container, 'paid-amount')?.textContent).toBe('¥868.00');
    expect(byId(container, 'order-points')?.textContent).toBe('+868 积分 · 待生效（2026-12-08 到账）');
    expect(container.querySelector('.order-coupon')?.textContent).toBe('新客满300减50 -¥50.00');
    expect(byId(container, 'order-pay')).toBeNull();

    fireEvent.click(byId(container, 'go-orders') as Element);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/loyalty/pages/orders/index' });
    fireEvent.click(byId(container, 'go-wallet') as Element);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/coupon/pages/wallet/index' });
  });

  it('leaves an abandoned payment awaiting payment until its deadline, and pays again with fresh parameters', async () => {
    openWith({ id: 'o-1', pay: '1' });
    const { container } = render(<OrderPage />);
    await waitFor(() => expect(byId(container, 'sandbox-pay-sheet')).not.toBeNull());

    await click(container, 'sandbox-pay-cancel');

    expect(byId(container, 'order-pending')?.textContent).toContain('待支付');
    expect(byId(container, 'order-pay-before')?.textContent).toBe('请在 2099-12-01 14:30 前完成支付，超时订单将自动取消，优惠券退回券包');
    expect(byId(container, 'order-status')?.textContent).toBe('待支付');
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '支付未完成，可在支付截止前继续支付', icon: 'none' });
    expect(renewPayment).toHaveBeenCalledTimes(1);

    await click(container, 'order-pay');
    await waitFor(() => expect(byId(container, 'sandbox-pay-sheet')).not.toBeNull());
    await click(container, 'sandbox-pay-confirm');

    await waitFor(() => expect(byId(container, 'pay-success')).not.toBeNull());
    expect(renewPayment).toHaveBeenCalledTimes(2);
  });

  it('does not start paying by itself when opened without pay=1', async () => {
    openWith({ id: 'o-1' });
    const { container } = render(<OrderPage />);

    await waitFor(() => expect(byId(container, 'order-pending')).not.toBeNull());
    expect(payOrder).not.toHaveBeenCalled();
    expect(byId(container, 'order-pay')?.textContent).toBe('继续支付 ¥868.00');
  });

  it('lets the member look again when the payment is not confirmed in time', async () => {
    openWith({ id: 'o-1', pay: '1' });
    jest.mocked(payOrder).mockResolvedValue({ kind: 'unconfirmed', order: onlineOrder() });
    const { container } = render(<OrderPage />);

    await waitFor(() => expect(byId(container, 'pay-unconfirmed')).not.toBeNull());
    jest.mocked(getMyOrder).mockResolvedValue(paidOrder());
    await click(container, 'order-refresh');

    await waitFor(() => expect(byId(container, 'pay-success')).not.toBeNull());
  });

  it('cancels an unpaid order after confirmation; its coupons go back to the wallet', async () => {
    openWith({ id: 'o-1' });
    jest.mocked(cancelMyOrder).mockResolvedValue(onlineOrder({ status: 'cancelled' }));
    const { container } = render(<OrderPage />);
    await waitFor(() => expect(byId(container, 'order-cancel')).not.toBeNull());

    await click(container, 'order-cancel');

    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '取消后，本单使用的优惠券将退回券包。' }));
    expect(cancelMyOrder).toHaveBeenCalledWith('o-1');
    expect(byId(container, 'order-cancelled')?.textContent).toContain('优惠券已退回券包');
    expect(byId(container, 'order-pay')).toBeNull();
  });

  it('shows a closed order as it is when paying is refused', async () => {
    openWith({ id: 'o-1' });
    const { container } = render(<OrderPage />);
    await waitFor(() => expect(byId(container, 'order-pay')).not.toBeNull());
    jest.mocked(renewPayment).mockRejectedValue(new ApiError('ORDER_PAYMENT_CLOSED', '订单已关闭，不能再支付', 409));
    jest.mocked(getMyOrder).mockResolvedValue(onlineOrder({ status: 'cancelled' }));

    await click(container, 'order-pay');

    expect(Taro.showToast).toHaveBeenCalledWith({ title: '订单已关闭，不能再支付', icon: 'none' });
    await waitFor(() => expect(byId(container, 'order-cancelled')).not.toBeNull());
    expect(payOrder).not.toHaveBeenCalled();
  });

  it('offers no payment once the deadline has passed', async () => {
    openWith({ id: 'o-1', pay: '1' });
    jest.mocked(getMyOrder).mockResolvedValue(onlineOrder({ payBefore: new Date(Date.now() - 60_000).toISOString() }));
    const { container } = render(<OrderPage />);

    await waitFor(() => expect(byId(container, 'order-expired')).not.toBeNull());
    expect(byId(container, 'order-pay')).toBeNull();
    expect(byId(container, 'order-cancel')).toBeNull();
  });

  it('shows the API message for an order that is not the member’s', async () => {
    openWith({ id: 'o-x' });
    jest.mocked(getMyOrder).mockRejectedValue(new ApiError('ORDER_NOT_FOUND', '订单不存在', 404));
    const { container } = render(<OrderPage />);

    await waitFor(() => expect(byId(container, 'order-error')?.textContent).toBe('订单不存在'));
  });
});
