import { addDays, atBusinessTime, businessDate } from '../appointment/business-time';
import { AGE_BANDS, type AgeBand, type IntRange, type SegmentCondition, type SegmentNode } from './campaign-vocabulary';

export interface CompiledSegment {
  /** A boolean PostgreSQL expression over `m` (member) and `mm` (member_metrics), see {@link SEGMENT_FROM}. */
  sql: string;
  /** Bind values for `$(paramOffset + 1)` … in order. Instants are ISO strings, dates `YYYY-MM-DD`, arrays JS arrays. */
  params: unknown[];
}

export interface CompileSegmentOptions {
  /** The evaluation moment every window is measured back from. */
  now: Date;
  /** How many bind parameters the surrounding query already uses; the first here is `$(paramOffset + 1)`. */
  paramOffset?: number;
}

/** The FROM clause the compiled expression expects: use as `SELECT … FROM ${SEGMENT_FROM} WHERE m.deleted_at IS NULL AND (sql)`. */
export const SEGMENT_FROM = 'member m LEFT JOIN member_metrics mm ON mm.member_id = m.id';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A purchase: a paid order not wholly refunded. Spend is `total_fen - refunded_fen`. */
const PURCHASE = `o.member_id = m.id AND o.status IN ('paid', 'partially_refunded') AND o.paid_at IS NOT NULL`;
const LATEST_SKIN = (column: string) => `(SELECT s.${column} FROM skin_result s WHERE s.member_id = m.id ORDER BY s.taken_at DESC LIMIT 1)`;
/** Lowest whole age of each band; a band runs up to the next band's lowest age. */
const AGE_BAND_FROM: Record<AgeBand, number> = { 'under-20': 0, '20-24': 20, '25-29': 25, '30-34': 30, '35-39': 35, '40-49': 40, '50-plus': 50 };

/**
 * Turns a (validated) segment tree into a boolean SQL expression and its bind values. Only structure — columns,
 * operators, fixed status words — is written into the SQL; every value a user chose travels as a typed bind
 * parameter, so no input can change the query's shape. Windows are rolling: "the last N days" is
 * `(now − N×24h, now]`, and "N days ago" counts whole elapsed 24-hour periods, so a member who joined 47 hours ago
 * joined 1 day ago. Calendar dates (join dates, age) are Asia/Shanghai business dates.
 */
export function compileSegment(node: SegmentNode, opts: CompileSegmentOptions): CompiledSegment {
  const b = new SqlBuilder(opts.now, opts.paramOffset ?? 0);
  return { sql: b.node(node), params: b.params };
}

class SqlBuilder {
  readonly params: unknown[] = [];
  private nowRef: string | undefined;
  private todayRef: string | undefined;

