import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import type { BookingView } from '@glow/contracts';
import { cancelBooking, getBooking, sendBookingFeedback } from '../../services/appointment.service';
import { errorMessage } from '../../services/http';
import { chatPage } from '../../utils/navigation';

export type BookingDetailState = { status: 'loading' } | { status: 'ready'; booking: BookingView } | { status: 'error'; message: string };

export const FEEDBACK_MAX_LENGTH = 300;

/** One of the member's bookings (`?id=`): code, cancel, reschedule and, after the visit, feedback. */
export function useBookingDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [state, setState] = useState<BookingDetailState>({ status: 'loading' });
  const [cancelling, setCancelling] = useState(false);
  const [rescheduling, setRescheduling] = useState(false);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [sendingFeedback, setSendingFeedback] = useState(false);
  const [feedbackError, setFeedbackError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!id) {
      setState({ status: 'error', message: '预约不存在' });
      return;
    }
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', booking: await getBooking(id) });
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const booking = state.status === 'ready' ? state.booking : null;
  const show = (next: BookingView) => setState({ status: 'ready', booking: next });

  const cancel = async () => {
    if (!booking || cancelling) return;
    const { confirm } = await Taro.showModal({
      title: '取消预约',
      content: `确定取消 ${booking.service.name} 的预约吗？`,
      confirmText: '取消预约',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setCancelling(true);
    try {
      show(await cancelBooking(booking.id));
      void Taro.showToast({ title: '已取消预约', icon: 'success' });
    } catch (error) {
      // E.g. 409 APPOINTMENT_CUTOFF_PASSED; reload so the buttons match what is still allowed.
      void Taro.showToast({ title: errorMessage(error), icon: 'none' });
      void load();
    } finally {
      setCancelling(false);
    }
  };

  const rescheduled = (next: BookingView) => {
    show(next);
    setRescheduling(false);
    void Taro.showToast({ title: '改约成功', icon: 'success' });
  };

  const submitFeedback = async () => {
    if (!booking || rating < 1 || sendingFeedback) return;
    setSendingFeedback(true);
    setFeedbackError(null);
    const text = comment.trim();
    try {
      show(await sendBookingFeedback(booking.id, { rating, ...(text ? { comment: text } : {}) }));
      void Taro.showToast({ title: '感谢你的评价', icon: 'success' });
    } catch (error) {
      setFeedbackError(errorMessage(error));
    } finally {
      setSendingFeedback(false);
    }
  };

  return {
    state,
    retry: () => void load(),
    cancel,
    cancelling,
    rescheduling,
    openReschedule: () => setRescheduling(true),
    closeReschedule: () => setRescheduling(false),
    rescheduled,
    rating,
    setRating,
    comment,
    setComment: (value: string) => setComment(value.slice(0, FEEDBACK_MAX_LENGTH)),
    submitFeedback,
    sendingFeedback,
    feedbackError,
    goBookings: () => Taro.redirectTo({ url: '/pages/bookings/index' }),
    /** The advisor chat, offering to send this booking as a card. */
    askAdvisor: (id: string) => Taro.navigateTo({ url: chatPage({ bookingId: id }) }),
  };
}
