import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { MemberRewardView, PointsSummary } from '@glow/contracts';
import { errorMessage } from '../../../../services/http';
import { getPointsSummary, listRewards } from '../../../../services/loyalty.service';
import { LOYALTY_PAGES, rewardPage } from '../../../../utils/navigation';

export type MallState = { status: 'loading' } | { status: 'ready'; rewards: MemberRewardView[] } | { status: 'error'; message: string };

/** The points mall: every reward with whether the member can redeem it now. */
export function useMall() {
  const [state, setState] = useState<MallState>({ status: 'loading' });
  const [summary, setSummary] = useState<PointsSummary | null>(null);

  const load = useCallback(async () => {
    // The balance on top is a convenience; the rewards already say what the member can redeem.
    void getPointsSummary().then(setSummary, () => setSummary(null));
    try {
      setState({ status: 'ready', rewards: await listRewards() });
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, []);

  // Also runs when coming back from a redemption: stock, limits and the balance have moved.
  useDidShow(() => {
    void load();
  });

  return {
    state,
    balance: summary?.balance ?? null,
    retry: () => {
      setState({ status: 'loading' });
      void load();
    },
    open: (id: string) => Taro.navigateTo({ url: rewardPage(id) }),
    goRedemptions: () => Taro.navigateTo({ url: LOYALTY_PAGES.redemptions }),
    goPoints: () => Taro.navigateTo({ url: LOYALTY_PAGES.points }),
  };
}
