import { addDays, businessDate } from '@glow/domain';

/** The analytics page opens on the last 90 business days, today included. */
export const DEFAULT_RANGE_DAYS = 90;

/** Ranges offered as one click; any other range is picked in the calendar. */
export const QUICK_RANGE_DAYS = [30, 90, 180, 365] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DateRange {
  from: string;
  to: string;
}

/** The `days` business days (Asia/Shanghai) up to and including the day `now` falls on. */
export function lastDays(days: number, now: Date): DateRange {
  const to = businessDate(now);
  return { from: addDays(to, -(days - 1)), to };
}

/** The range in the URL when it is a well-formed one (from ≤ to), else the default. */
export function rangeFrom(from: string | null, to: string | null, now: Date): DateRange {
  if (from && to && DATE.test(from) && DATE.test(to) && from <= to) return { from, to };
  return lastDays(DEFAULT_RANGE_DAYS, now);
}

/** Which quick range `range` is, if it is one ending today. */
export function quickRangeOf(range: DateRange, now: Date): number | null {
  return QUICK_RANGE_DAYS.find((days) => {
    const quick = lastDays(days, now);
    return quick.from === range.from && quick.to === range.to;
  }) ?? null;
}
