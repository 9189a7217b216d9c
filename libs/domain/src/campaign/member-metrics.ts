import {
  type AbcBands,
  type AbcClass,
  type LifecycleBands,
  type LifecycleStage,
  type MetricsSettings,
  type RfmBands,
  type RfmClass,
} from './campaign-vocabulary';

/** A score of 3 or more counts as "high" when R, F and M are combined into a class. */
const HIGH_SCORE = 3;
/** Upper limits that keep settings sane: ten years of days, a generous order count, ¥100,000,000. */
const MAX_BAND_DAYS = 3650;
const MAX_BAND_ORDERS = 10_000;
const MAX_BAND_FEN = 10_000_000_000;

/**
 * R score from whole days since the last purchase: within `bands[0]` days → 5, `bands[1]` → 4, `bands[2]` → 3,
 * `bands[3]` → 2, longer → 1. Null for a member who never bought, so they are not ranked against buyers.
 */
export function recencyScore(daysSince: number | null, bands: RfmBands['recencyDays']): number | null {
  if (daysSince === null) return null;
  const band = bands.findIndex((limit) => daysSince <= limit);
  return band === -1 ? 1 : 5 - band;
}

/** F score from paid orders in the last 365 days: below `bands[0]` → 1, then one more per lower bound reached; null with no order. */
export function frequencyScore(orders365: number, bands: RfmBands['frequency']): number | null {
  return orders365 <= 0 ? null : ascendingScore(orders365, bands);
}

/**
 * M score from net spend in fen over the last 365 days, shaped like {@link frequencyScore}. Pass null when the
 * member has no purchase in that time (score null); a buyer whose spend nets to 0 still scores 1.
 */
export function monetaryScore(spendFen365: number | null, bands: RfmBands['monetaryFen']): number | null {
  return spendFen365 === null ? null : ascendingScore(spendFen365, bands);
}

function ascendingScore(value: number, lowerBounds: readonly number[]): number {
  return 1 + lowerBounds.filter((bound) => value >= bound).length;
}

const RFM_CLASS_BY_HIGHS: Record<string, RfmClass> = {
  HHH: 'champion',
  HHL: 'loyal',
  HLH: 'potential',
  HLL: 'promising',
  LHH: 'win-back',
  LHL: 'at-risk-loyal',
  LLH: 'hibernating-big',
  LLL: 'hibernating',
};

/** The classic eight-way RFM class from R, F and M each high (≥ 3) or low; null while any score is missing. */
export function rfmClass(r: number | null, f: number | null, m: number | null): RfmClass | null {
  if (r === null || f === null || m === null) return null;
  const key = [r, f, m].map((score) => (score >= HIGH_SCORE ? 'H' : 'L')).join('');
  return RFM_CLASS_BY_HIGHS[key];
}

export interface LifecycleFacts {
  joinedDaysAgo: number;
  /** Null when the member never bought. */
  firstPurchaseDaysAgo: number | null;
  lastPurchaseDaysAgo: number | null;
}

/**
 * The member's lifecycle stage. A member who never bought is `new` for `newDays` after joining, then a
 * `prospect`. A buyer is `new` for `newDays` after the first purchase, then staged by days since the last one:
 * `active`, `at-risk`, `dormant`, and `lost` beyond `dormantDays`. Each bound is inclusive.
 */
export function lifecycleStage(facts: LifecycleFacts, bands: LifecycleBands): LifecycleStage {
  const { joinedDaysAgo, firstPurchaseDaysAgo, lastPurchaseDaysAgo } = facts;
  if (firstPurchaseDaysAgo === null || lastPurchaseDaysAgo === null) return joinedDaysAgo <= bands.newDays ? 'new' : 'prospect';
  if (firstPurchaseDaysAgo <= bands.newDays) return 'new';
  if (lastPurchaseDaysAgo <= bands.activeDays) return 'active';
  if (lastPurchaseDaysAgo <= bands.atRiskDays) return 'at-risk';
  if (lastPurchaseDaysAgo <= bands.dormantDays) return 'dormant';
  return 'lost';
}

/**
 * ABC classes by share of total spend. Buyers are ranked by spend, highest first (ties by id, ascending, so the
 * SQL job can rank the same way with `ORDER BY spend DESC, id`); a member is A while the spend of everyone ranked
 * above them is under `aShare`% of the total, B while under `bShare`%, else C. The top buyer is therefore always
 * A. Members with no positive spend get no class.
 */
