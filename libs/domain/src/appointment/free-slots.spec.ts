import { addDays, atBusinessTime, businessDate, minutesOf, type Weekday, weekdayOf } from './business-time';
import { type BusyInterval, type ClassOccupancy, freeSlots, type OpeningHours, resolveShifts, type ShiftException, type ShiftRule, type Slot, type SlotQuery, type SpecialDay } from './free-slots';

/** Wednesday; "today" in the fixture is Monday 2025-03-10, 08:00 in Shanghai. */
const DATE = '2025-03-12';
const NOW = new Date('2025-03-10T00:00:00Z');
const WORKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6];
const MINUTE = 60_000;

const at = (hhmm: string, date = DATE): Date => atBusinessTime(date, hhmm);
const hhmmOf = (d: Date): string => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
const weekly = (advisorId: string, start: string, end: string, days: Weekday[] = WORKDAYS): ShiftRule[] => days.map((weekday) => ({ advisorId, weekday, start, end }));
const busy = (advisorId: string, start: string, end: string, date = DATE): BusyInterval => ({ advisorId, start: at(start, date), end: at(end, date) });

/** Store 10:00–20:00 Monday to Saturday, closed on Sunday; a1 works 10–18, a2 12–20; a 60-minute service with a 15-minute buffer. */
function baseQuery(): SlotQuery {
  return {
    date: DATE,
    now: NOW,
    hours: { 1: { open: '10:00', close: '20:00' }, 2: { open: '10:00', close: '20:00' }, 3: { open: '10:00', close: '20:00' }, 4: { open: '10:00', close: '20:00' }, 5: { open: '10:00', close: '20:00' }, 6: { open: '10:00', close: '20:00' }, 7: null },
    specialDays: [],
    shiftRules: [...weekly('a1', '10:00', '18:00'), ...weekly('a2', '12:00', '20:00')],
    shiftExceptions: [],
    qualifiedAdvisorIds: ['a1', 'a2'],
    busy: [],
    service: { durationMin: 60, bufferAfterMin: 15, seats: 1, minNoticeMin: 120, bookingWindowDays: 14 },
  };
}

/** One line per slot: `HH:mm advisors`, plus `×seats` when that is not 1. */
function show(slots: Slot[]): string[] {
  return slots.map((s) => `${hhmmOf(s.start)} ${s.advisorIds.join(',')}${s.seatsLeft === 1 ? '' : ` ×${s.seatsLeft}`}`);
}

/** The expected lines for starts from `first` to `last` every `step` minutes. */
function every(first: string, last: string, advisors: string, opts: { step?: number; seats?: number } = {}): string[] {
  const out: string[] = [];
  const step = opts.step ?? 30;
  for (let m = minutesOf(first); m <= minutesOf(last); m += step) {
    const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    out.push(`${hhmm} ${advisors}${opts.seats === undefined || opts.seats === 1 ? '' : ` ×${opts.seats}`}`);
  }
  return out;
}

const NORMAL_DAY = [...every('10:00', '11:30', 'a1'), ...every('12:00', '16:30', 'a1,a2'), ...every('17:00', '18:30', 'a2')];
const group = (seats: number) => (q: SlotQuery) => ({ ...q, service: { ...q.service, seats } });
const service = (change: Partial<SlotQuery['service']>) => (q: SlotQuery) => ({ ...q, service: { ...q.service, ...change } });
const only = (...ids: string[]) => (q: SlotQuery) => ({ ...q, qualifiedAdvisorIds: ids });
const special = (...days: SpecialDay[]) => (q: SlotQuery) => ({ ...q, specialDays: days });
const exceptions = (...list: ShiftException[]) => (q: SlotQuery) => ({ ...q, shiftExceptions: list });
const classes = (...list: ClassOccupancy[]) => (q: SlotQuery) => ({ ...q, classes: list });
const withBusy = (...list: BusyInterval[]) => (q: SlotQuery) => ({ ...q, busy: list });
const compose =
  (...changes: ((q: SlotQuery) => SlotQuery)[]) =>
  (q: SlotQuery) =>
    changes.reduce((acc, change) => change(acc), q);

