/**
 * Business time for appointments is Asia/Shanghai wall-clock time. China has not observed daylight saving time
 * since 1991, so that zone is a fixed UTC+8 for every date we book, and a fixed offset is all we need. That keeps
 * this library free of dayjs and of the host's time-zone database (tests and servers run with `TZ=UTC`).
 * Should stores outside mainland China ever take bookings, this file is the one place to change.
 */
export const BUSINESS_UTC_OFFSET_MIN = 480;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const OFFSET_MS = BUSINESS_UTC_OFFSET_MIN * MINUTE_MS;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const HHMM_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** The business date (`YYYY-MM-DD`, Asia/Shanghai) an instant falls on. */
export function businessDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The wall-clock time ('HH:mm') of an instant in Asia/Shanghai. */
export function businessClock(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a business date. */
export function weekdayOf(date: string): Weekday {
  const day = new Date(utcMidnight(date)).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}

/**
 * The instant at which Shanghai clocks show `hhmm` on `date`. `24:00` is the midnight that ends the day, so a
 * store that closes at midnight can say so without rolling over to the next date.
 */
export function atBusinessTime(date: string, hhmm: string): Date {
  return new Date(utcMidnight(date) - OFFSET_MS + minutesOf(hhmm) * MINUTE_MS);
}

/** Minutes since midnight of an `HH:mm` time (`24:00` is 1440); throws on anything else. */
export function minutesOf(hhmm: string): number {
  if (!isHhmm(hhmm)) throw new RangeError(`Not an HH:mm time: ${hhmm}`);
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Is this a zero-padded `HH:mm` time from `00:00` to `24:00`? */
export function isHhmm(s: string): boolean {
  return HHMM_PATTERN.test(s);
}

/** The business date `n` days after `date` (before it when `n` is negative). */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  return new Date(utcMidnight(date) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Milliseconds of UTC midnight on the calendar date; refuses malformed and impossible dates such as 02-30. */
function utcMidnight(date: string): number {
  const m = DATE_PATTERN.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return ms;
}
