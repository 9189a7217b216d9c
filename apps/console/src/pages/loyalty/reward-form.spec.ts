import { reward } from './loyalty.fixtures';
import { stockPercent, toRewardFormValues, toSaveRewardBody, windowProblem } from './reward-form';

describe(toSaveRewardBody.name, () => {
  it('sends an unchanged reward back as the API gave it', () => {
    const view = reward();
    expect(toSaveRewardBody(toRewardFormValues(view))).toEqual({
      kind: 'product',
      name: '丝绒口红小样',
      description: '到店领取',
      imageUrl: 'https://cdn.example.com/lipstick.jpg',
      pointsCost: 800,
      stockTotal: 100,
      perMemberLimit: 2,
      startsAt: '2026-11-01T00:00:00.000Z',
      endsAt: null,
      minTierCode: 'silver',
      productId: view.productId,
      couponTemplateCode: null,
      active: true,
    });
  });

  it('keeps only the link of the reward’s kind, so a product reward turned coupon drops its product', () => {
    const body = toSaveRewardBody({ ...toRewardFormValues(reward()), kind: 'coupon', couponTemplateCode: ' BDAY-50 ' });
    expect(body).toMatchObject({ kind: 'coupon', productId: null, couponTemplateCode: 'BDAY-50' });
    expect(toSaveRewardBody({ ...toRewardFormValues(reward()), kind: 'service', couponTemplateCode: 'X' })).toMatchObject({ productId: null, couponTemplateCode: null });
  });

  it('sends empty text as null or empty, and an open window and every tier as null', () => {
    const body = toSaveRewardBody({ ...toRewardFormValues(null), name: ' 小样 ', description: '  ', imageUrl: ' ', pointsCost: 10, productId: 'p1' });
    expect(body).toMatchObject({ name: '小样', description: '', imageUrl: null, startsAt: null, endsAt: null, minTierCode: null, stockTotal: 0, perMemberLimit: 1, active: true });
  });
});

describe(windowProblem.name, () => {
  it.each([
    ['2026-12-01T00:00:00.000Z', '2026-12-31T00:00:00.000Z', null],
    ['2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', '结束时间须晚于开始时间'],
    ['2026-12-31T00:00:00.000Z', '2026-12-01T00:00:00.000Z', '结束时间须晚于开始时间'],
    [null, '2026-12-01T00:00:00.000Z', null],
    ['2026-12-01T00:00:00.000Z', null, null],
  ])('%s – %s → %s', (startsAt, endsAt, problem) => {
    expect(windowProblem(startsAt, endsAt)).toBe(problem);
  });
});

describe(stockPercent.name, () => {
  it.each([
    [25, 100, 25],
    [0, 100, 0],
    [1, 3, 33],
    [0, 0, 0],
  ])('%d of %d left → %d%%', (stockLeft, stockTotal, percent) => {
    expect(stockPercent({ stockLeft, stockTotal })).toBe(percent);
  });
});
