import { lastDays, quickRangeOf, rangeFrom } from './date-range';

// 17:00 UTC on 21 November is already 22 November in Shanghai.
const now = new Date('2026-11-21T17:00:00.000Z');

describe(lastDays.name, () => {
  it('counts business days back from the Shanghai date, today included', () => {
    expect(lastDays(90, now)).toEqual({ from: '2026-08-25', to: '2026-11-22' });
    expect(lastDays(1, now)).toEqual({ from: '2026-11-22', to: '2026-11-22' });
  });
});

describe(rangeFrom.name, () => {
  it('keeps a well-formed range from the URL and falls back to the default days otherwise', () => {
    expect(rangeFrom('2026-01-01', '2026-03-31', now, 90)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(rangeFrom('2026-03-31', '2026-01-01', now, 90)).toEqual(lastDays(90, now));
    expect(rangeFrom('2026-1-1', '2026-03-31', now, 90)).toEqual(lastDays(90, now));
    expect(rangeFrom('2026-01-01', null, now, 30)).toEqual(lastDays(30, now));
    expect(rangeFrom(null, null, now, 30)).toEqual(lastDays(30, now));
  });
});

describe(quickRangeOf.name, () => {
  it('recognises a quick range ending today, and nothing else', () => {
    expect(quickRangeOf(lastDays(30, now), now, [7, 30, 90])).toBe(30);
    expect(quickRangeOf(lastDays(180, now), now, [7, 30, 90])).toBeNull();
    expect(quickRangeOf({ from: '2026-01-01', to: '2026-03-31' }, now, [7, 30, 90])).toBeNull();
  });
});