const cases: [string, (q: SlotQuery) => SlotQuery, string[]][] = [
  ['a normal day: each advisor within their shift, buffer included', (q) => q, NORMAL_DAY],
  ['a weekday the store is closed (null)', (q) => ({ ...q, date: '2025-03-16' }), []],
  ['a weekday missing from the opening hours', (q) => ({ ...q, hours: { ...q.hours, 3: undefined } }), []],
  ['a special day the store is closed', special({ date: DATE, closed: true }), []],
  ['a special day with short hours', special({ date: DATE, closed: false, open: '12:00', close: '15:00' }), every('12:00', '13:30', 'a1,a2')],
  ['a special day opening on a Sunday', compose((q) => ({ ...q, date: '2025-03-16', shiftRules: weekly('a1', '10:00', '18:00', [7]) }), special({ date: '2025-03-16', closed: false, open: '11:00', close: '14:00' })), every('11:00', '12:30', 'a1')],
  ['a special day without hours keeps the weekday hours', special({ date: DATE, closed: false }), NORMAL_DAY],
  ['a special day on another date', special({ date: '2025-03-13', closed: true }), NORMAL_DAY],
  ['a store open off the hour steps from its opening', compose(special({ date: DATE, closed: false, open: '10:15', close: '13:00' }), only('a1')), every('10:15', '11:45', 'a1')],
  ['a store closing at midnight', (q) => ({ ...q, hours: { 3: { open: '10:00', close: '24:00' } }, shiftRules: weekly('a2', '20:00', '24:00', [3]) }), every('20:00', '22:30', 'a2')],
  ['a store closing at midnight, no buffer: the last appointment ends at midnight', (q) => ({ ...q, hours: { 3: { open: '10:00', close: '24:00' } }, shiftRules: weekly('a2', '20:00', '24:00', [3]), service: { ...q.service, bufferAfterMin: 0 } }), every('20:00', '23:00', 'a2')],
  ['a shift from before opening to after closing is clipped', (q) => ({ ...q, shiftRules: weekly('a1', '08:00', '22:00') }), every('10:00', '18:30', 'a1')],
  ['an advisor with no shift that weekday', (q) => ({ ...q, shiftRules: [...weekly('a1', '10:00', '18:00', [1, 2]), ...weekly('a2', '12:00', '20:00')] }), every('12:00', '18:30', 'a2')],
  ['a split shift', (q) => ({ ...q, shiftRules: [...weekly('a1', '10:00', '12:00', [3]), ...weekly('a1', '15:00', '18:00', [3])] }), [...every('10:00', '10:30', 'a1'), ...every('15:00', '16:30', 'a1')]],
  ['touching shifts are one stretch', (q) => ({ ...q, shiftRules: [...weekly('a1', '13:00', '15:00', [3]), ...weekly('a1', '10:00', '13:00', [3])] }), every('10:00', '13:30', 'a1')],
  ['a day off', exceptions({ advisorId: 'a1', date: DATE, off: true }), every('12:00', '18:30', 'a2')],
  ['a day off on another date', exceptions({ advisorId: 'a1', date: '2025-03-13', off: true }), NORMAL_DAY],
  ['replacement hours for the date', exceptions({ advisorId: 'a1', date: DATE, off: false, start: '14:00', end: '20:00' }), [...every('12:00', '13:30', 'a2'), ...every('14:00', '18:30', 'a1,a2')]],
  [
    'a booking overlapping the appointment or its buffer',
    withBusy(busy('a1', '13:00', '14:15')),
    [...every('10:00', '11:30', 'a1'), ...every('12:00', '14:00', 'a2'), ...every('14:30', '16:30', 'a1,a2'), ...every('17:00', '18:30', 'a2')],
  ],
  ['a booking that only touches the slot and its buffer', compose(only('a1'), withBusy(busy('a1', '11:15', '12:00'))), ['10:00 a1', ...every('12:00', '16:30', 'a1')]],
  ['a booking running over from the night before', compose(only('a1'), withBusy({ advisorId: 'a1', start: at('22:00', '2025-03-11'), end: at('11:00') })), every('11:00', '16:30', 'a1')],
  ['two advisors, one busy all day', withBusy(busy('a1', '10:00', '18:00')), every('12:00', '18:30', 'a2')],
  ['a busy advisor of another store or skill is ignored', withBusy(busy('x9', '10:00', '20:00')), NORMAL_DAY],
  ['an unqualified advisor with a shift is ignored', (q) => ({ ...q, shiftRules: [...q.shiftRules, ...weekly('x9', '08:00', '22:00')] }), NORMAL_DAY],
  ['only the qualified advisor is offered', only('a2'), every('12:00', '18:30', 'a2')],
  ['a qualified advisor listed twice appears once', only('a1', 'a1'), every('10:00', '16:30', 'a1')],
  ['no qualified advisor', only(), []],
  ['the buffer must fit before closing', compose(only('a2'), service({ bufferAfterMin: 45 })), every('12:00', '18:00', 'a2')],
  ['no buffer lets the last appointment end at closing', compose(only('a2'), service({ bufferAfterMin: 0 })), every('12:00', '19:00', 'a2')],
  ['the buffer must fit in the shift', compose(only('a1'), service({ bufferAfterMin: 45 })), every('10:00', '16:00', 'a1')],
  ['a service longer than the day', service({ durationMin: 600, bufferAfterMin: 15 }), []],
  ['steps of 15 minutes', compose(only('a1'), service({ stepMin: 15 })), every('10:00', '16:45', 'a1', { step: 15 })],
  ['steps of 60 minutes', compose(only('a1'), service({ stepMin: 60 })), every('10:00', '16:00', 'a1', { step: 60 })],
  ['today, with two hours notice from 12:10', (q) => ({ ...q, date: '2025-03-10', now: at('12:10', '2025-03-10') }), [...every('14:30', '16:30', 'a1,a2'), ...every('17:00', '18:30', 'a2')]],
  ['today, exactly two hours before a start', (q) => ({ ...q, date: '2025-03-10', now: at('12:00', '2025-03-10') }), [...every('14:00', '16:30', 'a1,a2'), ...every('17:00', '18:30', 'a2')]],
  ['today, after the last start', (q) => ({ ...q, date: '2025-03-10', now: at('17:00', '2025-03-10') }), []],
  ['a notice of a day reaches into tomorrow', (q) => ({ ...q, date: '2025-03-11', now: at('15:00', '2025-03-10'), service: { ...q.service, minNoticeMin: 1440 } }), [...every('15:00', '16:30', 'a1,a2'), ...every('17:00', '18:30', 'a2')]],
  ['the last day of the window', (q) => ({ ...q, date: '2025-03-24' }), NORMAL_DAY],
  ['the day after the window', (q) => ({ ...q, date: '2025-03-25' }), []],
  ['the window counts Shanghai dates (00:30 on the 11th is already the 11th)', (q) => ({ ...q, date: '2025-03-25', now: new Date('2025-03-10T16:30:00Z') }), NORMAL_DAY],
  ['a window of 0 days allows today only', (q) => ({ ...q, service: { ...q.service, bookingWindowDays: 0 } }), []],
  ['one extra window day', (q) => ({ ...q, date: '2025-03-25', extraWindowDays: 1 }), NORMAL_DAY],
  ['two extra window days, three days ahead', (q) => ({ ...q, date: '2025-03-27', extraWindowDays: 2 }), []],
  ['a past date', (q) => ({ ...q, date: '2025-03-08' }), []],
  ['a new class can start with any free advisor', group(6), NORMAL_DAY.map((line) => `${line} ×6`)],
  [
    'a class partly booked: only its advisor, seats left; the advisor is taken around it',
    compose(group(6), classes({ advisorId: 'a1', start: at('14:00'), booked: 4 }), withBusy(busy('a1', '14:00', '15:15'))),
    [
      ...every('10:00', '11:30', 'a1', { seats: 6 }),
      ...every('12:00', '12:30', 'a1,a2', { seats: 6 }),
      ...every('13:00', '13:30', 'a2', { seats: 6 }),
      '14:00 a1 ×2',
      ...every('14:30', '15:00', 'a2', { seats: 6 }),
      ...every('15:30', '16:30', 'a1,a2', { seats: 6 }),
      ...every('17:00', '18:30', 'a2', { seats: 6 }),
    ],
  ],
  [
    'a full class is left out, and no second class starts beside it',
    compose(group(6), classes({ advisorId: 'a1', start: at('14:00'), booked: 6 }), withBusy(busy('a1', '14:00', '15:15'))),
    [
      ...every('10:00', '11:30', 'a1', { seats: 6 }),
      ...every('12:00', '12:30', 'a1,a2', { seats: 6 }),
      ...every('13:00', '13:30', 'a2', { seats: 6 }),
      ...every('14:30', '15:00', 'a2', { seats: 6 }),
      ...every('15:30', '16:30', 'a1,a2', { seats: 6 }),
      ...every('17:00', '18:30', 'a2', { seats: 6 }),
    ],
  ],
  [
    'a class whose advisor has another block over it is left out',
    compose(group(6), only('a1'), classes({ advisorId: 'a1', start: at('14:00'), booked: 1 }), withBusy(busy('a1', '14:00', '15:15'), busy('a1', '14:30', '16:00'))),
    [...every('10:00', '12:30', 'a1', { seats: 6 }), ...every('16:00', '16:30', 'a1', { seats: 6 })],
  ],
  [
    'a block starting with the class but longer than it is not the class',
    compose(group(6), only('a1'), classes({ advisorId: 'a1', start: at('14:00'), booked: 1 }), withBusy(busy('a1', '14:00', '16:00'))),
    [...every('10:00', '12:30', 'a1', { seats: 6 }), ...every('16:00', '16:30', 'a1', { seats: 6 })],
  ],
  ['a class whose advisor is no longer qualified is left out', compose(group(4), only('a2'), classes({ advisorId: 'a1', start: at('14:00'), booked: 1 })), [...every('12:00', '13:30', 'a2', { seats: 4 }), ...every('14:30', '18:30', 'a2', { seats: 4 })]],
  ['classes are ignored for a private service', compose(only('a1'), classes({ advisorId: 'a1', start: at('14:00'), booked: 1 })), every('10:00', '16:30', 'a1')],
];

