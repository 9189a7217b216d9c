import type {
  EarningRulesDto,
  EarningRulesView,
  PointsImportView,
  ProductResponse,
  RewardView,
  SaveRewardDto,
  SaveTiersDto,
  TierView,
} from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

export function getEarningRules(signal?: AbortSignal): Promise<EarningRulesView> {
  return http.json<EarningRulesView>(apiRoutes.staffEarningRules, { signal });
}

/** Replaces every earning rule at once; orders already paid keep the points they earned. */
export function saveEarningRules(body: EarningRulesDto): Promise<EarningRulesView> {
  return http.json<EarningRulesView>(apiRoutes.staffEarningRules, { method: 'PUT', body });
}

/** The ladder, lowest tier first, with how many members hold each tier. */
export function listTiers(signal?: AbortSignal): Promise<TierView[]> {
  return http.json<TierView[]>(apiRoutes.staffTiers, { signal });
}

/** Replaces the whole ladder; a tier still held by members cannot be left out (409 TIER_IN_USE). */
export function saveTiers(body: SaveTiersDto): Promise<TierView[]> {
  return http.json<TierView[]>(apiRoutes.staffTiers, { method: 'PUT', body });
}

export function listRewards(signal?: AbortSignal): Promise<RewardView[]> {
  return http.json<RewardView[]>(apiRoutes.staffRewards, { signal });
}

export function getReward(id: string, signal?: AbortSignal): Promise<RewardView> {
  return http.json<RewardView>(apiRoutes.staffReward(id), { signal });
}

export function createReward(body: SaveRewardDto): Promise<RewardView> {
  return http.json<RewardView>(apiRoutes.staffRewards, { method: 'POST', body });
}

/** A full replacement; changing `stockTotal` moves the units left by the same difference. */
export function updateReward(id: string, body: SaveRewardDto): Promise<RewardView> {
  return http.json<RewardView>(apiRoutes.staffReward(id), { method: 'PUT', body });
}

/** The catalog product a product reward hands over, to name it in the reward form. */
export function getRewardProduct(productId: string, signal?: AbortSignal): Promise<ProductResponse> {
  return http.json<ProductResponse>(apiRoutes.staffProduct(productId), { signal });
}

/** The `.xlsx` template (手机号, 期初积分, 备注); fetched with the bearer token, so not a plain link. */
export function downloadPointsImportTemplate(signal?: AbortSignal): Promise<Blob> {
  return http.blob(apiRoutes.staffPointsImportTemplate, { signal });
}

/** Starts an opening-balance import; rows are checked, then credited in batches while the console polls. */
export function startPointsImport(file: Blob, fileName: string): Promise<PointsImportView> {
  const form = new FormData();
  form.append('file', file, fileName);
  return http.json<PointsImportView>(apiRoutes.staffPointsImports, { method: 'POST', body: form });
}

export function getPointsImport(id: string, signal?: AbortSignal): Promise<PointsImportView> {
  return http.json<PointsImportView>(apiRoutes.staffPointsImport(id), { signal });
}

export const loyaltyConfigKeys = {
  all: ['loyalty-config'] as const,
  earningRules: ['loyalty-config', 'earning-rules'] as const,
  tiers: ['loyalty-config', 'tiers'] as const,
  rewards: ['loyalty-config', 'rewards'] as const,
  rewardProduct: (productId: string) => ['loyalty-config', 'reward-product', productId] as const,
  pointsImport: (id: string) => ['loyalty-config', 'points-import', id] as const,
};
