import type { CreateProductDto, ProductResponse, UpdateProductDto } from '@glow/contracts';
import type { Allergen, ProductCategory, SkinConcern, SkinType } from '@glow/domain';
import { fenToYuan, yuanToFen } from '../../shared/format';

/*
 * Mirrors of the contract's SKU_PATTERN and IMAGE_URL_PATTERN: values from the contracts barrel are not imported in
 * the browser (see api-routes.ts). The API validates again; these only let the form say so before sending.
 */
export const SKU_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,31}$/;
export const IMAGE_URL_PATTERN = /^(https:\/\/|\/api\/media\/)[^\s]{1,300}$/;
export const MAX_IMAGES = 9;
export const MAX_PRICE_YUAN = 1_000_000;

/** What the drawer's form holds: price in yuan (staff think in 元), images as a list of URLs. */
export interface ProductFormValues {
  sku: string;
  name: string;
  line?: string | null;
  category?: ProductCategory;
  priceYuan?: number | null;
  images: string[];
  description?: string | null;
  suitableSkinTypes: SkinType[];
  concerns: SkinConcern[];
  allergens: Allergen[];
  usageDays?: number | null;
}

export function toFormValues(product: ProductResponse | null): ProductFormValues {
  if (!product) return { sku: '', name: '', images: [], suitableSkinTypes: [], concerns: [], allergens: [] };
  return {
    sku: product.sku,
    name: product.name,
    line: product.line,
    category: product.category,
    priceYuan: fenToYuan(product.priceFen),
    images: product.images,
    description: product.description,
    suitableSkinTypes: product.suitableSkinTypes,
    concerns: product.concerns,
    allergens: product.allergens,
    usageDays: product.usageDays,
  };
}

function textOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function shared(values: ProductFormValues) {
  return {
    name: values.name.trim(),
    line: textOrNull(values.line),
    priceFen: yuanToFen(values.priceYuan ?? 0),
    images: values.images.map((url) => url.trim()).filter((url) => url !== ''),
    description: textOrNull(values.description),
    suitableSkinTypes: values.suitableSkinTypes,
    concerns: values.concerns,
    allergens: values.allergens,
    usageDays: values.usageDays ?? null,
  };
}

/** The form's required fields (category) are checked by the form before this is called. */
export function toCreateBody(values: ProductFormValues): CreateProductDto {
  return { sku: values.sku.trim().toUpperCase(), category: values.category as ProductCategory, ...shared(values) };
}

/** Every editable field is sent, so clearing one (line, description, usage days) clears it on the API too. */
export function toUpdateBody(values: ProductFormValues): UpdateProductDto {
  return { category: values.category, ...shared(values) };
}

/** Where a field named by the API (`priceFen`, `images.2`) sits in the form. */
export function formFieldOf(apiField: string): (string | number)[] {
  const [head, ...rest] = apiField.split('.');
  const name = head === 'priceFen' ? 'priceYuan' : head;
  return [name, ...rest.map((part) => (/^\d+$/.test(part) ? Number(part) : part))];
}
