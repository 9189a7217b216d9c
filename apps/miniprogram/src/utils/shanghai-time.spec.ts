import { addDays, businessDate, formatClock, formatDateTime, formatStamp, formatTimeRange, nextBusinessDays, weekdayOf } from './shanghai-time';

describe('shanghai-time', () => {
  it.each([
    // 23:30 UTC is already the next morning in Shanghai.
    ['2026-11-30T23:30:00.000Z', '2026-12-01', '07:30'],
    ['2026-12-01T15:59:00.000Z', '2026-12-01', '23:59'],
    ['2026-12-01T16:00:00.000Z', '2026-12-02', '00:00'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01', '00:00'],
  ])('reads %s as %s %s in Shanghai', (instant, date, clock) => {
    expect(businessDate(instant)).toBe(date);
    expect(formatClock(instant)).toBe(clock);
  });

  it('does not depend on the device time zone', () => {
    // jest runs with TZ=UTC; an offset in the ISO string must land on the same Shanghai wall time.
    expect(formatClock('2026-12-01T10:00:00+08:00')).toBe('10:00');
    expect(formatClock('2026-12-01T03:00:00-05:00')).toBe('16:00');
  });

  it('stamps an instant with its Shanghai date and time', () => {
    expect(formatStamp('2026-12-31T16:30:00.000Z')).toBe('2027-01-01 00:30');
    expect(formatStamp('nope')).toBe('');
  });

  it('returns empty text for an unreadable instant', () => {
    expect(businessDate('not a date')).toBe('');
    expect(formatClock('')).toBe('');
    expect(formatDateTime('nope')).toBe('');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('names weekdays', () => {
    expect(weekdayOf('2026-11-30')).toBe('周一');
    expect(weekdayOf('2026-12-06')).toBe('周日');
  });

  it('labels the next days from the Shanghai date, today and tomorrow first', () => {
    // 17:00 UTC on Sunday 29 Nov is 01:00 on Monday 30 Nov in Shanghai.
    const days = nextBusinessDays(new Date('2026-11-29T17:00:00.000Z'), 14);

    expect(days).toHaveLength(14);
    expect(days.slice(0, 3)).toEqual([
      { date: '2026-11-30', label: '今天', monthDay: '11/30' },
      { date: '2026-12-01', label: '明天', monthDay: '12/1' },
      { date: '2026-12-02', label: '周三', monthDay: '12/2' },
    ]);
    expect(days[13]).toEqual({ date: '2026-12-13', label: '周日', monthDay: '12/13' });
  });

  it('formats a booking time range', () => {
    expect(formatDateTime('2026-12-01T06:00:00.000Z')).toBe('12月1日 周二 14:00');
    expect(formatTimeRange('2026-12-01T06:00:00.000Z', '2026-12-01T07:30:00.000Z')).toBe('12月1日 周二 14:00–15:30');
  });
});