export function abcClasses(spends: readonly { id: string; spendFen: number }[], bands: AbcBands): Map<string, AbcClass> {
  const buyers = spends.filter((s) => s.spendFen > 0).sort((a, b) => b.spendFen - a.spendFen || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const total = buyers.reduce((sum, s) => sum + s.spendFen, 0);
  const classes = new Map<string, AbcClass>();
  let before = 0;
  for (const buyer of buyers) {
    // Compared as before / total < share / 100, multiplied out so no rounding decides a class.
    classes.set(buyer.id, before * 100 < bands.aShare * total ? 'A' : before * 100 < bands.bShare * total ? 'B' : 'C');
    before += buyer.spendFen;
  }
  return classes;
}

export type MetricsSettingsValidation = { ok: true; settings: MetricsSettings } | { ok: false; problems: string[] };

/**
 * Checks metrics settings sent by the console, returning a copy with only known keys or every problem in Chinese.
 * Each band list is four strictly increasing positive integers (scores would otherwise collapse or invert),
 * `0 < aShare < bShare < 100`, and the lifecycle days positive integers with `activeDays < atRiskDays < dormantDays`.
 */
export function validateMetricsSettings(x: unknown): MetricsSettingsValidation {
  const problems: string[] = [];
  const root = section(x, '指标设置', ['rfm', 'lifecycle', 'abc'], problems);
  if (!root) return { ok: false, problems };
  const rfm = rfmBands(root['rfm'], problems);
  const lifecycle = lifecycleBands(root['lifecycle'], problems);
  const abc = abcBands(root['abc'], problems);
  if (!rfm || !lifecycle || !abc || problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: { rfm, lifecycle, abc } };
}

function rfmBands(value: unknown, problems: string[]): RfmBands | null {
  const rfm = section(value, 'RFM 设置', ['recencyDays', 'frequency', 'monetaryFen'], problems);
  if (!rfm) return null;
  const recencyDays = bands(rfm['recencyDays'], 'R 分的天数分段', MAX_BAND_DAYS, problems);
  const frequency = bands(rfm['frequency'], 'F 分的订单数分段', MAX_BAND_ORDERS, problems);
  const monetaryFen = bands(rfm['monetaryFen'], 'M 分的金额分段（分）', MAX_BAND_FEN, problems);
  return recencyDays && frequency && monetaryFen ? { recencyDays, frequency, monetaryFen } : null;
}

function lifecycleBands(value: unknown, problems: string[]): LifecycleBands | null {
  const lifecycle = section(value, '生命周期设置', ['newDays', 'activeDays', 'atRiskDays', 'dormantDays'], problems);
  if (!lifecycle) return null;
  const day = (key: string, label: string) => positiveInt(lifecycle[key], label, MAX_BAND_DAYS, problems);
  const newDays = day('newDays', '新客天数');
  const activeDays = day('activeDays', '活跃天数');
  const atRiskDays = day('atRiskDays', '流失预警天数');
  const dormantDays = day('dormantDays', '沉睡天数');
  if (newDays === null || activeDays === null || atRiskDays === null || dormantDays === null) return null;
  if (activeDays >= atRiskDays) problems.push('流失预警天数须大于活跃天数');
  if (atRiskDays >= dormantDays) problems.push('沉睡天数须大于流失预警天数');
  return { newDays, activeDays, atRiskDays, dormantDays };
}

function abcBands(value: unknown, problems: string[]): AbcBands | null {
  const abc = section(value, 'ABC 设置', ['aShare', 'bShare'], problems);
  if (!abc) return null;
  const aShare = positiveInt(abc['aShare'], 'A 类累计占比（%）', 99, problems);
  const bShare = positiveInt(abc['bShare'], 'B 类累计占比（%）', 99, problems);
  if (aShare === null || bShare === null) return null;
  if (aShare >= bShare) problems.push('B 类累计占比须大于 A 类累计占比');
  return { aShare, bShare };
}

function section(value: unknown, label: string, keys: string[], problems: string[]): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(value === undefined ? `缺少${label}` : `${label}格式不正确`);
    return null;
  }
  const out = value as Record<string, unknown>;
  for (const key of Object.keys(out)) if (!keys.includes(key)) problems.push(`${label}不支持设置项“${key.slice(0, 20)}”`);
  return out;
}

function bands(value: unknown, label: string, max: number, problems: string[]): [number, number, number, number] | null {
  const ok =
    Array.isArray(value) &&
    value.length === 4 &&
    value.every((v: unknown, i) => isIntIn(v, 1, max) && (i === 0 || v > (value[i - 1] as number)));
  if (ok) return [value[0], value[1], value[2], value[3]];
  problems.push(`${label}须为4个严格递增的正整数（不超过${max}）`);
  return null;
}

function positiveInt(value: unknown, label: string, max: number, problems: string[]): number | null {
  if (isIntIn(value, 1, max)) return value;
  problems.push(`${label}须为1–${max}的整数`);
  return null;
}

function isIntIn(value: unknown, lo: number, hi: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= lo && value <= hi;
}