describe(freeSlots.name, () => {
  it.each(cases)('%s', (_, change, expected) => {
    const query = change(baseQuery());
    const sut = freeSlots(query);
    expect(show(sut)).toEqual(expected);
    checkInvariants(query, sut);
  });

  it('has at least twenty edge cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it('ends each slot after the duration, leaving the buffer to the advisor', () => {
    const sut = freeSlots(only('a2')(baseQuery()));
    expect(sut[sut.length - 1]).toEqual({ start: at('18:30'), end: at('19:30'), advisorIds: ['a2'], seatsLeft: 1 });
  });

  it("ends a midnight store's last slot on the next date at 00:00", () => {
    const sut = freeSlots({ ...baseQuery(), hours: { 3: { open: '22:00', close: '24:00' } }, shiftRules: weekly('a1', '22:00', '24:00', [3]), service: { ...baseQuery().service, bufferAfterMin: 0 } });
    expect(sut.map((s) => [s.start.toISOString(), s.end.toISOString()])).toEqual([
      ['2025-03-12T14:00:00.000Z', '2025-03-12T15:00:00.000Z'],
      ['2025-03-12T14:30:00.000Z', '2025-03-12T15:30:00.000Z'],
      ['2025-03-12T15:00:00.000Z', '2025-03-12T16:00:00.000Z'],
    ]);
  });

  it('lists advisors sorted whatever order they come in', () => {
    const sut = freeSlots({ ...baseQuery(), qualifiedAdvisorIds: ['a2', 'a1'], shiftRules: [...weekly('a2', '12:00', '20:00'), ...weekly('a1', '10:00', '18:00')] });
    expect(show(sut)).toEqual(NORMAL_DAY);
  });

  it('is the same whatever order the inputs come in', () => {
    const q = compose(withBusy(busy('a1', '13:00', '14:15'), busy('a2', '16:00', '17:00')), exceptions({ advisorId: 'a2', date: DATE, off: false, start: '11:00', end: '19:00' }))(baseQuery());
    const reversed = { ...q, busy: [...q.busy].reverse(), shiftRules: [...q.shiftRules].reverse(), qualifiedAdvisorIds: [...q.qualifiedAdvisorIds].reverse() };
    expect(freeSlots(reversed)).toEqual(freeSlots(q));
  });

  it.each([
    ['a zero step', { stepMin: 0 }],
    ['a fractional step', { stepMin: 7.5 }],
    ['a zero duration', { durationMin: 0 }],
    ['a negative buffer', { bufferAfterMin: -5 }],
    ['no seats', { seats: 0 }],
  ])('throws on %s', (_, change) => {
    expect(() => freeSlots(service(change)(baseQuery()))).toThrow(RangeError);
  });

  it('throws on malformed opening hours rather than guessing', () => {
    expect(() => freeSlots({ ...baseQuery(), hours: { 3: { open: '9:00', close: '20:00' } } })).toThrow(RangeError);
  });

  it('treats a close not after the open as closed', () => {
    expect(freeSlots({ ...baseQuery(), hours: { 3: { open: '20:00', close: '02:00' } } })).toEqual([]);
  });

  describe('on random inputs', () => {
    const queries = Array.from({ length: 400 }, (_, i) => randomQuery(prng(i + 1)));

    it('keeps every slot inside the hours, its advisors on shift and free, after the notice, sorted and unique', () => {
      let offered = 0;
      let joined = 0;
      for (const query of queries) {
        const sut = freeSlots(query);
        checkInvariants(query, sut);
        offered += sut.length;
        joined += sut.filter((s) => s.seatsLeft < query.service.seats).length;
      }
      // The generator must produce days with slots and classes to join, or the invariants would hold vacuously.
      expect(offered).toBeGreaterThan(2000);
      expect(joined).toBeGreaterThan(10);
    });

    it('leaves out no private slot that a brute-force check finds', () => {
      let compared = 0;
      for (const query of queries.filter((q) => q.service.seats === 1)) {
        expect(show(freeSlots(query))).toEqual(show(bruteForce(query)));
        compared++;
      }
      expect(compared).toBeGreaterThan(100);
    });
  });
});

