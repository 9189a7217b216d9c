import { PRODUCT_CATEGORIES } from '../catalog/product-category';
import { SKIN_CONCERNS, SKIN_TYPES } from '../skin/skin-vocabulary';
import {
  ABC_CLASSES,
  AGE_BANDS,
  COUPON_BEHAVIOURS,
  GENDERS,
  type IntRange,
  LIFECYCLE_STAGES,
  RFM_CLASSES,
  SEGMENT_FIELD_LABELS,
  SEGMENT_FIELDS,
  SEGMENT_MATCH,
  SEGMENT_MAX_CONDITIONS,
  SEGMENT_MAX_DEPTH,
  SEGMENT_MAX_VALUES,
  SEGMENT_MAX_WINDOW_DAYS,
  type SegmentCondition,
  type SegmentField,
  type SegmentMatch,
  type SegmentNode,
} from './campaign-vocabulary';

export type SegmentValidation = { ok: true; node: SegmentNode } | { ok: false; problems: string[] };

/** Longest free-text value (city, tier code, SKU, template code), in characters as people count them. */
export const SEGMENT_MAX_VALUE_LENGTH = 40;
/** Largest money bound in fen (¥100,000,000), far above any member's spend but small enough for exact arithmetic. */
export const SEGMENT_MAX_FEN = 10_000_000_000;
/** Largest "days ago" bound (a century), for ranges that are not windows. */
export const SEGMENT_MAX_DAYS_AGO = 36_500;
/** Largest order-count bound. */
export const SEGMENT_MAX_COUNT = 1_000_000;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const GROUP_LABELS = { and: '“且”', or: '“或”', not: '“非”' } as const;
/** Problems reported at most, so a hostile payload cannot make the answer huge. */
const MAX_PROBLEMS = 20;

/**
 * Checks a segment rule tree that arrives as untrusted JSON and returns a normalised copy holding only known keys
 * (values trimmed and de-duplicated, UUIDs lower-cased, `null` optionals dropped), or every problem at once in
 * Chinese so the console author can fix them in one pass. Conditions are numbered depth-first from 1. A tree is at
 * most {@link SEGMENT_MAX_DEPTH} nodes deep (a lone condition is depth 1) and has at most
 * {@link SEGMENT_MAX_CONDITIONS} conditions, so no segment can build an unbounded query.
 */
export function validateSegment(node: unknown): SegmentValidation {
  const walk = new Walk();
  const normalized = walk.node(node, 1);
  if (walk.problems.length > 0 || normalized === null) return { ok: false, problems: walk.problems.length > 0 ? walk.problems.slice(0, MAX_PROBLEMS) : ['规则格式不正确'] };
  return { ok: true, node: normalized };
}

class Walk {
  readonly problems: string[] = [];
  private conditions = 0;
  private reportedDepth = false;
  private reportedCount = false;

  node(raw: unknown, depth: number): SegmentNode | null {
    if (this.problems.length >= MAX_PROBLEMS) return null;
    if (depth > SEGMENT_MAX_DEPTH) {
      if (!this.reportedDepth) this.problems.push(`规则最多嵌套${SEGMENT_MAX_DEPTH}层`);
      this.reportedDepth = true;
      return null;
    }
    if (!isRecord(raw)) {
      this.problems.push('规则中有一项格式不正确');
      return null;
    }
    if ('op' in raw) return this.group(raw, depth);
    if ('field' in raw) return this.condition(raw);
    this.problems.push('规则中有一项既不是条件也不是组合');
    return null;
  }

