import { useCallback, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { SubscriptionView } from '@glow/contracts';
import { errorMessage } from '../../services/http';
import { listSubscriptions } from '../../services/subscription.service';

export type SubscriptionsState = { status: 'loading' } | { status: 'ready'; items: SubscriptionView[] } | { status: 'error'; message: string };

/** The messages the member can subscribe to, with the sends their "allow"s have left. */
export function useSubscriptions() {
  const [state, setState] = useState<SubscriptionsState>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', items: await listSubscriptions() });
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, []);

  useDidShow(() => {
    void load();
  });

  /** After a prompt: the credits moved. A failed reload keeps the list on screen rather than an error. */
  const refresh = useCallback(async () => {
    try {
      setState({ status: 'ready', items: await listSubscriptions() });
    } catch {
      // The toast already told the member how the prompt went.
    }
  }, []);

  return {
    state,
    retry: () => {
      setState({ status: 'loading' });
      void load();
    },
    refresh: () => void refresh(),
  };
}
