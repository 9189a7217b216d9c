import type { BookingView, CompleteBookingDto } from '@glow/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { appointmentKeys, cancelBookingForMember, checkInBooking, completeBooking, markBookingNoShow } from '../../api/appointment.service';
import { memberLabel } from './booking-rules';
import { businessTime } from './business-time';

/**
 * The staff actions on one booking, shared by the drawer and the list. Each success reports the updated booking
 * through `onUpdated` (so an open drawer shows its new status at once) and refreshes the calendar.
 */
export function useBookingActions(onUpdated: (booking: BookingView) => void) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();

  const settle = async (booking: BookingView, text: string) => {
    message.success(text);
    onUpdated(booking);
    await queryClient.invalidateQueries({ queryKey: appointmentKeys.bookings });
  };
  const report = (error: Error) => message.error(error.message);

  const checkIn = useMutation({
    // The drawer checks in with the booking's own code, at the booking's store.
    mutationFn: (booking: BookingView) => checkInBooking({ code: booking.checkInCode, storeId: booking.store.id }),
    onSuccess: (booking) => settle(booking, `${memberLabel(booking.member)} 已签到`),
    onError: report,
  });
  const complete = useMutation({
    mutationFn: ({ booking, body }: { booking: BookingView; body: CompleteBookingDto }) => completeBooking(booking.id, body),
    onSuccess: (booking) => settle(booking, `${memberLabel(booking.member)} 的服务已完成`),
    // The form shows the error itself, next to what was typed.
  });
  const noShow = useMutation({
    mutationFn: (booking: BookingView) => markBookingNoShow(booking.id),
    onSuccess: (booking) => settle(booking, `已标记 ${memberLabel(booking.member)} 未到店`),
    onError: report,
  });
  const cancel = useMutation({
    mutationFn: (booking: BookingView) => cancelBookingForMember(booking.id),
    onSuccess: (booking) => settle(booking, `已取消 ${memberLabel(booking.member)} 的预约`),
    onError: report,
  });

  const describe = (booking: BookingView) => `${memberLabel(booking.member)} · ${booking.service.name} · ${businessTime(booking.startsAt)}`;

  const confirmNoShow = (booking: BookingView) =>
    modal.confirm({
      title: '标记为未到店？',
      content: `${describe(booking)}。多次未到店的会员会被暂停预约。`,
      okText: '标记未到店',
      okButtonProps: { danger: true },
      cancelText: '返回',
      // A failure is reported by the mutation's own message; the dialog closes either way.
      onOk: () => noShow.mutateAsync(booking).catch(() => undefined),
    });

  const confirmCancel = (booking: BookingView) =>
    modal.confirm({
      title: '替会员取消预约？',
      content: `${describe(booking)}。取消后该时段将重新开放预约。`,
      okText: '取消预约',
      okButtonProps: { danger: true },
      cancelText: '返回',
      onOk: () => cancel.mutateAsync(booking).catch(() => undefined),
    });

  /** The booking an action is running for, to show a spinner on the right button. */
  const pendingId = [checkIn, noShow, cancel].find((mutation) => mutation.isPending)?.variables?.id ?? null;

  return { checkIn, complete, noShow, cancel, confirmNoShow, confirmCancel, pendingId };
}

export type BookingActionsApi = ReturnType<typeof useBookingActions>;
