import { downgradeOn, reviewTier, type TierReviewInput, type TierReviewOutcome, type TierRung, tierForSpend, tierProgress, validateLadder } from './tiers';

const PINK: TierRung = { code: 'pink', name: '粉卡', rank: 0, minSpendFen: 0, multiplierPct: 100 };
const SILVER: TierRung = { code: 'silver', name: '银卡', rank: 1, minSpendFen: 100_000, multiplierPct: 110 };
const GOLD: TierRung = { code: 'gold', name: '金卡', rank: 2, minSpendFen: 500_000, multiplierPct: 120 };
const BLACK: TierRung = { code: 'black', name: '黑卡', rank: 3, minSpendFen: 2_000_000, multiplierPct: 150 };
const LADDER = [PINK, SILVER, GOLD, BLACK];

describe(validateLadder.name, () => {
  const rung = (code: string, name: string, minSpendFen: number) => ({ code, name, minSpendFen });
  const fine = LADDER.map(({ code, name, minSpendFen }) => ({ code, name, minSpendFen }));

  it.each([
    ['the standard four tiers', fine],
    ['a single tier open to everyone', [rung('member', '会员', 0)]],
    ['ten tiers', Array.from({ length: 10 }, (_, i) => rung(`t${i}`, `等级${i}`, i * 1000))],
  ])('accepts %s', (_, rungs) => {
    expect(validateLadder(rungs)).toEqual([]);
  });

  it.each([
    ['no tier at all', [], ['至少需要一个等级']],
    ['eleven tiers', Array.from({ length: 11 }, (_, i) => rung(`t${i}`, `等级${i}`, i * 1000)), ['最多设置 10 个等级']],
    ['a first tier that needs spend', [rung('silver', '银卡', 100), rung('gold', '金卡', 500)], ['第一个等级的消费门槛必须为 0']],
    ['two tiers with the same threshold', [rung('pink', '粉卡', 0), rung('silver', '银卡', 1000), rung('gold', '金卡', 1000)], ['「金卡」的消费门槛必须高于上一等级']],
    ['thresholds going down', [rung('pink', '粉卡', 0), rung('gold', '金卡', 5000), rung('silver', '银卡', 1000)], ['「银卡」的消费门槛必须高于上一等级']],
    ['a negative threshold', [rung('pink', '粉卡', 0), rung('silver', '银卡', -1)], ['「银卡」的消费门槛必须是非负整数（分）']],
    ['a threshold with a fraction of a fen', [rung('pink', '粉卡', 0), rung('silver', '银卡', 99.5)], ['「银卡」的消费门槛必须是非负整数（分）']],
    ['a repeated code', [rung('pink', '粉卡', 0), rung('pink', '银卡', 1000)], ['等级代码「pink」重复']],
    ['a repeated name', [rung('pink', '粉卡', 0), rung('silver', '粉卡', 1000)], ['等级名称「粉卡」重复']],
    ['an empty name', [rung('pink', '粉卡', 0), rung('silver', '', 1000)], ['第 2 个等级缺少名称']],
    ['a name of spaces', [rung('pink', '  ', 0)], ['第 1 个等级缺少名称']],
    ['an empty code', [rung('pink', '粉卡', 0), rung('', '银卡', 1000)], ['第 2 个等级缺少代码']],
    [
      'several problems at once, all reported',
      [rung('a', '粉卡', 10), rung('a', '粉卡', 5)],
      ['第一个等级的消费门槛必须为 0', '等级名称「粉卡」重复', '等级代码「a」重复', '「粉卡」的消费门槛必须高于上一等级'],
    ],
  ])('rejects %s', (_, rungs, problems) => {
    expect(validateLadder(rungs)).toEqual(problems);
  });
});

describe(tierForSpend.name, () => {
  it.each([
    [0, PINK],
    [99_999, PINK],
    [100_000, SILVER],
    [499_999, SILVER],
    [500_000, GOLD],
    [1_999_999, GOLD],
    [2_000_000, BLACK],
    [99_000_000, BLACK],
    [-5_000, PINK],
  ])('spend of %i fen reaches %o', (spend, tier) => {
    expect(tierForSpend(LADDER, spend)).toBe(tier);
  });

  it('goes by rank, whatever order the ladder comes in', () => {
    expect(tierForSpend([GOLD, PINK, BLACK, SILVER], 600_000)).toBe(GOLD);
  });

  it('refuses an empty ladder', () => {
    expect(() => tierForSpend([], 0)).toThrow(RangeError);
  });
});

