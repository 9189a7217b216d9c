import { addDays, businessDate } from '@glow/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Business days (Asia/Shanghai), YYYY-MM-DD, both ends included. */
export interface DateRange {
  from: string;
  to: string;
}

/** The `days` business days (Asia/Shanghai) up to and including the day `now` falls on. */
export function lastDays(days: number, now: Date): DateRange {
  const to = businessDate(now);
  return { from: addDays(to, -(days - 1)), to };
}

/** The range in the URL when it is a well-formed one (from ≤ to), else the last `defaultDays`. */
export function rangeFrom(from: string | null, to: string | null, now: Date, defaultDays: number): DateRange {
  if (from && to && DATE.test(from) && DATE.test(to) && from <= to) return { from, to };
  return lastDays(defaultDays, now);
}

/** Which of the `quickDays` ranges `range` is, if it is one ending today. */
export function quickRangeOf(range: DateRange, now: Date, quickDays: readonly number[]): number | null {
  return (
    quickDays.find((days) => {
      const quick = lastDays(days, now);
      return quick.from === range.from && quick.to === range.to;
    }) ?? null
  );
}
