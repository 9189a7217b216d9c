import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { CouponWalletTab, MemberCouponView, WalletCounts } from '@glow/contracts';
import { getWalletCounts, listMyCoupons } from '../../../../services/coupon.service';
import { errorMessage } from '../../../../services/http';
import { COUPON_USE_PAGES, WALLET_TABS } from '../../../../utils/coupon';
import { COUPON_PAGES, couponDetailPage, shopOrderPage } from '../../../../utils/navigation';

export type WalletState = { status: 'loading' } | { status: 'ready'; coupons: MemberCouponView[] } | { status: 'error'; message: string };

function initialTab(param: string | undefined): CouponWalletTab {
  return WALLET_TABS.find(({ tab }) => tab === param)?.tab ?? 'available';
}

/** The member's coupons, one tab at a time (`?tab=used` opens another tab first), with the count of each tab. */
export function useWallet() {
  const { params } = useRouter();
  const [tab, setTabState] = useState<CouponWalletTab>(() => initialTab(params.tab));
  const [state, setState] = useState<WalletState>({ status: 'loading' });
  const [counts, setCounts] = useState<WalletCounts | null>(null);
  /** The tab on screen, so that a slow answer for a tab the member already left is dropped. */
  const shown = useRef(tab);

  const load = useCallback(async (which: CouponWalletTab) => {
    // The counts are a convenience on the tabs; the list says everything on its own.
    void getWalletCounts().then(setCounts, () => setCounts(null));
    try {
      const coupons = await listMyCoupons(which);
      if (shown.current === which) setState({ status: 'ready', coupons });
    } catch (error) {
      if (shown.current === which) setState({ status: 'error', message: errorMessage(error) });
    }
  }, []);

  // Also runs when coming back from the shop or the till: coupons were used, held or released.
  useDidShow(() => {
    void load(shown.current);
  });

  const setTab = (next: CouponWalletTab) => {
    if (next === shown.current) return;
    shown.current = next;
    setTabState(next);
    setState({ status: 'loading' });
    void load(next);
  };

  return {
    tab,
    setTab,
    state,
    counts,
    retry: () => {
      setState({ status: 'loading' });
      void load(shown.current);
    },
    open: (coupon: MemberCouponView) => Taro.navigateTo({ url: couponDetailPage(coupon.id) }),
    use: (coupon: MemberCouponView) => Taro.navigateTo({ url: COUPON_USE_PAGES[coupon.face.useTarget] }),
    /** A held coupon waits for its order's payment: pay (or cancel) that order. */
    payHeld: (coupon: MemberCouponView) => {
      if (coupon.orderId) void Taro.navigateTo({ url: shopOrderPage(coupon.orderId) });
    },
    goClaimCenter: () => Taro.navigateTo({ url: COUPON_PAGES.claimCenter }),
  };
}
