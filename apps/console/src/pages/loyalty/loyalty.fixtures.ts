import type { EarningRulesView, PointsImportView, RewardView, TierView } from '@glow/contracts';

export const earningRules: EarningRulesView = {
  pointsPerYuan: 1,
  birthdayMultiplierPct: 200,
  bonusRules: [{ kind: 'sku', value: 'GLOW-SERUM-30', multiplierPct: 300 }],
  monthlyCap: 0,
  returnWindowDays: 7,
  validityDays: 365,
  expiryReminderDays: 30,
  profileBonus: 50,
  skinTestBonus: 30,
  referralBonus: 100,
  bonusMonthlyCap: 500,
  tierGraceDays: 30,
  updatedAt: '2026-11-02T08:30:00.000Z',
};

export function tier(overrides: Partial<TierView> & Pick<TierView, 'code' | 'name' | 'rank' | 'minSpendFen'>): TierView {
  return {
    multiplierPct: 100,
    benefits: { birthdayCouponCode: null, bookingExtraDays: 0, description: '' },
    memberCount: 0,
    ...overrides,
  };
}

export const tiers: TierView[] = [
  tier({ code: 'pink', name: '粉卡', rank: 0, minSpendFen: 0, memberCount: 1200 }),
  tier({ code: 'silver', name: '银卡', rank: 1, minSpendFen: 200_000, multiplierPct: 120, memberCount: 300 }),
  tier({
    code: 'gold',
    name: '金卡',
    rank: 2,
    minSpendFen: 800_000,
    multiplierPct: 150,
    benefits: { birthdayCouponCode: 'BDAY-GOLD', bookingExtraDays: 7, description: '生日礼券、优先预约' },
    memberCount: 45,
  }),
  tier({ code: 'black', name: '黑金', rank: 3, minSpendFen: 2_000_000, multiplierPct: 200, memberCount: 0 }),
];

export function reward(overrides: Partial<RewardView> = {}): RewardView {
  return {
    id: 'rw-lipstick',
    kind: 'product',
    name: '丝绒口红小样',
    description: '到店领取',
    imageUrl: 'https://cdn.example.com/lipstick.jpg',
    pointsCost: 800,
    stockTotal: 100,
    stockLeft: 25,
    perMemberLimit: 2,
    startsAt: '2026-11-01T00:00:00.000Z',
    endsAt: null,
    minTier: { code: 'silver', name: '银卡' },
    productId: '5b6f0c0e-3c1f-4f3e-9a43-5f9b0c1d2e3f',
    couponTemplateCode: null,
    active: true,
    redeemedCount: 75,
    ...overrides,
  };
}

export function pointsImport(overrides: Partial<PointsImportView> = {}): PointsImportView {
  return {
    id: 'imp-1',
    fileName: '期初积分.xlsx',
    status: 'running',
    total: 4,
    processed: 0,
    imported: 0,
    errors: [],
    createdAt: '2026-11-03T02:00:00.000Z',
    finishedAt: null,
    ...overrides,
  };
}
