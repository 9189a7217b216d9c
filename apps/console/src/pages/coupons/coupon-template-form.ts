import type { CouponTemplateView, SaveCouponTemplateDto } from '@glow/contracts';
import {
  validateCouponTemplate,
  type CouponKind,
  type CouponScopeKind,
  type CouponStacking,
  type CouponTemplateDraft,
  type CouponValidityKind,
  type ProductCategory,
} from '@glow/domain';
import { fenToYuan, yuanToFen } from '../../shared/format';
import { errorProblems } from '../../shared/error-details';
import { describeField } from '../loyalty/form-problems';

/*
 * Mirrors of SaveCouponTemplateDto's limits and COUPON_TEMPLATE_CODE_PATTERN: values from the contracts barrel are
 * not imported in the browser (see api-routes.ts). The API validates again; these let the drawer say so first.
 */
export const COUPON_TEMPLATE_LIMITS = {
  nameLength: { min: 2, max: 30 },
  descriptionLength: 300,
  codeLength: 40,
  /** Money in yuan, as the form holds it. */
  amountOffYuan: { min: 0.01, max: 100_000 },
  maxDiscountYuan: { min: 0.01, max: 100_000 },
  minSpendYuan: { min: 0, max: 1_000_000 },
  costYuan: { min: 0, max: 100_000 },
  /** 折 as staff read it: 9.9折 takes 1% off, 0.1折 takes 99% off. */
  discountZhe: { min: 0.1, max: 9.9 },
  validDays: { min: 1, max: 365 },
  totalStock: { min: 1, max: 10_000_000 },
  perMemberLimit: { min: 1, max: 100 },
  stackGroupLength: 20,
} as const;
export const TEMPLATE_CODE_PATTERN = /^[A-Za-z0-9_-]{2,40}$/;

/** What the drawer's form holds: money in yuan, the discount in 折, scope and validity flattened into their own fields. */
export interface CouponTemplateFormValues {
  code?: string | null;
  name?: string | null;
  description?: string | null;
  kind: CouponKind;
  amountOffYuan?: number | null;
  /** 8.5 for 8.5折 (pay 85%, i.e. 15% off). */
  discountZhe?: number | null;
  /** Empty for no cap. */
  maxDiscountYuan?: number | null;
  giftSku?: string | null;
  serviceCode?: string | null;
  /** 0 for 无门槛. */
  minSpendYuan?: number | null;
  scopeKind: CouponScopeKind;
  scopeCategories?: ProductCategory[];
  scopeSkus?: string[];
  excludeSkus?: string[];
  validityKind: CouponValidityKind;
  /** ISO instants of a fixed validity. */
  validFrom?: string | null;
  validUntil?: string | null;
  validDays?: number | null;
  /** ISO weekdays (1 = Monday); empty for every day. */
  weekdays?: number[];
  /** 'HH:mm' from and until; null for any time of day. */
  hours?: [string, string] | null;
  /** Empty for no limit (issued-only templates). */
  totalStock?: number | null;
  perMemberLimit?: number | null;
  claimable: boolean;
  stacking: CouponStacking;
  stackGroup?: string | null;
  costYuan?: number | null;
}

export type CouponTemplateField = keyof CouponTemplateFormValues;

const FORM_FIELDS: readonly CouponTemplateField[] = [
  'code',
  'name',
  'description',
  'kind',
  'amountOffYuan',
  'discountZhe',
  'maxDiscountYuan',
  'giftSku',
  'serviceCode',
  'minSpendYuan',
  'scopeKind',
  'scopeCategories',
  'scopeSkus',
  'excludeSkus',
  'validityKind',
  'validFrom',
  'validUntil',
  'validDays',
  'weekdays',
  'hours',
  'totalStock',
  'perMemberLimit',
  'claimable',
  'stacking',
  'stackGroup',
  'costYuan',
];

/** 8.5折 means paying 85%: the API keeps the share taken off (15). */
export function zheToPercentOff(zhe: number): number {
  return 100 - Math.round(zhe * 10);
}

export function percentOffToZhe(percentOff: number): number {
  return (100 - percentOff) / 10;
}

const yuanOrNull = (fen: number | null): number | null => (fen === null ? null : fenToYuan(fen));
const fenOrNull = (yuan: number | null | undefined): number | null => (yuan === null || yuan === undefined ? null : yuanToFen(yuan));

function textOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** The form for `view`, or a new draft's defaults: money off, no minimum, everywhere, 30 days from receipt, one each. */
export function toCouponTemplateFormValues(view: CouponTemplateView | null): CouponTemplateFormValues {
  if (!view) {
    return {
      code: '',
      name: '',
      description: '',
      kind: 'amount_off',
      amountOffYuan: null,
      discountZhe: null,
      maxDiscountYuan: null,
      giftSku: null,
      serviceCode: null,
      minSpendYuan: 0,
      scopeKind: 'all',
      scopeCategories: [],
      scopeSkus: [],
      excludeSkus: [],
      validityKind: 'relative',
      validFrom: null,
      validUntil: null,
      validDays: 30,
      weekdays: [],
      hours: null,
      totalStock: null,
      perMemberLimit: 1,
      claimable: false,
      stacking: 'exclusive',
      stackGroup: null,
      costYuan: 0,
    };
  }
  const { scope, validity } = view;
  return {
    code: view.code,
    name: view.name,
    description: view.description,
    kind: view.kind,
    amountOffYuan: yuanOrNull(view.amountOffFen),
    discountZhe: view.percentOff === null ? null : percentOffToZhe(view.percentOff),
    maxDiscountYuan: yuanOrNull(view.maxDiscountFen),
    giftSku: view.giftSku,
    serviceCode: view.serviceCode,
    minSpendYuan: fenToYuan(view.minSpendFen),
    scopeKind: scope.kind,
    scopeCategories: scope.kind === 'categories' ? (scope.values as ProductCategory[]) : [],
    scopeSkus: scope.kind === 'skus' ? [...scope.values] : [],
    excludeSkus: [...scope.excludeSkus],
    validityKind: validity.kind,
    validFrom: validity.from,
    validUntil: validity.until,
    validDays: validity.days,
    weekdays: [...validity.weekdays],
    hours: validity.hoursFrom && validity.hoursUntil ? [validity.hoursFrom, validity.hoursUntil] : null,
    totalStock: view.totalStock,
    perMemberLimit: view.perMemberLimit,
    claimable: view.claimable,
    stacking: view.stacking,
    stackGroup: view.stackGroup,
    costYuan: fenToYuan(view.costFen),
  };
}

/**
 * The POST / PUT (and preview) body. Only the fields of the template's kind, scope and validity are sent; the others
 * go as null or empty, so switching the kind never leaves a stale amount behind. A service coupon has no minimum.
 * Weekdays go sorted, as the API stores them: an unchanged live template must read as unchanged.
 */
export function toSaveCouponTemplateBody(values: CouponTemplateFormValues): SaveCouponTemplateDto {
  const { kind } = values;
  const fixed = values.validityKind === 'fixed';
  const scopeValues = values.scopeKind === 'categories' ? [...(values.scopeCategories ?? [])] : values.scopeKind === 'skus' ? [...(values.scopeSkus ?? [])] : [];
  return {
    code: values.code?.trim() ?? '',
    name: values.name?.trim() ?? '',
    description: values.description?.trim() ?? '',
    kind,
    amountOffFen: kind === 'amount_off' ? fenOrNull(values.amountOffYuan) : null,
    percentOff: kind === 'percent_off' && values.discountZhe !== null && values.discountZhe !== undefined ? zheToPercentOff(values.discountZhe) : null,
    maxDiscountFen: kind === 'percent_off' ? fenOrNull(values.maxDiscountYuan) : null,
    giftSku: kind === 'gift' ? textOrNull(values.giftSku) : null,
    serviceCode: kind === 'service' ? textOrNull(values.serviceCode) : null,
    minSpendFen: kind === 'service' ? 0 : (fenOrNull(values.minSpendYuan) ?? 0),
    scope: { kind: values.scopeKind, values: scopeValues, excludeSkus: [...(values.excludeSkus ?? [])] },
    validity: {
      kind: values.validityKind,
      from: fixed ? (values.validFrom ?? null) : null,
      until: fixed ? (values.validUntil ?? null) : null,
      days: fixed ? null : (values.validDays ?? null),
      weekdays: [...(values.weekdays ?? [])].sort((a, b) => a - b),
      hoursFrom: values.hours?.[0] ?? null,
      hoursUntil: values.hours?.[1] ?? null,
    },
    totalStock: values.totalStock ?? null,
    perMemberLimit: values.perMemberLimit ?? 1,
    claimable: values.claimable,
    stacking: values.stacking,
    stackGroup: values.stacking === 'stackable' ? textOrNull(values.stackGroup) : null,
    costFen: fenOrNull(values.costYuan) ?? 0,
  };
}

/** Stands in for a code or name not typed yet: neither shows on the coupon's face, so the preview need not wait for them. */
const PREVIEW_CODE = 'PREVIEW';
const PREVIEW_NAME = '优惠券预览';

/** The body the live preview sends: the template as typed, with a placeholder code and name while they are unfinished. */
export function toPreviewBody(values: CouponTemplateFormValues): SaveCouponTemplateDto {
  const body = toSaveCouponTemplateBody(values);
  const { min, max } = COUPON_TEMPLATE_LIMITS.nameLength;
  return {
    ...body,
    code: TEMPLATE_CODE_PATTERN.test(body.code) ? body.code : PREVIEW_CODE,
    name: body.name.length >= min && body.name.length <= max ? body.name : PREVIEW_NAME,
  };
}

