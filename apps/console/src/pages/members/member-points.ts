import type { TierProgressView } from '@glow/contracts';
import { formatYuan } from '../../shared/format';

/** Mirrors AdjustPointsDto's limits (values from the contracts barrel are not imported, see api-routes.ts). */
export const MAX_ADJUST = 1_000_000;
export const ADJUST_REASON_MIN = 2;
export const ADJUST_REASON_MAX = 100;

/** The tier progress bar's percentage, 0–100 (100 at the top tier). */
export function tierPercent(tier: Pick<TierProgressView, 'ratio' | 'next'>): number {
  if (!tier.next) return 100;
  return Math.min(Math.max(Math.round(tier.ratio * 100), 0), 100);
}

/** What the member still needs for the next tier: 再消费 ¥1,200.00 升级为 金卡. */
export function tierProgressText(tier: Pick<TierProgressView, 'next' | 'needFen'>): string {
  if (!tier.next) return '已是最高等级';
  if (tier.needFen <= 0) return `已达到 ${tier.next.name} 门槛，等待升级`;
  return `再消费 ${formatYuan(tier.needFen)} 升级为 ${tier.next.name}`;
}

export type AdjustBuild = { ok: true; delta: number; reason: string } | { ok: false; problem: string };

/** A manual adjustment as typed, or why it cannot be sent: a non-zero whole number and a reason of 2–100 characters. */
export function checkAdjustment(delta: number | null | undefined, reason: string): AdjustBuild {
  if (delta === null || delta === undefined || !Number.isInteger(delta) || delta === 0) return { ok: false, problem: '请输入非零的整数积分，负数为扣减' };
  if (Math.abs(delta) > MAX_ADJUST) return { ok: false, problem: `单次调整不能超过 ${MAX_ADJUST.toLocaleString('zh-CN')} 分` };
  const text = reason.trim();
  if (text.length < ADJUST_REASON_MIN) return { ok: false, problem: '请填写调整原因（至少 2 个字）' };
  if (text.length > ADJUST_REASON_MAX) return { ok: false, problem: `调整原因最多 ${ADJUST_REASON_MAX} 个字` };
  return { ok: true, delta, reason: text };
}
