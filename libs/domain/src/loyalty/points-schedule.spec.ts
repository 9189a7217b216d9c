import { businessDate } from '../appointment/business-time';
import { isBirthdayMonth, monthStart, pointsSchedule } from './points-schedule';
import { seededRandom } from './testing/seeded-random';

describe(pointsSchedule.name, () => {
  it.each([
    ['10:30 in Shanghai, 7-day returns, a year valid', '2025-03-10T02:30:00.000Z', 7, 365, '2025-03-17T02:30:00.000Z', '2026-03-10T16:00:00.000Z'],
    ['23:30 in Shanghai still counts as that day', '2025-03-10T15:30:00.000Z', 7, 30, '2025-03-17T15:30:00.000Z', '2025-04-09T16:00:00.000Z'],
    ['00:30 in Shanghai is already the next day, though UTC is still on the 10th', '2025-03-10T16:30:00.000Z', 7, 30, '2025-03-17T16:30:00.000Z', '2025-04-10T16:00:00.000Z'],
    ['exactly Shanghai midnight belongs to the new day', '2025-03-10T16:00:00.000Z', 0, 1, '2025-03-10T16:00:00.000Z', '2025-03-12T16:00:00.000Z'],
    ['no return window: active at once; 0 days valid: expires at the end of that day', '2025-03-10T02:30:00.000Z', 0, 0, '2025-03-10T02:30:00.000Z', '2025-03-10T16:00:00.000Z'],
    ['earned on a leap day, a year valid', '2024-02-29T04:00:00.000Z', 15, 365, '2024-03-15T04:00:00.000Z', '2025-02-28T16:00:00.000Z'],
    ['across a year end', '2025-12-31T15:59:59.999Z', 1, 1, '2026-01-01T15:59:59.999Z', '2026-01-01T16:00:00.000Z'],
  ])('%s', (_, earnedAt, returnDays, validityDays, activatesAt, expiresAt) => {
    const sut = pointsSchedule(new Date(earnedAt), returnDays, validityDays);
    expect(sut.activatesAt.toISOString()).toBe(activatesAt);
    expect(sut.expiresAt.toISOString()).toBe(expiresAt);
  });

  it('makes every lot earned on one business day expire at the same Shanghai midnight', () => {
    const early = pointsSchedule(new Date('2025-06-01T16:00:00Z'), 7, 180).expiresAt;
    const late = pointsSchedule(new Date('2025-06-02T15:59:59Z'), 7, 180).expiresAt;
    expect(early).toEqual(late);
    expect(businessDate(new Date(early.getTime() - 1))).toBe('2025-11-29');
  });

  it.each([
    [-1, 365],
    [1.5, 365],
    [7, -1],
    [7, 0.5],
  ])('refuses a return window of %p days or validity of %p days', (returnDays, validityDays) => {
    expect(() => pointsSchedule(new Date('2025-03-10T02:30:00Z'), returnDays, validityDays)).toThrow(RangeError);
  });
});

describe(isBirthdayMonth.name, () => {
  it.each<[string, string | null, string, boolean]>([
    ['no birthday on file', null, '2025-03-15T04:00:00Z', false],
    ['in the birthday month', '1990-03-15', '2025-03-01T04:00:00Z', true],
    ['the birthday month of any year', '1990-03-15', '2031-03-28T04:00:00Z', true],
    ['the month before', '1990-03-15', '2025-02-15T04:00:00Z', false],
    ['Shanghai midnight starting March', '1990-03-15', '2025-02-28T16:00:00.000Z', true],
    ['a millisecond earlier it is still February in Shanghai', '1990-03-15', '2025-02-28T15:59:59.999Z', false],
    ['April in Shanghai, though UTC still shows March', '1990-03-15', '2025-03-31T16:00:00.000Z', false],
    ['a leap-day birthday in a common-year February', '2000-02-29', '2025-02-10T04:00:00Z', true],
    ['December birthday on New Year’s Eve in Shanghai', '1988-12-01', '2025-12-31T15:59:00Z', true],
    ['December birthday once Shanghai has reached January', '1988-12-01', '2025-12-31T16:00:00Z', false],
  ])('%s', (_, birthday, at, expected) => {
    expect(isBirthdayMonth(birthday, new Date(at))).toBe(expected);
  });

  it.each([['1990-3-15'], ['1990-13-01'], ['1990-02-30'], ['']])('refuses the malformed birthday %j', (birthday) => {
    expect(() => isBirthdayMonth(birthday, new Date('2025-03-01T04:00:00Z'))).toThrow(RangeError);
  });
});

describe(monthStart.name, () => {
  it.each([
    ['mid-month', '2025-03-15T04:00:00.000Z', '2025-02-28T16:00:00.000Z'],
    ['exactly the Shanghai midnight that starts March', '2025-02-28T16:00:00.000Z', '2025-02-28T16:00:00.000Z'],
    ['a millisecond before it, still February', '2025-02-28T15:59:59.999Z', '2025-01-31T16:00:00.000Z'],
    ['April 1 00:30 in Shanghai, though UTC shows March 31', '2025-03-31T16:30:00.000Z', '2025-03-31T16:00:00.000Z'],
    ['the last minute of March in Shanghai', '2025-03-31T15:59:00.000Z', '2025-02-28T16:00:00.000Z'],
    ['New Year in Shanghai', '2024-12-31T16:00:00.000Z', '2024-12-31T16:00:00.000Z'],
    ['January 1 in Shanghai, in the morning', '2025-01-01T03:00:00.000Z', '2024-12-31T16:00:00.000Z'],
    ['leap February', '2024-02-29T15:00:00.000Z', '2024-01-31T16:00:00.000Z'],
  ])('%s', (_, at, expected) => {
    expect(monthStart(new Date(at)).toISOString()).toBe(expected);
  });

  it('is the first instant of the same Shanghai month, at or before the moment (seeded random instants)', () => {
    const rnd = seededRandom(2025);
    const from = Date.UTC(2023, 0, 1);
    for (let run = 0; run < 500; run++) {
      const at = new Date(from + Math.floor(rnd.next() * 4 * 365 * 86_400_000));
      const sut = monthStart(at);
      expect(sut.getTime()).toBeLessThanOrEqual(at.getTime());
      expect(businessDate(sut)).toBe(`${businessDate(at).slice(0, 8)}01`);
      expect(businessDate(new Date(sut.getTime() - 1)).slice(0, 7)).not.toBe(businessDate(at).slice(0, 7));
      expect(monthStart(sut)).toEqual(sut);
    }
  });
});
