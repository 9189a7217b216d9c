import { useCallback, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { RedemptionView } from '@glow/contracts';
import { errorMessage } from '../../../../services/http';
import { getRedemption } from '../../../../services/loyalty.service';
import { COUPON_PAGES, LOYALTY_PAGES } from '../../../../utils/navigation';

export type RedemptionState = { status: 'loading' } | { status: 'ready'; redemption: RedemptionView } | { status: 'error'; message: string };

/** One of the member's redemptions (`?id=`), with the pickup code to show in store. */
export function useRedemption() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [state, setState] = useState<RedemptionState>({ status: 'loading' });

  const load = useCallback(async () => {
    if (!id) {
      setState({ status: 'error', message: '兑换记录不存在' });
      return;
    }
    try {
      setState({ status: 'ready', redemption: await getRedemption(id) });
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, [id]);

  // Also runs when the member comes back after the advisor scanned the code, so it shows as picked up.
  useDidShow(() => {
    void load();
  });

  return {
    state,
    retry: () => {
      setState({ status: 'loading' });
      void load();
    },
    goRedemptions: () => Taro.redirectTo({ url: LOYALTY_PAGES.redemptions }),
    goWallet: () => Taro.navigateTo({ url: COUPON_PAGES.wallet }),
  };
}
