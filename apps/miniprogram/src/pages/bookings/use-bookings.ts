import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { BookingView } from '@glow/contracts';
import { listMyBookings } from '../../services/appointment.service';
import { errorMessage } from '../../services/http';
import { isUpcoming } from '../../utils/booking';

export type BookingsTab = 'upcoming' | 'history';
export type BookingsState = { status: 'loading' } | { status: 'ready'; bookings: BookingView[] } | { status: 'error'; message: string };

/** The member's bookings in two tabs: still ahead (soonest first) and history (latest first). */
export function useBookings() {
  const [state, setState] = useState<BookingsState>({ status: 'loading' });
  const [tab, setTab] = useState<BookingsTab>('upcoming');

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', bookings: await listMyBookings() });
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, []);

  // Also runs when coming back from a booking that was cancelled or moved.
  useDidShow(() => {
    void load();
  });

  const now = new Date();
  const all = state.status === 'ready' ? state.bookings : [];
  const byStart = (a: BookingView, b: BookingView) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime();
  const upcoming = all.filter((booking) => isUpcoming(booking, now)).sort(byStart);
  const history = all.filter((booking) => !isUpcoming(booking, now)).sort((a, b) => byStart(b, a));

  return {
    state,
    retry: () => {
      setState({ status: 'loading' });
      void load();
    },
    tab,
    setTab,
    shown: tab === 'upcoming' ? upcoming : history,
    counts: { upcoming: upcoming.length, history: history.length },
    open: (id: string) => Taro.navigateTo({ url: `/pages/booking-detail/index?id=${encodeURIComponent(id)}` }),
    book: () => Taro.navigateTo({ url: '/pages/booking/index' }),
  };
}