describe(reviewTier.name, () => {
  const base: TierReviewInput = { ladder: LADDER, currentCode: 'gold', spendFen: 600_000, belowSince: null, today: '2025-03-31', graceDays: 30, mode: 'review' };

  it.each<[string, Partial<TierReviewInput>, TierReviewOutcome]>([
    ['first grading into a tier above the bottom', { currentCode: null, spendFen: 600_000 }, { code: 'gold', belowSince: null, change: 'up', reason: '首次定级' }],
    ['first grading at the bottom', { currentCode: null, spendFen: 0, mode: 'purchase' }, { code: 'pink', belowSince: null, change: 'none', reason: '首次定级' }],
    ['a tier removed from the ladder: placed by spend', { currentCode: 'platinum', spendFen: 150_000, belowSince: '2025-03-01' }, { code: 'silver', belowSince: null, change: 'up', reason: '等级调整' }],
    ['a tier removed from the ladder, spend at the bottom', { currentCode: 'platinum', spendFen: 10 }, { code: 'pink', belowSince: null, change: 'none', reason: '等级调整' }],
    [
      'upgrade at once by a purchase',
      { currentCode: 'silver', spendFen: 500_000, mode: 'purchase' },
      { code: 'gold', belowSince: null, change: 'up', reason: '近 12 个月消费 ¥5,000.00，升级为金卡' },
    ],
    [
      'upgrade straight past a tier',
      { currentCode: 'pink', spendFen: 2_345_600, mode: 'purchase' },
      { code: 'black', belowSince: null, change: 'up', reason: '近 12 个月消费 ¥23,456.00，升级为黑卡' },
    ],
    [
      'upgrade at a review too, ending any grace period',
      { currentCode: 'silver', spendFen: 1_234_500, belowSince: '2025-03-01' },
      { code: 'gold', belowSince: null, change: 'up', reason: '近 12 个月消费 ¥12,345.00，升级为金卡' },
    ],
    ['spend matching the tier keeps it', { currentCode: 'gold', spendFen: 500_000 }, { code: 'gold', belowSince: null, change: 'none', reason: '' }],
    ['spend back up ends the grace period', { currentCode: 'gold', spendFen: 700_000, belowSince: '2025-03-20' }, { code: 'gold', belowSince: null, change: 'none', reason: '' }],
    ['a purchase never downgrades', { currentCode: 'gold', spendFen: 80_000, mode: 'purchase' }, { code: 'gold', belowSince: null, change: 'none', reason: '' }],
    ['a purchase keeps the grace period running', { currentCode: 'gold', spendFen: 80_000, belowSince: '2025-01-01', mode: 'purchase' }, { code: 'gold', belowSince: '2025-01-01', change: 'none', reason: '' }],
    ['a review first finding spend below the tier starts the grace period today', { currentCode: 'gold', spendFen: 80_000 }, { code: 'gold', belowSince: '2025-03-31', change: 'none', reason: '' }],
    ['grace not yet over (one day left)', { currentCode: 'gold', spendFen: 80_000, belowSince: '2025-03-02' }, { code: 'gold', belowSince: '2025-03-02', change: 'none', reason: '' }],
    [
      'grace over to the day: down one tier, still above the spend, so a new grace period starts',
      { currentCode: 'gold', spendFen: 80_000, belowSince: '2025-03-01' },
      { code: 'silver', belowSince: '2025-03-31', change: 'down', reason: '近 12 个月消费 ¥800.00，未达金卡保级门槛，降为银卡' },
    ],
    [
      'grace long over with spend two tiers lower: still only one tier down',
      { currentCode: 'black', spendFen: 80_000, belowSince: '2024-01-01' },
      { code: 'gold', belowSince: '2025-03-31', change: 'down', reason: '近 12 个月消费 ¥800.00，未达黑卡保级门槛，降为金卡' },
    ],
    [
      'grace over, landing on the tier the spend reaches: grace ends',
      { currentCode: 'gold', spendFen: 150_000, belowSince: '2025-02-01' },
      { code: 'silver', belowSince: null, change: 'down', reason: '近 12 个月消费 ¥1,500.00，未达金卡保级门槛，降为银卡' },
    ],
    [
      'no grace: down at the first review that finds spend below',
      { currentCode: 'silver', spendFen: 80_000, graceDays: 0 },
      { code: 'pink', belowSince: null, change: 'down', reason: '近 12 个月消费 ¥800.00，未达银卡保级门槛，降为粉卡' },
    ],
    [
      'no grace and two tiers below: one tier now, the next at the following review',
      { currentCode: 'gold', spendFen: 0, graceDays: 0 },
      { code: 'silver', belowSince: '2025-03-31', change: 'down', reason: '近 12 个月消费 ¥0.00，未达金卡保级门槛，降为银卡' },
    ],
  ])('%s', (_, input, expected) => {
    expect(reviewTier({ ...base, ...input })).toEqual(expected);
  });

  it('walks a black-card member with no spend down one tier per grace period', () => {
    const days = ['2025-01-01', '2025-01-31', '2025-02-15', '2025-03-02', '2025-04-01'];
    let state = { code: 'black', belowSince: null as string | null };
    const seen: string[] = [];
    for (const today of days) {
      const sut = reviewTier({ ...base, currentCode: state.code, belowSince: state.belowSince, spendFen: 0, today });
      state = { code: sut.code, belowSince: sut.belowSince };
      seen.push(`${today} ${sut.code} ${sut.change}`);
    }
    expect(seen).toEqual(['2025-01-01 black none', '2025-01-31 gold down', '2025-02-15 gold none', '2025-03-02 silver down', '2025-04-01 pink down']);
    expect(state.belowSince).toBeNull();
  });

  it('refuses a negative grace period', () => {
    expect(() => reviewTier({ ...base, spendFen: 0, graceDays: -1 })).toThrow(RangeError);
  });
});