describe(resolveShifts.name, () => {
  const rules: ShiftRule[] = [
    { advisorId: 'b', weekday: 3, start: '12:00', end: '20:00' },
    { advisorId: 'a', weekday: 3, start: '15:00', end: '18:00' },
    { advisorId: 'a', weekday: 3, start: '10:00', end: '12:00' },
    { advisorId: 'a', weekday: 4, start: '09:00', end: '21:00' },
    { advisorId: 'c', weekday: 3, start: '09:00', end: '13:00' },
    { advisorId: 'c', weekday: 3, start: '12:00', end: '14:00' },
  ];

  it.each<[string, ShiftException[], string[]]>([
    ['the weekly pattern for the weekday, split shifts kept apart, overlaps merged', [], ['a 10:00-12:00', 'a 15:00-18:00', 'b 12:00-20:00', 'c 09:00-14:00']],
    ['a day off removes every stretch', [{ advisorId: 'a', date: DATE, off: true }], ['b 12:00-20:00', 'c 09:00-14:00']],
    ['replacement hours replace the whole pattern', [{ advisorId: 'a', date: DATE, off: false, start: '13:00', end: '16:00' }], ['a 13:00-16:00', 'b 12:00-20:00', 'c 09:00-14:00']],
    [
      'split replacement hours',
      [
        { advisorId: 'b', date: DATE, off: false, start: '16:00', end: '19:00' },
        { advisorId: 'b', date: DATE, off: false, start: '10:00', end: '12:00' },
      ],
      ['a 10:00-12:00', 'a 15:00-18:00', 'b 10:00-12:00', 'b 16:00-19:00', 'c 09:00-14:00'],
    ],
    [
      'a day off wins over replacement hours for the same date',
      [
        { advisorId: 'b', date: DATE, off: false, start: '10:00', end: '12:00' },
        { advisorId: 'b', date: DATE, off: true },
      ],
      ['a 10:00-12:00', 'a 15:00-18:00', 'c 09:00-14:00'],
    ],
    ['an exception on another date changes nothing', [{ advisorId: 'a', date: '2025-03-13', off: true }], ['a 10:00-12:00', 'a 15:00-18:00', 'b 12:00-20:00', 'c 09:00-14:00']],
    ['an exception that is not off and has no hours gives no shift', [{ advisorId: 'c', date: DATE, off: false }], ['a 10:00-12:00', 'a 15:00-18:00', 'b 12:00-20:00']],
    ['an exception for someone without a weekly pattern', [{ advisorId: 'd', date: DATE, off: false, start: '18:00', end: '24:00' }], ['a 10:00-12:00', 'a 15:00-18:00', 'b 12:00-20:00', 'c 09:00-14:00', 'd 18:00-24:00']],
    ['empty replacement hours give no shift', [{ advisorId: 'a', date: DATE, off: false, start: '12:00', end: '12:00' }], ['b 12:00-20:00', 'c 09:00-14:00']],
  ])('%s', (_, exceptionList, expected) => {
    const sut = resolveShifts(DATE, rules, exceptionList);
    expect(sut.map((s) => `${s.advisorId} ${s.start}-${s.end}`)).toEqual(expected);
  });

  it('uses the pattern of the date’s own weekday', () => {
    expect(resolveShifts('2025-03-13', rules, [])).toEqual([{ advisorId: 'a', start: '09:00', end: '21:00' }]);
    expect(resolveShifts('2025-03-16', rules, [])).toEqual([]);
  });
});

