import { businessClock, businessDate } from '../appointment/business-time';

export interface RewardRule {
  active: boolean;
  stockLeft: number;
  startsAt: Date | null;
  endsAt: Date | null;
  minTierRank: number | null;
  minTierName: string | null;
  pointsCost: number;
  perMemberLimit: number;
}

export interface RewardMember {
  balance: number;
  tierRank: number;
  redeemedByMe: number;
}

export type RewardBlock = 'inactive' | 'not-started' | 'ended' | 'sold-out' | 'tier' | 'limit' | 'points';

/**
 * Why the member cannot redeem the reward now, with the Chinese message the button shows, or null when they can.
 * Reasons that concern everyone come before those about the member, and points come last, so a member is never
 * told to save points for a reward they could not have anyway. The window includes `startsAt` and excludes `endsAt`.
 */
export function rewardBlock(r: RewardRule, m: RewardMember, now: Date): { reason: RewardBlock; message: string } | null {
  if (!r.active) return { reason: 'inactive', message: '已下架' };
  if (r.startsAt !== null && now.getTime() < r.startsAt.getTime()) return { reason: 'not-started', message: `${monthDay(r.startsAt)} ${businessClock(r.startsAt)} 开始兑换` };
  if (r.endsAt !== null && r.endsAt.getTime() <= now.getTime()) return { reason: 'ended', message: '兑换已结束' };
  if (r.stockLeft <= 0) return { reason: 'sold-out', message: '已兑完' };
  if (r.minTierRank !== null && m.tierRank < r.minTierRank) return { reason: 'tier', message: `仅${r.minTierName ?? '指定等级'}及以上会员可兑换` };
  if (m.redeemedByMe >= r.perMemberLimit) return { reason: 'limit', message: '已达兑换上限' };
  if (m.balance < r.pointsCost) return { reason: 'points', message: `积分不足，还差 ${r.pointsCost - m.balance} 积分` };
  return null;
}

/** '3月8日' for a Shanghai business date, without leading zeros as Chinese dates are written. */
function monthDay(instant: Date): string {
  const date = businessDate(instant);
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
