/** Product categories of the catalog. */
export const PRODUCT_CATEGORIES = ['skincare', 'makeup', 'fragrance', 'tools'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const PRODUCT_CATEGORY_LABELS: Record<ProductCategory, string> = { skincare: '护肤', makeup: '彩妆', fragrance: '香氛', tools: '工具' };