/** The hours that apply on the query's date, worked out independently of the code under test. */
function hoursOf(q: SlotQuery): { open: number; close: number } | null {
  const sp = q.specialDays.find((d) => d.date === q.date);
  if (sp?.closed) return null;
  const h = sp?.open && sp.close ? { open: sp.open, close: sp.close } : q.hours[weekdayOf(q.date)];
  if (!h) return null;
  return { open: atBusinessTime(q.date, h.open).getTime(), close: atBusinessTime(q.date, h.close).getTime() };
}

function checkInvariants(q: SlotQuery, slots: Slot[]): void {
  const { durationMin, bufferAfterMin, seats, minNoticeMin, bookingWindowDays } = q.service;
  const today = businessDate(q.now);
  if (slots.length === 0) return;
  expect(q.date >= today && q.date <= addDays(today, bookingWindowDays + (q.extraWindowDays ?? 0))).toBe(true);
  const hours = hoursOf(q);
  expect(hours).not.toBeNull();
  if (!hours) return;
  const shifts = resolveShifts(q.date, q.shiftRules, q.shiftExceptions);
  const classAt = new Map((q.classes ?? []).map((c) => [c.start.getTime(), c]));
  const qualified = new Set(q.qualifiedAdvisorIds);

  for (let i = 0; i < slots.length; i++) {
    const s = slots[i];
    const from = s.start.getTime();
    const to = from + (durationMin + bufferAfterMin) * MINUTE;
    if (i > 0) expect(from).toBeGreaterThan(slots[i - 1].start.getTime());
    expect(s.end.getTime() - from).toBe(durationMin * MINUTE);
    expect(businessDate(s.start)).toBe(q.date);
    expect(from).toBeGreaterThanOrEqual(q.now.getTime() + minNoticeMin * MINUTE);
    expect(from).toBeGreaterThanOrEqual(hours.open);
    expect(to).toBeLessThanOrEqual(hours.close);
    expect((from - hours.open) % ((q.service.stepMin ?? 30) * MINUTE)).toBe(0);
    expect(s.seatsLeft).toBeGreaterThanOrEqual(1);
    expect(s.seatsLeft).toBeLessThanOrEqual(seats);
    if (seats === 1) expect(s.seatsLeft).toBe(1);
    expect(s.advisorIds.length).toBeGreaterThan(0);
    expect(s.advisorIds).toEqual([...new Set(s.advisorIds)].sort());
    const running = seats > 1 ? classAt.get(from) : undefined;
    if (running) {
      expect(s.advisorIds).toEqual([running.advisorId]);
      expect(s.seatsLeft).toBe(seats - running.booked);
    } else {
      expect(s.seatsLeft).toBe(seats);
    }
    for (const advisorId of s.advisorIds) {
      expect(qualified.has(advisorId)).toBe(true);
      const covered = shifts.some((sh) => sh.advisorId === advisorId && atBusinessTime(q.date, sh.start).getTime() <= from && to <= atBusinessTime(q.date, sh.end).getTime());
      expect(covered).toBe(true);
      for (const b of q.busy.filter((x) => x.advisorId === advisorId)) {
        const isTheClass = running !== undefined && b.start.getTime() === from && b.end.getTime() === to;
        if (!isTheClass) expect(b.start.getTime() < to && from < b.end.getTime()).toBe(false);
      }
    }
  }
}

