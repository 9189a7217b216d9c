import { WEEKDAY_LABELS } from '../../shared/labels';

/*
 * Stores keep Asia/Shanghai time, UTC+8 all year (China has no daylight saving). Bookings arrive as instants and are
 * shown in that time whatever the browser's (or the test machine's) zone, so these helpers shift by eight hours and
 * read UTC fields instead of relying on the local zone. Business days travel as 'YYYY-MM-DD' strings.
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function shifted(instant: string | Date): Date {
  return new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MS);
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The business day ('YYYY-MM-DD') an instant falls on in Shanghai. */
export function businessDate(instant: string | Date): string {
  return shifted(instant).toISOString().slice(0, 10);
}

/** The Shanghai wall-clock time of an instant, 'HH:mm'. */
export function businessTime(instant: string | Date): string {
  const at = shifted(instant);
  return `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
}

/** Minutes since Shanghai midnight of the instant's business day. */
export function businessMinutes(instant: string | Date): number {
  const at = shifted(instant);
  return at.getUTCHours() * 60 + at.getUTCMinutes();
}

/** Today's business day in Shanghai. */
export function businessToday(now: Date = new Date()): string {
  return businessDate(now);
}

function dateToUtc(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

export function addDays(date: string, days: number): string {
  return new Date(dateToUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Weekday 1 (Monday) … 7 (Sunday), as the API numbers them. */
export function isoWeekday(date: string): number {
  const day = new Date(dateToUtc(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week `date` is in (Chinese calendars start the week on Monday). */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The seven business days Monday … Sunday of `date`'s week. */
export function weekDays(date: string): string[] {
  const monday = weekStart(date);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** 'HH:mm' → minutes since midnight ('24:00' is 1440). */
export function hhmmToMinutes(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours * 60 + minutes;
}

export function minutesToHhmm(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** '11月20日 周五'. */
export function formatBusinessDay(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日 ${WEEKDAY_LABELS[isoWeekday(date)]}`;
}

/** '2026-11-20 周五 10:00–11:00', the booking's time as the store reads it. */
export function formatBookingTime(booking: { startsAt: string; endsAt: string }): string {
  const date = businessDate(booking.startsAt);
  return `${date} ${WEEKDAY_LABELS[isoWeekday(date)]} ${businessTime(booking.startsAt)}–${businessTime(booking.endsAt)}`;
}

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A 'YYYY-MM-DD' that names a real day (so 2026-02-30 is refused), e.g. from the URL. */
export function isBusinessDate(value: string | null | undefined): value is string {
  return !!value && DATE_RE.test(value) && addDays(value, 0) === value;
}
