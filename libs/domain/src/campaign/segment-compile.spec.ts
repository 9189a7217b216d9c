import { type SegmentCondition, type SegmentNode } from './campaign-vocabulary';
import { compileSegment as sut } from './segment-compile';

/** Monday 15 June 2026, 12:00 in Shanghai. */
const NOW = new Date('2026-06-15T12:00:00+08:00');
const NOW_ISO = NOW.toISOString();
const DAY_MS = 86_400_000;
const daysBefore = (n: number) => new Date(NOW.getTime() - n * DAY_MS).toISOString();
const HOSTILE = "'; DROP TABLE member; --";
const TAG = '3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b8';
const compile = (node: SegmentNode, paramOffset?: number) => sut(node, { now: NOW, paramOffset });

/** One condition per field (and per coupon behaviour), with hostile text wherever free text is allowed. */
const EVERY_CONDITION: SegmentCondition[] = [
  { field: 'tier', values: ['gold', HOSTILE] },
  { field: 'skinType', values: ['dry'] },
  { field: 'concerns', values: ['acne'], match: 'any' },
  { field: 'concerns', values: ['acne', 'pores'], match: 'all' },
  { field: 'tags', values: [TAG], match: 'any' },
  { field: 'tags', values: [TAG], match: 'all' },
  { field: 'city', values: [HOSTILE] },
  { field: 'gender', values: ['female'] },
  { field: 'ageBand', values: ['20-24'] },
  { field: 'birthdayMonth', values: [6] },
  { field: 'joinDate', from: '2026-01-01', to: '2026-01-31' },
  { field: 'joinedDaysAgo', min: 1, max: 7 },
  { field: 'store', values: [TAG] },
  { field: 'daysSinceLastPurchase', min: 30, includeNever: true },
  { field: 'purchaseCount', windowDays: 90, min: 0, max: 2 },
  { field: 'spend', windowDays: 90, minFen: 50_000 },
  { field: 'bought', kind: 'sku', values: [HOSTILE], windowDays: 30 },
  { field: 'bought', kind: 'category', values: ['skincare'] },
  { field: 'rfm', r: { min: 4 }, f: { min: 2, max: 3 }, m: { max: 1 } },
  { field: 'rfmClass', values: ['champion'] },
  { field: 'abcClass', values: ['A'] },
  { field: 'lifecycle', values: ['active'] },
  { field: 'coupon', behaviour: 'holds-available', templateCodes: [HOSTILE] },
  { field: 'coupon', behaviour: 'redeemed', windowDays: 30 },
  { field: 'coupon', behaviour: 'expired-unused', windowDays: 30, templateCodes: ['BDAY'] },
  { field: 'coupon', behaviour: 'never-redeemed' },
];

/** The only quoted words the SQL may contain: fixed statuses and the age band names, all written by code. */
const CODE_LITERALS = new Set(['paid', 'partially_refunded', 'available', 'used', 'expired', 'year', '50-plus', '40-49', '35-39', '30-34', '25-29', '20-24', 'under-20']);