/** Private services only: try every minute of the day and keep what a member could book. */
function bruteForce(q: SlotQuery): Slot[] {
  const today = businessDate(q.now);
  if (q.date < today || q.date > addDays(today, q.service.bookingWindowDays + (q.extraWindowDays ?? 0))) return [];
  const hours = hoursOf(q);
  if (!hours) return [];
  const step = (q.service.stepMin ?? 30) * MINUTE;
  const need = (q.service.durationMin + q.service.bufferAfterMin) * MINUTE;
  const shifts = resolveShifts(q.date, q.shiftRules, q.shiftExceptions);
  const out: Slot[] = [];
  for (let from = hours.open; from + need <= hours.close; from += MINUTE) {
    if ((from - hours.open) % step !== 0 || from < q.now.getTime() + q.service.minNoticeMin * MINUTE) continue;
    const advisorIds = [...new Set(q.qualifiedAdvisorIds)].sort().filter((id) => {
      // Minute by minute: on shift for every minute of the appointment and buffer, busy in none.
      for (let t = from; t < from + need; t += MINUTE) {
        const onShift = shifts.some((sh) => sh.advisorId === id && atBusinessTime(q.date, sh.start).getTime() <= t && t + MINUTE <= atBusinessTime(q.date, sh.end).getTime());
        const isBusy = q.busy.some((b) => b.advisorId === id && b.start.getTime() < t + MINUTE && t < b.end.getTime());
        if (!onShift || isBusy) return false;
      }
      return true;
    });
    if (advisorIds.length > 0) out.push({ start: new Date(from), end: new Date(from + q.service.durationMin * MINUTE), advisorIds, seatsLeft: 1 });
  }
  return out;
}

