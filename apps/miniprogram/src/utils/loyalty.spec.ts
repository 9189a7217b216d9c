import type { OrderView, TierProgressView } from '@glow/contracts';
import {
  appendPage,
  awaitingPayment,
  downgradeNote,
  entryAmount,
  orderItemsText,
  orderPointsText,
  redemptionStatusLabel,
  rewardLimitText,
  rewardTierText,
  rewardWindowText,
  tierProgressPercent,
  tierProgressText,
} from './loyalty';

const BENEFITS = { birthdayCouponCode: null, bookingExtraDays: 0, description: '' };

function progress(overrides: Partial<TierProgressView> = {}): TierProgressView {
  return {
    tier: { code: 'silver', name: '银卡', rank: 1, multiplierPct: 110 },
    qualifyingSpendFen: 140000,
    next: { code: 'gold', name: '金卡', rank: 2, multiplierPct: 120, minSpendFen: 200000 },
    needFen: 60000,
    ratio: 0.4,
    downgradeOn: null,
    benefits: BENEFITS,
    ...overrides,
  };
}

describe('tier progress', () => {
  it.each([
    ['on the way to the next tier', progress(), '再消费 ¥600.00 升级为金卡', 40],
    ['a fen short', progress({ needFen: 1, ratio: 0.99999 }), '再消费 ¥0.01 升级为金卡', 100],
    ['at the threshold, before the upgrade lands', progress({ needFen: 0, ratio: 1 }), '已达到金卡门槛，即将升级', 100],
    ['at the top of the ladder', progress({ next: null, needFen: 0, ratio: 1 }), '已是最高等级', 100],
    ['at the top, whatever ratio says', progress({ next: null, needFen: 0, ratio: 0 }), '已是最高等级', 100],
    ['with a ratio out of range', progress({ ratio: 1.7 }), '再消费 ¥600.00 升级为金卡', 100],
    ['with a negative ratio after refunds', progress({ ratio: -0.2 }), '再消费 ¥600.00 升级为金卡', 0],
  ])('%s', (_, tier, text, percent) => {
    expect(tierProgressText(tier)).toBe(text);
    expect(tierProgressPercent(tier)).toBe(percent);
  });

  it('notes the end of the grace period only when a downgrade is coming', () => {
    expect(downgradeNote(progress())).toBeNull();
    expect(downgradeNote(progress({ downgradeOn: '2027-01-31' }))).toBe('保级截止 2027-01-31，期间继续消费即可保持银卡');
  });
});

describe(entryAmount.name, () => {
  it.each([
    ['order points, still pending', { delta: 0, pendingDelta: 399 }, { text: '+399', direction: 'gain', pending: true }],
    ['pending points activated', { delta: 399, pendingDelta: -399 }, { text: '+399', direction: 'gain', pending: false }],
    ['a redemption', { delta: -1200, pendingDelta: 0 }, { text: '-1200', direction: 'loss', pending: false }],
    ['pending points cancelled by a refund', { delta: 0, pendingDelta: -120 }, { text: '-120', direction: 'loss', pending: true }],
    ['an opening balance', { delta: 500, pendingDelta: 0 }, { text: '+500', direction: 'gain', pending: false }],
    ['a claw-back that only became debt', { delta: 0, pendingDelta: 0 }, { text: '0', direction: 'gain', pending: false }],
  ])('%s', (_, entry, amount) => {
    expect(entryAmount(entry)).toEqual(amount);
  });
});

describe(appendPage.name, () => {
  it('appends the next page without repeating rows that moved onto it', () => {
    const shown = [{ id: 'a' }, { id: 'b' }];

    expect(appendPage(shown, [{ id: 'b' }, { id: 'c' }])).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(appendPage([], [{ id: 'a' }])).toEqual([{ id: 'a' }]);
  });
});

