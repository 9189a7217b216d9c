import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { RedemptionView } from '@glow/contracts';
import { errorMessage } from '../../../../services/http';
import { listMyRedemptions } from '../../../../services/loyalty.service';
import { LOYALTY_PAGES, redemptionPage } from '../../../../utils/navigation';

export type RedemptionsState = { status: 'loading' } | { status: 'ready'; redemptions: RedemptionView[] } | { status: 'error'; message: string };

/** The member's redemptions, latest first. */
export function useRedemptions() {
  const [state, setState] = useState<RedemptionsState>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', redemptions: await listMyRedemptions() });
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, []);

  // Also runs when coming back from a detail: a pickup in store changes the status.
  useDidShow(() => {
    void load();
  });

  return {
    state,
    retry: () => {
      setState({ status: 'loading' });
      void load();
    },
    open: (id: string) => Taro.navigateTo({ url: redemptionPage(id) }),
    goMall: () => Taro.navigateTo({ url: LOYALTY_PAGES.mall }),
  };
}
