import { DEFAULT_METRICS_SETTINGS, type MetricsSettings, RFM_CLASSES } from './campaign-vocabulary';
import { abcClasses, frequencyScore, lifecycleStage, monetaryScore, recencyScore, rfmClass, validateMetricsSettings } from './member-metrics';

const { rfm: RFM, lifecycle: LIFECYCLE, abc: ABC } = DEFAULT_METRICS_SETTINGS;

describe(recencyScore.name, () => {
  // Bands [30, 60, 90, 180]: each bound is inclusive.
  it.each<[number | null, number | null]>([
    [0, 5],
    [30, 5],
    [31, 4],
    [60, 4],
    [61, 3],
    [90, 3],
    [91, 2],
    [180, 2],
    [181, 1],
    [5000, 1],
    [null, null],
  ])('%p days since the last purchase scores %p', (days, score) => {
    expect(recencyScore(days, RFM.recencyDays)).toBe(score);
  });
});

describe(frequencyScore.name, () => {
  // Bands [2, 3, 5, 8]: lower bounds of scores 2…5.
  it.each<[number, number | null]>([
    [0, null],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 3],
    [5, 4],
    [7, 4],
    [8, 5],
    [100, 5],
  ])('%p orders in 365 days score %p', (orders, score) => {
    expect(frequencyScore(orders, RFM.frequency)).toBe(score);
  });
});

describe(monetaryScore.name, () => {
  // Bands ¥500, ¥1,000, ¥2,000, ¥5,000.
  it.each<[number | null, number | null]>([
    [null, null],
    [0, 1],
    [49_999, 1],
    [50_000, 2],
    [99_999, 2],
    [100_000, 3],
    [200_000, 4],
    [499_999, 4],
    [500_000, 5],
  ])('%p fen in 365 days scores %p', (spend, score) => {
    expect(monetaryScore(spend, RFM.monetaryFen)).toBe(score);
  });
});

describe(rfmClass.name, () => {
  it.each([
    [5, 5, 5, 'champion'],
    [3, 3, 2, 'loyal'],
    [4, 1, 3, 'potential'],
    [3, 2, 2, 'promising'],
    [2, 3, 3, 'win-back'],
    [1, 5, 1, 'at-risk-loyal'],
    [2, 2, 5, 'hibernating-big'],
    [1, 1, 1, 'hibernating'],
  ] as const)('R%i F%i M%i is %s', (r, f, m, cls) => {
    expect(rfmClass(r, f, m)).toBe(cls);
  });

  it('gives every combination of scores one of the eight classes', () => {
    const seen = new Set<string | null>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) seen.add(rfmClass(r, f, m));
    expect([...seen].sort()).toEqual([...RFM_CLASSES].sort());
  });

  it('has no class while a score is missing', () => {
    expect(rfmClass(null, 3, 3)).toBeNull();
    expect(rfmClass(5, null, null)).toBeNull();
  });
});

describe(lifecycleStage.name, () => {
  // Bands: new 30, active 90, at-risk 180, dormant 365.
  it.each<[string, number, number | null, number | null, string]>([
    ['joined today, never bought', 0, null, null, 'new'],
    ['joined 30 days ago, never bought', 30, null, null, 'new'],
    ['joined 31 days ago, never bought', 31, null, null, 'prospect'],
    ['long-time member whose first purchase was 30 days ago', 400, 30, 2, 'new'],
    ['first purchase 31 days ago, last 31 days ago', 400, 31, 31, 'active'],
    ['last purchase 90 days ago', 400, 300, 90, 'active'],
    ['last purchase 91 days ago', 400, 300, 91, 'at-risk'],
    ['last purchase 180 days ago', 400, 300, 180, 'at-risk'],
    ['last purchase 181 days ago', 400, 300, 181, 'dormant'],
    ['last purchase 365 days ago', 800, 700, 365, 'dormant'],
    ['last purchase 366 days ago', 800, 700, 366, 'lost'],
  ])('%s → %s', (_, joinedDaysAgo, firstPurchaseDaysAgo, lastPurchaseDaysAgo, stage) => {
    expect(lifecycleStage({ joinedDaysAgo, firstPurchaseDaysAgo, lastPurchaseDaysAgo }, LIFECYCLE)).toBe(stage);
  });
});

