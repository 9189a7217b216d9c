import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ALLERGENS, type Allergen, PRODUCT_CATEGORIES, type ProductCategory, SKIN_CONCERNS, SKIN_TYPES, type SkinConcern, type SkinType } from '@glow/domain';

/** SKU: letters, digits and dashes, as printed on the box. */
export const SKU_PATTERN = /^[A-Z0-9][A-Z0-9-]{2,31}$/;
/** An image is an https URL or a path served by the API. */
export const IMAGE_URL_PATTERN = /^(https:\/\/|\/api\/media\/)[^\s]{1,300}$/;

export interface ProductResponse {
  id: string;
  sku: string;
  name: string;
  /** Brand line (系列), e.g. 水光系列. */
  line: string | null;
  category: ProductCategory;
  priceFen: number;
  images: string[];
  description: string | null;
  suitableSkinTypes: SkinType[];
  concerns: SkinConcern[];
  allergens: Allergen[];
  /** How long one unit lasts in normal use; drives repurchase reminders. */
  usageDays: number | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A product as a member sees it (recommendations, cards). */
export interface ProductCard {
  id: string;
  sku: string;
  name: string;
  line: string | null;
  category: ProductCategory;
  priceFen: number;
  image: string | null;
}

export class CreateProductDto {
  @IsString()
  @Matches(SKU_PATTERN)
  sku!: string;

  @IsString()
  @Length(1, 60)
  name!: string;

  @IsOptional()
  @IsString()
  @Length(1, 30)
  line?: string | null;

  @IsIn(PRODUCT_CATEGORIES)
  category!: ProductCategory;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  priceFen!: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsString({ each: true })
  @Matches(IMAGE_URL_PATTERN, { each: true })
  images?: string[];

  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SKIN_TYPES, { each: true })
  suitableSkinTypes?: SkinType[];

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SKIN_CONCERNS, { each: true })
  concerns?: SkinConcern[];

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ALLERGENS, { each: true })
  allergens?: Allergen[];

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  usageDays?: number | null;
}

/** Every field optional; `active: false` deactivates (the product stays for history and orders). */
export class UpdateProductDto {
  @IsOptional()
  @IsString()
  @Length(1, 60)
  name?: string;

  @IsOptional()
  @IsString()
  @Length(0, 30)
  line?: string | null;

  @IsOptional()
  @IsIn(PRODUCT_CATEGORIES)
  category?: ProductCategory;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  priceFen?: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(9)
  @IsString({ each: true })
  @Matches(IMAGE_URL_PATTERN, { each: true })
  images?: string[];

  @IsOptional()
  @IsString()
  @Length(0, 500)
  description?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SKIN_TYPES, { each: true })
  suitableSkinTypes?: SkinType[];

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(SKIN_CONCERNS, { each: true })
  concerns?: SkinConcern[];

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ALLERGENS, { each: true })
  allergens?: Allergen[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  usageDays?: number | null;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ProductListQuery {
  @IsOptional()
  @IsString()
  @Length(1, 40)
  q?: string;

  @IsOptional()
  @IsIn(PRODUCT_CATEGORIES)
  category?: ProductCategory;

  /** `true`, `false`, or absent for all. */
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

/** Result of an Excel import: rows are 1-based sheet rows (row 1 is the header). */
export interface ProductImportReport {
  total: number;
  created: number;
  updated: number;
  failed: number;
  errors: { row: number; sku: string | null; field: string; message: string }[];
}
