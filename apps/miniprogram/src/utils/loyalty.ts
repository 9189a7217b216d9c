import type {
  MemberRewardView,
  ORDER_STATUS_LABELS as CONTRACT_ORDER_STATUS_LABELS,
  OrderChannel,
  OrderView,
  PointsEntryView,
  PointsLotStatus,
  RedemptionStatus,
  RedemptionView,
  RewardKind,
  TierProgressView,
} from '@glow/contracts';
import { formatYuan } from '@glow/domain';
import { businessDate, formatStamp } from './shanghai-time';

// Contracts are type-only here (class-validator must never reach the WeChat package), so their label maps are
// repeated; `satisfies` makes the type checker fail when a status is added to the contract and not here.
export const ORDER_STATUS_LABELS = {
  created: '待支付',
  paid: '已支付',
  refunded: '已退款',
  partially_refunded: '部分退款',
  cancelled: '已取消',
} as const satisfies typeof CONTRACT_ORDER_STATUS_LABELS;

export const ORDER_CHANNEL_LABELS = { store: '门店消费', online: '线上商城' } as const satisfies Record<OrderChannel, string>;

export const POINTS_LOT_STATUS_LABELS = {
  pending: '待生效',
  active: '已到账',
  expired: '已过期',
  cancelled: '已取消',
} as const satisfies Record<PointsLotStatus, string>;

export const REDEMPTION_STATUS_LABELS = {
  issued: '待领取',
  fulfilled: '已领取',
  cancelled: '已取消',
} as const satisfies Record<RedemptionStatus, string>;

export const REWARD_KIND_LABELS = { product: '实物礼品', coupon: '优惠券', service: '到店服务' } as const satisfies Record<RewardKind, string>;

/** How the member gets what they redeemed. */
export const REWARD_HOW_TO: Record<RewardKind, string> = {
  product: '兑换后凭提货码到门店领取',
  service: '兑换后凭核销码到门店享受服务',
  coupon: '兑换后优惠券将发放至「我的券」',
};

// --- tiers ---

/** `再消费 ¥600.00 升级为金卡`, or `已是最高等级` at the top of the ladder. */
export function tierProgressText(progress: TierProgressView): string {
  if (!progress.next) return '已是最高等级';
  if (progress.needFen <= 0) return `已达到${progress.next.name}门槛，即将升级`;
  return `再消费 ${formatYuan(progress.needFen)} 升级为${progress.next.name}`;
}

/** Width of the progress bar in percent: full at the top of the ladder. */
export function tierProgressPercent(progress: TierProgressView): number {
  if (!progress.next) return 100;
  const ratio = Number.isFinite(progress.ratio) ? progress.ratio : 0;
  return Math.round(Math.min(1, Math.max(0, ratio)) * 100);
}

/** A gentle word when the spend fell below the tier: the day the grace period ends, and how to keep the tier. */
export function downgradeNote(progress: TierProgressView): string | null {
  if (!progress.downgradeOn) return null;
  return `保级截止 ${progress.downgradeOn}，期间继续消费即可保持${progress.tier.name}`;
}

// --- points history ---

export interface EntryAmount {
  /** `+120`, `-300`. */
  text: string;
  direction: 'gain' | 'loss';
  /** The change is to points still inside the return window, not yet usable. */
  pending: boolean;
}

/**
 * The signed change a history row shows. Most rows move the usable balance; earning from an order (and its
 * cancellation by a refund) moves only the pending points, and is marked as such.
 */
export function entryAmount(entry: Pick<PointsEntryView, 'delta' | 'pendingDelta'>): EntryAmount {
  const pending = entry.delta === 0 && entry.pendingDelta !== 0;
  const points = pending ? entry.pendingDelta : entry.delta;
  return { text: points > 0 ? `+${points}` : points < 0 ? `-${Math.abs(points)}` : '0', direction: points < 0 ? 'loss' : 'gain', pending };
}

/** Appends the next page of a list, dropping rows already shown (new rows push older ones onto the next page). */
export function appendPage<T extends { id: string }>(shown: T[], next: T[]): T[] {
  const seen = new Set(shown.map((item) => item.id));
  return [...shown, ...next.filter((item) => !seen.has(item.id))];
}

// --- points mall ---

/** `所有会员`, or `金卡及以上会员`. */
export function rewardTierText(reward: Pick<MemberRewardView, 'minTier'>): string {
  return reward.minTier ? `${reward.minTier.name}及以上会员` : '所有会员';
}

/** `长期有效`, `2026-12-01 00:00 至 2026-12-31 23:59`, `… 起`, `截至 …`. */
export function rewardWindowText(reward: Pick<MemberRewardView, 'startsAt' | 'endsAt'>): string {
  const { startsAt, endsAt } = reward;
  if (startsAt && endsAt) return `${formatStamp(startsAt)} 至 ${formatStamp(endsAt)}`;
  if (startsAt) return `${formatStamp(startsAt)} 起`;
  if (endsAt) return `截至 ${formatStamp(endsAt)}`;
  return '长期有效';
}

/** `每人限兑 2 次，已兑 1 次`. */
export function rewardLimitText(reward: Pick<MemberRewardView, 'perMemberLimit' | 'redeemedByMe'>): string {
  return `每人限兑 ${reward.perMemberLimit} 次，已兑 ${reward.redeemedByMe} 次`;
}

/** A coupon has nothing to pick up, so once issued it is simply redeemed. */
export function redemptionStatusLabel(redemption: Pick<RedemptionView, 'status' | 'reward'>): string {
  if (redemption.reward.kind === 'coupon' && redemption.status === 'issued') return '已兑换';
  return REDEMPTION_STATUS_LABELS[redemption.status];
}

// --- orders ---

/** `+399 积分 · 待生效（2026-12-08 到账）`, `+399 积分 · 已到账`, `本单无积分`. */
export function orderPointsText(points: OrderView['points']): string {
  if (points.earned <= 0 || points.status === null) return '本单无积分';
  const earned = `+${points.earned} 积分`;
  if (points.status === 'pending') {
    const day = points.activatesAt ? businessDate(points.activatesAt) : '';
    return day ? `${earned} · 待生效（${day} 到账）` : `${earned} · 待生效`;
  }
  return `${earned} · ${POINTS_LOT_STATUS_LABELS[points.status]}`;
}

/**
 * An online order the member can still pay (继续支付) or cancel: unpaid, and its payment deadline not yet passed.
 * The API cancels it at `payBefore`; until its job has run, the list must not offer a payment that would be refused.
 */
export function awaitingPayment(order: Pick<OrderView, 'channel' | 'status' | 'payBefore'>, now: Date): boolean {
  if (order.channel !== 'online' || order.status !== 'created') return false;
  return order.payBefore === null || new Date(order.payBefore).getTime() > now.getTime();
}

/** `水光精华 ×2、柔光粉底液` and `等 4 件` beyond the first two lines. */
export function orderItemsText(order: Pick<OrderView, 'items' | 'receiptNo'>): string {
  if (order.items.length === 0) return order.receiptNo ? `小票 ${order.receiptNo}` : '';
  const named = order.items.slice(0, 2).map((item) => (item.quantity > 1 ? `${item.name} ×${item.quantity}` : item.name));
  const count = order.items.reduce((sum, item) => sum + item.quantity, 0);
  return order.items.length > 2 ? `${named.join('、')} 等 ${count} 件` : named.join('、');
}
