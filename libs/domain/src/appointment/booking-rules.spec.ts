import { BOOKING_STATUS_LABELS, type BookingStatus, canCancel, canReschedule, checkInCodeFrom, noShowPause, pickLeastLoaded } from './booking-rules';

const START = new Date('2025-03-12T06:00:00Z');
const minutesBefore = (m: number) => new Date(START.getTime() - m * 60_000);

describe.each([canCancel, canReschedule])('%p', (sut) => {
  it.each([
    ['a day before, cut-off 2 hours', 1440, 120, true],
    ['exactly at the cut-off', 120, 120, true],
    ['one minute after the cut-off', 119, 120, false],
    ['at the start with no cut-off', 0, 0, true],
    ['after the start with no cut-off', -1, 0, false],
    ['after the start', -60, 120, false],
  ])('%s → %s', (_, before, cutoff, expected) => {
    expect(sut(START, minutesBefore(before), cutoff)).toBe(expected);
  });

  it('counts to the millisecond', () => {
    expect(sut(START, new Date(minutesBefore(120).getTime() + 1), 120)).toBe(false);
  });
});

describe(pickLeastLoaded.name, () => {
  it.each<[string, string[], Record<string, number>, string | null]>([
    ['the one with fewest bookings', ['a1', 'a2', 'a3'], { a1: 3, a2: 1, a3: 2 }, 'a2'],
    ['someone with no bookings counts as zero', ['a1', 'a2'], { a1: 1 }, 'a2'],
    ['ties go to the smallest id', ['a3', 'a1', 'a2'], { a1: 2, a2: 2, a3: 2 }, 'a1'],
    ['ties among the least loaded only', ['a1', 'a2', 'a3'], { a1: 4, a2: 1, a3: 1 }, 'a2'],
    ['loads of advisors not among the candidates are ignored', ['a2'], { a1: 0, a2: 9 }, 'a2'],
    ['a single candidate', ['a9'], {}, 'a9'],
    ['no candidate', [], { a1: 0 }, null],
  ])('picks %s', (_, candidates, load, expected) => {
    expect(pickLeastLoaded(candidates, load)).toBe(expected);
  });

  it('does not depend on the candidates’ order', () => {
    const load = { b: 1, c: 1, a: 2, d: 1 };
    expect(pickLeastLoaded(['d', 'c', 'b', 'a'], load)).toBe('b');
    expect(pickLeastLoaded(['a', 'b', 'c', 'd'], load)).toBe('b');
  });
});

describe(noShowPause.name, () => {
  const policy = { maxNoShows: 3, windowDays: 30, pauseDays: 14 };
  const NOW = new Date('2025-03-31T04:00:00Z');
  const daysAgo = (d: number) => new Date(NOW.getTime() - Math.round(d * 86_400_000));

  it.each<[string, number[], typeof policy, number | null]>([
    ['no no-shows', [], policy, null],
    ['fewer than the maximum', [1, 5], policy, null],
    ['three within 30 days: paused 14 days from the latest', [20, 10, 2], policy, 12],
    ['the latest no-show sets the end whatever the input order', [2, 20, 10], policy, 12],
    ['three spread over more than 30 days', [33, 10, 2], policy, null],
    ['three exactly 30 days apart still count', [32, 10, 2], policy, 12],
    ['the window is counted back from the no-shows, not from now', [31, 10, 2], policy, 12],
    ['the pause has ended', [40, 30, 20], policy, null],
    ['the pause ends exactly now', [20, 17, 14], policy, null],
    ['the pause has a minute to run', [20, 17, 14 - 1 / 1440], policy, 1 / 1440],
    ['more than the maximum', [25, 15, 9, 3, 1], policy, 13],
    // Window 7, pause 30: the first two no-shows have left the window by now, but the pause they earned still runs.
    ['a pause longer than the window runs its full length', [12, 11, 10], { maxNoShows: 3, windowDays: 7, pauseDays: 30 }, 20],
    ['an older pause that lasts longer than a newer one', [30, 29, 28, 3], { maxNoShows: 3, windowDays: 7, pauseDays: 30 }, 2],
    ['a single no-show when one is enough', [1], { maxNoShows: 1, windowDays: 30, pauseDays: 7 }, 6],
    ['a policy that never pauses', [3, 2, 1], { maxNoShows: 0, windowDays: 30, pauseDays: 7 }, null],
    ['a policy without a pause length', [3, 2, 1], { maxNoShows: 3, windowDays: 30, pauseDays: 0 }, null],
    ['no-shows recorded after now are ignored', [2, 1, -1], policy, null],
  ])('%s', (_, ago, p, pausedForDays) => {
    const sut = noShowPause(ago.map(daysAgo), NOW, p);
    if (pausedForDays === null) expect(sut).toBeNull();
    else expect(sut?.getTime()).toBe(NOW.getTime() + Math.round(pausedForDays * 86_400_000));
  });

  it('never returns a time in the past', () => {
    for (let a = 0; a < 60; a += 3) {
      for (let b = a; b < 60; b += 5) {
        const sut = noShowPause([daysAgo(a), daysAgo(b), daysAgo(b + 1)], NOW, policy);
        if (sut) expect(sut.getTime()).toBeGreaterThan(NOW.getTime());
      }
    }
  });
});

describe('BOOKING_STATUS_LABELS', () => {
  it('names every status in Chinese', () => {
    const expected: Record<BookingStatus, string> = { booked: '已预约', checked_in: '已签到', completed: '已完成', cancelled: '已取消', no_show: '未到店' };
    expect(BOOKING_STATUS_LABELS).toEqual(expected);
  });
});

describe(checkInCodeFrom.name, () => {
  it.each([
    [[0, 1, 2, 3, 4, 5], '012345'],
    [[255, 255, 255, 255, 255, 255], '555555'],
    [[10, 19, 200, 99, 128, 7, 42], '090987'],
  ])('turns %j into %s', (bytes, code) => {
    expect(checkInCodeFrom(Uint8Array.from(bytes))).toBe(code);
  });

  it('is always six digits, keeping leading zeros', () => {
    for (let i = 0; i < 256; i++) expect(checkInCodeFrom(Uint8Array.from([i, i, 0, 0, 0, i]))).toMatch(/^\d{6}$/);
  });

  it('refuses fewer than six bytes', () => {
    expect(() => checkInCodeFrom(new Uint8Array(5))).toThrow(RangeError);
  });
});
