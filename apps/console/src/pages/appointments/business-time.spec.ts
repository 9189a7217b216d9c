import { addDays, businessDate, businessMinutes, businessTime, formatBookingTime, isBusinessDate, isoWeekday, weekDays, weekStart } from './business-time';

describe(businessDate.name, () => {
  it.each([
    // 23:30 UTC is already the next morning in Shanghai.
    ['2026-11-19T23:30:00.000Z', '2026-11-20', '07:30', 450],
    ['2026-11-20T02:30:00.000Z', '2026-11-20', '10:30', 630],
    ['2026-11-20T15:59:00.000Z', '2026-11-20', '23:59', 1439],
    ['2026-11-20T16:00:00.000Z', '2026-11-21', '00:00', 0],
  ])('%s is %s %s in Shanghai whatever the machine zone', (instant, date, time, minutes) => {
    expect(businessDate(instant)).toBe(date);
    expect(businessTime(instant)).toBe(time);
    expect(businessMinutes(instant)).toBe(minutes);
  });
});

describe(weekStart.name, () => {
  it('starts weeks on Monday and numbers Sunday 7', () => {
    expect(isoWeekday('2026-11-22')).toBe(7);
    expect(isoWeekday('2026-11-16')).toBe(1);
    expect(weekStart('2026-11-22')).toBe('2026-11-16');
    expect(weekStart('2026-11-16')).toBe('2026-11-16');
    expect(weekDays('2026-11-20')).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22']);
  });

  it('crosses months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });
});

describe(isBusinessDate.name, () => {
  it('accepts real days only', () => {
    expect(isBusinessDate('2026-11-20')).toBe(true);
    expect(isBusinessDate('2026-02-30')).toBe(false);
    expect(isBusinessDate('20261120')).toBe(false);
    expect(isBusinessDate(null)).toBe(false);
  });
});

describe(formatBookingTime.name, () => {
  it('reads the booking in store time', () => {
    expect(formatBookingTime({ startsAt: '2026-11-20T02:30:00.000Z', endsAt: '2026-11-20T03:30:00.000Z' })).toBe('2026-11-20 周五 10:30–11:30');
  });
});
