import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One product shown to a member at a position of a served list (`served_id`). */
@Entity('recommendation_impression')
@Check('ck_recommendation_impression_context', `context IN ('result', 'home')`)
@Index('uq_recommendation_impression', ['servedId', 'position'], { unique: true })
@Index('ix_recommendation_impression_product', ['productId', 'createdAt'])
@Index('ix_recommendation_impression_member', ['memberId'])
export class RecommendationImpression {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'served_id', type: 'uuid' })
  servedId: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ type: 'smallint' })
  position: number;

  @Column({ type: 'varchar', length: 8 })
  context: 'result' | 'home';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A click on a recommended product; at most one per product per served list. */
@Entity('recommendation_click')
@Index('uq_recommendation_click', ['servedId', 'productId'], { unique: true })
export class RecommendationClick {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'served_id', type: 'uuid' })
  servedId: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ type: 'smallint' })
  position: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
