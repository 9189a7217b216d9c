import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { SkinResultSummary } from '@glow/contracts';
import { errorMessage } from '../../services/http';
import { listSkinResults } from '../../services/skin.service';

export type SkinHistoryState = { status: 'loading' } | { status: 'ready'; results: SkinResultSummary[] } | { status: 'error'; message: string };

/** The member's skin test results, newest first. */
export function useSkinHistory() {
  const [state, setState] = useState<SkinHistoryState>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', results: await listSkinResults() });
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, []);

  // Also runs when coming back from a new test.
  useDidShow(() => {
    void load();
  });

  return {
    state,
    retry: () => {
      setState({ status: 'loading' });
      void load();
    },
    open: (id: string) => Taro.navigateTo({ url: `/pages/skin-result/index?id=${id}` }),
    startTest: () => Taro.navigateTo({ url: '/pages/skin-test/index' }),
  };
}
