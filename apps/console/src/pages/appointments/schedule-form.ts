import type { AdvisorScheduleView, SaveAdvisorScheduleDto, SaveStoreScheduleDto, StoreScheduleView } from '@glow/contracts';
import { hhmmToMinutes } from './business-time';
import { toHhmm, type TimeRangeValue } from './time-fields';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** Hours offered when a closed weekday is opened, or a shift added on a day the store is closed. */
export const DEFAULT_HOURS: TimeRangeValue = ['10:00', '22:00'];

// --- store hours ---

export interface StoreHoursFormValues {
  days: { weekday: number; open: boolean; hours?: TimeRangeValue | null }[];
  specialDays: { date?: string | null; closed: boolean; hours?: TimeRangeValue | null; note?: string | null }[];
  latitude?: number | null;
  longitude?: number | null;
}

export function toStoreHoursFormValues(view: StoreScheduleView | undefined): StoreHoursFormValues {
  return {
    days: WEEKDAYS.map((weekday) => {
      const hours = view?.hours[String(weekday)];
      return hours ? { weekday, open: true, hours: [toHhmm(hours.open), toHhmm(hours.close)] } : { weekday, open: false, hours: null };
    }),
    specialDays: (view?.specialDays ?? []).map((day) => ({
      date: day.date,
      closed: day.closed,
      hours: !day.closed && day.open && day.close ? [toHhmm(day.open), toHhmm(day.close)] : null,
      note: day.note ?? '',
    })),
    latitude: view?.latitude ?? null,
    longitude: view?.longitude ?? null,
  };
}

/** Open weekdays with their hours (the API treats the others as closed), special days by date, and the location. */
export function toStoreScheduleBody(values: StoreHoursFormValues): SaveStoreScheduleDto {
  const body: SaveStoreScheduleDto = {
    hours: values.days.flatMap((day) => (day.open && day.hours ? [{ weekday: day.weekday, open: day.hours[0], close: day.hours[1] }] : [])),
    specialDays: values.specialDays
      .filter((day): day is typeof day & { date: string } => !!day.date)
      .map((day) => {
        const note = day.note?.trim();
        return {
          date: day.date,
          closed: day.closed,
          ...(!day.closed && day.hours ? { open: day.hours[0], close: day.hours[1] } : {}),
          ...(note ? { note } : {}),
        };
      })
      .sort((a, b) => a.date.localeCompare(b.date)),
  };
  // The API moves the store only when both are given.
  if (values.latitude != null && values.longitude != null) {
    body.latitude = values.latitude;
    body.longitude = values.longitude;
  }
  return body;
}

// --- advisor shifts ---

export interface AdvisorScheduleFormValues {
  week: { weekday: number; ranges: (TimeRangeValue | null | undefined)[] }[];
  exceptions: { date?: string | null; off: boolean; hours?: TimeRangeValue | null }[];
  serviceIds: string[];
}

export function toAdvisorScheduleFormValues(view: AdvisorScheduleView): AdvisorScheduleFormValues {
  return {
    week: WEEKDAYS.map((weekday) => ({
      weekday,
      ranges: view.rules
        .filter((rule) => rule.weekday === weekday)
        .map((rule): TimeRangeValue => [toHhmm(rule.start), toHhmm(rule.end)])
        .sort((a, b) => a[0].localeCompare(b[0])),
    })),
    exceptions: view.exceptions.map((exception) => ({
      date: exception.date,
      off: exception.off,
      hours: !exception.off && exception.start && exception.end ? [toHhmm(exception.start), toHhmm(exception.end)] : null,
    })),
    serviceIds: view.serviceIds,
  };
}

/** The weekly pattern as one rule per time range (by weekday, then start), exceptions by date, and the skills. */
export function toAdvisorScheduleBody(values: AdvisorScheduleFormValues): SaveAdvisorScheduleDto {
  return {
    rules: values.week.flatMap((day) =>
      day.ranges
        .filter((range): range is TimeRangeValue => !!range)
        .map(([start, end]) => ({ weekday: day.weekday, start, end }))
        .sort((a, b) => a.start.localeCompare(b.start)),
    ),
    exceptions: values.exceptions
      .filter((exception): exception is typeof exception & { date: string } => !!exception.date)
      .map((exception) => ({
        date: exception.date,
        off: exception.off,
        ...(!exception.off && exception.hours ? { start: exception.hours[0], end: exception.hours[1] } : {}),
      }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    serviceIds: values.serviceIds,
  };
}

// --- checks the API would also make, said before sending ---

/** Whether any two ranges of one day overlap (touching, 10:00–14:00 and 14:00–18:00, is fine). */
export function rangesOverlap(ranges: (TimeRangeValue | null | undefined)[]): boolean {
  const sorted = ranges
    .filter((range): range is TimeRangeValue => !!range)
    .map(([start, end]) => ({ start: hhmmToMinutes(start), end: hhmmToMinutes(end) }))
    .sort((a, b) => a.start - b.start);
  return sorted.some((range, index) => index > 0 && range.start < sorted[index - 1].end);
}

export function rangeIsEmpty(range: TimeRangeValue | null | undefined): boolean {
  return !!range && hhmmToMinutes(range[0]) >= hhmmToMinutes(range[1]);
}

/** Dates listed more than once (the API keeps one entry per date). */
export function duplicateDates(dates: (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const date of dates) {
    if (!date) continue;
    if (seen.has(date)) twice.add(date);
    seen.add(date);
  }
  return [...twice];
}
