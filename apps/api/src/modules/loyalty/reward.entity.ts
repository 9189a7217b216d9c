import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RedemptionStatus, RewardKind } from '@glow/contracts';

/** A points-mall reward; `stock_left` is taken by a conditional update and can never go below zero. */
@Entity('reward')
@Check('ck_reward_kind', `kind IN ('product', 'coupon', 'service')`)
@Check('ck_reward_stock', `stock_left >= 0 AND stock_left <= stock_total`)
@Check('ck_reward_window', `starts_at IS NULL OR ends_at IS NULL OR starts_at < ends_at`)
export class Reward {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10 })
  kind: RewardKind;

  @Column({ type: 'varchar', length: 40 })
  name: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  @Column({ name: 'image_url', type: 'varchar', length: 320, nullable: true })
  imageUrl: string | null;

  @Column({ name: 'points_cost', type: 'integer' })
  pointsCost: number;

  @Column({ name: 'stock_total', type: 'integer' })
  stockTotal: number;

  @Column({ name: 'stock_left', type: 'integer' })
  stockLeft: number;

  @Column({ name: 'per_member_limit', type: 'integer', default: 1 })
  perMemberLimit: number;

  @Column({ name: 'starts_at', type: 'timestamptz', nullable: true })
  startsAt: Date | null;

  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true })
  endsAt: Date | null;

  @Column({ name: 'min_tier_code', type: 'varchar', length: 20, nullable: true })
  minTierCode: string | null;

  @Column({ name: 'product_id', type: 'uuid', nullable: true })
  productId: string | null;

  @Column({ name: 'coupon_template_code', type: 'varchar', length: 40, nullable: true })
  couponTemplateCode: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** How many of a reward a member holds (not cancelled); the per-member limit is a conditional upsert on it. */
@Entity('reward_member_count')
@Check('ck_reward_member_count', `count >= 0`)
export class RewardMemberCount {
  @PrimaryColumn({ name: 'reward_id', type: 'uuid' })
  rewardId: string;

  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ type: 'integer' })
  count: number;
}

@Entity('redemption')
@Check('ck_redemption_status', `status IN ('issued', 'fulfilled', 'cancelled')`)
@Index('uq_redemption_key', ['memberId', 'idempotencyKey'], { unique: true })
@Index('uq_redemption_pickup', ['pickupCode'], { unique: true, where: `pickup_code IS NOT NULL` })
@Index('ix_redemption_member', ['memberId', 'createdAt'])
@Index('ix_redemption_reward', ['rewardId'])
export class Redemption {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'reward_id', type: 'uuid' })
  rewardId: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ type: 'integer' })
  points: number;

  @Column({ type: 'varchar', length: 10, default: 'issued' })
  status: RedemptionStatus;

  @Column({ name: 'pickup_code', type: 'char', length: 8, nullable: true })
  pickupCode: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 })
  idempotencyKey: string;

  @Column({ name: 'fulfilled_at', type: 'timestamptz', nullable: true })
  fulfilledAt: Date | null;

  @Column({ name: 'fulfilled_store_id', type: 'uuid', nullable: true })
  fulfilledStoreId: string | null;

  @Column({ name: 'fulfilled_by', type: 'uuid', nullable: true })
  fulfilledBy: string | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 100, nullable: true })
  cancelReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** An opening-balance import: progress and the refused rows. */
@Entity('points_import')
export class PointsImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'file_name', type: 'varchar', length: 120 })
  fileName: string;

  @Column({ type: 'varchar', length: 10, default: 'running' })
  status: 'running' | 'done' | 'failed';

  @Column({ type: 'integer', default: 0 })
  total: number;

  @Column({ type: 'integer', default: 0 })
  processed: number;

  @Column({ type: 'integer', default: 0 })
  imported: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  errors: { row: number; phone: string; message: string }[];

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
