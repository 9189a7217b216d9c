import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import type { PointsEntryView, PointsSummary } from '@glow/contracts';
import { errorMessage } from '../../../../services/http';
import { getPointsSummary, listPointsHistory } from '../../../../services/loyalty.service';
import { appendPage } from '../../../../utils/loyalty';
import { LOYALTY_PAGES } from '../../../../utils/navigation';

export const HISTORY_PAGE_SIZE = 20;

export type PointsState =
  | { status: 'loading' }
  | { status: 'ready'; summary: PointsSummary; entries: PointsEntryView[]; page: number; total: number }
  | { status: 'error'; message: string };

/** The member's points: the summary on top, then the ledger, one page at a time. */
export function usePoints() {
  const [state, setState] = useState<PointsState>({ status: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const busy = useRef(false);

  const load = useCallback(async () => {
    try {
      const [summary, history] = await Promise.all([getPointsSummary(), listPointsHistory(1, HISTORY_PAGE_SIZE)]);
      setState({ status: 'ready', summary, entries: history.items, page: 1, total: history.total });
      setMoreError(null);
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, []);

  // Also runs when coming back from the mall, where points may have been spent.
  useDidShow(() => {
    void load();
  });

  const ready = state.status === 'ready' ? state : null;
  // Counted by pages, not by rows shown: entries added meanwhile shift older rows onto later pages (and are dropped
  // there as repeats), so the rows shown can stay below the total with nothing left to fetch.
  const hasMore = ready !== null && ready.page * HISTORY_PAGE_SIZE < ready.total;

  const loadMore = async () => {
    if (!ready || !hasMore || busy.current) return;
    busy.current = true;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const next = await listPointsHistory(ready.page + 1, HISTORY_PAGE_SIZE);
      setState((current) =>
        current.status === 'ready' ? { ...current, entries: appendPage(current.entries, next.items), page: next.page, total: next.total } : current,
      );
    } catch (error) {
      setMoreError(errorMessage(error));
    } finally {
      busy.current = false;
      setLoadingMore(false);
    }
  };

  useReachBottom(() => {
    void loadMore();
  });

  return {
    state,
    retry: () => {
      setState({ status: 'loading' });
      void load();
    },
    hasMore,
    loadingMore,
    moreError,
    loadMore: () => void loadMore(),
    goMall: () => Taro.navigateTo({ url: LOYALTY_PAGES.mall }),
  };
}
