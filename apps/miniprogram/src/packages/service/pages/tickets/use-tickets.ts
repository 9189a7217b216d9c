import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { MemberTicketView } from '@glow/contracts';
import { errorMessage } from '../../../../services/http';
import { listMyTickets } from '../../../../services/service.service';
import { SERVICE_PAGES, ticketPage } from '../../../../utils/navigation';

export type TicketsState = { status: 'loading' } | { status: 'ready'; tickets: MemberTicketView[] } | { status: 'error'; message: string };

/** The member's tickets (after-sales cases an advisor opened for them), newest first as the API lists them. */
export function useTickets() {
  const [state, setState] = useState<TicketsState>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', tickets: await listMyTickets() });
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, []);

  // Also on coming back from a ticket, whose status may have changed with a reply.
  useDidShow(() => {
    void load();
  });

  return {
    state,
    retry: () => {
      setState({ status: 'loading' });
      void load();
    },
    open: (id: string) => Taro.navigateTo({ url: ticketPage(id) }),
    goChat: () => Taro.navigateTo({ url: SERVICE_PAGES.chat }),
  };
}
