import { type BonusRule, type EarnContext, type EarnLine, type EarnResult, type EarnRules, orderPoints } from './earn-points';
import { seededRandom } from './testing/seeded-random';

const RULES: EarnRules = { pointsPerYuan: 1, birthdayMultiplierPct: 200, bonusRules: [] };
const CTX: EarnContext = { tierMultiplierPct: 100, birthdayMonth: false, capLeft: null };
const line = (paidFen: number, sku = 'SKU-A', category: string | null = 'skincare'): EarnLine => ({ sku, category, paidFen });
const rules = (bonusRules: BonusRule[], extra: Partial<EarnRules> = {}): EarnRules => ({ ...RULES, bonusRules, ...extra });

/** What must hold for every order, whatever the rules. */
function expectConsistent(sut: EarnResult): void {
  expect(sut.points).toBeGreaterThanOrEqual(0);
  expect(sut.points).toBeLessThanOrEqual(sut.uncapped);
  expect(sut.capped).toBe(sut.points < sut.uncapped);
  expect(sut.lines.reduce((sum, l) => sum + l.points, 0)).toBe(sut.points);
  for (const l of sut.lines) expect(l.points).toBeGreaterThanOrEqual(0);
}

describe(orderPoints.name, () => {
  describe('rates and rounding', () => {
    it.each<[string, EarnLine[], EarnRules, Partial<EarnContext>, number]>([
      ['¥123.45 at 1 point per yuan earns 123 (fen are floored)', [line(12345)], RULES, {}, 123],
      ['¥99.99 earns 99, not 100', [line(9999)], RULES, {}, 99],
      ['under ¥1 earns nothing', [line(99)], RULES, {}, 0],
      ['a free line earns nothing', [line(0)], RULES, {}, 0],
      ['three ¥1.50 lines earn 4: the order is floored once, not each line', [line(150, 'A'), line(150, 'B'), line(150, 'C')], RULES, {}, 4],
      ['¥0.29 at 100 points per yuan is 29 (no float drift, 0.29 × 100 is 28.999… in floats)', [line(29)], rules([], { pointsPerYuan: 100 }), {}, 29],
      ['¥0.57 at 100 points per yuan is 57 (no float drift)', [line(57)], rules([], { pointsPerYuan: 100 }), {}, 57],
      ['2 points per yuan', [line(10050)], rules([], { pointsPerYuan: 2 }), {}, 201],
      ['0 points per yuan earns nothing', [line(100000)], rules([], { pointsPerYuan: 0 }), {}, 0],
      ['a ×1.5 tier', [line(10000)], RULES, { tierMultiplierPct: 150 }, 150],
      ['a ×1.1 tier on ¥33.33 earns floor(36.663) = 36', [line(3333)], RULES, { tierMultiplierPct: 110 }, 36],
      ['the birthday month doubles', [line(10000)], RULES, { birthdayMonth: true }, 200],
      ['birthday and tier multiply: ¥100 × 1.2 × 2', [line(10000)], RULES, { birthdayMonth: true, tierMultiplierPct: 120 }, 240],
      ['the birthday multiplier does nothing outside the birthday month', [line(10000)], rules([], { birthdayMultiplierPct: 300 }), {}, 100],
      ['a birthday multiplier of 100 changes nothing', [line(10000)], rules([], { birthdayMultiplierPct: 100 }), { birthdayMonth: true }, 100],
      ['every multiplier at once: ¥12.34 × 2 pts × 1.5 bonus × 1.2 tier × 2 birthday = 88.848', [line(1234, 'A')], rules([{ kind: 'sku', value: 'A', multiplierPct: 150 }], { pointsPerYuan: 2 }), { tierMultiplierPct: 120, birthdayMonth: true }, 88],
    ])('%s', (_, lines, r, ctx, points) => {
      const sut = orderPoints(lines, r, { ...CTX, ...ctx });
      expect(sut.points).toBe(points);
      expect(sut.uncapped).toBe(points);
      expectConsistent(sut);
    });

    it('earns nothing for an order without lines', () => {
      expect(orderPoints([], RULES, CTX)).toEqual({ points: 0, uncapped: 0, capped: false, lines: [] });
    });
  });

  describe('bonus rules', () => {
    const A = line(10000, 'A', 'skincare');
    it.each<[string, EarnLine, BonusRule[], number, number]>([
      ['no rule: ×1', A, [], 100, 100],
      ['an exact SKU rule', A, [{ kind: 'sku', value: 'A', multiplierPct: 300 }], 300, 300],
      ['a SKU rule for another SKU does not apply', A, [{ kind: 'sku', value: 'B', multiplierPct: 300 }], 100, 100],
      ['a SKU rule matches the whole SKU only', A, [{ kind: 'sku', value: 'A-1', multiplierPct: 300 }], 100, 100],
      ['a category rule', A, [{ kind: 'category', value: 'skincare', multiplierPct: 200 }], 200, 200],
      ['a category rule does not match a SKU with that value', line(10000, 'skincare', 'makeup'), [{ kind: 'category', value: 'skincare', multiplierPct: 200 }], 100, 100],
      ['a category rule never matches a line without category', line(10000, 'A', null), [{ kind: 'category', value: 'skincare', multiplierPct: 200 }], 100, 100],
      [
        'SKU 200 and category 300 both match: the higher wins, they do not stack to 600',
        A,
        [
          { kind: 'sku', value: 'A', multiplierPct: 200 },
          { kind: 'category', value: 'skincare', multiplierPct: 300 },
        ],
        300,
        300,
      ],
      [
        'SKU 150 beats category 120',
        A,
        [
          { kind: 'category', value: 'skincare', multiplierPct: 120 },
          { kind: 'sku', value: 'A', multiplierPct: 150 },
        ],
        150,
        150,
      ],
      [
        'two rules for the same SKU: the higher wins',
        A,
        [
          { kind: 'sku', value: 'A', multiplierPct: 400 },
          { kind: 'sku', value: 'A', multiplierPct: 200 },
        ],
        400,
        400,
      ],
      ['a lone rule below 100 lowers the line (e.g. clearance items earn half)', A, [{ kind: 'sku', value: 'A', multiplierPct: 50 }], 50, 50],
      ['a rule of 0 makes the line earn nothing', A, [{ kind: 'category', value: 'skincare', multiplierPct: 0 }], 0, 0],
    ])('%s', (_, l, bonusRules, multiplierPct, points) => {
      const sut = orderPoints([l], rules(bonusRules), CTX);
      expect(sut.lines).toEqual([{ sku: l.sku, points, multiplierPct }]);
      expectConsistent(sut);
    });

    it('applies each line its own rule', () => {
      const sut = orderPoints([line(5000, 'A'), line(5000, 'B', 'makeup')], rules([{ kind: 'sku', value: 'A', multiplierPct: 300 }]), CTX);
      expect(sut.points).toBe(200);
      expect(sut.lines).toEqual([
        { sku: 'A', points: 150, multiplierPct: 300 },
        { sku: 'B', points: 50, multiplierPct: 100 },
      ]);
    });
  });

  describe('monthly cap', () => {
    it.each<[string, number | null, number, boolean]>([
      ['no cap', null, 100, false],
      ['cap above the order', 500, 100, false],
      ['cap exactly the order', 100, 100, false],
      ['cap below the order', 30, 30, true],
      ['cap one point short', 99, 99, true],
      ['cap used up', 0, 0, true],
      ['cap already exceeded counts as used up, never negative', -20, 0, true],
    ])('%s', (_, capLeft, points, capped) => {
      const sut = orderPoints([line(10000)], RULES, { ...CTX, capLeft });
      expect(sut).toMatchObject({ points, uncapped: 100, capped });
      expectConsistent(sut);
    });

    it('keeps reporting the uncapped points so staff can see what the cap withheld', () => {
      expect(orderPoints([line(10000)], RULES, { ...CTX, tierMultiplierPct: 150, capLeft: 10 })).toMatchObject({ points: 10, uncapped: 150 });
    });
  });

  describe('sharing points over the lines', () => {
    it.each<[string, EarnLine[], EarnRules, number | null, number[]]>([
      ['three ¥1.50 lines share 4: the leftover point goes to the first', [line(150, 'A'), line(150, 'B'), line(150, 'C')], RULES, null, [2, 1, 1]],
      ['a 7-point cap over 30 + 10 goes 5.25 / 1.75 → 5 / 2 by largest remainder', [line(3000, 'A'), line(1000, 'B')], RULES, 7, [5, 2]],
      ['a free line gets nothing', [line(0, 'A'), line(10000, 'B')], RULES, null, [0, 100]],
      ['a line under ¥1 may take a point left over by the order floor', [line(10050, 'A'), line(60, 'B')], RULES, null, [100, 1]],
      ['bonus lines weigh more', [line(1000, 'A'), line(1000, 'B')], rules([{ kind: 'sku', value: 'A', multiplierPct: 300 }]), 10, [8, 2]],
      ['a cap of 0 leaves every line at 0', [line(1000, 'A'), line(1000, 'B')], RULES, 0, [0, 0]],
    ])('%s', (_, lines, r, capLeft, shares) => {
      const sut = orderPoints(lines, r, { ...CTX, capLeft });
      expect(sut.lines.map((l) => l.points)).toEqual(shares);
      expectConsistent(sut);
    });
  });

  describe('refuses impossible input', () => {
    it.each<[string, EarnLine[], EarnRules, Partial<EarnContext>]>([
      ['a negative amount', [line(-100)], RULES, {}],
      ['a fractional amount', [line(10.5)], RULES, {}],
      ['negative points per yuan', [line(100)], rules([], { pointsPerYuan: -1 }), {}],
      ['fractional points per yuan', [line(100)], rules([], { pointsPerYuan: 0.5 }), {}],
      ['a negative tier multiplier', [line(100)], RULES, { tierMultiplierPct: -100 }],
      ['a negative birthday multiplier, even outside the birthday month', [line(100)], rules([], { birthdayMultiplierPct: -1 }), {}],
      ['a negative bonus multiplier, even on a rule that matches nothing', [line(100)], rules([{ kind: 'sku', value: 'Z', multiplierPct: -50 }]), {}],
      ['a fractional cap', [line(100)], RULES, { capLeft: 1.5 }],
    ])('%s', (_, lines, r, ctx) => {
      expect(() => orderPoints(lines, r, { ...CTX, ...ctx })).toThrow(RangeError);
    });
  });

  it('earns the same however an order is split into lines, and the lines always add up (seeded random orders)', () => {
    const rnd = seededRandom(20250310);
    const bonusRules: BonusRule[] = [
      { kind: 'sku', value: 'A', multiplierPct: 150 },
      { kind: 'category', value: 'makeup', multiplierPct: 200 },
    ];
    for (let run = 0; run < 300; run++) {
      const r = rules(bonusRules, { pointsPerYuan: rnd.int(0, 5) });
      const ctx: EarnContext = { tierMultiplierPct: rnd.choice([100, 110, 125, 150]), birthdayMonth: rnd.next() < 0.3, capLeft: rnd.next() < 0.3 ? rnd.int(-5, 200) : null };
      const lines = Array.from({ length: rnd.int(1, 6) }, (_, i) => line(rnd.int(0, 50_000), rnd.choice(['A', 'B', `C${i}`]), rnd.choice(['skincare', 'makeup', null])));
      const sut = orderPoints(lines, r, ctx);
      expectConsistent(sut);

      // Splitting every line into two lines of the same product must not change the order's points.
      const split = lines.flatMap((l) => {
        const part = rnd.int(0, l.paidFen);
        return [{ ...l, paidFen: part }, { ...l, paidFen: l.paidFen - part }];
      });
      expect(orderPoints(split, r, ctx)).toMatchObject({ points: sut.points, uncapped: sut.uncapped });
    }
  });
});
