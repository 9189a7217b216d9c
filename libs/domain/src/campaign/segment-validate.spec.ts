import { SEGMENT_MAX_CONDITIONS, SEGMENT_MAX_DEPTH, SEGMENT_MAX_VALUES, type SegmentNode } from './campaign-vocabulary';
import { validateSegment as sut } from './segment-validate';

const TAG = '3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b8';
const STORE = 'a1b2c3d4-e5f6-4789-8abc-def012345678';
const city = (value: unknown = '上海') => ({ field: 'city', values: [value] });

/** Every field at least once, the way the console sends them. */
const EVERY_FIELD: SegmentNode = {
  op: 'and',
  children: [
    { field: 'tier', values: ['gold', 'black'] },
    { field: 'skinType', values: ['dry', 'sensitive'] },
    { field: 'concerns', values: ['acne', 'pores'], match: 'all' },
    { field: 'tags', values: [TAG], match: 'any' },
    { field: 'city', values: ['上海'] },
    { field: 'gender', values: ['female'] },
    { field: 'ageBand', values: ['25-29', '50-plus'] },
    { field: 'birthdayMonth', values: [1, 12] },
    { field: 'joinDate', from: '2024-02-29', to: '2024-12-31' },
    { field: 'joinedDaysAgo', min: 0, max: 30 },
    { field: 'store', values: [STORE] },
    { field: 'daysSinceLastPurchase', min: 90, includeNever: true },
    { field: 'purchaseCount', windowDays: 365, min: 0, max: 0 },
    { field: 'spend', windowDays: 90, minFen: 50_000 },
    { field: 'bought', kind: 'sku', values: ['SERUM-30'], windowDays: 180 },
    { field: 'bought', kind: 'category', values: ['skincare'] },
    { field: 'rfm', r: { min: 4, max: 5 }, m: { min: 1 } },
    { field: 'rfmClass', values: ['champion'] },
    { field: 'abcClass', values: ['A'] },
    { field: 'lifecycle', values: ['at-risk', 'prospect'] },
    { field: 'coupon', behaviour: 'redeemed', templateCodes: ['BDAY'], windowDays: 30 },
    { op: 'not', child: { op: 'or', children: [{ field: 'coupon', behaviour: 'holds-available' }] } },
  ],
};

/** Nests a condition `depth` levels deep (a lone condition is depth 1). */
function nested(depth: number): unknown {
  let node: unknown = city();
  for (let level = 1; level < depth; level++) node = level % 2 ? { op: 'not', child: node } : { op: 'and', children: [node] };
  return node;
}

function problemsOf(input: unknown): string[] {
  const result = sut(input);
  if (result.ok) throw new Error(`expected problems for ${JSON.stringify(input)}`);
  return result.problems;
}

