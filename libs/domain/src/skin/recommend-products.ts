import type { ProductCategory } from '../catalog/product-category';
import type { SkinProfile } from './score-questionnaire';
import { type Allergen, SKIN_CONCERN_ACTIONS, SKIN_TYPE_LABELS, type SkinConcern, type SkinType } from './skin-vocabulary';

export interface RecommendableProduct {
  id: string;
  name: string;
  category: ProductCategory;
  suitableSkinTypes: SkinType[];
  concerns: SkinConcern[];
  allergens: Allergen[];
  active: boolean;
}

export interface Recommendation {
  productId: string;
  /** 1-based position in the list. */
  rank: number;
  score: number;
  /** Why it was picked, e.g. `适合混合性肌肤 · 改善毛孔`. */
  reason: string;
  /** The member's concerns this product addresses, in the member's order. */
  matchedConcerns: SkinConcern[];
}

export const DEFAULT_RECOMMENDATION_LIMIT = 8;

/** The member's first concern matters most; concerns past the fourth count like the fourth. */
const CONCERN_WEIGHTS = [40, 30, 20, 10] as const;
const TYPE_MATCH = 25;
const SENSITIVE_BONUS = 15;
/** Small enough never to outweigh a concern or a type match; it only orders otherwise equal products. */
const CATEGORY_BONUS: Record<ProductCategory, number> = { skincare: 5, makeup: 2, fragrance: 1, tools: 0 };

/**
 * Picks the catalog products that suit a member's skin profile, best first.
 *
 * Inactive products and products containing any of the member's allergens are never offered. A product qualifies
 * when it lists the member's base skin type (or, for a sensitive member, `sensitive`) or addresses at least one of
 * the member's concerns; a product listing no skin types claims no suitability and qualifies through concerns only.
 * Score: each matched concern by its rank in the member's profile (40, 30, 20, 10), 25 for a listed base type,
 * 15 for a sensitive member when the product lists `sensitive`, and a small category bonus so skincare leads tools.
 * Equal scores are ordered by product id so the same catalog always yields the same list.
 */
export function recommendProducts(
  profile: Pick<SkinProfile, 'skinType' | 'sensitive' | 'concerns' | 'allergens'>,
  products: readonly RecommendableProduct[],
  limit: number = DEFAULT_RECOMMENDATION_LIMIT,
): Recommendation[] {
  const avoid = new Set<Allergen>(profile.allergens);
  const scored: Omit<Recommendation, 'rank'>[] = [];

  for (const product of products) {
    if (!product.active || product.allergens.some((a) => avoid.has(a))) continue;
    const baseMatch = product.suitableSkinTypes.includes(profile.skinType);
    const sensitiveMatch = profile.sensitive && product.suitableSkinTypes.includes('sensitive');
    const matchedConcerns = profile.concerns.filter((c) => product.concerns.includes(c));
    if (!baseMatch && !sensitiveMatch && matchedConcerns.length === 0) continue;

    let score = CATEGORY_BONUS[product.category] ?? 0;
    profile.concerns.forEach((concern, i) => {
      if (product.concerns.includes(concern)) score += CONCERN_WEIGHTS[Math.min(i, CONCERN_WEIGHTS.length - 1)];
    });
    if (baseMatch) score += TYPE_MATCH;
    if (sensitiveMatch) score += SENSITIVE_BONUS;

    const parts: string[] = [];
    if (baseMatch) parts.push(`适合${SKIN_TYPE_LABELS[profile.skinType]}`);
    else if (sensitiveMatch) parts.push(`适合${SKIN_TYPE_LABELS.sensitive}`);
    for (const concern of matchedConcerns.slice(0, 2)) parts.push(SKIN_CONCERN_ACTIONS[concern]);

    scored.push({ productId: product.id, score, reason: parts.join(' · '), matchedConcerns });
  }

  const count = Math.max(0, Math.floor(limit));
  return scored
    .sort((a, b) => b.score - a.score || (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0))
    .slice(0, count)
    .map((r, i) => ({ productId: r.productId, rank: i + 1, score: r.score, reason: r.reason, matchedConcerns: r.matchedConcerns }));
}
