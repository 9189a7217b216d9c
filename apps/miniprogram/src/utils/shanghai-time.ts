/**
 * Stores and bookings live in Asia/Shanghai (UTC+8, no daylight saving), whatever zone the member's phone is set
 * to, so instants from the API are shown and business days are counted at a fixed +8 hours rather than with the
 * device's local time.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall-clock fields in Shanghai of an instant, read from a Date shifted by +8 hours in UTC. */
function shanghai(instant: string | Date): Date | null {
  const time = new Date(instant).getTime();
  return Number.isNaN(time) ? null : new Date(time + OFFSET_MS);
}

/** `YYYY-MM-DD`, the business day in Shanghai of an instant; `''` when unreadable. */
export function businessDate(instant: string | Date): string {
  const d = shanghai(instant);
  return d ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` : '';
}

/** `HH:mm` in Shanghai; `''` when unreadable. */
export function formatClock(instant: string | Date): string {
  const d = shanghai(instant);
  return d ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : '';
}

/** The day `days` after a `YYYY-MM-DD` business day (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const d = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `周一` … `周日` of a `YYYY-MM-DD` business day. */
export function weekdayOf(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
}

/** `M/D` of a `YYYY-MM-DD` business day, as on a date strip. */
export function monthDay(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}/${day}`;
}

export interface BusinessDay {
  /** `YYYY-MM-DD`, what the API takes as `date`. */
  date: string;
  /** `今天`, `明天`, then `周X`. */
  label: string;
  /** `M/D`. */
  monthDay: string;
}

/** Today and the following days in Shanghai, `count` in all, labelled for a date strip. */
export function nextBusinessDays(now: Date, count: number): BusinessDay[] {
  const today = businessDate(now);
  return Array.from({ length: Math.max(0, count) }, (_, i) => {
    const date = addDays(today, i);
    const label = i === 0 ? '今天' : i === 1 ? '明天' : weekdayOf(date);
    return { date, label, monthDay: monthDay(date) };
  });
}

/** `12月1日 周二 14:00` in Shanghai; `''` when unreadable. */
export function formatDateTime(instant: string | Date): string {
  const date = businessDate(instant);
  if (!date) return '';
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日 ${weekdayOf(date)} ${formatClock(instant)}`;
}

/** `2026-12-01 14:00` in Shanghai, for records that may be from another year; `''` when unreadable. */
export function formatStamp(instant: string | Date): string {
  const date = businessDate(instant);
  return date ? `${date} ${formatClock(instant)}` : '';
}

/** `12月1日 周二 14:00–15:00`: a booking's time in Shanghai. */
export function formatTimeRange(startsAt: string, endsAt: string): string {
  const start = formatDateTime(startsAt);
  return start ? `${start}–${formatClock(endsAt)}` : '';
}
