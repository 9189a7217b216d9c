import { checkAdjustment, tierPercent, tierProgressText } from './member-points';

const gold = { code: 'gold', name: '金卡', rank: 2, multiplierPct: 150, minSpendFen: 500000 };

describe(tierPercent.name, () => {
  it.each([
    [{ ratio: 0.456, next: gold }, 46],
    [{ ratio: 0, next: gold }, 0],
    [{ ratio: 1.2, next: gold }, 100],
    [{ ratio: -0.1, next: gold }, 0],
    [{ ratio: 0, next: null }, 100],
  ])('%j → %d%%', (tier, percent) => {
    expect(tierPercent(tier)).toBe(percent);
  });
});

describe(tierProgressText.name, () => {
  it('says how much more to spend for the next tier, in yuan', () => {
    expect(tierProgressText({ next: gold, needFen: 120000 })).toBe('再消费 ¥1,200.00 升级为 金卡');
    expect(tierProgressText({ next: gold, needFen: 0 })).toBe('已达到 金卡 门槛，等待升级');
    expect(tierProgressText({ next: null, needFen: 0 })).toBe('已是最高等级');
  });
});

describe(checkAdjustment.name, () => {
  it.each([
    [200, ' 线下活动补发 ', { ok: true, delta: 200, reason: '线下活动补发' }],
    [-50, '误操作扣回', { ok: true, delta: -50, reason: '误操作扣回' }],
    [0, '补发', { ok: false, problem: '请输入非零的整数积分，负数为扣减' }],
    [null, '补发', { ok: false, problem: '请输入非零的整数积分，负数为扣减' }],
    [1.5, '补发', { ok: false, problem: '请输入非零的整数积分，负数为扣减' }],
    [1_000_001, '补发', { ok: false, problem: '单次调整不能超过 1,000,000 分' }],
    [10, ' 补 ', { ok: false, problem: '请填写调整原因（至少 2 个字）' }],
    [10, '长'.repeat(101), { ok: false, problem: '调整原因最多 100 个字' }],
  ])('%j with %j → %j', (delta, reason, expected) => {
    expect(checkAdjustment(delta, reason)).toEqual(expected);
  });
});
