import { addDays, atBusinessTime, businessDate, minutesOf, type Weekday, weekdayOf } from './business-time';

/** A store's hours on one day, `HH:mm` Asia/Shanghai; `close` may be `24:00`. */
export interface DayHours {
  open: string;
  close: string;
}

/** Regular opening hours per weekday; `null` or absent means closed that weekday. */
export type OpeningHours = Partial<Record<Weekday, DayHours | null>>;

/** A closure or special hours on one date, overriding the weekday's hours. */
export interface SpecialDay {
  date: string;
  closed: boolean;
  open?: string;
  close?: string;
}

/** One stretch of an advisor's weekly pattern; several on one weekday make a split shift. */
export interface ShiftRule {
  advisorId: string;
  weekday: Weekday;
  start: string;
  end: string;
}

/** A day off (`off`), or replacement hours for one date. */
export interface ShiftException {
  advisorId: string;
  date: string;
  off: boolean;
  start?: string;
  end?: string;
}

/** Time an advisor is taken: existing bookings including their buffer, class sessions, and blocks. */
export interface BusyInterval {
  advisorId: string;
  start: Date;
  end: Date;
}

export interface ServiceRules {
  durationMin: number;
  /** Clean-up time after each appointment; the advisor is busy for it, the member is not. */
  bufferAfterMin: number;
  /** 1 for a private service; more for a group class. */
  seats: number;
  minNoticeMin: number;
  /** How many days after today may be booked; 0 = today only. */
  bookingWindowDays: number;
  /** Minutes between slot starts, counted from opening time; 30 when not given. */
  stepMin?: number;
}

/** An existing group session of a service with `seats` > 1. */
export interface ClassOccupancy {
  advisorId: string;
  start: Date;
  booked: number;
}

export interface SlotQuery {
  /** The business date (`YYYY-MM-DD`, Asia/Shanghai) to list. */
  date: string;
  now: Date;
  hours: OpeningHours;
  specialDays: SpecialDay[];
  shiftRules: ShiftRule[];
  shiftExceptions: ShiftException[];
  /** Advisors with the skill at this store; everyone else is ignored. */
  qualifiedAdvisorIds: string[];
  busy: BusyInterval[];
  classes?: ClassOccupancy[];
  service: ServiceRules;
  /** A tier privilege: this many more days may be booked ahead. */
  extraWindowDays?: number;
}

export interface Slot {
  start: Date;
  /** The end of the appointment itself; the advisor's buffer follows it. */
  end: Date;
  /** The free qualified advisors, sorted; for a class that already runs, only its advisor. */
  advisorIds: string[];
  seatsLeft: number;
}

export interface ResolvedShift {
  advisorId: string;
  start: string;
  end: string;
}

const MINUTE_MS = 60_000;
const DEFAULT_STEP_MIN = 30;

/**
 * Who works when on one date. A shift exception for that advisor and date replaces the weekly pattern: `off`
 * means no work at all (it wins over any replacement hours given for the same date); otherwise the exception's
 * hours are the day's shifts. An exception that is neither off nor has both times gives no shift, because
 * guessing hours could offer appointments nobody is there to serve.
 *
 * Overlapping or touching stretches of one advisor are merged, since an appointment may run from one into the
 * next. Empty stretches (start not before end) are dropped. Sorted by advisor id, then start.
 */
export function resolveShifts(date: string, rules: ShiftRule[], exceptions: ShiftException[]): ResolvedShift[] {
  const weekday = weekdayOf(date);
  const byAdvisor = new Map<string, { start: number; end: number }[]>();
  const add = (advisorId: string, start: string, end: string) => {
    const list = byAdvisor.get(advisorId) ?? [];
    list.push({ start: minutesOf(start), end: minutesOf(end) });
    byAdvisor.set(advisorId, list);
  };

  const todays = exceptions.filter((e) => e.date === date);
  const excepted = new Set(todays.map((e) => e.advisorId));
  const off = new Set(todays.filter((e) => e.off).map((e) => e.advisorId));
  for (const e of todays) if (!off.has(e.advisorId) && e.start !== undefined && e.end !== undefined) add(e.advisorId, e.start, e.end);
  for (const r of rules) if (r.weekday === weekday && !excepted.has(r.advisorId)) add(r.advisorId, r.start, r.end);

  const out: ResolvedShift[] = [];
  for (const advisorId of [...byAdvisor.keys()].sort(compareIds)) {
    for (const { start, end } of mergeIntervals(byAdvisor.get(advisorId) ?? [])) out.push({ advisorId, start: hhmmOf(start), end: hhmmOf(end) });
  }
  return out;
}

/**
 * The bookable slots of one business day, ordered by start.
 *
 * Slots start at opening time and then every `stepMin` minutes. A slot is offered when all of these hold:
 * - the date is neither past nor beyond today + `bookingWindowDays` + `extraWindowDays` (business dates), and the
 *   store is open that day (a special day overrides the weekday; a special day that is not closed but gives no
 *   hours keeps the weekday's hours);
 * - the appointment and its buffer, [start, start + duration + buffer], lie within opening hours, because the
 *   advisor needs the buffer to clean up before leaving and a store does not stay open for it;
 * - it starts at least `minNoticeMin` after `now`;
 * - for a private service (seats = 1), at least one qualified advisor has a shift covering the appointment and its
 *   buffer and no busy interval overlapping [start, start + duration + buffer) — intervals that merely touch it are
 *   fine. `advisorIds` lists all such advisors and `seatsLeft` is 1.
 *
 * Group services (seats > 1): when a class already starts at that time it is the only thing offered there, since a
 * store holds one session of a service per start time: the slot names the class's advisor and has
 * seats − booked left, and is left out when the class is full or its advisor is no longer qualified, on shift or
 * free. The advisor's busy interval that exactly matches the class (same start, duration plus buffer) is the class
 * itself and does not keep members from joining. When no class starts then, a new one may start with any free
 * qualified advisor, with every seat left. A class whose start is not on the slot grid is not offered (its busy
 * interval still blocks its advisor).
 *
 * Shifts are clipped to opening hours; stores that close after midnight of the same date are not supported (a
 * close not after open means closed). Input that cannot be right — a malformed date or time, a non-positive
 * duration or step — throws.
 */
