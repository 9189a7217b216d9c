import { useCallback, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { OrderView } from '@glow/contracts';
import { errorMessage } from '../../../../services/http';
import { listMyOrders } from '../../../../services/order.service';

export type OrdersState = { status: 'loading' } | { status: 'ready'; orders: OrderView[] } | { status: 'error'; message: string };

/** The member's orders, in store and online, latest first. */
export function useOrders() {
  const [state, setState] = useState<OrdersState>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      const orders = await listMyOrders();
      const at = (order: OrderView) => new Date(order.paidAt ?? order.createdAt).getTime();
      setState({ status: 'ready', orders: [...orders].sort((a, b) => at(b) - at(a)) });
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, []);

  useDidShow(() => {
    void load();
  });

  return {
    state,
    retry: () => {
      setState({ status: 'loading' });
      void load();
    },
  };
}