/** Columns a live (active or paused) template still takes; the rest are locked once members may hold its coupons. */
const LIVE_EDITABLE: ReadonlySet<CouponTemplateField> = new Set<CouponTemplateField>(['name', 'description', 'totalStock', 'costYuan', 'validUntil']);

type SavedTemplate = Pick<CouponTemplateView, 'status' | 'totalStock' | 'validity'>;

/**
 * Whether `field` may no longer change. A draft changes freely; a live template only its name, description, stock
 * (never switching between limited and unlimited), cost and the end of a fixed validity; an ended one nothing.
 */
export function isFieldLocked(saved: SavedTemplate | null, field: CouponTemplateField): boolean {
  if (!saved || saved.status === 'draft') return false;
  if (saved.status === 'ended') return true;
  if (field === 'totalStock') return saved.totalStock === null;
  if (field === 'validUntil') return saved.validity.kind !== 'fixed';
  return !LIVE_EDITABLE.has(field);
}

/** Coupons the template's stock has given out: the stock's own count when it is limited, else the coupons counted. */
export function issuedCount(template: Pick<CouponTemplateView, 'totalStock' | 'counters'>): number {
  const { totalStock, counters } = template;
  return totalStock !== null && counters.remaining !== null ? totalStock - counters.remaining : counters.issued;
}

/**
 * Where a field the API names (`amountOffFen`, `scope.values.0`, `validity.hoursFrom`, or the domain's top-level
 * `weekdays`) sits in the form; null for a field the form does not have.
 */
export function formFieldOf(apiField: string, scopeKind: CouponScopeKind | undefined): CouponTemplateField | null {
  const path = apiField
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
  switch (path) {
    case 'amountOffFen':
      return 'amountOffYuan';
    case 'percentOff':
      return 'discountZhe';
    case 'maxDiscountFen':
      return 'maxDiscountYuan';
    case 'minSpendFen':
      return 'minSpendYuan';
    case 'costFen':
      return 'costYuan';
    case 'scope':
    case 'scope.kind':
      return 'scopeKind';
    case 'scope.values':
      return scopeKind === 'categories' ? 'scopeCategories' : 'scopeSkus';
    case 'scope.excludeSkus':
      return 'excludeSkus';
    case 'validity':
    case 'validity.kind':
      return 'validityKind';
    case 'validity.from':
      return 'validFrom';
    case 'validity.until':
      return 'validUntil';
    case 'validity.days':
      return 'validDays';
    case 'validity.weekdays':
      return 'weekdays';
    case 'hoursFrom':
    case 'hoursUntil':
    case 'validity.hoursFrom':
    case 'validity.hoursUntil':
      return 'hours';
    default:
      return (FORM_FIELDS as readonly string[]).includes(path) ? (path as CouponTemplateField) : null;
  }
}

/** A problem against a form field, or against the template as a whole (`field` null). */
export interface TemplateFormProblem {
  field: CouponTemplateField | null;
  problem: string;
}

function draftOf(body: SaveCouponTemplateDto): CouponTemplateDraft {
  const { validity } = body;
  return {
    kind: body.kind,
    amountOffFen: body.amountOffFen ?? null,
    percentOff: body.percentOff ?? null,
    maxDiscountFen: body.maxDiscountFen ?? null,
    giftSku: body.giftSku ?? null,
    serviceCode: body.serviceCode ?? null,
    minSpendFen: body.minSpendFen,
    scope: body.scope,
    weekdays: validity.weekdays,
    hoursFrom: validity.hoursFrom ?? null,
    hoursUntil: validity.hoursUntil ?? null,
    stacking: body.stacking,
    stackGroup: body.stackGroup ?? null,
    validity: {
      kind: validity.kind,
      from: validity.from ? new Date(validity.from) : null,
      until: validity.until ? new Date(validity.until) : null,
      days: validity.days ?? null,
    },
    totalStock: body.totalStock ?? null,
    claimable: body.claimable,
  };
}

const isOneDecimal = (value: number) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;

/**
 * Everything that keeps the form from being saved, one problem per field, before anything is sent: what was left
 * empty, then the domain's own template rules (`validateCouponTemplate`, the ones the API applies), then what a live
 * template may no longer change. `saved` is the template being edited (null for a new one).
 */
