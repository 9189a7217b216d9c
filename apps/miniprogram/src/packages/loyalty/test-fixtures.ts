import type { MemberRewardView, RedemptionView } from '@glow/contracts';

/** A reward as the API shows it to a member who can redeem it. */
export function memberReward(overrides: Partial<MemberRewardView> = {}): MemberRewardView {
  return {
    id: 'rw-1',
    kind: 'product',
    name: '水光精华旅行装',
    description: '15ml 旅行装，适合随身携带',
    imageUrl: null,
    pointsCost: 1200,
    stockTotal: 100,
    stockLeft: 12,
    perMemberLimit: 2,
    startsAt: null,
    endsAt: null,
    minTier: null,
    productId: 'p-1',
    couponTemplateCode: null,
    active: true,
    redeemedCount: 88,
    redeemable: true,
    blockedReason: null,
    redeemedByMe: 0,
    ...overrides,
  };
}

export function redemption(overrides: Partial<RedemptionView> = {}): RedemptionView {
  return {
    id: 'rd-1',
    reward: { id: 'rw-1', kind: 'product', name: '水光精华旅行装', imageUrl: null },
    member: null,
    points: 1200,
    status: 'issued',
    pickupCode: 'K7M2Q9XA',
    fulfilledAt: null,
    fulfilledStore: null,
    cancelledAt: null,
    createdAt: '2026-12-01T06:00:00.000Z',
    ...overrides,
  };
}
