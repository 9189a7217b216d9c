import type { BookingView } from '@glow/contracts';

/** How staff name the member of a booking: real name, else WeChat nickname, else the member number. */
export function memberLabel(member: BookingView['member']): string {
  if (!member) return '会员已注销';
  return member.name || member.nickname || member.memberNo;
}

export interface BookingActions {
  checkIn: boolean;
  complete: boolean;
  noShow: boolean;
  cancel: boolean;
}

const NONE: BookingActions = { checkIn: false, complete: false, noShow: false, cancel: false };

/**
 * What staff who may operate bookings can do with one in its current status. A booked visit is checked in,
 * cancelled, or — once its start has passed — marked as a no-show; a checked-in one is completed. The API applies
 * the same rules (and the check-in window); this only hides buttons it would refuse.
 */
export function bookingActions(booking: Pick<BookingView, 'status' | 'startsAt'>, canOperate: boolean, now: Date): BookingActions {
  if (!canOperate) return NONE;
  switch (booking.status) {
    case 'booked':
      return { checkIn: true, complete: false, noShow: new Date(booking.startsAt).getTime() <= now.getTime(), cancel: true };
    case 'checked_in':
      return { ...NONE, complete: true };
    default:
      return NONE;
  }
}

/** Digits typed or pasted into the check-in box ('签到码 123 456' → '123456'), at most six. */
export function normalizeCheckInCode(raw: string): string {
  return raw.replace(/\D/g, '').slice(0, 6);
}

export const CHECK_IN_CODE_PATTERN = /^\d{6}$/;