  private group(raw: Record<string, unknown>, depth: number): SegmentNode | null {
    const op = raw['op'];
    if (op === 'and' || op === 'or') {
      this.unknownKeys(raw, ['op', 'children'], `${GROUP_LABELS[op]}组合`);
      const children = raw['children'];
      if (!Array.isArray(children) || children.length === 0) {
        this.problems.push(`${GROUP_LABELS[op]}组合至少需要一个条件`);
        return null;
      }
      if (children.length > SEGMENT_MAX_CONDITIONS) {
        this.tooMany();
        return null;
      }
      const out: SegmentNode[] = [];
      for (const child of children) {
        if (this.reportedCount) break;
        const normalized = this.node(child, depth + 1);
        if (normalized) out.push(normalized);
      }
      return out.length === children.length ? { op, children: out } : null;
    }
    if (op === 'not') {
      this.unknownKeys(raw, ['op', 'child'], `${GROUP_LABELS.not}组合`);
      if (!isRecord(raw['child'])) {
        this.problems.push(`${GROUP_LABELS.not}组合须有一个子条件`);
        return null;
      }
      const child = this.node(raw['child'], depth + 1);
      return child ? { op, child } : null;
    }
    this.problems.push(`未知的组合方式${quote(op)}`);
    return null;
  }

  private condition(raw: Record<string, unknown>): SegmentCondition | null {
    this.conditions += 1;
    if (this.conditions > SEGMENT_MAX_CONDITIONS) {
      this.tooMany();
      return null;
    }
    const prefix = `第${this.conditions}条条件：`;
    const field = raw['field'];
    if (!(SEGMENT_FIELDS as readonly unknown[]).includes(field)) {
      this.problems.push(`${prefix}未知的条件类型${quote(field)}`);
      return null;
    }
    const reader = new ConditionReader(raw, field as SegmentField, (problem) => this.problems.push(prefix + problem));
    const condition = readCondition(reader);
    reader.finish();
    return reader.failed ? null : condition;
  }

  private tooMany(): void {
    if (!this.reportedCount) this.problems.push(`规则最多包含${SEGMENT_MAX_CONDITIONS}个条件`);
    this.reportedCount = true;
  }

  private unknownKeys(raw: Record<string, unknown>, allowed: string[], what: string): void {
    for (const key of Object.keys(raw)) if (!allowed.includes(key)) this.problems.push(`${what}不支持设置项${quote(key)}`);
  }
}

/** Reads one condition's keys by field; the reader records problems and which keys were read. */
function readCondition(r: ConditionReader): SegmentCondition | null {
  switch (r.field) {
    case 'tier':
    case 'city':
      return { field: r.field, values: r.texts('values') };
    case 'skinType':
      return { field: r.field, values: r.words('values', SKIN_TYPES) };
    case 'concerns':
      return { field: r.field, values: r.words('values', SKIN_CONCERNS), match: r.match() };
    case 'tags':
      return { field: r.field, values: r.uuids('values'), match: r.match() };
    case 'store':
      return { field: r.field, values: r.uuids('values') };
    case 'gender':
      return { field: r.field, values: r.words('values', GENDERS) };
    case 'ageBand':
      return { field: r.field, values: r.words('values', AGE_BANDS) };
    case 'birthdayMonth':
      return { field: r.field, values: r.months('values') };
    case 'joinDate':
      return { field: r.field, ...r.dateRange() };
    case 'joinedDaysAgo':
      return { field: r.field, ...r.range('min', 'max', 0, SEGMENT_MAX_DAYS_AGO, '', true) };
    case 'daysSinceLastPurchase': {
      const includeNever = r.flag('includeNever', '“含从未购买”');
      return { field: r.field, ...r.range('min', 'max', 0, SEGMENT_MAX_DAYS_AGO, '', true), ...(includeNever === undefined ? {} : { includeNever }) };
    }
    case 'purchaseCount':
      return { field: r.field, windowDays: r.windowDays(true) ?? 0, ...r.range('min', 'max', 0, SEGMENT_MAX_COUNT, '', true) };
    case 'spend': {
      const windowDays = r.windowDays(true) ?? 0;
      const { min, max } = r.range('minFen', 'maxFen', 0, SEGMENT_MAX_FEN, '分', true);
      return { field: r.field, windowDays, ...(min === undefined ? {} : { minFen: min }), ...(max === undefined ? {} : { maxFen: max }) };
    }
    case 'bought': {
      const kind = r.word('kind', ['sku', 'category'] as const, '商品范围');
      const values = kind === 'category' ? r.words('values', PRODUCT_CATEGORIES) : r.texts('values');
      const windowDays = r.windowDays(false);
      return { field: r.field, kind: kind ?? 'sku', values, ...(windowDays === undefined ? {} : { windowDays }) };
    }
    case 'rfm':
      return { field: r.field, ...r.scores() };
    case 'rfmClass':
      return { field: r.field, values: r.words('values', RFM_CLASSES) };
    case 'abcClass':
      return { field: r.field, values: r.words('values', ABC_CLASSES) };
    case 'lifecycle':
      return { field: r.field, values: r.words('values', LIFECYCLE_STAGES) };
    case 'coupon':
      return r.coupon();
  }
}

