import type { OrderChannel, OrderStatus, PointsLotStatus, RedemptionStatus, RewardKind } from '@glow/contracts';

/*
 * Mirrors of the contract's label maps (ORDER_STATUS_LABELS…): values from the contracts barrel are not imported in
 * the browser (see api-routes.ts); `satisfies` fails the typecheck when a status is added to the contract.
 */

export const ORDER_STATUS_LABELS = {
  created: '待支付',
  paid: '已支付',
  refunded: '已退款',
  partially_refunded: '部分退款',
  cancelled: '已取消',
} as const satisfies Record<OrderStatus, string>;

export const ORDER_STATUSES = Object.keys(ORDER_STATUS_LABELS) as OrderStatus[];

/** antd Tag colours of each order status. */
export const ORDER_STATUS_COLORS = {
  created: 'default',
  paid: 'green',
  refunded: 'red',
  partially_refunded: 'orange',
  cancelled: 'default',
} as const satisfies Record<OrderStatus, string>;

export const ORDER_CHANNEL_LABELS = {
  store: '门店',
  online: '线上',
} as const satisfies Record<OrderChannel, string>;

export const POINTS_LOT_STATUS_LABELS = {
  pending: '待生效',
  active: '可用',
  expired: '已过期',
  cancelled: '已取消',
} as const satisfies Record<PointsLotStatus, string>;

export const POINTS_LOT_STATUS_COLORS = {
  pending: 'orange',
  active: 'green',
  expired: 'default',
  cancelled: 'red',
} as const satisfies Record<PointsLotStatus, string>;

export const REDEMPTION_STATUS_LABELS = {
  issued: '待领取',
  fulfilled: '已领取',
  cancelled: '已取消',
} as const satisfies Record<RedemptionStatus, string>;

export const REDEMPTION_STATUSES = Object.keys(REDEMPTION_STATUS_LABELS) as RedemptionStatus[];

export const REDEMPTION_STATUS_COLORS = {
  issued: 'blue',
  fulfilled: 'green',
  cancelled: 'default',
} as const satisfies Record<RedemptionStatus, string>;

export const REWARD_KIND_LABELS = {
  product: '实物',
  coupon: '优惠券',
  service: '服务',
} as const satisfies Record<RewardKind, string>;

/** How staff name a member on an order or redemption: real name, else WeChat nickname, else the member number. */
export function memberName(member: { memberNo: string; name: string | null; nickname?: string | null } | null): string {
  if (!member) return '会员已注销';
  return member.name || member.nickname || member.memberNo;
}

/** A points change with its sign, as the ledger shows it: +120, -80, 0. */
export function signedPoints(delta: number): string {
  return delta > 0 ? `+${delta.toLocaleString('zh-CN')}` : delta.toLocaleString('zh-CN');
}
