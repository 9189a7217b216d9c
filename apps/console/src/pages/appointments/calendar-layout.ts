import type { AdvisorScheduleView, BookingView } from '@glow/contracts';
import { businessDate, businessMinutes, hhmmToMinutes, isoWeekday } from './business-time';

/** The day view shows 09:00–22:00 in 30-minute lines, stretched to the hour when a booking lies outside. */
export const DAY_START_MIN = 9 * 60;
export const DAY_END_MIN = 22 * 60;
export const SLOT_MIN = 30;
/** Pixels per 30-minute line. */
export const SLOT_HEIGHT = 28;
/** A short booking is still tall enough to read its time. */
export const MIN_BLOCK_HEIGHT = 22;

export interface TimeRange {
  /** Minutes since midnight. */
  start: number;
  end: number;
}

export interface CalendarColumn {
  advisorId: string;
  name: string;
  /** When the advisor works that day; empty when off. */
  shifts: TimeRange[];
}

export interface PlacedBooking {
  booking: BookingView;
  /** Pixels from the top of the grid. */
  top: number;
  height: number;
  /** Side-by-side position among overlapping bookings (a class seats several members at once). */
  lane: number;
  lanes: number;
}

/** Minutes of the booking on its business day; one running past midnight ends at 24:00 on the grid. */
function minutesOf(booking: BookingView): TimeRange {
  const start = businessMinutes(booking.startsAt);
  const sameDay = businessDate(booking.endsAt) === businessDate(booking.startsAt);
  const end = sameDay ? businessMinutes(booking.endsAt) : 24 * 60;
  return { start, end: Math.max(end, start + 1) };
}

/** The advisor's working time on `date`: that day's exception when there is one, else the weekly pattern. */
export function shiftsOn(schedule: Pick<AdvisorScheduleView, 'rules' | 'exceptions'>, date: string): TimeRange[] {
  const exception = schedule.exceptions.find((candidate) => candidate.date === date);
  if (exception) {
    if (exception.off || !exception.start || !exception.end) return [];
    return [{ start: hhmmToMinutes(exception.start), end: hhmmToMinutes(exception.end) }];
  }
  const weekday = isoWeekday(date);
  return schedule.rules
    .filter((rule) => rule.weekday === weekday)
    .map((rule) => ({ start: hhmmToMinutes(rule.start), end: hhmmToMinutes(rule.end) }))
    .sort((a, b) => a.start - b.start);
}

/**
 * One column per advisor of the store (in the API's order), plus any advisor who has a booking that day without
 * being listed (moved to another store, or deactivated since), so no booking is left without a column.
 * With `advisorId`, only that advisor's column.
 */
export function dayColumns(schedules: AdvisorScheduleView[], bookings: BookingView[], date: string, advisorId?: string): CalendarColumn[] {
  const columns: CalendarColumn[] = schedules.map((schedule) => ({
    advisorId: schedule.advisorId,
    name: schedule.advisorName,
    shifts: shiftsOn(schedule, date),
  }));
  for (const booking of bookings) {
    if (!columns.some((column) => column.advisorId === booking.advisor.id)) {
      columns.push({ advisorId: booking.advisor.id, name: booking.advisor.name, shifts: [] });
    }
  }
  return advisorId ? columns.filter((column) => column.advisorId === advisorId) : columns;
}

/** The grid's time span: 09:00–22:00, widened to whole hours when a booking starts earlier or ends later. */
export function dayRange(bookings: BookingView[]): TimeRange {
  let start = DAY_START_MIN;
  let end = DAY_END_MIN;
  for (const booking of bookings) {
    const range = minutesOf(booking);
    start = Math.min(start, Math.floor(range.start / 60) * 60);
    end = Math.max(end, Math.ceil(range.end / 60) * 60);
  }
  return { start, end };
}

export function minutesToPixels(minutes: number): number {
  return (minutes / SLOT_MIN) * SLOT_HEIGHT;
}

/** The grid's lines from `range.start` to `range.end`, every 30 minutes; whole hours carry a label. */
export function timeLines(range: TimeRange): { minutes: number; hour: boolean }[] {
  const lines: { minutes: number; hour: boolean }[] = [];
  for (let minutes = range.start; minutes <= range.end; minutes += SLOT_MIN) lines.push({ minutes, hour: minutes % 60 === 0 });
  return lines;
}

/**
 * Positions one advisor's bookings on the grid. Bookings that overlap (the seats of one class, or a cancelled booking
 * and the new one in its slot) share the width in lanes, so none hides another.
 */
export function placeBookings(bookings: BookingView[], range: TimeRange): PlacedBooking[] {
  const sorted = bookings
    .map((booking) => ({ booking, ...minutesOf(booking) }))
    .sort((a, b) => a.start - b.start || b.end - a.end || a.booking.id.localeCompare(b.booking.id));

  const placed: PlacedBooking[] = [];
  let cluster: { item: (typeof sorted)[number]; lane: number }[] = [];
  let clusterEnd = -1;
  const laneEnds: number[] = [];

  const flush = () => {
    const lanes = Math.max(1, ...cluster.map((entry) => entry.lane + 1));
    for (const { item, lane } of cluster) {
      const top = minutesToPixels(item.start - range.start);
      const height = Math.max(minutesToPixels(item.end - item.start), MIN_BLOCK_HEIGHT);
      placed.push({ booking: item.booking, top, height, lane, lanes });
    }
    cluster = [];
    laneEnds.length = 0;
  };

  for (const item of sorted) {
    if (cluster.length > 0 && item.start >= clusterEnd) flush();
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = item.end;
    cluster.push({ item, lane });
    clusterEnd = Math.max(cluster.length === 1 ? item.end : clusterEnd, item.end);
  }
  if (cluster.length > 0) flush();
  return placed;
}

/** Bookings of a day, by start time. */
export function bookingsOn(bookings: BookingView[], date: string): BookingView[] {
  return bookings.filter((booking) => businessDate(booking.startsAt) === date).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