describe(downgradeOn.name, () => {
  it.each([
    ['not below the tier', null, 30, null],
    ['30 days of grace', '2025-03-01', 30, '2025-03-31'],
    ['across a year end', '2024-12-15', 30, '2025-01-14'],
    ['across a leap day', '2024-02-28', 2, '2024-03-01'],
    ['no grace: the same day', '2025-03-01', 0, '2025-03-01'],
  ])('%s', (_, belowSince, graceDays, expected) => {
    expect(downgradeOn(belowSince, graceDays)).toBe(expected);
  });

  it('agrees with reviewTier: the day before nothing happens, on the day the member goes down', () => {
    const since = '2025-02-10';
    const on = downgradeOn(since, 45) as string;
    const review = (today: string) => reviewTier({ ladder: LADDER, currentCode: 'gold', spendFen: 0, belowSince: since, today, graceDays: 45, mode: 'review' }).change;
    expect(review('2025-03-26')).toBe('none');
    expect(on).toBe('2025-03-27');
    expect(review(on)).toBe('down');
  });

  it.each([[-1], [1.5]])('refuses %p days of grace', (graceDays) => {
    expect(() => downgradeOn('2025-03-01', graceDays)).toThrow(RangeError);
  });
});

describe(tierProgress.name, () => {
  it.each<[string, string, number, { next: TierRung | null; needFen: number; ratio: number }]>([
    ['at the bottom with no spend', 'pink', 0, { next: SILVER, needFen: 100_000, ratio: 0 }],
    ['at the bottom, a quarter of the way', 'pink', 25_000, { next: SILVER, needFen: 75_000, ratio: 0.25 }],
    ['in the middle, halfway from silver to gold', 'silver', 300_000, { next: GOLD, needFen: 200_000, ratio: 0.5 }],
    ['just reached silver', 'silver', 100_000, { next: GOLD, needFen: 400_000, ratio: 0 }],
    ['spend already past the next threshold: a full bar, nothing to spend', 'pink', 150_000, { next: SILVER, needFen: 0, ratio: 1 }],
    ['in grace, spend below the own tier: an empty bar', 'gold', 100_000, { next: BLACK, needFen: 1_900_000, ratio: 0 }],
    ['at the top', 'black', 2_500_000, { next: null, needFen: 0, ratio: 1 }],
    ['at the top in grace', 'black', 0, { next: null, needFen: 0, ratio: 1 }],
    ['a tier no longer on the ladder counts as the one the spend reaches', 'platinum', 600_000, { next: BLACK, needFen: 1_400_000, ratio: 0.1 / 1.5 }],
  ])('%s', (_, code, spend, expected) => {
    const sut = tierProgress(LADDER, code, spend);
    expect(sut.next).toBe(expected.next);
    expect(sut.needFen).toBe(expected.needFen);
    expect(sut.ratio).toBeCloseTo(expected.ratio, 10);
  });

  it('keeps the ratio within [0, 1] for any spend', () => {
    for (const rung of LADDER) {
      for (let spend = -100_000; spend <= 3_000_000; spend += 37_000) {
        const { ratio, needFen } = tierProgress(LADDER, rung.code, spend);
        expect(ratio).toBeGreaterThanOrEqual(0);
        expect(ratio).toBeLessThanOrEqual(1);
        expect(needFen).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
