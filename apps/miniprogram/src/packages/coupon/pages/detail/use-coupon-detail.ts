import { useCallback, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { MemberCouponView } from '@glow/contracts';
import { getMyCoupon } from '../../../../services/coupon.service';
import { errorMessage } from '../../../../services/http';
import { COUPON_USE_PAGES } from '../../../../utils/coupon';
import { COUPON_PAGES, shopOrderPage } from '../../../../utils/navigation';

export type CouponDetailState = { status: 'loading' } | { status: 'ready'; coupon: MemberCouponView } | { status: 'error'; message: string };

/** One of the member's coupons (`?id=`): its rules, and its code for the till while it can be used. */
export function useCouponDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [state, setState] = useState<CouponDetailState>({ status: 'loading' });

  const load = useCallback(async () => {
    if (!id) {
      setState({ status: 'error', message: '优惠券不存在或已失效' });
      return;
    }
    try {
      setState({ status: 'ready', coupon: await getMyCoupon(id) });
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, [id]);

  // Also runs when the member comes back after the advisor redeemed the code, so it shows as used.
  useDidShow(() => {
    void load();
  });

  const coupon = state.status === 'ready' ? state.coupon : null;

  return {
    state,
    retry: () => {
      setState({ status: 'loading' });
      void load();
    },
    use: () => {
      if (coupon) void Taro.navigateTo({ url: COUPON_USE_PAGES[coupon.face.useTarget] });
    },
    pay: () => {
      if (coupon?.orderId) void Taro.navigateTo({ url: shopOrderPage(coupon.orderId) });
    },
    goWallet: () => Taro.redirectTo({ url: COUPON_PAGES.wallet }),
  };
}
