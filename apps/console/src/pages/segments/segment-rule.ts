import type { ErrorResponse } from '@glow/contracts';
import { SEGMENT_MAX_CONDITIONS, type IntRange, type SegmentCondition, type SegmentField, type SegmentNode } from '@glow/domain';

/*
 * The rule tree as the editor holds it. Every group and condition carries a key (React rows, problems reported by
 * the API pinned to their row); a negated group is one group with a 非 flag rather than a `not` node wrapping it.
 */

export type GroupOp = 'and' | 'or';

export interface RuleGroup {
  kind: 'group';
  key: string;
  op: GroupOp;
  /** 非: the members who do NOT match the group. */
  negated: boolean;
  children: RuleItem[];
}

export interface RuleCondition {
  kind: 'condition';
  key: string;
  condition: SegmentCondition;
}

export type RuleItem = RuleGroup | RuleCondition;

/** Groups nest this deep at most (the root is level 1); with 非 the API's tree is deeper still, within its own limit. */
export const MAX_GROUP_LEVEL = 3;
export const MAX_CONDITIONS = SEGMENT_MAX_CONDITIONS;

let lastKey = 0;
function newKey(): string {
  lastKey += 1;
  return `r${lastKey}`;
}

/**
 * A new condition of `field`, with the defaults a marketer would most often keep: windows of a year, ranges open at
 * one end where one end is the usual question (lapsed for 90 days or more), and value lists empty to be picked.
 */
export function defaultCondition(field: SegmentField): SegmentCondition {
  switch (field) {
    case 'tier':
    case 'skinType':
    case 'city':
    case 'store':
      return { field, values: [] };
    case 'concerns':
    case 'tags':
      return { field, values: [], match: 'any' };
    case 'gender':
      return { field, values: [] };
    case 'ageBand':
      return { field, values: [] };
    case 'birthdayMonth':
      return { field, values: [] };
    case 'rfmClass':
      return { field, values: [] };
    case 'abcClass':
      return { field, values: [] };
    case 'lifecycle':
      return { field, values: [] };
    case 'joinDate':
      return { field };
    case 'joinedDaysAgo':
      return { field, max: 30 };
    case 'daysSinceLastPurchase':
      return { field, min: 90 };
    case 'purchaseCount':
      return { field, windowDays: 365, min: 2 };
    case 'spend':
      return { field, windowDays: 365, minFen: 100_000 };
    case 'bought':
      return { field, kind: 'category', values: [] };
    case 'rfm':
      return { field, r: { min: 4 } };
    case 'coupon':
      return { field, behaviour: 'holds-available' };
  }
}

export function newCondition(field: SegmentField = 'tier'): RuleCondition {
  return { kind: 'condition', key: newKey(), condition: defaultCondition(field) };
}

/** A new sub-group starts with one condition, so it never sits empty in the rule. */
export function newGroup(children: RuleItem[] = [newCondition()]): RuleGroup {
  return { kind: 'group', key: newKey(), op: 'and', negated: false, children };
}

export function emptyRule(): RuleGroup {
  return newGroup([]);
}

function isGroupNode(node: SegmentNode): node is { op: GroupOp; children: SegmentNode[] } {
  return 'op' in node && (node.op === 'and' || node.op === 'or');
}

/** The editor's tree for a saved rule; the root is always a group (a lone condition becomes a group of one). */
export function fromSegmentNode(node: SegmentNode): RuleGroup {
  const item = toItem(node);
  return item.kind === 'group' ? item : newGroup([item]);
}

function toItem(node: SegmentNode): RuleItem {
  if ('op' in node && node.op === 'not') {
    const inner = toItem(node.child);
    // 非 applies to groups; a negated lone condition becomes a negated group of one.
    const group = inner.kind === 'group' && !inner.negated ? inner : newGroup([inner]);
    return { ...group, negated: true };
  }
  if (isGroupNode(node)) return { kind: 'group', key: newKey(), op: node.op, negated: false, children: node.children.map(toItem) };
  return { kind: 'condition', key: newKey(), condition: node as SegmentCondition };
}

const isSet = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

function cleanRange(range: IntRange | undefined): IntRange | undefined {
  if (!range) return undefined;
  const clean: IntRange = {};
  if (isSet(range.min)) clean.min = range.min;
  if (isSet(range.max)) clean.max = range.max;
  return clean.min === undefined && clean.max === undefined ? undefined : clean;
}

