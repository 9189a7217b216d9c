import { allocateSpend, type LotBalance } from './allocate-spend';
import { seededRandom } from './testing/seeded-random';

const day = (d: number) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000);
const lot = (id: string, remaining: number, expiresDay: number, createdDay = 0): LotBalance => ({ id, remaining, expiresAt: day(expiresDay), createdAt: day(createdDay) });

describe(allocateSpend.name, () => {
  it.each<[string, LotBalance[], number, { lotId: string; points: number }[] | null]>([
    ['one lot that covers the spend', [lot('a', 500, 30)], 200, [{ lotId: 'a', points: 200 }]],
    ['a lot spent to the last point', [lot('a', 200, 30)], 200, [{ lotId: 'a', points: 200 }]],
    ['the soonest-expiring lot first', [lot('late', 500, 90), lot('soon', 500, 10)], 100, [{ lotId: 'soon', points: 100 }]],
    [
      'spills over into the next-expiring lot',
      [lot('c', 500, 90), lot('a', 100, 10), lot('b', 100, 20)],
      250,
      [
        { lotId: 'a', points: 100 },
        { lotId: 'b', points: 100 },
        { lotId: 'c', points: 50 },
      ],
    ],
    ['same expiry: the older lot first', [lot('x', 100, 30, 5), lot('y', 100, 30, 2)], 50, [{ lotId: 'y', points: 50 }]],
    ['same expiry and age: the smaller id first', [lot('b', 100, 30, 2), lot('a', 100, 30, 2)], 150, [
      { lotId: 'a', points: 100 },
      { lotId: 'b', points: 50 },
    ]],
    ['expiry beats age: a newer lot that expires sooner goes first', [lot('old', 100, 60, 0), lot('new', 100, 30, 9)], 50, [{ lotId: 'new', points: 50 }]],
    ['empty lots are skipped', [lot('empty', 0, 1), lot('full', 100, 30)], 80, [{ lotId: 'full', points: 80 }]],
    ['lots in debt are skipped, not used to reduce the spend', [lot('debt', -50, 1), lot('full', 100, 30)], 100, [{ lotId: 'full', points: 100 }]],
    ['every lot together exactly covers the spend', [lot('a', 40, 1), lot('b', 60, 2)], 100, [
      { lotId: 'a', points: 40 },
      { lotId: 'b', points: 60 },
    ]],
    ['one point short', [lot('a', 40, 1), lot('b', 59, 2)], 100, null],
    ['only empty lots', [lot('a', 0, 1), lot('b', -3, 2)], 1, null],
    ['no lots at all', [], 1, null],
  ])('%s', (_, lots, points, expected) => {
    expect(allocateSpend(lots, points)).toEqual(expected);
  });

  it.each([[0], [-10], [1.5], [Number.NaN]])('refuses to spend %p points', (points) => {
    expect(() => allocateSpend([lot('a', 100, 1)], points)).toThrow(RangeError);
  });

  it('leaves the caller’s lots untouched', () => {
    const lots = [lot('b', 100, 20), lot('a', 100, 10)];
    const before = structuredClone(lots);
    allocateSpend(lots, 150);
    expect(lots).toEqual(before);
  });

  it('never takes more than a lot holds and always adds up to the spend (seeded random wallets)', () => {
    const rnd = seededRandom(42);
    for (let run = 0; run < 500; run++) {
      const lots = Array.from({ length: rnd.int(0, 8) }, (_, i) => lot(`l${rnd.int(0, 99)}-${i}`, rnd.int(-20, 300), rnd.int(0, 5), rnd.int(0, 3)));
      const points = rnd.int(1, 1000);
      const available = lots.reduce((sum, l) => sum + Math.max(0, l.remaining), 0);
      const sut = allocateSpend(lots, points);
      if (available < points) {
        expect(sut).toBeNull();
        continue;
      }
      expect(sut).not.toBeNull();
      const parts = sut ?? [];
      expect(parts.reduce((sum, p) => sum + p.points, 0)).toBe(points);
      expect(new Set(parts.map((p) => p.lotId)).size).toBe(parts.length);
      const byId = new Map(lots.map((l) => [l.id, l]));
      let lastExpiry = -Infinity;
      for (const p of parts) {
        const l = byId.get(p.lotId) as LotBalance;
        expect(p.points).toBeGreaterThan(0);
        expect(p.points).toBeLessThanOrEqual(l.remaining);
        expect(l.expiresAt.getTime()).toBeGreaterThanOrEqual(lastExpiry);
        lastExpiry = l.expiresAt.getTime();
      }
      // Every lot but the last is used up, so no later-expiring lot was touched while an earlier one still had points.
      for (const p of parts.slice(0, -1)) expect(p.points).toBe(byId.get(p.lotId)?.remaining);
    }
  });
});
