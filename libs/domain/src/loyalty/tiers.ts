import { addDays } from '../appointment/business-time';
import { formatYuan } from './format-yuan';

export interface TierRung {
  code: string;
  name: string;
  rank: number;
  minSpendFen: number;
  multiplierPct: number;
}

export const MAX_TIERS = 10;

/**
 * What is wrong with a ladder an operator is saving, in Chinese, or [] when it is fine. A ladder needs one to
 * {@link MAX_TIERS} tiers, the first open to everyone (threshold 0) so every member has a tier, thresholds strictly
 * rising so each tier is harder to reach than the one below, and unique codes and non-empty unique names so
 * members and staff can tell tiers apart.
 */
export function validateLadder(rungs: { code: string; name: string; minSpendFen: number }[]): string[] {
  const problems: string[] = [];
  if (rungs.length === 0) return ['至少需要一个等级'];
  if (rungs.length > MAX_TIERS) problems.push(`最多设置 ${MAX_TIERS} 个等级`);
  if (rungs[0].minSpendFen !== 0) problems.push('第一个等级的消费门槛必须为 0');

  const codes = new Set<string>();
  const names = new Set<string>();
  rungs.forEach((rung, i) => {
    const label = rung.name.trim() === '' ? `第 ${i + 1} 个等级` : `「${rung.name}」`;
    if (rung.name.trim() === '') problems.push(`第 ${i + 1} 个等级缺少名称`);
    else if (names.has(rung.name)) problems.push(`等级名称「${rung.name}」重复`);
    names.add(rung.name);
    if (rung.code.trim() === '') problems.push(`第 ${i + 1} 个等级缺少代码`);
    else if (codes.has(rung.code)) problems.push(`等级代码「${rung.code}」重复`);
    codes.add(rung.code);
    if (!Number.isSafeInteger(rung.minSpendFen) || rung.minSpendFen < 0) problems.push(`${label}的消费门槛必须是非负整数（分）`);
    else if (i > 0 && rung.minSpendFen <= rungs[i - 1].minSpendFen) problems.push(`${label}的消费门槛必须高于上一等级`);
  });
  return problems;
}

/** The highest tier the spend reaches; the bottom tier when it reaches none (e.g. spend below zero after refunds). */
export function tierForSpend(ladder: TierRung[], spendFen: number): TierRung {
  const rungs = byRank(ladder);
  let tier = rungs[0];
  for (const rung of rungs) if (rung.minSpendFen <= spendFen) tier = rung;
  return tier;
}

export interface TierReviewInput {
  ladder: TierRung[];
  currentCode: string | null;
  spendFen: number;
  belowSince: string | null;
  today: string;
  graceDays: number;
  mode: 'purchase' | 'review';
}

export interface TierReviewOutcome {
  code: string;
  belowSince: string | null;
  change: 'up' | 'down' | 'none';
  reason: string;
}

/**
 * A member's tier after a purchase or the periodic review, given their qualifying spend (dates are business days).
 *
 * A member without a tier, or whose tier was removed from the ladder, takes the tier the spend reaches. Reaching a
 * higher tier upgrades at once, whatever the mode. Falling below the current tier never downgrades at a purchase;
 * at a review it starts the grace period (`belowSince`) if it has not started, and once `graceDays` have passed
 * (at once when there is no grace) the member goes down exactly one tier, so a member who slipped far is warned at
 * every step rather than dropped several tiers in one night. If the member is still above the tier the spend
 * reaches, a new grace period starts today. Back at or above the current tier's threshold, the grace period ends.
 */
export function reviewTier(input: TierReviewInput): TierReviewOutcome {
  const rungs = byRank(input.ladder);
  const target = tierForSpend(rungs, input.spendFen);
  const index = rungs.findIndex((rung) => rung.code === input.currentCode);
  if (index < 0) {
    return {
      code: target.code,
      belowSince: null,
      change: target.rank > rungs[0].rank ? 'up' : 'none',
      reason: input.currentCode === null ? '首次定级' : '等级调整',
    };
  }

  const current = rungs[index];
  const spend = formatYuan(input.spendFen);
  if (target.rank > current.rank) return { code: target.code, belowSince: null, change: 'up', reason: `近 12 个月消费 ${spend}，升级为${target.name}` };
  if (target.rank === current.rank) return { code: current.code, belowSince: null, change: 'none', reason: '' };
  if (input.mode === 'purchase') return { code: current.code, belowSince: input.belowSince, change: 'none', reason: '' };

  const since = input.belowSince ?? input.today;
  if (graceEnd(since, input.graceDays) > input.today) return { code: current.code, belowSince: since, change: 'none', reason: '' };
  const lower = rungs[index - 1];
  return {
    code: lower.code,
    belowSince: lower.rank > target.rank ? input.today : null,
    change: 'down',
    reason: `近 12 个月消费 ${spend}，未达${current.name}保级门槛，降为${lower.name}`,
  };
}

/** The business day a member whose spend fell below their tier on `belowSince` is downgraded; null when not below. */
export function downgradeOn(belowSince: string | null, graceDays: number): string | null {
  return belowSince === null ? null : graceEnd(belowSince, graceDays);
}

function graceEnd(belowSince: string, graceDays: number): string {
  if (!Number.isSafeInteger(graceDays) || graceDays < 0) throw new RangeError(`graceDays must be a non-negative whole number: ${graceDays}`);
  return addDays(belowSince, graceDays);
}

/**
 * How far the member is on the way from their tier to the next: `ratio` in [0, 1] for a progress bar and the fen
 * still to spend. At the top there is no next tier and the bar is full. A tier code no longer on the ladder counts
 * as the tier the spend reaches, so a member is never shown an error for an operator's edit.
 */
export function tierProgress(ladder: TierRung[], currentCode: string, spendFen: number): { next: TierRung | null; needFen: number; ratio: number } {
  const rungs = byRank(ladder);
  let index = rungs.findIndex((rung) => rung.code === currentCode);
  if (index < 0) index = rungs.indexOf(tierForSpend(rungs, spendFen));
  const current = rungs[index];
  const next = rungs[index + 1] ?? null;
  if (next === null) return { next: null, needFen: 0, ratio: 1 };
  const ratio = (spendFen - current.minSpendFen) / (next.minSpendFen - current.minSpendFen);
  return { next, needFen: Math.max(0, next.minSpendFen - spendFen), ratio: Math.min(1, Math.max(0, ratio)) };
}

function byRank(ladder: TierRung[]): TierRung[] {
  if (ladder.length === 0) throw new RangeError('the tier ladder is empty');
  return [...ladder].sort((a, b) => a.rank - b.rank);
}