  constructor(
    private readonly now: Date,
    private readonly offset: number,
  ) {
    if (Number.isNaN(now.getTime())) throw new RangeError('compileSegment needs a valid `now`');
    if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`Not a parameter offset: ${offset}`);
  }

  node(node: SegmentNode): string {
    if ('op' in node) {
      if (node.op === 'not') return `NOT (${this.node(node.child)})`;
      if (node.children.length === 0) return node.op === 'and' ? 'TRUE' : 'FALSE';
      return node.children.map((child) => `(${this.node(child)})`).join(node.op === 'and' ? ' AND ' : ' OR ');
    }
    return this.condition(node);
  }

  private condition(c: SegmentCondition): string {
    switch (c.field) {
      case 'tier':
        return `EXISTS (SELECT 1 FROM member_tier t WHERE t.member_id = m.id AND t.tier_code = ANY(${this.texts(c.values)}))`;
      case 'skinType':
        return `${LATEST_SKIN('skin_type')} = ANY(${this.texts(c.values)})`;
      case 'concerns':
        return `${LATEST_SKIN('concerns')}::text[] ${c.match === 'all' ? '@>' : '&&'} ${this.texts(c.values)}`;
      case 'tags': {
        const tags = this.param(unique(c.values), 'uuid[]');
        if (c.match === 'any') return `EXISTS (SELECT 1 FROM member_tag mt WHERE mt.member_id = m.id AND mt.tag_id = ANY(${tags}))`;
        return `(SELECT count(DISTINCT mt.tag_id) FROM member_tag mt WHERE mt.member_id = m.id AND mt.tag_id = ANY(${tags})) = cardinality(${tags})`;
      }
      case 'city':
        return `m.city = ANY(${this.texts(c.values)})`;
      case 'gender':
        return `m.gender = ANY(${this.texts(c.values)})`;
      case 'store':
        return `m.store_id = ANY(${this.param(unique(c.values), 'uuid[]')})`;
      case 'ageBand':
        return `${ageBandSql(this.today())} = ANY(${this.texts(c.values)})`;
      case 'birthdayMonth':
        return `extract(month FROM m.birthday)::int = ANY(${this.param(unique(c.values), 'int[]')})`;
      case 'joinDate':
        return this.joinDate(c.from, c.to);
      case 'joinedDaysAgo':
        return this.daysAgo('m.joined_at', c) ?? 'TRUE';
      case 'daysSinceLastPurchase': {
        const within = this.daysAgo('mm.last_purchase_at', c) ?? 'mm.last_purchase_at IS NOT NULL';
        return c.includeNever ? `(mm.last_purchase_at IS NULL OR (${within}))` : within;
      }
      case 'purchaseCount':
        return this.between(`(SELECT count(*) FROM sales_order o WHERE ${PURCHASE} AND ${this.window('o.paid_at', c.windowDays)})`, c, 'int');
      case 'spend':
        return this.between(
          `(SELECT coalesce(sum(o.total_fen - o.refunded_fen), 0) FROM sales_order o WHERE ${PURCHASE} AND ${this.window('o.paid_at', c.windowDays)})`,
          { min: c.minFen, max: c.maxFen },
          'bigint',
        );
      case 'bought': {
        const window = c.windowDays === undefined ? '' : ` AND ${this.window('o.paid_at', c.windowDays)}`;
        const column = c.kind === 'sku' ? 'i.sku' : 'i.category';
        return `EXISTS (SELECT 1 FROM sales_order o JOIN order_item i ON i.order_id = o.id WHERE ${PURCHASE}${window} AND ${column} = ANY(${this.texts(c.values)}))`;
      }
      case 'rfm': {
        const parts = (['r', 'f', 'm'] as const).flatMap((k) => {
          const range = c[k];
          return range ? [this.between(`mm.${k}_score`, range, 'int')] : [];
        });
        return parts.length === 0 ? 'TRUE' : parts.map((p) => `(${p})`).join(' AND ');
      }
      case 'rfmClass':
        return `mm.rfm_class = ANY(${this.texts(c.values)})`;
      case 'abcClass':
        return `mm.abc_class::text = ANY(${this.texts(c.values)})`;
      case 'lifecycle':
        return `mm.lifecycle = ANY(${this.texts(c.values)})`;
      case 'coupon':
        return this.coupon(c);
    }
  }

  private coupon(c: Extract<SegmentCondition, { field: 'coupon' }>): string {
    const templates = c.templateCodes?.length
      ? ` AND EXISTS (SELECT 1 FROM coupon_template ct WHERE ct.id = mc.template_id AND ct.code = ANY(${this.texts(c.templateCodes)}))`
      : '';
    const within = (column: string) => (c.windowDays === undefined ? '' : ` AND ${this.window(column, c.windowDays)}`);
    const exists = (rule: string) => `EXISTS (SELECT 1 FROM member_coupon mc WHERE mc.member_id = m.id AND ${rule}${templates})`;
    switch (c.behaviour) {
      case 'holds-available':
        return exists(`mc.status = 'available' AND mc.valid_until > ${this.nowParam()}`);
      case 'redeemed':
        return exists(`mc.status = 'used'${within('mc.used_at')}`);
      case 'expired-unused':
        return exists(`mc.status = 'expired'${within('mc.expired_at')}`);
      case 'never-redeemed':
        return `NOT ${exists(`mc.status = 'used'${within('mc.used_at')}`)}`;
    }
  }

  /** Join date as a Shanghai calendar date, compared as instants so the index on `joined_at` stays usable. */
  private joinDate(from: string | undefined, to: string | undefined): string {
    const parts: string[] = [];
    if (from !== undefined) parts.push(`m.joined_at >= ${this.instant(atBusinessTime(from, '00:00'))}`);
    if (to !== undefined) parts.push(`m.joined_at < ${this.instant(atBusinessTime(addDays(to, 1), '00:00'))}`);
    return parts.length === 0 ? 'TRUE' : parts.join(' AND ');
  }

  /**
   * Whole days elapsed since `column` within [min, max], as bounds on the instant: at least `min` days ago means at
   * or before now − min days; at most `max` days ago means after now − (max + 1) days. Null when the range is open.
   */
  private daysAgo(column: string, range: IntRange): string | null {
    const parts: string[] = [];
    if (range.min !== undefined) parts.push(`${column} <= ${this.instant(this.daysBefore(range.min))}`);
    if (range.max !== undefined) parts.push(`${column} > ${this.instant(this.daysBefore(range.max + 1))}`);
    return parts.length === 0 ? null : parts.join(' AND ');
  }

  /** `column` in the rolling window of the last `days` days: (now − days, now]. */
  private window(column: string, days: number): string {
    return `${column} > ${this.instant(this.daysBefore(days))} AND ${column} <= ${this.nowParam()}`;
  }

  private between(expr: string, range: IntRange, type: 'int' | 'bigint'): string {
    const { min, max } = range;
    if (min !== undefined && max !== undefined) return `${expr} BETWEEN ${this.param(min, type)} AND ${this.param(max, type)}`;
    if (min !== undefined) return `${expr} >= ${this.param(min, type)}`;
    if (max !== undefined) return `${expr} <= ${this.param(max, type)}`;
    return 'TRUE';
  }

  private texts(values: readonly string[]): string {
    return this.param(unique(values), 'text[]');
  }

  private instant(at: Date): string {
    return this.param(at.toISOString(), 'timestamptz');
  }

  private daysBefore(days: number): Date {
    return new Date(this.now.getTime() - days * DAY_MS);
  }

  /** The evaluation moment, bound once however often it is used. */
  private nowParam(): string {
    return (this.nowRef ??= this.param(this.now.toISOString(), 'timestamptz'));
  }

  /** The Shanghai business date of the evaluation moment, bound once. */
  private today(): string {
    return (this.todayRef ??= this.param(businessDate(this.now), 'date'));
  }

  private param(value: unknown, type: string): string {
    this.params.push(value);
    return `$${this.offset + this.params.length}::${type}`;
  }
}

/** The member's age band on `today`; NULL without a birthday, so such members match no band. */
function ageBandSql(today: string): string {
  const age = `date_part('year', age(${today}, m.birthday))`;
  const bands = [...AGE_BANDS].reverse().map((band) => `WHEN ${age} >= ${AGE_BAND_FROM[band]} THEN '${band}'`);
  return `(CASE WHEN m.birthday IS NULL THEN NULL ${bands.join(' ')} ELSE 'under-20' END)`;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
