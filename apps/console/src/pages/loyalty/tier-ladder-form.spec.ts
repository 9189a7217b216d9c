import { tiers } from './loyalty.fixtures';
import { ladderProblems, newTierRow, tierFormPathOf, toSaveTiersBody, toTierLadderFormValues } from './tier-ladder-form';

describe(toTierLadderFormValues.name, () => {
  it('shows thresholds in yuan, lowest tier first, whatever order the API answered in', () => {
    const rows = toTierLadderFormValues([...tiers].reverse()).tiers;
    expect(rows.map((row) => row.name)).toEqual(['粉卡', '银卡', '金卡', '黑金']);
    expect(rows.map((row) => row.minSpendYuan)).toEqual([0, 2000, 8000, 20000]);
    expect(rows[2]).toMatchObject({ birthdayCouponCode: 'BDAY-GOLD', bookingExtraDays: 7, memberCount: 45 });
  });
});

describe(toSaveTiersBody.name, () => {
  it('sends the rows in table order with thresholds in fen, benefits nested and no member counts', () => {
    const values = toTierLadderFormValues(tiers);
    values.tiers[1] = { ...values.tiers[1], code: ' Silver ', name: ' 银卡 ', minSpendYuan: 1999.99, birthdayCouponCode: '  ' };
    const body = toSaveTiersBody(values);
    expect(body.tiers[1]).toEqual({
      code: 'silver',
      name: '银卡',
      minSpendFen: 199999,
      multiplierPct: 120,
      benefits: { birthdayCouponCode: null, bookingExtraDays: 0, description: '' },
    });
    expect(body.tiers[2].benefits).toEqual({ birthdayCouponCode: 'BDAY-GOLD', bookingExtraDays: 7, description: '生日礼券、优先预约' });
    expect(body.tiers[0]).not.toHaveProperty('memberCount');
  });
});

describe(ladderProblems.name, () => {
  const values = () => toTierLadderFormValues(tiers);

  it('accepts the saved ladder', () => {
    expect(ladderProblems(values(), tiers)).toEqual([]);
  });

  it('refuses a threshold not above the tier below', () => {
    const ladder = values();
    ladder.tiers[2].minSpendYuan = 2000;
    expect(ladderProblems(ladder, tiers)).toEqual(['「金卡」的消费门槛必须高于上一等级']);
  });

  it('refuses a first tier that not everyone reaches', () => {
    const ladder = values();
    ladder.tiers[0].minSpendYuan = 100;
    expect(ladderProblems(ladder, tiers)).toContain('第一个等级的消费门槛必须为 0');
  });

  it('refuses a code used twice, compared as sent (lower case)', () => {
    const ladder = values();
    ladder.tiers[3].code = 'GOLD';
    // 黑金 has no members, so giving it another code is not refused for that.
    expect(ladderProblems(ladder, tiers)).toEqual(['等级代码「gold」重复']);
  });

  it('refuses leaving out a tier members still hold, but not an empty one', () => {
    const ladder = values();
    ladder.tiers = ladder.tiers.filter((row) => row.code !== 'gold' && row.code !== 'black');
    expect(ladderProblems(ladder, tiers)).toEqual(['「金卡」仍有 45 名会员，不能删除或修改代码']);
  });
});

describe(newTierRow.name, () => {
  it('starts a new top tier ¥1,000 above the current top, and the first tier at 0', () => {
    expect(newTierRow(toTierLadderFormValues(tiers).tiers).minSpendYuan).toBe(21000);
    expect(newTierRow([]).minSpendYuan).toBe(0);
  });
});

describe(tierFormPathOf.name, () => {
  it.each([
    ['tiers.1.minSpendFen', ['tiers', 1, 'minSpendYuan']],
    ['tiers.0.benefits.birthdayCouponCode', ['tiers', 0, 'birthdayCouponCode']],
    ['tiers.2.code', ['tiers', 2, 'code']],
  ])('%s → %j', (field, path) => {
    expect(tierFormPathOf(field)).toEqual(path);
  });
});