/** mulberry32: a tiny seeded PRNG so the randomised cases are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomQuery(random: () => number): SlotQuery {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const quarter = (lo: number, hi: number) => hhmm(int(lo / 15, hi / 15) * 15);

  const today = '2025-03-10';
  const date = addDays(today, int(-1, 6));
  const now = new Date(atBusinessTime(today, '00:00').getTime() + int(0, 24 * 60 - 1) * MINUTE);
  const hours: OpeningHours = {};
  for (const weekday of [1, 2, 3, 4, 5, 6, 7] as Weekday[]) {
    if (random() < 0.15) continue;
    hours[weekday] = random() < 0.1 ? null : { open: quarter(480, 720), close: random() < 0.2 ? '24:00' : quarter(1080, 1380) };
  }
  const specialDays: SpecialDay[] = [];
  if (random() < 0.15) specialDays.push({ date, closed: true });
  else if (random() < 0.2) specialDays.push({ date, closed: false, open: quarter(600, 780), close: quarter(900, 1440) });

  const pool = ['a1', 'a2', 'a3', 'a4', 'x9'];
  const qualifiedAdvisorIds = pool.filter((id) => id !== 'x9' && random() < 0.7);
  const shiftRules: ShiftRule[] = [];
  const shiftExceptions: ShiftException[] = [];
  const busy: BusyInterval[] = [];
  for (const advisorId of pool) {
    for (const weekday of [1, 2, 3, 4, 5, 6, 7] as Weekday[]) {
      if (random() < 0.2) continue;
      if (random() < 0.3) {
        shiftRules.push({ advisorId, weekday, start: quarter(420, 720), end: quarter(720, 900) }, { advisorId, weekday, start: quarter(840, 1080), end: quarter(1080, 1440) });
      } else {
        shiftRules.push({ advisorId, weekday, start: quarter(420, 780), end: quarter(900, 1440) });
      }
    }
    const r = random();
    if (r < 0.1) shiftExceptions.push({ advisorId, date, off: true });
    else if (r < 0.2) shiftExceptions.push({ advisorId, date, off: false, start: quarter(540, 780), end: quarter(840, 1440) });
    for (let n = int(0, 3); n > 0; n--) {
      const start = atBusinessTime(date, '00:00').getTime() + int(7 * 12, 23 * 12) * 5 * MINUTE;
      busy.push({ advisorId, start: new Date(start), end: new Date(start + int(3, 30) * 5 * MINUTE) });
    }
  }
  const svc = {
    durationMin: pick([15, 30, 45, 60, 90]),
    bufferAfterMin: pick([0, 10, 15, 30]),
    seats: pick([1, 1, 4, 8]),
    minNoticeMin: pick([0, 60, 120, 240, 1440]),
    bookingWindowDays: int(0, 10),
    ...(random() < 0.5 ? {} : { stepMin: pick([15, 20, 30, 60]) }),
  };
  const classes: ClassOccupancy[] = [];
  if (svc.seats > 1) {
    const hoursToday = specialDays[0]?.open ? specialDays[0] : hours[weekdayOf(date)];
    for (let n = int(0, 3); n > 0 && hoursToday?.open; n--) {
      const advisorId = qualifiedAdvisorIds.length > 0 && random() < 0.8 ? pick(qualifiedAdvisorIds) : pick(pool);
      const start = atBusinessTime(date, hoursToday.open).getTime() + int(0, 16) * (svc.stepMin ?? 30) * MINUTE;
      if (classes.some((c) => c.start.getTime() === start)) continue;
      classes.push({ advisorId, start: new Date(start), booked: int(1, svc.seats) });
      if (random() < 0.8) busy.push({ advisorId, start: new Date(start), end: new Date(start + (svc.durationMin + svc.bufferAfterMin) * MINUTE) });
    }
  }
  return { date, now, hours, specialDays, shiftRules, shiftExceptions, qualifiedAdvisorIds, busy, classes, service: svc, ...(random() < 0.3 ? { extraWindowDays: int(1, 3) } : {}) };
}