type Report = (problem: string) => void;

class ConditionReader {
  failed = false;
  private readonly read = new Set<string>(['field']);
  private readonly label: string;

  constructor(
    private readonly raw: Record<string, unknown>,
    readonly field: SegmentField,
    private readonly report: Report,
  ) {
    this.label = SEGMENT_FIELD_LABELS[field];
  }

  /** Flags every key this field does not know, so a typo never silently widens a segment. */
  finish(): void {
    for (const key of Object.keys(this.raw)) if (!this.read.has(key)) this.problem(`${this.label}不支持设置项${quote(key)}`);
  }

  /** Free text values (tier codes, cities, SKUs): trimmed, non-empty, short. */
  texts(key: string, what = this.label): string[] {
    return this.list(key, what, (item) => {
      if (typeof item !== 'string') return '的取值须为文字';
      const text = item.trim();
      if (text === '') return '的取值不能为空';
      if ([...text].length > SEGMENT_MAX_VALUE_LENGTH) return `的取值不能超过${SEGMENT_MAX_VALUE_LENGTH}个字`;
      return { value: text };
    });
  }

  words<T extends string>(key: string, vocabulary: readonly T[]): T[] {
    return this.list(key, this.label, (item) => ((vocabulary as readonly unknown[]).includes(item) ? { value: item as T } : `的取值${quote(item)}无效`));
  }

  uuids(key: string): string[] {
    return this.list(key, this.label, (item) => (typeof item === 'string' && UUID_PATTERN.test(item) ? { value: item.toLowerCase() } : `的取值${quote(item)}不是有效的ID`));
  }

  months(key: string): number[] {
    return this.list(key, this.label, (item) => (isIntIn(item, 1, 12) ? { value: item } : '的取值须为1–12的整数'));
  }

  word<T extends string>(key: string, vocabulary: readonly T[], what: string): T | undefined {
    const value = this.take(key);
    if ((vocabulary as readonly unknown[]).includes(value)) return value as T;
    this.problem(`${this.label}的${what}${value === undefined ? '未设置' : `${quote(value)}无效`}`);
    return undefined;
  }

  match(): SegmentMatch {
    const value = this.take('match');
    if ((SEGMENT_MATCH as readonly unknown[]).includes(value)) return value as SegmentMatch;
    this.problem(`${this.label}的匹配方式须为“任一”或“全部”`);
    return 'any';
  }

  flag(key: string, what: string): boolean | undefined {
    const value = this.optional(key);
    if (value === undefined || typeof value === 'boolean') return value;
    this.problem(`${this.label}的${what}须为是或否`);
    return undefined;
  }

  windowDays(required: boolean): number | undefined {
    const value = this.optional('windowDays');
    if (value === undefined && !required) return undefined;
    if (isIntIn(value, 1, SEGMENT_MAX_WINDOW_DAYS)) return value;
    this.problem(`${this.label}的统计天数须为1–${SEGMENT_MAX_WINDOW_DAYS}的整数`);
    return undefined;
  }

  /** An inclusive integer range; at least one end must be set, since an open range would match everyone. */
  range(minKey: string, maxKey: string, lo: number, hi: number, unit: string, required: boolean, what = this.label): IntRange {
    const bound = (key: string, name: string): number | undefined => {
      const value = this.optional(key);
      if (value === undefined || isIntIn(value, lo, hi)) return value;
      this.problem(`${what}的${name}须为${lo}–${hi}${unit}的整数`);
      return undefined;
    };
    const min = bound(minKey, '最小值');
    const max = bound(maxKey, '最大值');
    if (min !== undefined && max !== undefined && min > max) this.problem(`${what}的最小值不能大于最大值`);
    if (required && this.raw[minKey] == null && this.raw[maxKey] == null) this.problem(`${what}须至少设置最小值或最大值`);
    return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
  }

