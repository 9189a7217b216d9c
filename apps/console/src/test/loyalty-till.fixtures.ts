import type { MemberAtTill, OrderView, Paged, RedemptionView, StaffMemberPoints } from '@glow/contracts';

/* Fixtures shared by the till, order, redemption and member-points specs. Instants are UTC. */

export const MEMBER_ID = '0b6f3c1e-7d2a-4f5b-9c8d-1e2f3a4b5c6d';

export function paged<T>(items: T[], pageSize = 20): Paged<T> {
  return { items, total: items.length, page: 1, pageSize };
}

export function memberAtTill(overrides: Partial<MemberAtTill> = {}): MemberAtTill {
  return {
    id: MEMBER_ID,
    memberNo: 'GM20260001',
    name: '王晓雯',
    nickname: '小雯',
    phoneMasked: '138****8000',
    tier: { code: 'silver', name: '银卡', rank: 1, multiplierPct: 120 },
    balance: 1280,
    pending: 399,
    ...overrides,
  };
}

export function order(overrides: Partial<OrderView> = {}): OrderView {
  return {
    id: 'o-1',
    orderNo: 'SO202611200001',
    channel: 'store',
    status: 'paid',
    store: { id: 'store-1', name: '上海静安店' },
    advisor: { id: 'staff-advisor', name: '林导购' },
    member: { id: MEMBER_ID, memberNo: 'GM20260001', name: '王晓雯', nickname: '小雯' },
    receiptNo: 'A1001',
    items: [
      { id: 'i-serum', productId: 'p-serum', sku: 'GLOW-SERUM-30', name: '水光精华', category: 'skincare', unitPriceFen: 29900, quantity: 2, paidFen: 57000, refundedQuantity: 0 },
      { id: 'i-cushion', productId: 'p-cushion', sku: 'GLOW-CUSHION', name: '柔雾气垫', category: 'makeup', unitPriceFen: 25900, quantity: 3, paidFen: 74000, refundedQuantity: 1 },
    ],
    subtotalFen: 137500,
    discountFen: 6500,
    totalFen: 131000,
    refundedFen: 24667,
    points: { earned: 1572, status: 'pending', activatesAt: '2026-12-04T02:00:00.000Z' },
    refunds: [],
    coupons: [],
    payBefore: null,
    paidAt: '2026-11-20T02:00:00.000Z',
    createdAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  };
}

/** An order recorded from a receipt alone, without items. */
export function receiptOrder(overrides: Partial<OrderView> = {}): OrderView {
  return order({
    id: 'o-2',
    orderNo: 'SO202611200002',
    receiptNo: 'B2002',
    items: [],
    subtotalFen: 39900,
    discountFen: 0,
    totalFen: 39900,
    refundedFen: 0,
    points: { earned: 478, status: 'active', activatesAt: '2026-11-20T02:00:00.000Z' },
    ...overrides,
  });
}

export function memberPoints(overrides: Partial<StaffMemberPoints> = {}): StaffMemberPoints {
  return {
    summary: {
      balance: 1280,
      pending: 399,
      debt: 20,
      expiringSoon: { points: 300, expiresAt: '2026-12-31T15:59:59.000Z' },
      tier: {
        tier: { code: 'silver', name: '银卡', rank: 1, multiplierPct: 120 },
        qualifyingSpendFen: 380000,
        next: { code: 'gold', name: '金卡', rank: 2, multiplierPct: 150, minSpendFen: 500000 },
        needFen: 120000,
        ratio: 0.6,
        downgradeOn: null,
        benefits: { birthdayCouponCode: null, bookingExtraDays: 3, description: '生日月双倍积分' },
      },
    },
    lots: [
      { id: 'lot-1', earned: 399, remaining: 399, status: 'pending', reason: '门店消费 ¥399.00（小票 A1001）', activatesAt: '2026-12-04T02:00:00.000Z', expiresAt: '2027-11-20T15:59:59.000Z', createdAt: '2026-11-20T02:00:00.000Z' },
      { id: 'lot-2', earned: 1500, remaining: 1280, status: 'active', reason: '期初积分', activatesAt: '2026-10-01T02:00:00.000Z', expiresAt: '2026-12-31T15:59:59.000Z', createdAt: '2026-10-01T02:00:00.000Z' },
      { id: 'lot-3', earned: 100, remaining: 0, status: 'expired', reason: '奖励积分', activatesAt: '2025-10-01T02:00:00.000Z', expiresAt: '2026-10-01T15:59:59.000Z', createdAt: '2025-10-01T02:00:00.000Z' },
    ],
    entries: [
      { id: 'e-3', kind: 'earn', label: '消费获得', delta: 0, pendingDelta: 399, reason: '门店消费 ¥399.00（小票 A1001）', refType: 'order', refId: 'o-1', createdAt: '2026-11-20T02:00:00.000Z' },
      { id: 'e-2', kind: 'spend', label: '积分兑换', delta: -220, pendingDelta: 0, reason: '兑换 旅行装精华', refType: 'redemption', refId: 'r-1', createdAt: '2026-11-01T02:00:00.000Z' },
      { id: 'e-1', kind: 'opening', label: '期初积分', delta: 1500, pendingDelta: 0, reason: '期初积分导入', refType: 'import', refId: 'imp-1', createdAt: '2026-10-01T02:00:00.000Z' },
    ],
    tierHistory: [{ from: '粉卡', to: '银卡', reason: '消费升级', spendFen: 380000, createdAt: '2026-11-20T02:00:00.000Z' }],
    ...overrides,
  };
}

export function redemption(overrides: Partial<RedemptionView> = {}): RedemptionView {
  return {
    id: 'rd-1',
    reward: { id: 'rw-1', kind: 'product', name: '旅行装精华', imageUrl: null },
    member: { id: MEMBER_ID, memberNo: 'GM20260001', name: '王晓雯' },
    points: 220,
    status: 'issued',
    pickupCode: 'AB12CD34',
    fulfilledAt: null,
    fulfilledStore: null,
    cancelledAt: null,
    createdAt: '2026-11-01T02:00:00.000Z',
    ...overrides,
  };
}