describe('reward rules', () => {
  it('names the tier restriction', () => {
    expect(rewardTierText({ minTier: null })).toBe('所有会员');
    expect(rewardTierText({ minTier: { code: 'gold', name: '金卡' } })).toBe('金卡及以上会员');
  });

  it('writes the redemption window in Shanghai time', () => {
    expect(rewardWindowText({ startsAt: null, endsAt: null })).toBe('长期有效');
    expect(rewardWindowText({ startsAt: '2026-11-30T16:00:00.000Z', endsAt: '2026-12-31T15:59:00.000Z' })).toBe('2026-12-01 00:00 至 2026-12-31 23:59');
    expect(rewardWindowText({ startsAt: '2026-11-30T16:00:00.000Z', endsAt: null })).toBe('2026-12-01 00:00 起');
    expect(rewardWindowText({ startsAt: null, endsAt: '2026-12-31T15:59:00.000Z' })).toBe('截至 2026-12-31 23:59');
  });

  it('states the per-member limit and how much of it is used', () => {
    expect(rewardLimitText({ perMemberLimit: 2, redeemedByMe: 1 })).toBe('每人限兑 2 次，已兑 1 次');
  });

  it('labels a redemption by its status, a coupon being redeemed once issued', () => {
    const product = { id: 'r', kind: 'product' as const, name: '小样', imageUrl: null };
    expect(redemptionStatusLabel({ status: 'issued', reward: product })).toBe('待领取');
    expect(redemptionStatusLabel({ status: 'fulfilled', reward: product })).toBe('已领取');
    expect(redemptionStatusLabel({ status: 'cancelled', reward: product })).toBe('已取消');
    expect(redemptionStatusLabel({ status: 'issued', reward: { ...product, kind: 'coupon' } })).toBe('已兑换');
  });
});

describe('orders', () => {
  it.each<[string, OrderView['points'], string]>([
    ['pending until the return window ends', { earned: 399, status: 'pending', activatesAt: '2026-12-07T16:00:00.000Z' }, '+399 积分 · 待生效（2026-12-08 到账）'],
    ['pending without a date', { earned: 399, status: 'pending', activatesAt: null }, '+399 积分 · 待生效'],
    ['active', { earned: 399, status: 'active', activatesAt: '2026-12-07T16:00:00.000Z' }, '+399 积分 · 已到账'],
    ['cancelled by a refund', { earned: 399, status: 'cancelled', activatesAt: null }, '+399 积分 · 已取消'],
    ['no points', { earned: 0, status: null, activatesAt: null }, '本单无积分'],
  ])('points %s', (_, points, text) => {
    expect(orderPointsText(points)).toBe(text);
  });

  const item = (name: string, quantity: number) => ({ name, quantity }) as OrderView['items'][number];

  it('summarises the items, or names the receipt of an order recorded without them', () => {
    expect(orderItemsText({ items: [item('水光精华', 2)], receiptNo: null })).toBe('水光精华 ×2');
    expect(orderItemsText({ items: [item('水光精华', 1), item('柔光粉底液', 1), item('卸妆油', 2)], receiptNo: null })).toBe('水光精华、柔光粉底液 等 4 件');
    expect(orderItemsText({ items: [], receiptNo: 'A1001' })).toBe('小票 A1001');
  });

  it.each<[string, Pick<OrderView, 'channel' | 'status' | 'payBefore'>, boolean]>([
    ['an unpaid online order before its deadline', { channel: 'online', status: 'created', payBefore: '2026-12-01T06:30:00.000Z' }, true],
    ['an unpaid online order without a deadline', { channel: 'online', status: 'created', payBefore: null }, true],
    ['an unpaid online order past its deadline', { channel: 'online', status: 'created', payBefore: '2026-12-01T06:00:00.000Z' }, false],
    ['a paid online order', { channel: 'online', status: 'paid', payBefore: null }, false],
    ['a cancelled online order', { channel: 'online', status: 'cancelled', payBefore: '2026-12-01T06:30:00.000Z' }, false],
    ['a store order', { channel: 'store', status: 'created', payBefore: null }, false],
  ])('offers 继续支付 for %s: %p', (_, order, expected) => {
    expect(awaitingPayment(order, new Date('2026-12-01T06:10:00.000Z'))).toBe(expected);
  });
});