  dateRange(): { from?: string; to?: string } {
    const date = (key: string, name: string): string | undefined => {
      const value = this.optional(key);
      if (value === undefined || isDate(value)) return value;
      this.problem(`${this.label}的${name}须为YYYY-MM-DD格式的有效日期`);
      return undefined;
    };
    const from = date('from', '开始日期');
    const to = date('to', '结束日期');
    if (from !== undefined && to !== undefined && from > to) this.problem(`${this.label}的开始日期不能晚于结束日期`);
    if (this.raw['from'] == null && this.raw['to'] == null) this.problem(`${this.label}须至少设置开始日期或结束日期`);
    return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
  }

  scores(): { r?: IntRange; f?: IntRange; m?: IntRange } {
    const out: { r?: IntRange; f?: IntRange; m?: IntRange } = {};
    for (const key of ['r', 'f', 'm'] as const) {
      const value = this.optional(key);
      if (value === undefined) continue;
      const what = `${this.label}的${key.toUpperCase()}分`;
      if (!isRecord(value)) {
        this.problem(`${what}格式不正确`);
        continue;
      }
      for (const k of Object.keys(value)) if (k !== 'min' && k !== 'max') this.problem(`${what}不支持设置项${quote(k)}`);
      out[key] = new ConditionReader(value, this.field, (p) => this.problem(p)).range('min', 'max', 1, 5, '', true, what);
    }
    if (out.r === undefined && out.f === undefined && out.m === undefined && !this.failed) this.problem(`${this.label}须至少设置R、F、M中的一项`);
    return out;
  }

  coupon(): SegmentCondition {
    const behaviour = this.word('behaviour', COUPON_BEHAVIOURS, '类型') ?? 'redeemed';
    const templateCodes = this.optional('templateCodes') === undefined ? undefined : this.texts('templateCodes', `${this.label}的券模板`);
    const windowDays = this.windowDays(false);
    if (behaviour === 'holds-available' && windowDays !== undefined) this.problem(`${this.label}为“持有可用券”时不能设置统计天数`);
    return {
      field: 'coupon',
      behaviour,
      ...(templateCodes === undefined ? {} : { templateCodes }),
      ...(windowDays === undefined ? {} : { windowDays }),
    };
  }

  /** A list of 1…SEGMENT_MAX_VALUES items, de-duplicated; reports the first bad item only, to keep the list short. */
  private list<T>(key: string, what: string, check: (item: unknown) => { value: T } | string): T[] {
    const items = this.take(key);
    if (!Array.isArray(items) || items.length === 0 || items.length > SEGMENT_MAX_VALUES) {
      this.problem(`${what}须选择1–${SEGMENT_MAX_VALUES}项`);
      return [];
    }
    const out = new Set<T>();
    for (const item of items) {
      const result = check(item);
      if (typeof result === 'string') {
        this.problem(what + result);
        return [];
      }
      out.add(result.value);
    }
    return [...out];
  }

  /** An optional key: `null` counts as absent, since forms send empty inputs as null. */
  private optional(key: string): unknown {
    const value = this.take(key);
    return value === null ? undefined : value;
  }

  private take(key: string): unknown {
    this.read.add(key);
    return Object.prototype.hasOwnProperty.call(this.raw, key) ? this.raw[key] : undefined;
  }

  private problem(text: string): void {
    this.failed = true;
    this.report(text);
  }
}

function isIntIn(value: unknown, lo: number, hi: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= lo && value <= hi;
}

/** A real calendar date in `YYYY-MM-DD`, so 2025-02-30 is refused. */
function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value echoed back in a problem, cut short so a hostile payload cannot flood the response. */
function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : value === undefined ? '（空）' : '（非文字）';
  const chars = [...text];
  return `“${chars.length > 20 ? `${chars.slice(0, 20).join('')}…` : text}”`;
}
