import { type SegmentCondition } from './campaign-vocabulary';
import { describeSegment as sut } from './segment-describe';

const TAG = '3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b8';
const STORE = 'a1b2c3d4-e5f6-4789-8abc-def012345678';
const NAMES = { tiers: { gold: '金卡', black: '黑金' }, tags: { [TAG]: '敏感肌' }, stores: { [STORE]: '静安嘉里店' } };

describe(sut.name, () => {
  it('reads a nested rule with parentheses where the logic needs them', () => {
    const text = sut(
      {
        op: 'and',
        children: [
          { field: 'tier', values: ['gold', 'black'] },
          { op: 'or', children: [{ field: 'spend', windowDays: 90, minFen: 50_000 }, { field: 'rfmClass', values: ['champion'] }] },
          { op: 'not', child: { field: 'city', values: ['上海'] } },
        ],
      },
      NAMES,
    );
    expect(text).toBe('会员等级为金卡、黑金 且 (近90天消费≥¥500.00 或 RFM 分类为重要价值客户) 且 非(城市为上海)');
  });

  it('needs no parentheses around a group of one or at the top', () => {
    expect(sut({ op: 'or', children: [{ field: 'city', values: ['上海'] }, { op: 'and', children: [{ field: 'gender', values: ['male'] }] }] })).toBe(
      '城市为上海 或 性别为男',
    );
  });

  it.each<[SegmentCondition, string]>([
    [{ field: 'tier', values: ['silver'] }, '会员等级为silver'],
    [{ field: 'skinType', values: ['dry', 'sensitive'] }, '肤质为干性肌肤、敏感肌肤'],
    [{ field: 'concerns', values: ['acne'], match: 'all' }, '肌肤问题包含痘痘'],
    [{ field: 'concerns', values: ['acne', 'spots'], match: 'any' }, '肌肤问题包含痘痘、色斑中任一'],
    [{ field: 'concerns', values: ['acne', 'spots'], match: 'all' }, '肌肤问题同时包含痘痘、色斑'],
    [{ field: 'tags', values: [TAG, 'unknown-id'], match: 'all' }, '标签同时包含敏感肌、unknown-id'],
    [{ field: 'gender', values: ['female', 'unknown'] }, '性别为女、未知'],
    [{ field: 'ageBand', values: ['25-29', '50-plus'] }, '年龄段为25–29岁、50岁及以上'],
    [{ field: 'birthdayMonth', values: [1, 12] }, '生日月份为1月、12月'],
    [{ field: 'joinDate', from: '2025-01-01', to: '2025-03-31' }, '入会日期在2025-01-01至2025-03-31'],
    [{ field: 'joinDate', from: '2025-01-01' }, '入会日期在2025-01-01及之后'],
    [{ field: 'joinDate', to: '2025-03-31' }, '入会日期在2025-03-31及之前'],
    [{ field: 'joinedDaysAgo', max: 30 }, '入会天数≤30天'],
    [{ field: 'joinedDaysAgo', min: 7, max: 7 }, '入会天数为7天'],
    [{ field: 'store', values: [STORE] }, '所属门店为静安嘉里店'],
    [{ field: 'daysSinceLastPurchase', min: 90, max: 180 }, '距上次购买天数为90–180天'],
    [{ field: 'daysSinceLastPurchase', min: 90, includeNever: true }, '距上次购买天数≥90天（含从未购买）'],
    [{ field: 'purchaseCount', windowDays: 365, min: 0, max: 0 }, '近365天购买次数为0次'],
    [{ field: 'purchaseCount', windowDays: 30, min: 2 }, '近30天购买次数≥2次'],
    [{ field: 'spend', windowDays: 90, minFen: 50_000, maxFen: 123_456_789 }, '近90天消费为¥500.00–¥1,234,567.89'],
    [{ field: 'spend', windowDays: 90, maxFen: 0 }, '近90天消费≤¥0.00'],
    [{ field: 'bought', kind: 'sku', values: ['SERUM-30', 'MASK-5'], windowDays: 60 }, '近60天购买过商品 SERUM-30、MASK-5'],
    [{ field: 'bought', kind: 'category', values: ['skincare', 'makeup'] }, '购买过护肤、彩妆类商品'],
    [{ field: 'rfm', r: { min: 4 }, f: { min: 2, max: 3 }, m: { max: 2 } }, 'RFM 分值 R分≥4、F分为2–3、M分≤2'],
    [{ field: 'rfmClass', values: ['win-back', 'hibernating'] }, 'RFM 分类为重要保持客户、一般挽留客户'],
    [{ field: 'abcClass', values: ['A', 'B'] }, 'ABC 分类为A类、B类'],
    [{ field: 'lifecycle', values: ['at-risk', 'prospect'] }, '生命周期为流失预警、未购潜客'],
    [{ field: 'coupon', behaviour: 'holds-available', templateCodes: ['BDAY'] }, '持有可用券（券模板 BDAY）'],
    [{ field: 'coupon', behaviour: 'redeemed', windowDays: 30 }, '近30天核销过券'],
    [{ field: 'coupon', behaviour: 'expired-unused' }, '有券过期未用'],
    [{ field: 'coupon', behaviour: 'never-redeemed' }, '从未核销过券'],
    [{ field: 'coupon', behaviour: 'never-redeemed', windowDays: 90 }, '近90天未核销过券'],
  ])('describes %j', (condition, text) => {
    expect(sut(condition, NAMES)).toBe(text);
  });

  it('shortens a long list to its first ten values and a count', () => {
    const values = Array.from({ length: 200 }, (_, i) => `S${i}`);
    expect(sut({ field: 'bought', kind: 'sku', values })).toBe('购买过商品 S0、S1、S2、S3、S4、S5、S6、S7、S8、S9等200项');
  });
});
