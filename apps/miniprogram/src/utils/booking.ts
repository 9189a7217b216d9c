import type { BookableService, BookingStatusValue, BookingView, ServiceKind } from '@glow/contracts';
import { formatFen } from './money';

export const BOOKING_STATUS_LABELS: Record<BookingStatusValue, string> = {
  booked: '待到店',
  checked_in: '已签到',
  completed: '已完成',
  cancelled: '已取消',
  no_show: '未到店',
};

export const SERVICE_KIND_LABELS: Record<ServiceKind, string> = {
  try_on: '试妆',
  makeup: '化妆',
  skin_test: '肤质检测',
  facial: '护理',
  class: '美妆课堂',
};

/** Shared seats (a class) rather than one advisor for one member. */
export function isClass(service: Pick<BookableService, 'kind' | 'seats'>): boolean {
  return service.kind === 'class' || service.seats > 1;
}

/**
 * Still ahead of the member: booked or checked in, and not yet over. A booking whose time has passed without the
 * store marking it (completed or no-show) belongs to history, so the upcoming list never shows stale visits.
 */
export function isUpcoming(booking: Pick<BookingView, 'status' | 'endsAt'>, now: Date): boolean {
  return (booking.status === 'booked' || booking.status === 'checked_in') && new Date(booking.endsAt).getTime() > now.getTime();
}

/** How long after a visit the home page still asks for feedback. */
const FEEDBACK_ASK_DAYS = 14;

/** The latest completed visit the member has not rated yet, within the last two weeks: the home page asks about it. */
export function awaitingFeedback(bookings: BookingView[], now: Date): BookingView | null {
  const since = now.getTime() - FEEDBACK_ASK_DAYS * 86_400_000;
  const candidates = bookings.filter((b) => b.status === 'completed' && !b.feedback && new Date(b.startsAt).getTime() >= since);
  candidates.sort((a, b) => new Date(b.startsAt).getTime() - new Date(a.startsAt).getTime());
  return candidates[0] ?? null;
}

/** The booking the member goes to next: the earliest upcoming one. */
export function nextBooking(bookings: BookingView[], now: Date): BookingView | null {
  const upcoming = bookings.filter((booking) => isUpcoming(booking, now));
  upcoming.sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
  return upcoming[0] ?? null;
}

/** `¥268 · 定金 ¥50`, `免费`. */
export function formatServicePrice(service: Pick<BookableService, 'priceFen' | 'depositFen'>): string {
  const price = service.priceFen > 0 ? formatFen(service.priceFen) : '免费';
  return service.depositFen > 0 ? `${price} · 定金 ${formatFen(service.depositFen)}` : price;
}
