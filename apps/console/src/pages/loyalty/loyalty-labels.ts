import type { BonusRuleKind, PointsImportStatus, RewardKind } from '@glow/contracts';

/*
 * Mirrors of the contract's value lists: values from the contracts barrel are not imported in the browser (see
 * api-routes.ts); `satisfies` fails the typecheck when a list drifts from its contract type.
 */
export const REWARD_KINDS = ['product', 'coupon', 'service'] as const satisfies readonly RewardKind[];
export const BONUS_RULE_KINDS = ['sku', 'category'] as const satisfies readonly BonusRuleKind[];

// The kind labels are shared with the till pages: `REWARD_KIND_LABELS` in shared/loyalty-till-labels.ts.

/** antd Tag colours of each reward kind. */
export const REWARD_KIND_COLORS = {
  product: 'magenta',
  coupon: 'gold',
  service: 'blue',
} as const satisfies Record<RewardKind, string>;

export const BONUS_RULE_KIND_LABELS = {
  sku: '指定商品（SKU）',
  category: '商品分类',
} as const satisfies Record<BonusRuleKind, string>;

export const POINTS_IMPORT_STATUS_LABELS = {
  running: '导入中',
  done: '已完成',
  failed: '失败',
} as const satisfies Record<PointsImportStatus, string>;

/** Tier codes and coupon template codes, as the contract's `Matches` constraints spell them. */
export const TIER_CODE_PATTERN = /^[a-z][a-z0-9_]{1,19}$/;
export const COUPON_CODE_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/** A percentage multiplier as staff read it: 120 → ×1.2, 200 → ×2. */
export function formatMultiplier(pct: number): string {
  return `×${Number((pct / 100).toFixed(2))}`;
}
