import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import type { OrderView } from '@glow/contracts';
import { errorMessage, isApiError } from '../../../../services/http';
import { cancelMyOrder, getMyOrder, renewPayment } from '../../../../services/order.service';
import { payOrder, takeHandedPayment } from '../../../../services/payment.service';
import { awaitingPayment } from '../../../../utils/loyalty';
import { COUPON_PAGES, LOYALTY_PAGES, SHOP_PAGES } from '../../../../utils/navigation';

export type OrderState = { status: 'loading' } | { status: 'ready'; order: OrderView } | { status: 'error'; message: string };

/**
 * `idle`: nothing in progress; `paying`: the payment sheet (WeChat's, or the sandbox's) is up; `confirming`: the member
 * paid and the API is asked until it has recorded it; `unconfirmed`: it had not after ~15 s (WeChat's notification
 * is late), so the member can look again.
 */
export type PayPhase = 'idle' | 'paying' | 'confirming' | 'unconfirmed';

/**
 * One online order (`?id=`): paying it (right after checkout, or 继续支付 later; `&pay=1` starts at once), cancelling
 * it while unpaid, and the result.
 */
export function useOrder() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const payOnArrival = params.pay === '1';
  const [state, setState] = useState<OrderState>({ status: 'loading' });
  const [phase, setPhase] = useState<PayPhase>('idle');
  const [cancelling, setCancelling] = useState(false);
  /** Open while the H5 demo's sandbox sheet asks the member to confirm; resolving it closes the sheet. */
  const [sandboxSheet, setSandboxSheet] = useState(false);
  const answerSheet = useRef<((confirmed: boolean) => void) | null>(null);
  const busy = useRef(false);
  const startedOnArrival = useRef(false);

  const show = (order: OrderView) => setState({ status: 'ready', order });

  const load = useCallback(async () => {
    if (!id) {
      setState({ status: 'error', message: '订单不存在' });
      return;
    }
    try {
      setState({ status: 'ready', order: await getMyOrder(id) });
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, [id]);

  const confirmSandbox = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        answerSheet.current = resolve;
        setSandboxSheet(true);
      }),
    [],
  );

  const pay = useCallback(async () => {
    if (busy.current || !id) return;
    busy.current = true;
    setPhase('paying');
    try {
      // The checkout page hands over the parameters of the order it just placed; otherwise ask for fresh ones.
      const response = takeHandedPayment(id) ?? (await renewPayment(id));
      const outcome = await payOrder(response, { confirmSandbox, onConfirming: () => setPhase('confirming') });
      if (outcome.kind === 'abandoned') {
        setPhase('idle');
        void Taro.showToast({ title: '支付未完成，可在支付截止前继续支付', icon: 'none' });
        return;
      }
      setState({ status: 'ready', order: outcome.order });
      setPhase(outcome.kind === 'unconfirmed' ? 'unconfirmed' : 'idle');
      if (outcome.kind === 'closed') void Taro.showToast({ title: '订单已关闭，不能再支付', icon: 'none' });
    } catch (error) {
      setPhase('idle');
      void Taro.showToast({ title: errorMessage(error), icon: 'none' });
      // E.g. 409 ORDER_PAYMENT_CLOSED: the order was cancelled meanwhile; show it as it is.
      if (isApiError(error) && error.status === 409) void load();
    } finally {
      busy.current = false;
    }
  }, [id, load, confirmSandbox]);

  useEffect(() => {
    void load();
  }, [load]);

  const order = state.status === 'ready' ? state.order : null;

  // Right after checkout (or 继续支付 from the order list) the payment starts by itself, once, while still allowed.
  const payable = order !== null && awaitingPayment(order, new Date());
  useEffect(() => {
    if (!payOnArrival || startedOnArrival.current || !payable) return;
    startedOnArrival.current = true;
    void pay();
  }, [payOnArrival, payable, pay]);

  const answer = (confirmed: boolean) => {
    setSandboxSheet(false);
    answerSheet.current?.(confirmed);
    answerSheet.current = null;
  };

  const cancel = async () => {
    if (!order || cancelling || busy.current) return;
    const { confirm } = await Taro.showModal({
      title: '取消订单',
      content: order.coupons.length > 0 ? '取消后，本单使用的优惠券将退回券包。' : '确定取消这笔订单吗？',
      confirmText: '取消订单',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setCancelling(true);
    try {
      show(await cancelMyOrder(order.id));
      void Taro.showToast({ title: '订单已取消', icon: 'success' });
    } catch (error) {
      // E.g. paid meanwhile: reload so the page shows what is true now.
      void Taro.showToast({ title: errorMessage(error), icon: 'none' });
      void load();
    } finally {
      setCancelling(false);
    }
  };

  return {
    state,
    phase,
    cancelling,
    sandboxSheet,
    confirmSandboxPay: () => answer(true),
    cancelSandboxPay: () => answer(false),
    pay: () => void pay(),
    cancel: () => void cancel(),
    refresh: async () => {
      await load();
      setPhase('idle');
    },
    retry: () => {
      setState({ status: 'loading' });
      void load();
    },
    goOrders: () => Taro.navigateTo({ url: LOYALTY_PAGES.orders }),
    goWallet: () => Taro.navigateTo({ url: COUPON_PAGES.wallet }),
    goShop: () => Taro.redirectTo({ url: SHOP_PAGES.shop }),
  };
}
