import { advisors, booking } from './appointment.fixtures';
import { dayColumns, dayRange, placeBookings, shiftsOn, SLOT_HEIGHT } from './calendar-layout';

const DAY = { start: 9 * 60, end: 22 * 60 };

describe(placeBookings.name, () => {
  it('puts a booking at its Shanghai time, one line per 30 minutes from 09:00', () => {
    // 10:30–11:30: three lines below 09:00, two lines tall.
    const [placed] = placeBookings([booking()], DAY);
    expect(placed).toMatchObject({ top: 3 * SLOT_HEIGHT, height: 2 * SLOT_HEIGHT, lane: 0, lanes: 1 });
  });

  it('shares the width between overlapping bookings and gives it back after them', () => {
    const a = booking({ id: 'a', startsAt: '2026-11-20T02:00:00.000Z', endsAt: '2026-11-20T03:00:00.000Z' });
    const b = booking({ id: 'b', startsAt: '2026-11-20T02:30:00.000Z', endsAt: '2026-11-20T03:30:00.000Z' });
    const c = booking({ id: 'c', startsAt: '2026-11-20T03:00:00.000Z', endsAt: '2026-11-20T03:30:00.000Z' });
    const d = booking({ id: 'd', startsAt: '2026-11-20T05:00:00.000Z', endsAt: '2026-11-20T06:00:00.000Z' });
    const lanes = Object.fromEntries(placeBookings([d, c, b, a], DAY).map((p) => [p.booking.id, [p.lane, p.lanes]]));
    // c starts when a ends, so it reuses a's lane.
    expect(lanes).toEqual({ a: [0, 2], b: [1, 2], c: [0, 2], d: [0, 1] });
  });
});

describe(dayRange.name, () => {
  it('is 09:00–22:00, widened to whole hours for bookings outside it', () => {
    expect(dayRange([booking()])).toEqual(DAY);
    const early = booking({ startsAt: '2026-11-19T23:45:00.000Z', endsAt: '2026-11-20T00:45:00.000Z' }); // 07:45–08:45
    const late = booking({ startsAt: '2026-11-20T14:00:00.000Z', endsAt: '2026-11-20T14:30:00.000Z' }); // 22:00–22:30
    expect(dayRange([early, late])).toEqual({ start: 7 * 60, end: 23 * 60 });
  });
});

describe(shiftsOn.name, () => {
  it('uses the weekly pattern, unless the day has an exception', () => {
    const [linKexin] = advisors;
    expect(shiftsOn(linKexin, '2026-11-20')).toEqual([
      { start: 600, end: 840 },
      { start: 900, end: 1320 },
    ]);
    expect(shiftsOn(linKexin, '2026-11-21')).toEqual([]);
    expect(shiftsOn(linKexin, '2026-12-21')).toEqual([{ start: 600, end: 1080 }]);
    expect(shiftsOn(linKexin, '2026-12-24')).toEqual([]);
    expect(shiftsOn({ rules: [], exceptions: [{ date: '2026-11-21', off: false, start: '12:00:00', end: '20:00:00' }] }, '2026-11-21')).toEqual([{ start: 720, end: 1200 }]);
  });
});

describe(dayColumns.name, () => {
  it('lists the store’s advisors and anyone else with a booking that day', () => {
    const guest = booking({ advisor: { id: 'adv-9', name: '外店顾问' } });
    expect(dayColumns(advisors, [guest], '2026-11-20').map((column) => column.advisorId)).toEqual(['adv-1', 'adv-2', 'adv-9']);
    expect(dayColumns(advisors, [guest], '2026-11-20', 'adv-2').map((column) => column.name)).toEqual(['周美琳']);
  });
});
