import type { SaveTiersDto, TierView } from '@glow/contracts';
import { validateLadder } from '@glow/domain';
import { fenToYuan, yuanToFen } from '../../shared/format';
import { formPathOf } from './form-problems';

/** Mirrors of TierDto's limits (values from the contracts barrel are not imported in the browser). */
export const TIER_LIMITS = {
  /** 100,000,000.00 元 = the DTO's 10,000,000,000 fen. */
  minSpendYuan: { min: 0, max: 100_000_000 },
  multiplierPct: { min: 100, max: 500 },
  bookingExtraDays: { min: 0, max: 60 },
  nameLength: 10,
  descriptionLength: 200,
} as const;

/** One row of the ladder as the table edits it: the threshold in 元; `memberCount` is only shown, never sent. */
export interface TierRowValues {
  code?: string | null;
  name?: string | null;
  minSpendYuan?: number | null;
  multiplierPct?: number | null;
  birthdayCouponCode?: string | null;
  bookingExtraDays?: number | null;
  description?: string | null;
  memberCount?: number;
}

export interface TierLadderFormValues {
  tiers: TierRowValues[];
}

export function toTierLadderFormValues(tiers: TierView[]): TierLadderFormValues {
  return {
    tiers: [...tiers]
      .sort((a, b) => a.rank - b.rank)
      .map((tier) => ({
        code: tier.code,
        name: tier.name,
        minSpendYuan: fenToYuan(tier.minSpendFen),
        multiplierPct: tier.multiplierPct,
        birthdayCouponCode: tier.benefits.birthdayCouponCode ?? '',
        bookingExtraDays: tier.benefits.bookingExtraDays,
        description: tier.benefits.description,
        memberCount: tier.memberCount,
      })),
  };
}

/** A row added to the end of the ladder: just above the top threshold, so it is a valid rung once named. */
export function newTierRow(tiers: TierRowValues[]): TierRowValues {
  const top = tiers.reduce((max, tier) => Math.max(max, tier.minSpendYuan ?? 0), 0);
  return { code: '', name: '', minSpendYuan: tiers.length === 0 ? 0 : top + 1000, multiplierPct: 100, birthdayCouponCode: '', bookingExtraDays: 0, description: '' };
}

function text(value: string | null | undefined): string {
  return value?.trim() ?? '';
}

/** The PUT body: the rows in table order (the position is the rank), thresholds in fen, an empty coupon code as null. */
export function toSaveTiersBody(values: TierLadderFormValues): SaveTiersDto {
  return {
    tiers: values.tiers.map((row) => {
      const coupon = text(row.birthdayCouponCode);
      return {
        code: text(row.code).toLowerCase(),
        name: text(row.name),
        minSpendFen: yuanToFen(row.minSpendYuan ?? 0),
        multiplierPct: row.multiplierPct ?? 100,
        benefits: { birthdayCouponCode: coupon === '' ? null : coupon, bookingExtraDays: row.bookingExtraDays ?? 0, description: text(row.description) },
      };
    }),
  };
}

/**
 * What the API would refuse, checked before sending: the ladder rules of the domain (first threshold 0, thresholds
 * rising, unique codes and names, at most 10 tiers), and tiers left out of the ladder while members still hold them
 * (TIER_IN_USE; the API also refuses tiers that rewards require, which the console cannot see).
 */
export function ladderProblems(values: TierLadderFormValues, saved: TierView[]): string[] {
  const body = toSaveTiersBody(values);
  const kept = new Set(body.tiers.map((tier) => tier.code));
  const inUse = saved
    .filter((tier) => tier.memberCount > 0 && !kept.has(tier.code))
    .map((tier) => `「${tier.name}」仍有 ${tier.memberCount.toLocaleString('zh-CN')} 名会员，不能删除或修改代码`);
  return [...validateLadder(body.tiers), ...inUse];
}

/** API field names in the table's words, for VALIDATION_FAILED details (`tiers.1.minSpendFen`). */
export const TIER_FIELD_LABELS: Record<string, string> = {
  tiers: '等级',
  code: '代码',
  name: '名称',
  minSpendFen: '门槛（元）',
  multiplierPct: '积分倍数',
  benefits: '权益',
  birthdayCouponCode: '生日礼券编码',
  bookingExtraDays: '预约可提前天数',
  description: '权益说明',
};

/**
 * Where an API field sits in the table: the threshold is held in 元 and `benefits` is flattened into the row, so
 * `tiers.1.minSpendFen` → ['tiers', 1, 'minSpendYuan'] and `tiers.0.benefits.description` → ['tiers', 0, 'description'].
 */
export function tierFormPathOf(apiField: string): (string | number)[] {
  return formPathOf(apiField.replace('.benefits.', '.'), { minSpendFen: 'minSpendYuan' });
}
