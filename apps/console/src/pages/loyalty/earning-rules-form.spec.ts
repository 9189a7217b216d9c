import { bonusTargetLabel, duplicateBonusRules, earningExample, exampleTier, toEarningRulesBody, toEarningRulesFormValues } from './earning-rules-form';
import { earningRules, tiers } from './loyalty.fixtures';

describe(toEarningRulesBody.name, () => {
  it('sends exactly the DTO’s fields: the view’s updatedAt stays behind, which the API would refuse', () => {
    const body = toEarningRulesBody(toEarningRulesFormValues(earningRules));
    expect(body).not.toHaveProperty('updatedAt');
    const { updatedAt, ...rules } = earningRules;
    expect(updatedAt).toBeDefined();
    expect(body).toEqual(rules);
  });

  it('trims bonus values and writes SKUs in capitals, leaving categories as they are', () => {
    const values = {
      ...toEarningRulesFormValues(earningRules),
      bonusRules: [
        { kind: 'sku' as const, value: ' glow-mask-01 ', multiplierPct: 200 },
        { kind: 'category' as const, value: 'makeup', multiplierPct: 150 },
      ],
    };
    expect(toEarningRulesBody(values).bonusRules).toEqual([
      { kind: 'sku', value: 'GLOW-MASK-01', multiplierPct: 200 },
      { kind: 'category', value: 'makeup', multiplierPct: 150 },
    ]);
  });
});

describe(duplicateBonusRules.name, () => {
  it('names a SKU or category that has two rules, however the SKU was typed', () => {
    expect(
      duplicateBonusRules([
        { kind: 'sku', value: 'GLOW-A1', multiplierPct: 200 },
        { kind: 'sku', value: ' glow-a1', multiplierPct: 300 },
        { kind: 'category', value: 'skincare', multiplierPct: 150 },
        { kind: 'category', value: 'skincare', multiplierPct: 120 },
        { kind: 'category', value: 'makeup', multiplierPct: 120 },
      ]),
    ).toEqual(['GLOW-A1', '护肤']);
  });

  it('ignores rows still being filled in', () => {
    expect(duplicateBonusRules([undefined, { kind: 'sku', value: '' }, { kind: 'sku', value: '' }])).toEqual([]);
  });
});

describe(bonusTargetLabel.name, () => {
  it.each([
    ['category', 'fragrance', '香氛'],
    ['category', 'tools', '工具'],
    ['sku', 'glow-1', 'GLOW-1'],
  ] as const)('%s %s → %s', (kind, value, label) => {
    expect(bonusTargetLabel(kind, value)).toBe(label);
  });
});

describe(exampleTier.name, () => {
  it('prefers 银卡, then the second tier, then the only one', () => {
    expect(exampleTier(tiers)?.name).toBe('银卡');
    expect(exampleTier([tiers[0], tiers[2]])?.name).toBe('金卡');
    expect(exampleTier([tiers[0]])?.name).toBe('粉卡');
    expect(exampleTier([])).toBeNull();
    expect(exampleTier(undefined)).toBeNull();
  });
});

describe(earningExample.name, () => {
  const values = toEarningRulesFormValues(earningRules);

  it('computes ¥399 for a 银卡 member in the birthday month, floored once: 399 × 1.2 × 2 = 957.6 → 957', () => {
    expect(earningExample(values, exampleTier(tiers))).toBe('消费 ¥399 可得 957 积分（银卡 ×1.2，生日月 ×2）');
  });

  it('follows the values being edited', () => {
    expect(earningExample({ ...values, pointsPerYuan: 2, birthdayMultiplierPct: 150 }, exampleTier(tiers))).toBe('消费 ¥399 可得 1,436 积分（银卡 ×1.2，生日月 ×1.5）');
  });

  it('leaves the tier out when the ladder is unknown', () => {
    expect(earningExample(values, null)).toBe('消费 ¥399 可得 798 积分（生日月 ×2）');
  });

  it('shows nothing while a value is missing', () => {
    expect(earningExample({ ...values, pointsPerYuan: null }, null)).toBeNull();
  });
});
