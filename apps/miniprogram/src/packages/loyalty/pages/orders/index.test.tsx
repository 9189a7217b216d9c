import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { OrderView } from '@glow/contracts';
import { ApiError } from '../../../../services/http';
import { cancelMyOrder, listMyOrders } from '../../../../services/order.service';
import OrdersPage from './index';

jest.mock('../../../../services/order.service', () => ({ listMyOrders: jest.fn(), cancelMyOrder: jest.fn() }));

function order(id: string, overrides: Partial<OrderView>): OrderView {
  return {
    id,
    orderNo: `SO${id}`,
    channel: 'store',
    status: 'paid',
    store: { id: 's-1', name: '上海静安嘉里中心店' },
    advisor: null,
    member: { id: 'm-1', memberNo: 'GL8K3M2Q01', name: null, nickname: '小美' },
    receiptNo: null,
    items: [],
    subtotalFen: 39900,
    discountFen: 0,
    totalFen: 39900,
    refundedFen: 0,
    points: { earned: 399, status: 'active', activatesAt: '2026-11-08T16:00:00.000Z' },
    refunds: [],
    coupons: [],
    payBefore: null,
    paidAt: '2026-11-01T06:00:00.000Z',
    createdAt: '2026-11-01T06:00:00.000Z',
    ...overrides,
  };
}

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;
const items = (container: HTMLElement) => [...container.querySelectorAll('.order-item')] as HTMLElement[];
const text = (item: HTMLElement, selector: string) => item.querySelector(selector)?.textContent ?? null;

