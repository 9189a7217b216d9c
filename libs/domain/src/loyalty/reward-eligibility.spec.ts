import { type RewardBlock, rewardBlock, type RewardMember, type RewardRule } from './reward-eligibility';

const NOW = new Date('2025-03-10T04:00:00.000Z');
const RULE: RewardRule = {
  active: true,
  stockLeft: 10,
  startsAt: new Date('2025-03-01T00:00:00Z'),
  endsAt: new Date('2025-03-31T16:00:00Z'),
  minTierRank: 2,
  minTierName: '金卡',
  pointsCost: 300,
  perMemberLimit: 2,
};
const MEMBER: RewardMember = { balance: 1000, tierRank: 2, redeemedByMe: 0 };
const at = (iso: string) => new Date(iso);

describe(rewardBlock.name, () => {
  it('lets an eligible member redeem', () => {
    expect(rewardBlock(RULE, MEMBER, NOW)).toBeNull();
  });

  it.each<[string, Partial<RewardRule>, Partial<RewardMember>, RewardBlock, string]>([
    ['taken off the shelf', { active: false }, {}, 'inactive', '已下架'],
    ['not yet started (the time shown is Shanghai time)', { startsAt: at('2025-03-15T02:00:00Z') }, {}, 'not-started', '3月15日 10:00 开始兑换'],
    ['starting just after Shanghai midnight', { startsAt: at('2025-03-10T16:05:00Z') }, {}, 'not-started', '3月11日 00:05 开始兑换'],
    ['starting a millisecond from now', { startsAt: at('2025-03-10T04:00:00.001Z') }, {}, 'not-started', '3月10日 12:00 开始兑换'],
    ['ended', { endsAt: at('2025-03-09T16:00:00Z') }, {}, 'ended', '兑换已结束'],
    ['ending exactly now', { endsAt: NOW }, {}, 'ended', '兑换已结束'],
    ['sold out', { stockLeft: 0 }, {}, 'sold-out', '已兑完'],
    ['stock oversold below zero', { stockLeft: -1 }, {}, 'sold-out', '已兑完'],
    ['tier too low', {}, { tierRank: 1 }, 'tier', '仅金卡及以上会员可兑换'],
    ['tier too low with the tier name missing', { minTierName: null }, { tierRank: 0 }, 'tier', '仅指定等级及以上会员可兑换'],
    ['limit reached', {}, { redeemedByMe: 2 }, 'limit', '已达兑换上限'],
    ['limit exceeded', { perMemberLimit: 1 }, { redeemedByMe: 3 }, 'limit', '已达兑换上限'],
    ['one point short', {}, { balance: 299 }, 'points', '积分不足，还差 1 积分'],
    ['no points', {}, { balance: 0 }, 'points', '积分不足，还差 300 积分'],
    ['in points debt', {}, { balance: -50 }, 'points', '积分不足，还差 350 积分'],
  ])('%s', (_, rule, member, reason, message) => {
    expect(rewardBlock({ ...RULE, ...rule }, { ...MEMBER, ...member }, NOW)).toEqual({ reason, message });
  });

  it.each<[string, Partial<RewardRule>, Partial<RewardMember>]>([
    ['starting exactly now', { startsAt: NOW }, {}],
    ['without start or end', { startsAt: null, endsAt: null }, {}],
    ['ending a millisecond from now', { endsAt: at('2025-03-10T04:00:00.001Z') }, {}],
    ['the last one in stock', { stockLeft: 1 }, {}],
    ['a higher tier than required', {}, { tierRank: 3 }],
    ['no tier required', { minTierRank: null, minTierName: null }, { tierRank: 0 }],
    ['one redemption left', {}, { redeemedByMe: 1 }],
    ['exactly enough points', {}, { balance: 300 }],
    ['a free reward', { pointsCost: 0 }, { balance: 0 }],
  ])('allows redeeming %s', (_, rule, member) => {
    expect(rewardBlock({ ...RULE, ...rule }, { ...MEMBER, ...member }, NOW)).toBeNull();
  });

  it.each<[string, Partial<RewardRule>, Partial<RewardMember>, RewardBlock]>([
    ['off the shelf comes before everything else', { active: false, stockLeft: 0, startsAt: at('2025-04-01T00:00:00Z') }, { balance: 0, tierRank: 0, redeemedByMe: 9 }, 'inactive'],
    ['not started comes before sold out', { startsAt: at('2025-04-01T00:00:00Z'), stockLeft: 0 }, { balance: 0 }, 'not-started'],
    ['ended comes before sold out', { endsAt: at('2025-03-01T00:00:00Z'), stockLeft: 0 }, {}, 'ended'],
    ['sold out comes before the member’s tier', { stockLeft: 0 }, { tierRank: 0, balance: 0 }, 'sold-out'],
    ['tier comes before the limit', {}, { tierRank: 0, redeemedByMe: 5, balance: 0 }, 'tier'],
    ['the limit comes before points: no point telling them to save up', {}, { redeemedByMe: 2, balance: 0 }, 'limit'],
  ])('%s', (_, rule, member, reason) => {
    expect(rewardBlock({ ...RULE, ...rule }, { ...MEMBER, ...member }, NOW)?.reason).toBe(reason);
  });
});