describe(sut.name, () => {
  it('accepts a rule using every field and returns it unchanged', () => {
    expect(sut(EVERY_FIELD)).toEqual({ ok: true, node: EVERY_FIELD });
  });

  it('normalises: trims and de-duplicates values, lower-cases ids, drops null optionals', () => {
    const input = [
      { field: 'city', values: [' 上海 ', '上海', '北京'] },
      { field: 'tags', values: [TAG.toUpperCase(), TAG], match: 'all' },
      { field: 'joinedDaysAgo', min: null, max: 7 },
      { field: 'bought', kind: 'sku', values: ['A'], windowDays: null },
    ];
    const expected = [
      { field: 'city', values: ['上海', '北京'] },
      { field: 'tags', values: [TAG], match: 'all' },
      { field: 'joinedDaysAgo', max: 7 },
      { field: 'bought', kind: 'sku', values: ['A'] },
    ];
    expect(sut({ op: 'or', children: input })).toEqual({ ok: true, node: { op: 'or', children: expected } });
  });

  it('numbers conditions depth-first in its problems', () => {
    const input = { op: 'and', children: [city(), { op: 'not', child: { field: 'purchaseCount', windowDays: 0, min: 1 } }] };
    expect(problemsOf(input)).toEqual(['第2条条件：购买次数的统计天数须为1–3650的整数']);
  });

  it.each<[string, unknown, string]>([
    ['no rule at all', null, '规则中有一项格式不正确'],
    ['an array instead of a node', [city()], '规则中有一项格式不正确'],
    ['a string instead of a node', 'city = 上海', '规则中有一项格式不正确'],
    ['a node that is neither condition nor group', { values: ['上海'] }, '规则中有一项既不是条件也不是组合'],
    ['an unknown operator', { op: 'xor', children: [city()] }, '未知的组合方式“xor”'],
    ['an empty and', { op: 'and', children: [] }, '“且”组合至少需要一个条件'],
    ['an or without children', { op: 'or' }, '“或”组合至少需要一个条件'],
    ['children that are not a list', { op: 'or', children: { 0: city() } }, '“或”组合至少需要一个条件'],
    ['a not without a child', { op: 'not' }, '“非”组合须有一个子条件'],
    ['a not with a list child', { op: 'not', child: [city()] }, '“非”组合须有一个子条件'],
    ['a group with an extra key', { op: 'and', children: [city()], field: 'city' }, '“且”组合不支持设置项“field”'],
    ['an unknown field', { field: 'salary', values: ['1'] }, '第1条条件：未知的条件类型“salary”'],
    ['a field that is not a string', { field: ['city'], values: ['1'] }, '第1条条件：未知的条件类型“（非文字）”'],
    ['a condition with an extra key', { ...city(), sql: '1=1' }, '第1条条件：城市不支持设置项“sql”'],
    ['a prototype key smuggled in JSON', JSON.parse('{"field":"city","values":["上海"],"__proto__":{"x":1}}'), '第1条条件：城市不支持设置项“__proto__”'],
    ['values missing', { field: 'city' }, '第1条条件：城市须选择1–200项'],
    ['values empty', { field: 'city', values: [] }, '第1条条件：城市须选择1–200项'],
    ['values a string, not a list', { field: 'city', values: '上海' }, '第1条条件：城市须选择1–200项'],
    ['a number among text values', city(42), '第1条条件：城市的取值须为文字'],
    ['an object among text values', city({ $ne: null }), '第1条条件：城市的取值须为文字'],
    ['a blank value', city('   '), '第1条条件：城市的取值不能为空'],
    ['a value of 41 characters', city('很'.repeat(41)), '第1条条件：城市的取值不能超过40个字'],
    ['an unknown skin type', { field: 'skinType', values: ['dry', 'scaly'] }, '第1条条件：肤质的取值“scaly”无效'],
    ['an unknown concern', { field: 'concerns', values: ['acne', 'freckles'], match: 'any' }, '第1条条件：肌肤问题的取值“freckles”无效'],
    ['a missing match', { field: 'concerns', values: ['acne'] }, '第1条条件：肌肤问题的匹配方式须为“任一”或“全部”'],
    ['an unknown match', { field: 'tags', values: [TAG], match: 'most' }, '第1条条件：标签的匹配方式须为“任一”或“全部”'],
    ['a tag that is not a UUID', { field: 'tags', values: ["1' OR '1'='1"], match: 'any' }, '第1条条件：标签的取值“1\' OR \'1\'=\'1”不是有效的ID'],
    ['a store that is not a UUID', { field: 'store', values: [`${STORE}x`] }, '不是有效的ID'],
    ['an unknown gender', { field: 'gender', values: ['other'] }, '第1条条件：性别的取值“other”无效'],
    ['an unknown age band', { field: 'ageBand', values: ['18-25'] }, '第1条条件：年龄段的取值“18-25”无效'],
    ['month 0', { field: 'birthdayMonth', values: [0] }, '第1条条件：生日月份的取值须为1–12的整数'],
    ['month 13', { field: 'birthdayMonth', values: [13] }, '生日月份的取值须为1–12的整数'],
    ['month as text', { field: 'birthdayMonth', values: ['6'] }, '生日月份的取值须为1–12的整数'],
    ['a fractional month', { field: 'birthdayMonth', values: [6.5] }, '生日月份的取值须为1–12的整数'],
    ['an impossible date', { field: 'joinDate', from: '2025-02-29' }, '第1条条件：入会日期的开始日期须为YYYY-MM-DD格式的有效日期'],
    ['a date with a time', { field: 'joinDate', to: '2025-01-01T00:00:00Z' }, '入会日期的结束日期须为YYYY-MM-DD格式的有效日期'],
    ['dates out of order', { field: 'joinDate', from: '2025-03-02', to: '2025-03-01' }, '入会日期的开始日期不能晚于结束日期'],
    ['no dates at all', { field: 'joinDate' }, '入会日期须至少设置开始日期或结束日期'],
    ['a negative range', { field: 'joinedDaysAgo', min: -1 }, '第1条条件：入会天数的最小值须为0–36500的整数'],
    ['min above max', { field: 'joinedDaysAgo', min: 31, max: 30 }, '入会天数的最小值不能大于最大值'],
    ['an open range', { field: 'joinedDaysAgo' }, '入会天数须至少设置最小值或最大值'],
    ['a range bound as text', { field: 'daysSinceLastPurchase', max: '30' }, '距上次购买天数的最大值须为0–36500的整数'],
    ['includeNever as text', { field: 'daysSinceLastPurchase', max: 30, includeNever: 'yes' }, '距上次购买天数的“含从未购买”须为是或否'],
    ['a window of 3651 days', { field: 'purchaseCount', windowDays: 3651, min: 1 }, '购买次数的统计天数须为1–3650的整数'],
    ['a missing window', { field: 'spend', minFen: 1 }, '消费金额的统计天数须为1–3650的整数'],
    ['a fractional window', { field: 'spend', windowDays: 1.5, minFen: 1 }, '消费金额的统计天数须为1–3650的整数'],
    ['a fractional amount', { field: 'spend', windowDays: 30, minFen: 0.5 }, '消费金额的最小值须为0–10000000000分的整数'],
    ['an amount over ¥100,000,000', { field: 'spend', windowDays: 30, maxFen: 10_000_000_001 }, '消费金额的最大值须为0–10000000000分的整数'],
    ['spend bounds out of order', { field: 'spend', windowDays: 30, minFen: 2, maxFen: 1 }, '消费金额的最小值不能大于最大值'],
    ['min and max under spend\'s names', { field: 'spend', windowDays: 30, min: 1 }, '消费金额不支持设置项“min”'],
    ['an unknown bought kind', { field: 'bought', kind: 'brand', values: ['X'] }, '第1条条件：购买过的商品的商品范围“brand”无效'],
    ['an unknown category', { field: 'bought', kind: 'category', values: ['food'] }, '购买过的商品的取值“food”无效'],
    ['an RFM score of 6', { field: 'rfm', r: { min: 6 } }, '第1条条件：RFM 分值的R分的最小值须为1–5的整数'],
    ['an RFM score of 0', { field: 'rfm', f: { max: 0 } }, 'RFM 分值的F分的最大值须为1–5的整数'],
    ['an RFM range out of order', { field: 'rfm', m: { min: 4, max: 2 } }, 'RFM 分值的M分的最小值不能大于最大值'],
    ['an empty RFM range', { field: 'rfm', r: {} }, 'RFM 分值的R分须至少设置最小值或最大值'],
    ['no RFM range at all', { field: 'rfm' }, 'RFM 分值须至少设置R、F、M中的一项'],
    ['an extra key in an RFM range', { field: 'rfm', r: { min: 1, gte: 2 } }, 'RFM 分值的R分不支持设置项“gte”'],
    ['an RFM range that is a number', { field: 'rfm', r: 5 }, 'RFM 分值的R分格式不正确'],
    ['an unknown RFM class', { field: 'rfmClass', values: ['vip'] }, 'RFM 分类的取值“vip”无效'],
    ['a lower-case ABC class', { field: 'abcClass', values: ['a'] }, 'ABC 分类的取值“a”无效'],
    ['an unknown lifecycle stage', { field: 'lifecycle', values: ['churned'] }, '生命周期的取值“churned”无效'],
    ['an unknown coupon behaviour', { field: 'coupon', behaviour: 'hoarding' }, '第1条条件：用券行为的类型“hoarding”无效'],
    ['a coupon without behaviour', { field: 'coupon' }, '用券行为的类型未设置'],
    ['a window on holding coupons', { field: 'coupon', behaviour: 'holds-available', windowDays: 30 }, '用券行为为“持有可用券”时不能设置统计天数'],
    ['an empty template list', { field: 'coupon', behaviour: 'redeemed', templateCodes: [] }, '第1条条件：用券行为的券模板须选择1–200项'],
  ])('refuses %s', (_, input, problem) => {
    expect(problemsOf(input)).toContainEqual(expect.stringContaining(problem));
  });

  it('reports every problem at once', () => {
    const input = { op: 'and', children: [city(1), { field: 'gender', values: ['x'] }, { field: 'bogus' }] };
    expect(problemsOf(input)).toEqual(['第1条条件：城市的取值须为文字', '第2条条件：性别的取值“x”无效', '第3条条件：未知的条件类型“bogus”']);
  });

  it(`allows ${SEGMENT_MAX_DEPTH} levels of nesting and refuses one more`, () => {
    expect(sut(nested(SEGMENT_MAX_DEPTH)).ok).toBe(true);
    expect(problemsOf(nested(SEGMENT_MAX_DEPTH + 1))).toEqual([`规则最多嵌套${SEGMENT_MAX_DEPTH}层`]);
  });

  it('stops at the depth limit however deep a hostile tree goes', () => {
    expect(problemsOf(nested(100_000))).toEqual([`规则最多嵌套${SEGMENT_MAX_DEPTH}层`]);
  });

  it(`allows ${SEGMENT_MAX_CONDITIONS} conditions and refuses one more, counted across groups`, () => {
    const half = (n: number) => ({ op: 'or', children: Array.from({ length: n }, () => city()) });
    expect(sut({ op: 'and', children: [half(20), half(SEGMENT_MAX_CONDITIONS - 20)] }).ok).toBe(true);
    expect(problemsOf({ op: 'and', children: [half(20), half(SEGMENT_MAX_CONDITIONS - 19)] })).toEqual([`规则最多包含${SEGMENT_MAX_CONDITIONS}个条件`]);
  });

  it('refuses a group with a huge list of children without walking it', () => {
    expect(problemsOf({ op: 'or', children: Array.from({ length: 100_000 }, () => 'junk') })).toEqual([`规则最多包含${SEGMENT_MAX_CONDITIONS}个条件`]);
  });

  it(`allows ${SEGMENT_MAX_VALUES} values and refuses one more`, () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `SKU-${i}`);
    expect(sut({ field: 'bought', kind: 'sku', values: values(SEGMENT_MAX_VALUES) }).ok).toBe(true);
    expect(problemsOf({ field: 'bought', kind: 'sku', values: values(SEGMENT_MAX_VALUES + 1) })).toEqual(['第1条条件：购买过的商品须选择1–200项']);
  });

  it('counts length in characters, so 40 Chinese characters or emoji fit', () => {
    expect(sut(city('很'.repeat(40))).ok).toBe(true);
    expect(sut(city('💄'.repeat(40))).ok).toBe(true);
  });

  it('caps the problem list and shortens echoed values', () => {
    const input = { op: 'and', children: Array.from({ length: 40 }, () => ({ field: 'x'.repeat(10_000) })) };
    const problems = problemsOf(input);
    expect(problems).toHaveLength(20);
    expect(problems[0]).toBe(`第1条条件：未知的条件类型“${'x'.repeat(20)}…”`);
  });

  it('accepts its own output again unchanged', () => {
    const first = sut(EVERY_FIELD);
    if (!first.ok) throw new Error('expected ok');
    expect(sut(JSON.parse(JSON.stringify(first.node)))).toEqual(first);
  });
});