/** Optional parts left empty are left out, as the API reads an absent bound as open. */
export function cleanCondition(condition: SegmentCondition): SegmentCondition {
  const entries = Object.entries(condition).filter(([, value]) => value !== undefined && value !== null);
  const clean = Object.fromEntries(entries) as SegmentCondition;
  switch (clean.field) {
    case 'rfm': {
      const rfm: SegmentCondition = { field: 'rfm' };
      const r = cleanRange(clean.r);
      const f = cleanRange(clean.f);
      const m = cleanRange(clean.m);
      if (r) rfm.r = r;
      if (f) rfm.f = f;
      if (m) rfm.m = m;
      return rfm;
    }
    case 'daysSinceLastPurchase':
      if (!clean.includeNever) delete clean.includeNever;
      return clean;
    case 'coupon':
      if (clean.templateCodes?.length === 0) delete clean.templateCodes;
      return clean;
    case 'joinDate':
      if (!clean.from) delete clean.from;
      if (!clean.to) delete clean.to;
      return clean;
    default:
      return clean;
  }
}

export interface BuiltRule {
  rule: SegmentNode;
  /** Each node's path in `rule` (`children.0.child.children.1`; the root is '') → the editor key it came from. */
  paths: Map<string, string>;
}

/** The rule the API takes: groups as and / or nodes, a negated group wrapped in `not`. */
export function toSegmentRule(root: RuleGroup): BuiltRule {
  const paths = new Map<string, string>();
  const join = (path: string, part: string) => (path ? `${path}.${part}` : part);

  const build = (item: RuleItem, path: string): SegmentNode => {
    paths.set(path, item.key);
    if (item.kind === 'condition') return cleanCondition(item.condition);
    const groupPath = item.negated ? join(path, 'child') : path;
    if (item.negated) paths.set(groupPath, item.key);
    const children = item.children.map((child, index) => build(child, join(join(groupPath, 'children'), String(index))));
    const group: SegmentNode = { op: item.op, children };
    return item.negated ? { op: 'not', child: group } : group;
  };

  return { rule: build(root, ''), paths };
}

export function countConditions(item: RuleItem): number {
  return item.kind === 'condition' ? 1 : item.children.reduce((sum, child) => sum + countConditions(child), 0);
}

/** Whether a group holds no condition at any depth (a rule like that says nothing yet). */
export function isEmptyRule(root: RuleGroup): boolean {
  return countConditions(root) === 0;
}

/** The tree with the item `key` replaced by `update(item)`. */
export function updateItem(root: RuleGroup, key: string, update: (item: RuleItem) => RuleItem): RuleGroup {
  const visit = (item: RuleItem): RuleItem => {
    if (item.key === key) return update(item);
    return item.kind === 'group' ? { ...item, children: item.children.map(visit) } : item;
  };
  return visit(root) as RuleGroup;
}

export function removeItem(root: RuleGroup, key: string): RuleGroup {
  const visit = (group: RuleGroup): RuleGroup => ({
    ...group,
    children: group.children.filter((child) => child.key !== key).map((child) => (child.kind === 'group' ? visit(child) : child)),
  });
  return visit(root);
}

export function appendTo(root: RuleGroup, groupKey: string, item: RuleItem): RuleGroup {
  return updateItem(root, groupKey, (group) => (group.kind === 'group' ? { ...group, children: [...group.children, item] } : group));
}

export interface RuleProblems {
  /** Problems pinned to a group or condition row, by its key. */
  byKey: Map<string, string[]>;
  /** Problems about no row in particular. */
  general: string[];
}

/**
 * Where each problem the API listed belongs: a field path in the rule (`rule.children.1.values`, or without the
 * `rule.` prefix) goes to the deepest row the path passes through; anything else is shown above the editor.
 */
export function ruleProblems(details: ErrorResponse['details'], paths: Map<string, string>): RuleProblems {
  const byKey = new Map<string, string[]>();
  const general: string[] = [];
  for (const detail of details ?? []) {
    const field = detail.field === 'rule' ? '' : detail.field.replace(/^rule\./, '');
    const parts = field ? field.split('.') : [];
    let key: string | undefined;
    for (let length = parts.length; length >= 0 && key === undefined; length -= 1) key = paths.get(parts.slice(0, length).join('.'));
    const problems = detail.problems ?? [];
    // The root row is the whole rule: its problems read best above the editor.
    if (key === undefined || key === paths.get('')) general.push(...problems);
    else byKey.set(key, [...(byKey.get(key) ?? []), ...problems]);
  }
  return { byKey, general };
}
