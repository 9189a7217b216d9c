import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One rung of the tier ladder; `rank` is its position, lowest first. */
@Entity('tier')
@Index('uq_tier_rank', ['rank'], { unique: true })
@Check('ck_tier_multiplier', `multiplier_pct BETWEEN 100 AND 500`)
export class Tier {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'varchar', length: 10 })
  name: string;

  @Column({ type: 'smallint' })
  rank: number;

  @Column({ name: 'min_spend_fen', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  minSpendFen: number;

  @Column({ name: 'multiplier_pct', type: 'integer', default: 100 })
  multiplierPct: number;

  @Column({ name: 'birthday_coupon_code', type: 'varchar', length: 40, nullable: true })
  birthdayCouponCode: string | null;

  @Column({ name: 'booking_extra_days', type: 'integer', default: 0 })
  bookingExtraDays: number;

  @Column({ type: 'varchar', length: 200, default: '' })
  description: string;
}

/** A member's current tier; `below_since` starts the grace period when the spend falls below it. */
@Entity('member_tier')
@Index('ix_member_tier_code', ['tierCode'])
export class MemberTier {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ name: 'tier_code', type: 'varchar', length: 20 })
  tierCode: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  since: Date;

  /** Business day (YYYY-MM-DD) since which the spend has been below this tier. */
  @Column({ name: 'below_since', type: 'date', nullable: true })
  belowSince: string | null;

  @Column({ name: 'reviewed_on', type: 'date', nullable: true })
  reviewedOn: string | null;
}

/** History of tier changes with their reasons. */
@Entity('tier_change')
@Index('ix_tier_change_member', ['memberId', 'createdAt'])
export class TierChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ name: 'from_code', type: 'varchar', length: 20, nullable: true })
  fromCode: string | null;

  @Column({ name: 'to_code', type: 'varchar', length: 20 })
  toCode: string;

  @Column({ type: 'varchar', length: 160 })
  reason: string;

  @Column({ name: 'spend_fen', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  spendFen: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Qualifying spend events fed by orders (refunds negative); the rolling 12-month sum decides the tier. */
@Entity('tier_spend')
@Index('ix_tier_spend_member', ['memberId', 'occurredAt'])
@Index('uq_tier_spend_key', ['idempotencyKey'], { unique: true })
export class TierSpend {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ name: 'amount_fen', type: 'integer' })
  amountFen: number;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  /** When the original purchase happened: a refund counts against the purchase's own 12-month window. */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 120 })
  idempotencyKey: string;
}
