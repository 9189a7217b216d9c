import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { OrderView } from '@glow/contracts';
import { errorMessage } from '../../../../services/http';
import { cancelMyOrder, listMyOrders } from '../../../../services/order.service';
import { shopOrderPage } from '../../../../utils/navigation';

export type OrdersState = { status: 'loading' } | { status: 'ready'; orders: OrderView[] } | { status: 'error'; message: string };

/** The member's orders, in store and online, latest first; unpaid online orders can be paid or cancelled. */
export function useOrders() {
  const [state, setState] = useState<OrdersState>({ status: 'loading' });
  /** The order being cancelled. */
  const [cancelling, setCancelling] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const orders = await listMyOrders();
      const at = (order: OrderView) => new Date(order.paidAt ?? order.createdAt).getTime();
      setState({ status: 'ready', orders: [...orders].sort((a, b) => at(b) - at(a)) });
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, []);

  // Also runs when coming back from paying an order.
  useDidShow(() => {
    void load();
  });

  const cancel = async (order: OrderView) => {
    if (cancelling) return;
    const { confirm } = await Taro.showModal({
      title: '取消订单',
      content: order.coupons.length > 0 ? '取消后，本单使用的优惠券将退回券包。' : '确定取消这笔订单吗？',
      confirmText: '取消订单',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setCancelling(order.id);
    try {
      await cancelMyOrder(order.id);
      void Taro.showToast({ title: '订单已取消', icon: 'success' });
    } catch (error) {
      // E.g. paid or closed meanwhile; the reload below shows what is true now.
      void Taro.showToast({ title: errorMessage(error), icon: 'none' });
    } finally {
      setCancelling(null);
      void load();
    }
  };

  return {
    state,
    retry: () => {
      setState({ status: 'loading' });
      void load();
    },
    /** Pays on the shop's order page, which starts the payment as soon as it opens. */
    pay: (order: OrderView) => Taro.navigateTo({ url: shopOrderPage(order.id, { pay: true }) }),
    cancel: (order: OrderView) => void cancel(order),
    cancelling,
  };
}
