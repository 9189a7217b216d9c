import type { Allergen, ProductCategory, SkinConcern, SkinType } from '@glow/domain';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('product')
@Check('ck_product_category', `category IN ('skincare', 'makeup', 'fragrance', 'tools')`)
@Check('ck_product_price', `price_fen >= 0`)
@Check('ck_product_usage_days', `usage_days IS NULL OR usage_days > 0`)
@Index('ix_product_category_active', ['category', 'active'])
export class Product {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_product_sku', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  sku: string;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  /** Brand line (系列). */
  @Column({ type: 'varchar', length: 30, nullable: true })
  line: string | null;

  @Column({ type: 'varchar', length: 12 })
  category: ProductCategory;

  @Column({ name: 'price_fen', type: 'integer' })
  priceFen: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  images: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  description: string | null;

  @Column({ name: 'suitable_skin_types', type: 'text', array: true, default: () => "'{}'" })
  suitableSkinTypes: SkinType[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  concerns: SkinConcern[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  allergens: Allergen[];

  @Column({ name: 'usage_days', type: 'integer', nullable: true })
  usageDays: number | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