export function validateCouponTemplateForm(values: CouponTemplateFormValues, saved: (SavedTemplate & Pick<CouponTemplateView, 'counters'>) | null): TemplateFormProblem[] {
  const problems: TemplateFormProblem[] = [];
  const add = (field: CouponTemplateField | null, problem: string) => {
    if (field === null || !problems.some((known) => known.field === field)) problems.push({ field, problem });
  };
  const body = toSaveCouponTemplateBody(values);
  const limits = COUPON_TEMPLATE_LIMITS;

  if (body.code === '') add('code', '请填写编码');
  else if (!TEMPLATE_CODE_PATTERN.test(body.code)) add('code', '编码为 2–40 位字母、数字、下划线或短横线');
  if (body.name === '') add('name', '请填写名称');
  else if (body.name.length < limits.nameLength.min) add('name', `名称至少 ${limits.nameLength.min} 个字`);
  else if (body.name.length > limits.nameLength.max) add('name', `名称最多 ${limits.nameLength.max} 个字`);
  if (body.description.length > limits.descriptionLength) add('description', `说明最多 ${limits.descriptionLength} 个字`);

  if (values.kind === 'percent_off' && values.discountZhe !== null && values.discountZhe !== undefined) {
    const { min, max } = limits.discountZhe;
    if (values.discountZhe < min || values.discountZhe > max || !isOneDecimal(values.discountZhe)) add('discountZhe', '折扣须在 0.1–9.9 折之间，最多一位小数');
  }
  if (values.kind !== 'service' && (values.minSpendYuan === null || values.minSpendYuan === undefined)) add('minSpendYuan', '请填写使用门槛（0 为无门槛）');
  if (values.validityKind === 'fixed' && !values.validFrom) add('validFrom', '请选择开始时间');
  if (values.validityKind === 'relative' && values.validDays && values.validDays > limits.validDays.max) add('validDays', `有效天数最多 ${limits.validDays.max} 天`);
  if (values.perMemberLimit === null || values.perMemberLimit === undefined) add('perMemberLimit', '请填写每人限领张数');
  if (values.costYuan === null || values.costYuan === undefined) add('costYuan', '请填写单张核销成本（0 为不计）');
  if (body.stackGroup && body.stackGroup.length > limits.stackGroupLength) add('stackGroup', `叠加分组最多 ${limits.stackGroupLength} 个字`);

  for (const { field, problem } of validateCouponTemplate(draftOf(body))) add(formFieldOf(field, values.scopeKind), problem);

  const stock = body.totalStock ?? null;
  if (saved && saved.status !== 'draft') {
    if ((saved.totalStock === null) !== (stock === null)) {
      add('totalStock', saved.totalStock === null ? '已发布的不限量优惠券不能改为限量' : '已发布的优惠券不能改为不限量');
    }
    const until = body.validity.until;
    if (saved.validity.kind === 'fixed' && saved.validity.until && until && Date.parse(until) < Date.parse(saved.validity.until)) {
      add('validUntil', '已发布的优惠券只能延长有效期，不能缩短');
    }
  }
  if (saved && stock !== null) {
    const issued = issuedCount(saved);
    if (stock < issued) add('totalStock', `已发放 ${issued} 张，发放总量不能少于已发放数量`);
  }
  return problems;
}

/** API field names in the drawer's words, for the problems listed above the form and in the preview. */
export const COUPON_TEMPLATE_FIELD_LABELS: Record<string, string> = {
  code: '编码',
  name: '名称',
  description: '说明',
  kind: '类型',
  amountOffFen: '减免金额',
  percentOff: '折扣',
  maxDiscountFen: '最高优惠',
  giftSku: '赠品',
  serviceCode: '服务',
  minSpendFen: '使用门槛',
  scope: '适用范围',
  values: '适用品类或商品',
  excludeSkus: '排除商品',
  validity: '有效期',
  from: '开始时间',
  until: '结束时间',
  days: '有效天数',
  weekdays: '可用星期',
  hoursFrom: '可用时段',
  hoursUntil: '可用时段',
  totalStock: '发放总量',
  perMemberLimit: '每人限领',
  claimable: '领券中心可领',
  stacking: '叠加规则',
  stackGroup: '叠加分组',
  costFen: '核销成本',
};

/** A refused save or preview's field problems, as `form.setFields` entries for the fields the form has. */
export function templateFieldErrors(error: unknown, scopeKind: CouponScopeKind | undefined): { name: CouponTemplateField; errors: string[] }[] {
  const byField = new Map<CouponTemplateField, string[]>();
  for (const { field, problem } of errorProblems(error)) {
    const name = formFieldOf(field, scopeKind);
    if (name) byField.set(name, [...(byField.get(name) ?? []), problem]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}

/** A refused save or preview's field problems, one line each in the drawer's words. */
export function templateProblemLines(error: unknown): string[] {
  return errorProblems(error).map(({ field, problem }) => `${describeField(field, COUPON_TEMPLATE_FIELD_LABELS)}：${problem}`);
}
