import type { SegmentNode } from '@glow/domain';
import {
  appendTo,
  cleanCondition,
  countConditions,
  emptyRule,
  fromSegmentNode,
  isEmptyRule,
  newCondition,
  newGroup,
  removeItem,
  ruleProblems,
  toSegmentRule,
  updateItem,
  type RuleCondition,
  type RuleGroup,
} from './segment-rule';

const gold: SegmentNode = { field: 'tier', values: ['gold'] };
const lapsed: SegmentNode = { field: 'daysSinceLastPurchase', min: 90 };
const bigSpender: SegmentNode = { field: 'spend', windowDays: 365, minFen: 50_000 };

describe(toSegmentRule.name, () => {
  it('round-trips saved rules, negated groups included', () => {
    const rules: SegmentNode[] = [
      { op: 'and', children: [gold, bigSpender] },
      { op: 'or', children: [gold, { op: 'not', child: { op: 'and', children: [lapsed, bigSpender] } }] },
      { op: 'not', child: { op: 'or', children: [gold] } },
      { op: 'and', children: [] },
    ];
    for (const rule of rules) expect(toSegmentRule(fromSegmentNode(rule)).rule).toEqual(rule);
  });

  it('reads a lone condition as a group of one, and a negated condition as a negated group', () => {
    expect(toSegmentRule(fromSegmentNode(gold)).rule).toEqual({ op: 'and', children: [gold] });
    expect(toSegmentRule(fromSegmentNode({ op: 'not', child: gold })).rule).toEqual({ op: 'not', child: { op: 'and', children: [gold] } });
  });

  it('knows which row each path of the rule came from', () => {
    const root = fromSegmentNode({ op: 'and', children: [gold, { op: 'not', child: { op: 'or', children: [lapsed] } }] });
    const group = root.children[1] as RuleGroup;
    const { paths } = toSegmentRule(root);
    expect(paths.get('')).toBe(root.key);
    expect(paths.get('children.0')).toBe(root.children[0].key);
    expect(paths.get('children.1')).toBe(group.key);
    expect(paths.get('children.1.child')).toBe(group.key);
    expect(paths.get('children.1.child.children.0')).toBe(group.children[0].key);
  });
});

describe(cleanCondition.name, () => {
  it('leaves out bounds and options left empty', () => {
    expect(cleanCondition({ field: 'purchaseCount', windowDays: 90, min: 2, max: undefined })).toEqual({ field: 'purchaseCount', windowDays: 90, min: 2 });
    expect(cleanCondition({ field: 'rfm', r: { min: 4, max: undefined }, f: {}, m: { max: 2 } })).toEqual({ field: 'rfm', r: { min: 4 }, m: { max: 2 } });
    expect(cleanCondition({ field: 'daysSinceLastPurchase', min: 90, includeNever: false })).toEqual({ field: 'daysSinceLastPurchase', min: 90 });
    expect(cleanCondition({ field: 'coupon', behaviour: 'redeemed', templateCodes: [] })).toEqual({ field: 'coupon', behaviour: 'redeemed' });
    expect(cleanCondition({ field: 'joinDate', from: '2026-01-01', to: '' })).toEqual({ field: 'joinDate', from: '2026-01-01' });
  });
});

describe('editing the tree', () => {
  it('adds, changes and removes conditions and groups without touching the rest', () => {
    let root = emptyRule();
    expect(isEmptyRule(root)).toBe(true);
    const first = newCondition('tier');
    root = appendTo(root, root.key, first);
    const sub = newGroup();
    root = appendTo(root, root.key, sub);
    expect(countConditions(root)).toBe(2);

    root = updateItem(root, first.key, (item) => ({ ...(item as RuleCondition), condition: { field: 'tier', values: ['gold'] } }));
    root = updateItem(root, sub.key, (item) => ({ ...(item as RuleGroup), op: 'or', negated: true }));
    expect(toSegmentRule(root).rule).toEqual({
      op: 'and',
      children: [{ field: 'tier', values: ['gold'] }, { op: 'not', child: { op: 'or', children: [{ field: 'tier', values: [] }] } }],
    });

    root = removeItem(root, sub.children[0].key);
    expect(countConditions(root)).toBe(1);
    root = removeItem(root, sub.key);
    expect(root.children.map((child) => child.key)).toEqual([first.key]);
  });
});

describe(ruleProblems.name, () => {
  it('pins each problem to the deepest row its path names, and keeps the rest general', () => {
    const root = fromSegmentNode({ op: 'and', children: [gold, { op: 'not', child: { op: 'or', children: [lapsed] } }] });
    const group = root.children[1] as RuleGroup;
    const { paths } = toSegmentRule(root);
    const found = ruleProblems(
      [
        { field: 'rule.children.0.values', problems: ['请选择会员等级'] },
        { field: 'children.1.child.children.0.min', problems: ['天数须为 0–3650 的整数'] },
        { field: 'rule', problems: ['条件最多 40 个'] },
        { field: 'name', problems: ['名称须为 2–30 个字'] },
      ],
      paths,
    );
    expect(found.byKey.get(root.children[0].key)).toEqual(['请选择会员等级']);
    expect(found.byKey.get(group.children[0].key)).toEqual(['天数须为 0–3650 的整数']);
    expect(found.general).toEqual(['条件最多 40 个', '名称须为 2–30 个字']);
  });
});