function placeholders(sql: string): number[] {
  return [...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
}

describe(sut.name, () => {
  it('binds a list as one typed array parameter', () => {
    expect(compile({ field: 'city', values: ['上海', '北京'] })).toEqual({ sql: 'm.city = ANY($1::text[])', params: [['上海', '北京']] });
  });

  it('numbers parameters after the offset the caller already uses', () => {
    const { sql, params } = compile({ op: 'and', children: [{ field: 'city', values: ['上海'] }, { field: 'store', values: [TAG] }] }, 3);
    expect(sql).toBe('(m.city = ANY($4::text[])) AND (m.store_id = ANY($5::uuid[]))');
    expect(params).toEqual([['上海'], [TAG]]);
  });

  it('parenthesises nested and / or / not', () => {
    const { sql } = compile({
      op: 'and',
      children: [
        { field: 'gender', values: ['female'] },
        { op: 'or', children: [{ field: 'rfmClass', values: ['champion'] }, { op: 'not', child: { field: 'city', values: ['上海'] } }] },
      ],
    });
    expect(sql).toBe('(m.gender = ANY($1::text[])) AND ((mm.rfm_class = ANY($2::text[])) OR (NOT (m.city = ANY($3::text[]))))');
  });

  it('treats an empty and as true and an empty or as false', () => {
    expect(compile({ op: 'and', children: [] }).sql).toBe('TRUE');
    expect(compile({ op: 'or', children: [] }).sql).toBe('FALSE');
  });

  it.each(EVERY_CONDITION.map((c) => [JSON.stringify(c), c] as const))('keeps every value of %s out of the SQL text', (_, condition) => {
    const { sql, params } = compile(condition, 2);
    expect(sql).not.toContain('DROP');
    expect(sql).not.toContain('--');
    expect(sql).not.toContain(';');
    for (const literal of sql.matchAll(/'([^']*)'/g)) expect(CODE_LITERALS).toContain(literal[1]);
    // Every placeholder refers to a parameter, every parameter is used, and each carries an explicit cast.
    const used = placeholders(sql);
    expect(new Set(used)).toEqual(new Set(params.map((_p, i) => i + 3)));
    expect(sql.match(/\$\d+(?!::)/g)).toBeNull();
  });

  it('passes hostile text through as a parameter value, untouched', () => {
    const { params } = compile({ field: 'bought', kind: 'sku', values: [HOSTILE] });
    expect(params).toEqual([[HOSTILE]]);
  });

  it('binds the evaluation moment once however many conditions use it', () => {
    const { sql, params } = compile({
      op: 'or',
      children: [
        { field: 'purchaseCount', windowDays: 30, min: 1 },
        { field: 'coupon', behaviour: 'holds-available' },
        { field: 'coupon', behaviour: 'redeemed', windowDays: 7 },
      ],
    });
    expect(params.filter((p) => p === NOW_ISO)).toHaveLength(1);
    const nowRef = `$${params.indexOf(NOW_ISO) + 1}::timestamptz`;
    expect(sql.split(nowRef).length - 1).toBe(3);
  });

  it('counts purchases in the rolling window (now − N days, now] with a scalar count, so zero buyers can match', () => {
    expect(compile({ field: 'purchaseCount', windowDays: 30, max: 0 })).toEqual({
      sql:
        "(SELECT count(*) FROM sales_order o WHERE o.member_id = m.id AND o.status IN ('paid', 'partially_refunded') AND o.paid_at IS NOT NULL" +
        ' AND o.paid_at > $1::timestamptz AND o.paid_at <= $2::timestamptz) <= $3::int',
      params: [daysBefore(30), NOW_ISO, 0],
    });
  });

  it('sums net spend as bigint so amounts above int range compare exactly', () => {
    const { sql, params } = compile({ field: 'spend', windowDays: 365, minFen: 50_000, maxFen: 10_000_000_000 });
    expect(sql).toContain('coalesce(sum(o.total_fen - o.refunded_fen), 0)');
    expect(sql).toMatch(/BETWEEN \$3::bigint AND \$4::bigint$/);
    expect(params).toEqual([daysBefore(365), NOW_ISO, 50_000, 10_000_000_000]);
  });

  it('bounds "days ago" by whole elapsed days: at least min days, fewer than max + 1', () => {
    expect(compile({ field: 'joinedDaysAgo', min: 10, max: 20 })).toEqual({
      sql: 'm.joined_at <= $1::timestamptz AND m.joined_at > $2::timestamptz',
      params: [daysBefore(10), daysBefore(21)],
    });
  });

  it('lets members who never bought in only when asked', () => {
    expect(compile({ field: 'daysSinceLastPurchase', max: 29 }).sql).toBe('mm.last_purchase_at > $1::timestamptz');
    expect(compile({ field: 'daysSinceLastPurchase', min: 90, includeNever: true }).sql).toBe('(mm.last_purchase_at IS NULL OR (mm.last_purchase_at <= $1::timestamptz))');
    expect(compile({ field: 'daysSinceLastPurchase' }).sql).toBe('mm.last_purchase_at IS NOT NULL');
  });

  it('reads join dates as Shanghai calendar days', () => {
    expect(compile({ field: 'joinDate', from: '2026-06-01', to: '2026-06-30' })).toEqual({
      sql: 'm.joined_at >= $1::timestamptz AND m.joined_at < $2::timestamptz',
      params: ['2026-05-31T16:00:00.000Z', '2026-06-30T16:00:00.000Z'],
    });
    expect(compile({ field: 'joinDate', to: '2026-06-30' }).params).toEqual(['2026-06-30T16:00:00.000Z']);
  });

  it('computes age on the Shanghai date of now, which may already be tomorrow in UTC terms', () => {
    const lateEvening = new Date('2026-06-15T17:00:00Z');
    const { sql, params } = sut({ field: 'ageBand', values: ['20-24', '50-plus'] }, { now: lateEvening });
    expect(params).toEqual(['2026-06-16', ['20-24', '50-plus']]);
    expect(sql).toContain("date_part('year', age($1::date, m.birthday))");
    expect(sql).toContain('WHEN m.birthday IS NULL THEN NULL');
    expect(sql).toMatch(/= ANY\(\$2::text\[\]\)$/);
  });

  it('requires every tag for match all by counting distinct matches against the de-duplicated list', () => {
    const other = 'b1b2c3d4-e5f6-4789-8abc-def012345678';
    expect(compile({ field: 'tags', values: [TAG, other, TAG], match: 'all' })).toEqual({
      sql: '(SELECT count(DISTINCT mt.tag_id) FROM member_tag mt WHERE mt.member_id = m.id AND mt.tag_id = ANY($1::uuid[])) = cardinality($1::uuid[])',
      params: [[TAG, other]],
    });
  });

  it('looks only at the latest skin result', () => {
    expect(compile({ field: 'concerns', values: ['acne', 'pores'], match: 'all' }).sql).toBe(
      '(SELECT s.concerns FROM skin_result s WHERE s.member_id = m.id ORDER BY s.taken_at DESC LIMIT 1)::text[] @> $1::text[]',
    );
    expect(compile({ field: 'concerns', values: ['acne'], match: 'any' }).sql).toContain(' && $1::text[]');
  });

  it.each<[string, SegmentCondition, string]>([
    ['holding an unexpired coupon', { field: 'coupon', behaviour: 'holds-available' }, "EXISTS (SELECT 1 FROM member_coupon mc WHERE mc.member_id = m.id AND mc.status = 'available' AND mc.valid_until > $1::timestamptz)"],
    ['having redeemed one lately', { field: 'coupon', behaviour: 'redeemed', windowDays: 7 }, "EXISTS (SELECT 1 FROM member_coupon mc WHERE mc.member_id = m.id AND mc.status = 'used' AND mc.used_at > $1::timestamptz AND mc.used_at <= $2::timestamptz)"],
    ['having let one expire', { field: 'coupon', behaviour: 'expired-unused' }, "EXISTS (SELECT 1 FROM member_coupon mc WHERE mc.member_id = m.id AND mc.status = 'expired')"],
    [
      'never having redeemed a given template',
      { field: 'coupon', behaviour: 'never-redeemed', templateCodes: ['BDAY'] },
      "NOT EXISTS (SELECT 1 FROM member_coupon mc WHERE mc.member_id = m.id AND mc.status = 'used' AND EXISTS (SELECT 1 FROM coupon_template ct WHERE ct.id = mc.template_id AND ct.code = ANY($1::text[])))",
    ],
  ])('compiles coupon behaviour: %s', (_, condition, sql) => {
    expect(compile(condition).sql).toBe(sql);
  });

  it('joins order items for bought, restricted to purchases', () => {
    expect(compile({ field: 'bought', kind: 'category', values: ['skincare'] }).sql).toBe(
      "EXISTS (SELECT 1 FROM sales_order o JOIN order_item i ON i.order_id = o.id WHERE o.member_id = m.id AND o.status IN ('paid', 'partially_refunded') AND o.paid_at IS NOT NULL AND i.category = ANY($1::text[]))",
    );
  });

  it('refuses an invalid evaluation moment', () => {
    expect(() => sut({ field: 'city', values: ['上海'] }, { now: new Date(Number.NaN) })).toThrow(RangeError);
  });
});
