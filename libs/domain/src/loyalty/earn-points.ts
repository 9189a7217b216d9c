export interface EarnLine {
  sku: string;
  category: string | null;
  paidFen: number;
}

export interface BonusRule {
  kind: 'sku' | 'category';
  value: string;
  multiplierPct: number;
}

export interface EarnRules {
  pointsPerYuan: number;
  birthdayMultiplierPct: number;
  bonusRules: BonusRule[];
}

export interface EarnContext {
  tierMultiplierPct: number;
  birthdayMonth: boolean;
  /** points still allowed this month; null = no cap */
  capLeft: number | null;
}

export interface EarnResult {
  points: number;
  /** before the cap */
  uncapped: number;
  capped: boolean;
  lines: { sku: string; points: number; multiplierPct: number }[];
}

const PCT = 100n;
// paidFen / 100 (fen to yuan) and three percentages (line, tier, birthday): every line's exact points share this
// denominator, so the order total is one integer division.
const DENOMINATOR = 100n * PCT * PCT * PCT;

/**
 * The points an order earns.
 *
 * A line earns paid yuan × `pointsPerYuan` × its bonus multiplier × the member's tier multiplier × the birthday
 * multiplier (in the birthday month only), every multiplier in percent. A line's bonus multiplier is the highest
 * bonus rule that matches it (by exact SKU or by category), 100 when none does: bonus rules never stack, so an
 * operator can reason about one rule at a time.
 *
 * The exact sum is floored once for the whole order, so an order split into many cheap lines earns the same as
 * one line of the same amount. The monthly cap then applies (`capLeft`, never below zero). The final points are
 * shared out over the lines by largest remainder (ties to the earlier line), so the line points always add up to
 * the order's, which partial refunds of single lines rely on. Each line reports its bonus multiplier.
 *
 * Amounts, `pointsPerYuan` and multipliers must be non-negative integers; anything else throws.
 */
export function orderPoints(lines: EarnLine[], rules: EarnRules, ctx: EarnContext): EarnResult {
  const perYuan = nonNegative(rules.pointsPerYuan, 'pointsPerYuan');
  const tier = nonNegative(ctx.tierMultiplierPct, 'tierMultiplierPct');
  const birthdayPct = nonNegative(rules.birthdayMultiplierPct, 'birthdayMultiplierPct');
  const birthday = ctx.birthdayMonth ? birthdayPct : PCT;
  if (ctx.capLeft !== null && !Number.isSafeInteger(ctx.capLeft)) throw new RangeError(`capLeft must be a whole number: ${ctx.capLeft}`);
  for (const rule of rules.bonusRules) nonNegative(rule.multiplierPct, 'bonus multiplierPct');

  const multipliers = lines.map((line) => lineMultiplier(line, rules.bonusRules));
  const exact = lines.map((line, i) => nonNegative(line.paidFen, 'paidFen') * perYuan * BigInt(multipliers[i]) * tier * birthday);
  const total = exact.reduce((sum, n) => sum + n, 0n);

  const uncapped = Number(total / DENOMINATOR);
  const points = ctx.capLeft === null ? uncapped : Math.min(uncapped, Math.max(0, ctx.capLeft));
  const shares = largestRemainder(exact, total, points);
  return {
    points,
    uncapped,
    capped: points < uncapped,
    lines: lines.map((line, i) => ({ sku: line.sku, points: shares[i], multiplierPct: multipliers[i] })),
  };
}

function lineMultiplier(line: EarnLine, bonusRules: BonusRule[]): number {
  let best: number | null = null;
  for (const rule of bonusRules) {
    const matches = rule.kind === 'sku' ? rule.value === line.sku : line.category !== null && rule.value === line.category;
    if (matches && (best === null || rule.multiplierPct > best)) best = rule.multiplierPct;
  }
  return best ?? 100;
}

/** `points` split in proportion to `weights`; the floors first, then one more each to the largest remainders. */
function largestRemainder(weights: bigint[], total: bigint, points: number): number[] {
  if (total === 0n) return weights.map(() => 0);
  const target = BigInt(points);
  const floors = weights.map((w) => (w * target) / total);
  let left = points - Number(floors.reduce((sum, n) => sum + n, 0n));
  const byRemainder = weights
    .map((w, i) => ({ i, remainder: (w * target) % total }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of byRemainder) {
    if (left === 0) break;
    floors[i] += 1n;
    left--;
  }
  return floors.map(Number);
}

function nonNegative(n: number, what: string): bigint {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative whole number: ${n}`);
  return BigInt(n);
}
