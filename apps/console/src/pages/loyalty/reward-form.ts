import type { RewardKind, RewardView, SaveRewardDto } from '@glow/contracts';

/** Mirrors of SaveRewardDto's limits (values from the contracts barrel are not imported in the browser). */
export const REWARD_LIMITS = {
  nameLength: 40,
  descriptionLength: 500,
  pointsCost: { min: 1, max: 10_000_000 },
  stockTotal: { min: 0, max: 1_000_000 },
  perMemberLimit: { min: 1, max: 100 },
} as const;
export const REWARD_IMAGE_URL_PATTERN = /^(https:\/\/|\/api\/media\/)[^\s]{1,300}$/;

/** What the drawer's form holds; the window's ends are ISO instants (null = open), as the API takes them. */
export interface RewardFormValues {
  kind: RewardKind;
  name: string;
  description?: string | null;
  imageUrl?: string | null;
  pointsCost?: number | null;
  stockTotal?: number | null;
  perMemberLimit?: number | null;
  startsAt?: string | null;
  endsAt?: string | null;
  minTierCode?: string | null;
  productId?: string | null;
  couponTemplateCode?: string | null;
  active: boolean;
}

export function toRewardFormValues(reward: RewardView | null): RewardFormValues {
  if (!reward) {
    return { kind: 'product', name: '', description: '', imageUrl: '', stockTotal: 0, perMemberLimit: 1, startsAt: null, endsAt: null, minTierCode: null, active: true };
  }
  return {
    kind: reward.kind,
    name: reward.name,
    description: reward.description,
    imageUrl: reward.imageUrl ?? '',
    pointsCost: reward.pointsCost,
    stockTotal: reward.stockTotal,
    perMemberLimit: reward.perMemberLimit,
    startsAt: reward.startsAt,
    endsAt: reward.endsAt,
    minTierCode: reward.minTier?.code ?? null,
    productId: reward.productId,
    couponTemplateCode: reward.couponTemplateCode,
    active: reward.active,
  };
}

function textOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * The POST / PUT body. Only the field of the reward's kind is sent (the product of a product reward, the coupon
 * template of a coupon reward); the other is cleared, so changing the kind never leaves a stale link behind.
 * The form's required rules run before this is called.
 */
export function toSaveRewardBody(values: RewardFormValues): SaveRewardDto {
  return {
    kind: values.kind,
    name: values.name.trim(),
    description: values.description?.trim() ?? '',
    imageUrl: textOrNull(values.imageUrl),
    pointsCost: values.pointsCost ?? 0,
    stockTotal: values.stockTotal ?? 0,
    perMemberLimit: values.perMemberLimit ?? 1,
    startsAt: values.startsAt ?? null,
    endsAt: values.endsAt ?? null,
    minTierCode: values.minTierCode ?? null,
    productId: values.kind === 'product' ? (values.productId ?? null) : null,
    couponTemplateCode: values.kind === 'coupon' ? textOrNull(values.couponTemplateCode) : null,
    active: values.active,
  };
}

/** The API refuses a window that does not end after it starts (REWARD_INVALID); say so at the end field. */
export function windowProblem(startsAt: string | null | undefined, endsAt: string | null | undefined): string | null {
  if (!startsAt || !endsAt) return null;
  return Date.parse(endsAt) > Date.parse(startsAt) ? null : '结束时间须晚于开始时间';
}

/** Share of the stock still left, for the table's bar: 0–100, and 0 for a reward without stock. */
export function stockPercent(reward: Pick<RewardView, 'stockLeft' | 'stockTotal'>): number {
  if (reward.stockTotal <= 0) return 0;
  return Math.round((Math.max(0, reward.stockLeft) / reward.stockTotal) * 100);
}

/** API field names in the drawer's words, for VALIDATION_FAILED details. */
export const REWARD_FIELD_LABELS: Record<string, string> = {
  kind: '类型',
  name: '名称',
  description: '介绍',
  imageUrl: '图片地址',
  pointsCost: '所需积分',
  stockTotal: '总库存',
  perMemberLimit: '每人限兑',
  startsAt: '开始时间',
  endsAt: '结束时间',
  minTierCode: '最低等级',
  productId: '关联商品',
  couponTemplateCode: '优惠券模板编码',
  active: '上架',
};
