import { addDays, atBusinessTime, BUSINESS_UTC_OFFSET_MIN, businessClock, businessDate, isHhmm, minutesOf, weekdayOf } from './business-time';

describe(businessDate.name, () => {
  it.each([
    ['2025-03-09T15:59:59.999Z', '2025-03-09'],
    ['2025-03-09T16:00:00.000Z', '2025-03-10'],
    ['2025-03-10T00:00:00.000Z', '2025-03-10'],
    ['2024-12-31T16:00:00.000Z', '2025-01-01'],
    ['2024-02-28T16:30:00.000Z', '2024-02-29'],
  ])('puts %s on %s in Shanghai', (iso, date) => {
    expect(businessDate(new Date(iso))).toBe(date);
  });

  it('is UTC+8 fixed, as Shanghai has had no daylight saving time since 1991', () => {
    expect(BUSINESS_UTC_OFFSET_MIN).toBe(480);
    // Mid-summer and mid-winter behave the same.
    expect(businessDate(new Date('2025-07-01T15:59:00Z'))).toBe('2025-07-01');
    expect(businessDate(new Date('2025-01-01T15:59:00Z'))).toBe('2025-01-01');
  });
});

describe(businessClock.name, () => {
  it.each([
    ['2026-11-23T02:00:00.000Z', '10:00'],
    ['2026-11-23T15:59:00.000Z', '23:59'],
    ['2026-11-23T16:00:00.000Z', '00:00'],
  ])('%s is %s in Shanghai', (iso, clock) => {
    expect(businessClock(new Date(iso))).toBe(clock);
  });
});

describe(weekdayOf.name, () => {
  it.each([
    ['2025-03-10', 1],
    ['2025-03-11', 2],
    ['2025-03-12', 3],
    ['2025-03-13', 4],
    ['2025-03-14', 5],
    ['2025-03-15', 6],
    ['2025-03-16', 7],
    ['2024-02-29', 4],
    ['2000-01-01', 6],
  ])('%s is weekday %i', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });

  it.each([['2025-02-30'], ['2025-13-01'], ['2025-3-1'], ['20250310'], ['']])('refuses %j', (date) => {
    expect(() => weekdayOf(date)).toThrow(RangeError);
  });
});

describe(atBusinessTime.name, () => {
  it.each([
    ['2025-03-10', '00:00', '2025-03-09T16:00:00.000Z'],
    ['2025-03-10', '08:00', '2025-03-10T00:00:00.000Z'],
    ['2025-03-10', '10:30', '2025-03-10T02:30:00.000Z'],
    ['2025-03-10', '23:59', '2025-03-10T15:59:00.000Z'],
    ['2025-03-10', '24:00', '2025-03-10T16:00:00.000Z'],
    ['2025-12-31', '24:00', '2025-12-31T16:00:00.000Z'],
  ])('%s %s in Shanghai is %s', (date, hhmm, iso) => {
    expect(atBusinessTime(date, hhmm).toISOString()).toBe(iso);
  });

  it("makes '24:00' the same instant as the next day's '00:00'", () => {
    expect(atBusinessTime('2025-02-28', '24:00')).toEqual(atBusinessTime('2025-03-01', '00:00'));
  });

  it('round-trips with businessDate for every minute of a day but midnight-end', () => {
    for (let m = 0; m < 24 * 60; m += 7) {
      const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      expect(businessDate(atBusinessTime('2025-06-15', hhmm))).toBe('2025-06-15');
    }
    expect(businessDate(atBusinessTime('2025-06-15', '24:00'))).toBe('2025-06-16');
  });

  it.each([
    ['2025-03-10', '9:00'],
    ['2025-03-10', '24:01'],
    ['2025-02-29', '10:00'],
  ])('refuses %s %s', (date, hhmm) => {
    expect(() => atBusinessTime(date, hhmm)).toThrow(RangeError);
  });
});

describe(minutesOf.name, () => {
  it.each([
    ['00:00', 0],
    ['09:05', 545],
    ['12:30', 750],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('%s is %i minutes', (hhmm, minutes) => {
    expect(minutesOf(hhmm)).toBe(minutes);
  });

  it('throws on a malformed time', () => {
    expect(() => minutesOf('25:00')).toThrow(RangeError);
  });
});

describe(isHhmm.name, () => {
  it.each(['00:00', '09:30', '19:59', '23:59', '24:00'])('accepts %s', (s) => {
    expect(isHhmm(s)).toBe(true);
  });

  it.each(['9:30', '09:3', '24:01', '24:30', '25:00', '12:60', '12:30:00', '1230', ' 12:30', '１２:３０', ''])('refuses %j', (s) => {
    expect(isHhmm(s)).toBe(false);
  });
});

describe(addDays.name, () => {
  it.each([
    ['2025-03-10', 0, '2025-03-10'],
    ['2025-03-10', 1, '2025-03-11'],
    ['2025-03-10', -10, '2025-02-28'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-01-01', 365, '2026-01-01'],
  ])('%s plus %i days is %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('refuses fractions of a day and malformed dates', () => {
    expect(() => addDays('2025-03-10', 0.5)).toThrow(RangeError);
    expect(() => addDays('2025/03/10', 1)).toThrow(RangeError);
  });
});
