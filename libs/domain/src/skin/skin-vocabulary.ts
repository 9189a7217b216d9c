/**
 * The words the skin module speaks: skin types, concerns, allergens and their Chinese labels.
 * Products, questionnaires, scoring and recommendations all use these keys.
 */
export const SKIN_TYPES = ['dry', 'oily', 'combination', 'normal', 'sensitive'] as const;
export type SkinType = (typeof SKIN_TYPES)[number];

/** The base types a member's skin is scored into; `sensitive` is carried as a separate flag on the profile. */
export const BASE_SKIN_TYPES = ['dry', 'oily', 'combination', 'normal'] as const;
export type BaseSkinType = (typeof BASE_SKIN_TYPES)[number];

export const SKIN_CONCERNS = ['acne', 'spots', 'wrinkles', 'dullness', 'pores', 'redness', 'dehydration', 'dark_circles', 'firmness'] as const;
export type SkinConcern = (typeof SKIN_CONCERNS)[number];

export const ALLERGENS = ['fragrance', 'alcohol', 'parabens', 'essential_oils', 'salicylic_acid', 'retinol', 'lanolin', 'nut_oils'] as const;
export type Allergen = (typeof ALLERGENS)[number];

export const SKIN_TYPE_LABELS: Record<SkinType, string> = {
  dry: '干性肌肤',
  oily: '油性肌肤',
  combination: '混合性肌肤',
  normal: '中性肌肤',
  sensitive: '敏感肌肤',
};

export const SKIN_CONCERN_LABELS: Record<SkinConcern, string> = {
  acne: '痘痘',
  spots: '色斑',
  wrinkles: '细纹',
  dullness: '暗沉',
  pores: '毛孔',
  redness: '泛红',
  dehydration: '缺水',
  dark_circles: '黑眼圈',
  firmness: '松弛',
};

/** How a product helps with a concern, used in recommendation reasons ("改善毛孔"). */
export const SKIN_CONCERN_ACTIONS: Record<SkinConcern, string> = {
  acne: '祛痘控痘',
  spots: '淡化色斑',
  wrinkles: '淡化细纹',
  dullness: '提亮肤色',
  pores: '改善毛孔',
  redness: '舒缓泛红',
  dehydration: '补水保湿',
  dark_circles: '改善黑眼圈',
  firmness: '紧致提拉',
};

export const ALLERGEN_LABELS: Record<Allergen, string> = {
  fragrance: '香精',
  alcohol: '酒精',
  parabens: '防腐剂（尼泊金酯）',
  essential_oils: '精油',
  salicylic_acid: '水杨酸',
  retinol: '视黄醇',
  lanolin: '羊毛脂',
  nut_oils: '坚果油',
};

export const SENSITIVITY_LEVELS = ['low', 'medium', 'high'] as const;
export type SensitivityLevel = (typeof SENSITIVITY_LEVELS)[number];

export const SENSITIVITY_LABELS: Record<SensitivityLevel, string> = { low: '耐受', medium: '轻度敏感', high: '敏感' };