describe('OrdersPage', () => {
  beforeEach(() => jest.clearAllMocks());

  it('lists store and online orders, latest first, with status, amount and the points they earned', async () => {
    jest.mocked(listMyOrders).mockResolvedValue([
      order('1', { receiptNo: 'A1001' }),
      order('2', {
        channel: 'online',
        store: null,
        totalFen: 125800,
        items: [
          { id: 'i-1', productId: 'p-1', sku: 'SK1', name: '水光精华', category: 'serum', unitPriceFen: 45900, quantity: 2, paidFen: 91800, refundedQuantity: 0 },
          { id: 'i-2', productId: 'p-2', sku: 'SK2', name: '柔光粉底液', category: 'base', unitPriceFen: 34000, quantity: 1, paidFen: 34000, refundedQuantity: 0 },
        ],
        points: { earned: 1258, status: 'pending', activatesAt: '2026-12-07T16:00:00.000Z' },
        paidAt: '2026-12-01T06:00:00.000Z',
        createdAt: '2026-12-01T05:59:00.000Z',
      }),
      order('3', { status: 'partially_refunded', refundedFen: 10000, points: { earned: 300, status: 'active', activatesAt: null }, paidAt: '2026-11-20T06:00:00.000Z' }),
    ]);
    const { container } = render(<OrdersPage />);

    await waitFor(() => expect(items(container)).toHaveLength(3));
    const [online, refunded, store] = items(container);
    expect(items(container).map((item) => item.dataset.orderId)).toEqual(['2', '3', '1']);

    expect(text(online, '.order-channel')).toBe('线上商城');
    expect(text(online, '.order-status')).toBe('已支付');
    expect(text(online, '.order-items')).toBe('水光精华 ×2、柔光粉底液');
    expect(text(online, '.order-total')).toBe('¥1,258.00');
    expect(text(online, '.order-points')).toBe('+1258 积分 · 待生效（2026-12-08 到账）');

    expect(text(refunded, '.order-status')).toBe('部分退款');
    expect(text(refunded, '.order-refunded')).toBe('已退款 ¥100.00');

    expect(text(store, '.order-channel')).toBe('门店消费 · 上海静安嘉里中心店');
    expect(text(store, '.order-items')).toBe('小票 A1001');
    expect(text(store, '.order-total')).toBe('¥399.00');
    expect(text(store, '.order-points')).toBe('+399 积分 · 已到账');
  });

  describe('online orders', () => {
    // An hour from now: still payable.
    const payBefore = new Date(Date.now() + 3_600_000).toISOString();
    const unpaid = order('4', {
      channel: 'online',
      status: 'created',
      store: null,
      subtotalFen: 91800,
      discountFen: 5000,
      totalFen: 86800,
      coupons: [{ id: 'c-1', code: 'K7M2Q9XA3BCD', name: '新客满300减50', kind: 'amount_off', discountFen: 5000 }],
      points: { earned: 0, status: null, activatesAt: null },
      payBefore,
      paidAt: null,
      createdAt: new Date().toISOString(),
    });

    it('shows the coupons used with their discount, and 继续支付 / 取消订单 on an unpaid order', async () => {
      jest.mocked(listMyOrders).mockResolvedValue([
        unpaid,
        order('5', { channel: 'online', store: null, coupons: [{ id: 'c-2', code: 'A', name: '小样赠品券', kind: 'gift', discountFen: 0 }] }),
      ]);
      const { container } = render(<OrdersPage />);

      await waitFor(() => expect(items(container)).toHaveLength(2));
      const [pending, paid] = items(container);
      expect(text(pending, '.order-status')).toBe('待支付');
      expect(text(pending, '.order-coupon')).toBe('新客满300减50 -¥50.00');
      expect(text(pending, '.order-total')).toBe('¥868.00');
      expect(text(pending, '.order-pay-before')).toContain('前支付');
      expect(pending.querySelector('.order-points')).toBeNull();
      expect(text(paid, '.order-coupon')).toBe('小样赠品券');
      expect(paid.querySelector('.order-pay')).toBeNull();

      fireEvent.click(pending.querySelector('.order-pay') as Element);
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/shop/pages/order/index?id=4&pay=1' });
    });

    it('cancels an unpaid order after confirmation and shows the list again', async () => {
      jest.mocked(listMyOrders).mockResolvedValueOnce([unpaid]).mockResolvedValueOnce([{ ...unpaid, status: 'cancelled', payBefore: null }]);
      jest.mocked(cancelMyOrder).mockResolvedValue({ ...unpaid, status: 'cancelled' });
      const { container } = render(<OrdersPage />);
      await waitFor(() => expect(items(container)).toHaveLength(1));

      await act(async () => {
        fireEvent.click(items(container)[0].querySelector('.order-cancel') as Element);
      });

      expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '取消后，本单使用的优惠券将退回券包。' }));
      expect(cancelMyOrder).toHaveBeenCalledWith('4');
      await waitFor(() => expect(text(items(container)[0], '.order-status')).toBe('已取消'));
      expect(items(container)[0].querySelector('.order-pay')).toBeNull();
    });

    it('keeps the order when the member changes their mind', async () => {
      jest.mocked(listMyOrders).mockResolvedValue([unpaid]);
      jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as never);
      const { container } = render(<OrdersPage />);
      await waitFor(() => expect(items(container)).toHaveLength(1));

      await act(async () => {
        fireEvent.click(items(container)[0].querySelector('.order-cancel') as Element);
      });

      expect(cancelMyOrder).not.toHaveBeenCalled();
    });

    it('offers no payment once the deadline has passed', async () => {
      jest.mocked(listMyOrders).mockResolvedValue([{ ...unpaid, payBefore: new Date(Date.now() - 60_000).toISOString() }]);
      const { container } = render(<OrdersPage />);

      await waitFor(() => expect(items(container)).toHaveLength(1));
      expect(items(container)[0].querySelector('.order-pay')).toBeNull();
      expect(items(container)[0].querySelector('.order-cancel')).toBeNull();
    });
  });

  it('explains where orders come from when there are none', async () => {
    jest.mocked(listMyOrders).mockResolvedValue([]);
    const { container } = render(<OrdersPage />);

    await waitFor(() => expect(byId(container, 'orders-empty')?.textContent).toContain('出示会员码'));
  });

  it('shows the API message when the orders cannot be loaded', async () => {
    jest.mocked(listMyOrders).mockRejectedValue(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0));
    const { container } = render(<OrdersPage />);

    await waitFor(() => expect(byId(container, 'orders-error')?.textContent).toBe('网络连接失败，请检查网络后重试'));
  });
});
