import { businessClock, isHhmm, minutesOf } from '../appointment/business-time';

const HOURS_PATTERN = /^\s*(\d{1,2}:\d{2})\s*[-~～–—至]\s*(\d{1,2}:\d{2})\s*$/;

/**
 * The minutes since midnight of service hours written `HH:mm-HH:mm` (`10:00-22:00`; a single-digit hour, spaces and
 * `~` are tolerated as people type them). `00:00-24:00` is round the clock, and hours may run past midnight
 * (`20:00-02:00`, open later than close). Null when malformed or empty (the same time twice).
 */
export function parseServiceHours(hours: string): { open: number; close: number } | null {
  const m = HOURS_PATTERN.exec(hours);
  if (!m) return null;
  const [from, to] = [m[1].padStart(5, '0'), m[2].padStart(5, '0')];
  if (!isHhmm(from) || !isHhmm(to) || from === '24:00') return null;
  const open = minutesOf(from);
  const close = minutesOf(to);
  if (open === close) return null;
  return { open, close };
}

/**
 * Is `at` within the service hours, read on the clock of `timeZone` (Asia/Shanghai unless a store says otherwise)?
 * Opening is included and closing excluded, so `10:00-22:00` serves at 10:00 and not at 22:00. Malformed hours count
 * as closed: the bot then answers and no member waits for a person who is not scheduled.
 */
export function withinServiceHours(hours: string, at: Date, timeZone = 'Asia/Shanghai'): boolean {
  const parsed = parseServiceHours(hours);
  if (parsed === null) return false;
  const t = minutesOf(clockIn(at, timeZone));
  const { open, close } = parsed;
  return open < close ? t >= open && t < close : t >= open || t < close;
}

/** `HH:mm` of `at` in `timeZone`; Shanghai, a fixed UTC+8, needs no time-zone database. */
function clockIn(at: Date, timeZone: string): string {
  if (timeZone === 'Asia/Shanghai') return businessClock(at);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}