describe(abcClasses.name, () => {
  it('classes buyers by the share of spend ranked above them', () => {
    // Total 1000: a is first (0% before) → A; b has 50% before → A; c 80% → B; d 95% → C.
    const sut = abcClasses(
      [
        { id: 'c', spendFen: 150 },
        { id: 'a', spendFen: 500 },
        { id: 'd', spendFen: 50 },
        { id: 'b', spendFen: 300 },
      ],
      ABC,
    );
    expect(Object.fromEntries(sut)).toEqual({ a: 'A', b: 'A', c: 'B', d: 'C' });
  });

  it('puts a member whose share before is exactly the bound into the next class', () => {
    // Total 100: b has exactly 70% before it → B; c exactly 90% → C.
    const sut = abcClasses(
      [
        { id: 'a', spendFen: 70 },
        { id: 'b', spendFen: 20 },
        { id: 'c', spendFen: 10 },
      ],
      ABC,
    );
    expect(Object.fromEntries(sut)).toEqual({ a: 'A', b: 'B', c: 'C' });
  });

  it('breaks ties in spend by id so the SQL job ranks the same way', () => {
    const sut = abcClasses(
      [
        { id: 'z', spendFen: 50 },
        { id: 'y', spendFen: 50 },
      ],
      { aShare: 40, bShare: 50 },
    );
    expect(Object.fromEntries(sut)).toEqual({ y: 'A', z: 'C' });
  });

  it('gives members without spend no class and copes with nobody buying', () => {
    expect(abcClasses([{ id: 'a', spendFen: 0 }], ABC).size).toBe(0);
    expect(abcClasses([], ABC).size).toBe(0);
    expect(abcClasses([{ id: 'only', spendFen: 1 }, { id: 'refunded', spendFen: 0 }], ABC)).toEqual(new Map([['only', 'A']]));
  });
});

describe(validateMetricsSettings.name, () => {
  const settings = (patch: (s: MetricsSettings) => void): unknown => {
    const copy: MetricsSettings = JSON.parse(JSON.stringify(DEFAULT_METRICS_SETTINGS));
    patch(copy);
    return copy;
  };

  it('accepts the defaults', () => {
    expect(validateMetricsSettings(DEFAULT_METRICS_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_METRICS_SETTINGS });
  });

  it.each<[string, unknown, string]>([
    ['not an object', 'fast', '指标设置格式不正确'],
    ['a missing section', { rfm: DEFAULT_METRICS_SETTINGS.rfm, lifecycle: DEFAULT_METRICS_SETTINGS.lifecycle }, '缺少ABC 设置'],
    ['an unknown key', { ...DEFAULT_METRICS_SETTINGS, extra: 1 }, '指标设置不支持设置项“extra”'],
    ['recency bands not increasing', settings((s) => (s.rfm.recencyDays = [30, 30, 90, 180])), 'R 分的天数分段须为4个严格递增的正整数（不超过3650）'],
    ['recency bands of three', settings((s) => ((s.rfm as { recencyDays: number[] }).recencyDays = [30, 60, 90])), 'R 分的天数分段须为4个严格递增的正整数'],
    ['a zero frequency band', settings((s) => (s.rfm.frequency = [0, 3, 5, 8])), 'F 分的订单数分段须为4个严格递增的正整数'],
    ['a fractional money band', settings((s) => (s.rfm.monetaryFen = [100.5, 200, 300, 400])), 'M 分的金额分段（分）须为4个严格递增的正整数'],
    ['a band as text', settings((s) => ((s.rfm as { frequency: unknown[] }).frequency = ['2', 3, 5, 8])), 'F 分的订单数分段须为4个严格递增的正整数'],
    ['zero new days', settings((s) => (s.lifecycle.newDays = 0)), '新客天数须为1–3650的整数'],
    ['at-risk not after active', settings((s) => (s.lifecycle.atRiskDays = 90)), '流失预警天数须大于活跃天数'],
    ['dormant not after at-risk', settings((s) => (s.lifecycle.dormantDays = 100)), '沉睡天数须大于流失预警天数'],
    ['A share of 0', settings((s) => (s.abc.aShare = 0)), 'A 类累计占比（%）须为1–99的整数'],
    ['B share of 100', settings((s) => (s.abc.bShare = 100)), 'B 类累计占比（%）须为1–99的整数'],
    ['A share not below B', settings((s) => (s.abc.aShare = 90)), 'B 类累计占比须大于 A 类累计占比'],
  ])('refuses %s', (_, input, problem) => {
    const result = validateMetricsSettings(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual(expect.stringContaining(problem));
  });
});