export function freeSlots(q: SlotQuery): Slot[] {
  const { service } = q;
  const step = service.stepMin ?? DEFAULT_STEP_MIN;
  if (!Number.isInteger(step) || step <= 0) throw new RangeError(`stepMin must be a positive whole number: ${step}`);
  if (!Number.isInteger(service.durationMin) || service.durationMin <= 0) throw new RangeError(`durationMin must be a positive whole number: ${service.durationMin}`);
  if (!Number.isInteger(service.bufferAfterMin) || service.bufferAfterMin < 0) throw new RangeError(`bufferAfterMin must be a whole number ≥ 0: ${service.bufferAfterMin}`);
  if (!Number.isInteger(service.seats) || service.seats < 1) throw new RangeError(`seats must be a whole number ≥ 1: ${service.seats}`);

  const today = businessDate(q.now);
  const lastDay = addDays(today, service.bookingWindowDays + (q.extraWindowDays ?? 0));
  if (q.date < today || q.date > lastDay) return [];

  const hours = hoursOn(q.date, q.hours, q.specialDays);
  if (!hours) return [];
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  if (open >= close) return [];

  const qualified = new Set(q.qualifiedAdvisorIds);
  const shifts = new Map<string, { start: number; end: number }[]>();
  for (const s of resolveShifts(q.date, q.shiftRules, q.shiftExceptions)) {
    if (!qualified.has(s.advisorId)) continue;
    const start = Math.max(minutesOf(s.start), open);
    const end = Math.min(minutesOf(s.end), close);
    if (start < end) shifts.set(s.advisorId, [...(shifts.get(s.advisorId) ?? []), { start, end }]);
  }
  const busy = new Map<string, { start: number; end: number }[]>();
  for (const b of q.busy) {
    if (!qualified.has(b.advisorId)) continue;
    busy.set(b.advisorId, [...(busy.get(b.advisorId) ?? []), { start: b.start.getTime(), end: b.end.getTime() }]);
  }
  const classesAt = new Map<number, ClassOccupancy[]>();
  if (service.seats > 1) for (const c of q.classes ?? []) classesAt.set(c.start.getTime(), [...(classesAt.get(c.start.getTime()) ?? []), c]);

  const dayStart = atBusinessTime(q.date, '00:00').getTime();
  const earliest = q.now.getTime() + service.minNoticeMin * MINUTE_MS;
  const needMs = (service.durationMin + service.bufferAfterMin) * MINUTE_MS;
  const advisors = [...qualified].sort(compareIds);

  /** On shift for [from, from + duration + buffer] and not busy in it, ignoring the interval `ignoreStart` starts. */
  const isFree = (advisorId: string, from: number, ignoreStart?: number): boolean => {
    const to = from + needMs;
    const onShift = (shifts.get(advisorId) ?? []).some((s) => dayStart + s.start * MINUTE_MS <= from && to <= dayStart + s.end * MINUTE_MS);
    return onShift && !(busy.get(advisorId) ?? []).some((b) => b.start < to && from < b.end && !(b.start === ignoreStart && b.end === to));
  };

  const slots: Slot[] = [];
  for (let m = open; m + service.durationMin + service.bufferAfterMin <= close; m += step) {
    const from = dayStart + m * MINUTE_MS;
    if (from < earliest) continue;
    const start = new Date(from);
    const end = new Date(from + service.durationMin * MINUTE_MS);
    const running = classesAt.get(from);
    if (running) {
      // Several classes at one start should not exist; if they do, offer those with room, the roomiest count.
      const joinable = running.filter((c) => c.booked < service.seats && qualified.has(c.advisorId) && isFree(c.advisorId, from, from));
      if (joinable.length === 0) continue;
      const advisorIds = [...new Set(joinable.map((c) => c.advisorId))].sort(compareIds);
      slots.push({ start, end, advisorIds, seatsLeft: service.seats - Math.min(...joinable.map((c) => Math.max(0, c.booked))) });
      continue;
    }
    const advisorIds = advisors.filter((a) => isFree(a, from));
    if (advisorIds.length > 0) slots.push({ start, end, advisorIds, seatsLeft: service.seats });
  }
  return slots;
}

function hoursOn(date: string, hours: OpeningHours, specialDays: SpecialDay[]): DayHours | null {
  const special = specialDays.find((d) => d.date === date);
  if (special?.closed) return null;
  if (special?.open !== undefined && special.close !== undefined) return { open: special.open, close: special.close };
  return hours[weekdayOf(date)] ?? null;
}

function mergeIntervals(intervals: { start: number; end: number }[]): { start: number; end: number }[] {
  const merged: { start: number; end: number }[] = [];
  for (const i of intervals.filter((x) => x.start < x.end).sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = merged[merged.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged;
}

function hhmmOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Plain code-unit order, so the output does not depend on the host's locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
