import type { BonusRuleKind, EarningRulesDto, EarningRulesView, TierView } from '@glow/contracts';
import { orderPoints, PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS } from '@glow/domain';
import { formatMultiplier } from './loyalty-labels';

/** Mirrors of EarningRulesDto's limits (values from the contracts barrel are not imported in the browser). */
export const EARNING_LIMITS = {
  pointsPerYuan: { min: 0, max: 100 },
  birthdayMultiplierPct: { min: 100, max: 1000 },
  monthlyCap: { min: 0, max: 10_000_000 },
  returnWindowDays: { min: 0, max: 90 },
  validityDays: { min: 30, max: 1095 },
  expiryReminderDays: { min: 1, max: 60 },
  profileBonus: { min: 0, max: 10_000 },
  skinTestBonus: { min: 0, max: 10_000 },
  referralBonus: { min: 0, max: 10_000 },
  bonusMonthlyCap: { min: 0, max: 100_000 },
  tierGraceDays: { min: 0, max: 365 },
} as const satisfies Record<Exclude<keyof EarningRulesDto, 'bonusRules'>, { min: number; max: number }>;

export const BONUS_MULTIPLIER_LIMITS = { min: 100, max: 1000 } as const;
export const MAX_BONUS_RULES = 50;
/** A SKU or a category value is 1 to 32 characters. */
export const MAX_BONUS_VALUE_LENGTH = 32;

type NumberField = keyof typeof EARNING_LIMITS;

export interface BonusRuleFormValues {
  kind?: BonusRuleKind;
  value?: string | null;
  multiplierPct?: number | null;
}

/** What the form holds: the DTO's numbers (an emptied box is null until the form's required rule catches it). */
export type EarningRulesFormValues = { [K in NumberField]?: number | null } & { bonusRules: BonusRuleFormValues[] };

const NUMBER_FIELDS = Object.keys(EARNING_LIMITS) as NumberField[];

export function toEarningRulesFormValues(view: EarningRulesView): EarningRulesFormValues {
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((field) => [field, view[field]])) as Record<NumberField, number>;
  return { ...numbers, bonusRules: view.bonusRules.map((rule) => ({ ...rule })) };
}

/**
 * The PUT body: exactly the DTO's fields (the API refuses unknown ones, so the view's `updatedAt` stays behind),
 * SKUs trimmed and in capitals as the catalog spells them. The form's required rules run before this is called.
 */
export function toEarningRulesBody(values: EarningRulesFormValues): EarningRulesDto {
  const number = (field: NumberField) => values[field] ?? 0;
  return {
    pointsPerYuan: number('pointsPerYuan'),
    birthdayMultiplierPct: number('birthdayMultiplierPct'),
    bonusRules: values.bonusRules.map((rule) => {
      const value = rule.value?.trim() ?? '';
      return {
        kind: rule.kind ?? 'sku',
        value: rule.kind === 'category' ? value : value.toUpperCase(),
        multiplierPct: rule.multiplierPct ?? 100,
      };
    }),
    monthlyCap: number('monthlyCap'),
    returnWindowDays: number('returnWindowDays'),
    validityDays: number('validityDays'),
    expiryReminderDays: number('expiryReminderDays'),
    profileBonus: number('profileBonus'),
    skinTestBonus: number('skinTestBonus'),
    referralBonus: number('referralBonus'),
    bonusMonthlyCap: number('bonusMonthlyCap'),
    tierGraceDays: number('tierGraceDays'),
  };
}

/** What a bonus rule applies to, as staff read it: the category's name (护肤) or the SKU. */
export function bonusTargetLabel(kind: BonusRuleKind, value: string): string {
  if (kind === 'sku') return value.trim().toUpperCase();
  const category = PRODUCT_CATEGORIES.find((candidate) => candidate === value);
  return category ? PRODUCT_CATEGORY_LABELS[category] : value;
}

/** Rules on the same SKU or category twice, by name: only the highest would ever apply, so the form refuses the repeat. */
export function duplicateBonusRules(rules: (BonusRuleFormValues | undefined)[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const rule of rules) {
    if (!rule?.kind || !rule.value?.trim()) continue;
    const target = bonusTargetLabel(rule.kind, rule.value);
    const key = `${rule.kind}:${target}`;
    if (seen.has(key)) twice.add(target);
    seen.add(key);
  }
  return [...twice];
}

export const EXAMPLE_PAID_FEN = 399_00;

/** The tier the example uses: 银卡 when the ladder has it, else the second tier, else the first. */
export function exampleTier(tiers: TierView[] | undefined): Pick<TierView, 'name' | 'multiplierPct'> | null {
  if (!tiers || tiers.length === 0) return null;
  return tiers.find((tier) => tier.name === '银卡') ?? tiers[1] ?? tiers[0];
}

/**
 * The example under the form, computed by the same rule the API earns with (`orderPoints`) from the values being
 * edited: an order of ¥399 with no bonus product, by a member of `tier` in their birthday month, without a cap.
 * Null while a value the rule needs is missing or out of range.
 */
export function earningExample(values: EarningRulesFormValues, tier: Pick<TierView, 'name' | 'multiplierPct'> | null): string | null {
  const { pointsPerYuan, birthdayMultiplierPct } = values;
  if (!isWhole(pointsPerYuan) || !isWhole(birthdayMultiplierPct)) return null;
  const rules = { pointsPerYuan, birthdayMultiplierPct, bonusRules: [] };
  const line = { sku: '', category: null, paidFen: EXAMPLE_PAID_FEN };
  const tierPct = tier?.multiplierPct ?? 100;
  const points = orderPoints([line], rules, { tierMultiplierPct: tierPct, birthdayMonth: true, capLeft: null }).points;
  const factors = [tier ? `${tier.name} ${formatMultiplier(tierPct)}` : null, `生日月 ${formatMultiplier(birthdayMultiplierPct)}`].filter(Boolean);
  return `消费 ¥${EXAMPLE_PAID_FEN / 100} 可得 ${points.toLocaleString('zh-CN')} 积分（${factors.join('，')}）`;
}

function isWhole(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
