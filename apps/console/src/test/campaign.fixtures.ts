import type { CampaignReport, CampaignRunView, CampaignView, SegmentPreviewView, SegmentView, StoreAnalyticsView } from '@glow/contracts';

/* Fixtures shared by the segment, campaign, report and analytics specs. Instants are UTC. */

export const SEGMENT_ID = '5f0c2a4e-8b1d-4c3a-9e7f-2a1b3c4d5e6f';
export const CAMPAIGN_ID = '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

export function segment(overrides: Partial<SegmentView> = {}): SegmentView {
  return {
    id: SEGMENT_ID,
    name: '沉睡金卡会员',
    description: '90天未购的金卡',
    rule: { op: 'and', children: [{ field: 'tier', values: ['gold'] }, { field: 'daysSinceLastPurchase', min: 90 }] },
    summary: '会员等级为金卡 且 距上次购买≥90天',
    count: 1280,
    countedAt: '2026-11-20T02:00:00.000Z',
    campaigns: 1,
    createdAt: '2026-11-01T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  };
}

export function segmentPreview(overrides: Partial<SegmentPreviewView> = {}): SegmentPreviewView {
  return {
    count: 1280,
    summary: '会员等级为金卡',
    metricsAt: '2026-11-20T18:00:00.000Z',
    sample: [
      {
        id: 'm-1',
        memberNo: 'GM20260001',
        name: '王晓雯',
        phoneMasked: '138****8000',
        tierName: '金卡',
        city: '上海',
        lifecycle: 'dormant',
        lastPurchaseAt: '2026-06-01T02:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

export function campaignRun(overrides: Partial<CampaignRunView> = {}): CampaignRunView {
  return {
    id: 'run-1',
    occurrence: 'once',
    status: 'done',
    audience: 1280,
    holdout: 128,
    processed: 1152,
    touched: 1100,
    skipped: { budget: 40, 'no-openid': 12 },
    error: null,
    startedAt: '2026-11-21T02:00:00.000Z',
    finishedAt: '2026-11-21T02:05:00.000Z',
    createdAt: '2026-11-21T02:00:00.000Z',
    ...overrides,
  };
}

/** A launched one-off campaign: a ¥50 coupon and a reminder to the dormant gold members, finished. */
export function campaign(overrides: Partial<CampaignView> = {}): CampaignView {
  return {
    id: CAMPAIGN_ID,
    name: '金卡唤醒',
    kind: 'one-off',
    status: 'completed',
    segment: { id: SEGMENT_ID, name: '沉睡金卡会员' },
    journey: null,
    scheduledAt: null,
    actions: [
      { kind: 'coupon', couponTemplateCode: 'CPN-300-50' },
      { kind: 'message', messageTemplate: 'coupon-arrival', messageText: '您有一张金卡专享券' },
    ],
    budgetTotal: 2000,
    budgetPerDay: null,
    quietFrom: '21:00',
    quietUntil: '09:00',
    frequencyCap: { touches: 2, days: 7 },
    holdoutPct: 10,
    attributionDays: 7,
    endsAt: null,
    launchedAt: '2026-11-21T02:00:00.000Z',
    touched: 1100,
    touchedToday: 0,
    lastRun: campaignRun(),
    createdAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-11-21T02:05:00.000Z',
    ...overrides,
  };
}

export function campaignReport(overrides: Partial<CampaignReport> = {}): CampaignReport {
  return {
    campaign: campaign(),
    funnel: { audience: 1280, holdout: 128, touched: 1100, messaged: 900, issued: 1100, claimed: 1100, redeemed: 264, ordered: 198 },
    claimRate: 1,
    redemptionRate: 0.24,
    conversionRate: 0.18,
    holdoutConversionRate: 0.0625,
    orders: 210,
    salesFen: 12_600_000,
    holdoutOrders: 8,
    holdoutSalesFen: 400_000,
    incrementalSalesFen: 8_200_000,
    costFen: 1_320_000,
    roi: 8.545,
    daily: [
      { date: '2026-11-21', touched: 1100, redeemed: 120, orders: 90, salesFen: 5_400_000 },
      { date: '2026-11-22', touched: 0, redeemed: 144, orders: 120, salesFen: 7_200_000 },
    ],
    ...overrides,
  };
}

export function storeAnalytics(overrides: Partial<StoreAnalyticsView> = {}): StoreAnalyticsView {
  return {
    from: '2026-08-24',
    to: '2026-11-21',
    storeId: null,
    kpis: {
      members: 12_800,
      buyers: 3_200,
      orders: 5_100,
      salesFen: 204_000_000,
      aovFen: 40_000,
      activeShare: 0.25,
      churnRate: 0.31,
      clvFen: 186_000,
      repurchase30: 0.12,
      repurchase90: 0.27,
      repurchase180: null,
      newBuyers: 1_100,
      returningBuyers: 2_100,
    },
    salesDaily: [
      { date: '2026-11-20', orders: 60, salesFen: 2_400_000 },
      { date: '2026-11-21', orders: 75, salesFen: 3_150_000 },
    ],
    newVsReturning: [
      { month: '2026-10', newBuyers: 400, returningBuyers: 700, newSalesFen: 12_000_000, returningSalesFen: 30_000_000 },
      { month: '2026-11', newBuyers: 350, returningBuyers: 760, newSalesFen: 11_000_000, returningSalesFen: 33_000_000 },
    ],
    tierDistribution: [
      { tierCode: 'pink', tierName: '粉卡', members: 10_000 },
      { tierCode: 'gold', tierName: '金卡', members: 2_800 },
    ],
    cohorts: [
      { month: '2026-09', size: 500, retention: [0.4, 0.2, 0.15] },
      { month: '2026-10', size: 420, retention: [0.38, 0.21] },
    ],
    advisors: [
      { advisorId: 'a-2', name: '陈导购', storeName: '北京国贸店', orders: 80, salesFen: 3_000_000, members: 60 },
      { advisorId: 'a-1', name: '林导购', storeName: '上海静安店', orders: 120, salesFen: 5_200_000, members: 95 },
    ],
    refreshedAt: '2026-11-21T19:00:00.000Z',
    ...overrides,
  };
}
