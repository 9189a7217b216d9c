import { PRODUCT_CATEGORY_LABELS } from '../catalog/product-category';
import { formatYuan } from '../loyalty/format-yuan';
import { SKIN_CONCERN_LABELS, SKIN_TYPE_LABELS } from '../skin/skin-vocabulary';
import {
  AGE_BAND_LABELS,
  COUPON_BEHAVIOUR_LABELS,
  GENDER_LABELS,
  type IntRange,
  LIFECYCLE_STAGE_LABELS,
  RFM_CLASS_LABELS,
  SEGMENT_FIELD_LABELS,
  type SegmentCondition,
  type SegmentNode,
} from './campaign-vocabulary';

/** Display names for ids and codes the rule stores; anything missing is shown as stored. */
export interface SegmentNames {
  tiers?: Record<string, string>;
  tags?: Record<string, string>;
  stores?: Record<string, string>;
}

/** Values listed at most before "等N项", so a 200-SKU rule still reads as one line. */
const MAX_LISTED = 10;

/**
 * The rule as one line of Chinese for the console and audit log, e.g.
 * `会员等级为金卡、黑金 且 (近90天消费≥¥500.00 或 RFM 分类为重要价值客户) 且 非(城市为上海)`.
 * Groups nested inside another group are parenthesised so the reading matches the logic.
 */
export function describeSegment(node: SegmentNode, names: SegmentNames = {}): string {
  return describeNode(node, names, true);
}

function describeNode(node: SegmentNode, names: SegmentNames, top: boolean): string {
  if (!('op' in node)) return describeCondition(node, names);
  if (node.op === 'not') return `非(${describeNode(node.child, names, true)})`;
  const text = node.children.map((child) => describeNode(child, names, false)).join(node.op === 'and' ? ' 且 ' : ' 或 ');
  return top || node.children.length < 2 ? text : `(${text})`;
}

function describeCondition(c: SegmentCondition, names: SegmentNames): string {
  const label = SEGMENT_FIELD_LABELS[c.field];
  switch (c.field) {
    case 'tier':
      return `${label}为${list(c.values, names.tiers)}`;
    case 'skinType':
      return `${label}为${list(c.values, SKIN_TYPE_LABELS)}`;
    case 'concerns':
      return matchText(label, list(c.values, SKIN_CONCERN_LABELS), c.values.length, c.match);
    case 'tags':
      return matchText(label, list(c.values, names.tags), c.values.length, c.match);
    case 'city':
      return `${label}为${list(c.values)}`;
    case 'gender':
      return `${label}为${list(c.values, GENDER_LABELS)}`;
    case 'ageBand':
      return `${label}为${list(c.values, AGE_BAND_LABELS)}`;
    case 'birthdayMonth':
      return `${label}为${list(c.values.map((month) => `${month}月`))}`;
    case 'joinDate':
      if (c.from !== undefined && c.to !== undefined) return `${label}在${c.from}至${c.to}`;
      return c.from !== undefined ? `${label}在${c.from}及之后` : `${label}在${c.to ?? '—'}及之前`;
    case 'joinedDaysAgo':
      return `${label}${rangeText(c, '天')}`;
    case 'store':
      return `${label}为${list(c.values, names.stores)}`;
    case 'daysSinceLastPurchase': {
      const range = c.min === undefined && c.max === undefined ? '有购买记录' : `${label}${rangeText(c, '天')}`;
      return c.includeNever ? `${range}（含从未购买）` : range;
    }
    case 'purchaseCount':
      return `近${c.windowDays}天购买次数${rangeText(c, '次')}`;
    case 'spend':
      return `近${c.windowDays}天消费${rangeText({ min: c.minFen, max: c.maxFen }, '', formatYuan)}`;
    case 'bought': {
      const window = c.windowDays === undefined ? '' : `近${c.windowDays}天`;
      return c.kind === 'sku' ? `${window}购买过商品 ${list(c.values)}` : `${window}购买过${list(c.values, PRODUCT_CATEGORY_LABELS)}类商品`;
    }
    case 'rfm': {
      const parts = (['r', 'f', 'm'] as const).flatMap((k) => {
        const range = c[k];
        return range ? [`${k.toUpperCase()}分${rangeText(range, '')}`] : [];
      });
      return `${label} ${parts.join('、')}`;
    }
    case 'rfmClass':
      return `${label}为${list(c.values, RFM_CLASS_LABELS)}`;
    case 'abcClass':
      return `${label}为${list(c.values.map((abc) => `${abc}类`))}`;
    case 'lifecycle':
      return `${label}为${list(c.values, LIFECYCLE_STAGE_LABELS)}`;
    case 'coupon':
      return couponText(c);
  }
}

function couponText(c: Extract<SegmentCondition, { field: 'coupon' }>): string {
  const window = c.windowDays === undefined ? '' : `近${c.windowDays}天`;
  const base =
    c.behaviour === 'never-redeemed' && c.windowDays !== undefined ? `${window}未核销过券` : `${c.behaviour === 'holds-available' ? '' : window}${COUPON_BEHAVIOUR_LABELS[c.behaviour]}`;
  return c.templateCodes?.length ? `${base}（券模板 ${list(c.templateCodes)}）` : base;
}

/** "包含痘痘" for one value, "包含痘痘、色斑中任一" / "同时包含痘痘、色斑" for several. */
function matchText(label: string, values: string, count: number, match: 'any' | 'all'): string {
  if (count === 1) return `${label}包含${values}`;
  return match === 'all' ? `${label}同时包含${values}` : `${label}包含${values}中任一`;
}

/** `为3天`, `为3–5天`, `≥3天`, `≤5天`: bounds shown by `show`, then the unit. */
function rangeText(range: IntRange, unit: string, show: (n: number) => string = String): string {
  const { min, max } = range;
  if (min !== undefined && max !== undefined) return min === max ? `为${show(min)}${unit}` : `为${show(min)}–${show(max)}${unit}`;
  if (min !== undefined) return `≥${show(min)}${unit}`;
  if (max !== undefined) return `≤${show(max)}${unit}`;
  return '不限';
}

function list(values: readonly (string | number)[], labels?: Record<string, string>): string {
  const shown = values.slice(0, MAX_LISTED).map((v) => labels?.[v] ?? String(v));
  return values.length > MAX_LISTED ? `${shown.join('、')}等${values.length}项` : shown.join('、');
}
