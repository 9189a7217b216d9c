import { useCallback, useState } from 'react';
import Taro, { useDidShow, useLoad } from '@tarojs/taro';
import type { BookingView, MemberHomeResponse, PointsSummary, WalletCounts } from '@glow/contracts';
import { listMyBookings } from '../../services/appointment.service';
import { getWalletCounts } from '../../services/coupon.service';
import { errorMessage, isApiError } from '../../services/http';
import { rememberJoinSource } from '../../services/launch-context';
import { getPointsSummary } from '../../services/loyalty.service';
import { getMemberHome } from '../../services/member.service';
import { memberSession } from '../../services/member-session';
import { awaitingFeedback, nextBooking } from '../../utils/booking';
import { COUPON_PAGES, LOYALTY_PAGES, SHOP_PAGES } from '../../utils/navigation';

export type HomeState =
  | { status: 'loading' }
  | { status: 'visitor' }
  | { status: 'member'; home: MemberHomeResponse }
  | { status: 'error'; message: string };

/** Signs in on arrival and shows either the member card or the invitation to join. */
export function useHome() {
  const [state, setState] = useState<HomeState>({ status: 'loading' });
  const [upcoming, setUpcoming] = useState<BookingView | null>(null);
  const [toRate, setToRate] = useState<BookingView | null>(null);
  const [summary, setSummary] = useState<PointsSummary | null>(null);
  const [walletCounts, setWalletCounts] = useState<WalletCounts | null>(null);

  // The next booking is a shortcut on top of the member card: without it the home page is still complete,
  // so a failure here only hides the card.
  const loadUpcoming = useCallback(async () => {
    try {
      const bookings = await listMyBookings();
      setUpcoming(nextBooking(bookings, new Date()));
      setToRate(awaitingFeedback(bookings, new Date()));
    } catch {
      setUpcoming(null);
      setToRate(null);
    }
  }, []);

  // The live balance and tier progress; without them the card shows the balance and tier of the member home.
  const loadSummary = useCallback(async () => {
    try {
      setSummary(await getPointsSummary());
    } catch {
      setSummary(null);
    }
  }, []);

  // The number on the 我的券 entry; without it the entry still opens the wallet.
  const loadWalletCounts = useCallback(async () => {
    try {
      setWalletCounts(await getWalletCounts());
    } catch {
      setWalletCounts(null);
    }
  }, []);

  const load = useCallback(async () => {
    try {
      const session = await memberSession.start();
      if (session.kind === 'pre_member') {
        setState({ status: 'visitor' });
        return;
      }
      setState({ status: 'member', home: await getMemberHome() });
      void loadUpcoming();
      void loadSummary();
      void loadWalletCounts();
    } catch (error) {
      if (isApiError(error) && error.code === 'MEMBER_NOT_JOINED') setState({ status: 'visitor' });
      else setState({ status: 'error', message: errorMessage(error) });
    }
  }, [loadUpcoming, loadSummary, loadWalletCounts]);

  // QR codes and shared links may open this page directly with `scene` / `ref` in its query.
  useLoad((params: Record<string, string | undefined>) => rememberJoinSource(params));
  // Also runs when coming back from joining or editing the profile.
  useDidShow(() => {
    void load();
  });

  const retry = () => {
    setState({ status: 'loading' });
    void load();
  };

  const home = state.status === 'member' ? state.home : null;
  const missing = home?.completeness.missing ?? [];
  const hasSkinProfile = home !== null && !missing.some(isSkinProfileField);

  return {
    state,
    retry,
    /** The member has a skin profile, so the skin entry opens the report instead of the test. */
    hasSkinProfile,
    /** Balance, pending points and tier progress from the loyalty module; null until loaded or when it failed. */
    summary,
    goMemberCode: () => Taro.navigateTo({ url: LOYALTY_PAGES.memberCode }),
    goPoints: () => Taro.navigateTo({ url: LOYALTY_PAGES.points }),
    goMall: () => Taro.navigateTo({ url: LOYALTY_PAGES.mall }),
    goRedemptions: () => Taro.navigateTo({ url: LOYALTY_PAGES.redemptions }),
    goOrders: () => Taro.navigateTo({ url: LOYALTY_PAGES.orders }),
    /** The wallet's tab counts (the entry shows 可使用); null until loaded or when it failed. */
    walletCounts,
    goShop: () => Taro.navigateTo({ url: SHOP_PAGES.shop }),
    goClaimCenter: () => Taro.navigateTo({ url: COUPON_PAGES.claimCenter }),
    goWallet: () => Taro.navigateTo({ url: COUPON_PAGES.wallet }),
    /** The member's next upcoming booking, shown with its check-in code. */
    upcoming,
    goBooking: () => Taro.navigateTo({ url: '/pages/booking/index' }),
    goUpcoming: () => {
      if (upcoming) void Taro.navigateTo({ url: `/pages/booking-detail/index?id=${encodeURIComponent(upcoming.id)}` });
    },
    /** A completed visit still waiting for the member's rating. */
    toRate,
    goRate: () => {
      if (toRate) void Taro.navigateTo({ url: `/pages/booking-detail/index?id=${encodeURIComponent(toRate.id)}` });
    },
    goJoin: () => Taro.navigateTo({ url: '/pages/join/index' }),
    goProfile: () => Taro.navigateTo({ url: '/pages/profile/index' }),
    goSkin: () => Taro.navigateTo({ url: hasSkinProfile ? '/pages/skin-result/index' : '/pages/skin-test/index' }),
    /** The nudge speaks about the first missing item, so the tap goes where that item is filled in. */
    goComplete: () => {
      const first = missing[0];
      void Taro.navigateTo({ url: first && isSkinProfileField(first) ? '/pages/skin-test/index' : '/pages/profile/index' });
    },
  };
}

/** The completeness item the skin test fills (the API names it `skinProfile`). */
function isSkinProfileField(item: { field: string }): boolean {
  return /skin/i.test(item.field);
}
