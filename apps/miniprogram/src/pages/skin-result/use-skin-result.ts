import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import type { RecommendedProduct, SkinResultResponse } from '@glow/contracts';
import { errorMessage } from '../../services/http';
import { getSkinResult, listSkinResults, recordRecommendationClick } from '../../services/skin.service';

export type SkinResultState =
  | { status: 'loading' }
  | { status: 'ready'; result: SkinResultResponse }
  /** Opened without an id by a member who has no result yet. */
  | { status: 'none' }
  | { status: 'error'; message: string };

/** One skin result (`?id=`), or the latest one when opened without an id. */
export function useSkinResult() {
  const { params } = useRouter();
  const id = params.id;
  const [state, setState] = useState<SkinResultState>({ status: 'loading' });
  const [opened, setOpened] = useState<RecommendedProduct | null>(null);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      let resultId = id;
      if (!resultId) {
        const [latest] = await listSkinResults();
        if (!latest) {
          setState({ status: 'none' });
          return;
        }
        resultId = latest.id;
      }
      setState({ status: 'ready', result: await getSkinResult(resultId) });
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const open = (item: RecommendedProduct) => {
    if (state.status !== 'ready') return;
    // Click-through is a statistic: a lost click must not get in the member's way, so failures are dropped.
    recordRecommendationClick(state.result.recommendations.servedId, item.product.id).catch(() => undefined);
    setOpened(item);
  };

  return {
    state,
    retry: () => void load(),
    opened,
    open,
    close: () => setOpened(null),
    retake: () => Taro.redirectTo({ url: '/pages/skin-test/index' }),
    goHistory: () => Taro.navigateTo({ url: '/pages/skin-history/index' }),
  };
}
