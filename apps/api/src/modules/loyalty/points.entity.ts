import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PointsEntryKind, PointsLotStatus, PointsRefType } from '@glow/contracts';

/**
 * One row per member: the running totals every points change locks first (`SELECT … FOR UPDATE`), so changes of
 * one member are serialised by PostgreSQL, and the checks keep every total from going negative.
 */
@Entity('points_account')
@Check('ck_points_account_balance', `balance >= 0`)
@Check('ck_points_account_pending', `pending >= 0`)
@Check('ck_points_account_debt', `debt >= 0`)
export class PointsAccount {
  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId: string;

  /** Usable points: the sum of the remaining points of active lots. */
  @Column({ type: 'integer', default: 0 })
  balance: number;

  /** Earned but still inside the return window: the sum of the remaining points of pending lots. */
  @Column({ type: 'integer', default: 0 })
  pending: number;

  /** Points refunds should have taken back but could not (already spent); paid off by future earnings. */
  @Column({ type: 'integer', default: 0 })
  debt: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Points earned together, with their own activation and expiry; spending takes from lots. */
@Entity('points_lot')
@Check('ck_points_lot_status', `status IN ('pending', 'active', 'expired', 'cancelled')`)
@Check('ck_points_lot_remaining', `remaining >= 0 AND remaining <= earned`)
@Index('ix_points_lot_member', ['memberId', 'status', 'expiresAt'])
@Index('ix_points_lot_activation', ['activatesAt'], { where: `status = 'pending'` })
@Index('ix_points_lot_expiry', ['expiresAt'], { where: `status = 'active'` })
@Index('ix_points_lot_ref', ['refType', 'refId'])
export class PointsLot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ type: 'integer' })
  earned: number;

  /**
   * Points of this lot still held: usable while active, waiting while pending, and for an expired lot what
   * expired unspent (a later refund forgoes those instead of charging the member).
   */
  @Column({ type: 'integer' })
  remaining: number;

  @Column({ type: 'varchar', length: 10 })
  status: PointsLotStatus;

  @Column({ type: 'varchar', length: 120 })
  reason: string;

  @Column({ name: 'ref_type', type: 'varchar', length: 12 })
  refType: PointsRefType;

  @Column({ name: 'ref_id', type: 'varchar', length: 64, nullable: true })
  refId: string | null;

  @Column({ name: 'activates_at', type: 'timestamptz' })
  activatesAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'expiry_reminded_at', type: 'timestamptz', nullable: true })
  expiryRemindedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** The append-only ledger: every change of a member's points, with its reason and reference. */
@Entity('points_entry')
@Index('ix_points_entry_member', ['memberId', 'createdAt'])
@Index('uq_points_entry_key', ['idempotencyKey'], { unique: true })
export class PointsEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ type: 'varchar', length: 12 })
  kind: PointsEntryKind;

  /** Change of the usable balance. */
  @Column({ type: 'integer' })
  delta: number;

  @Column({ name: 'pending_delta', type: 'integer', default: 0 })
  pendingDelta: number;

  /** Change of the debt (refunds add, activations pay off). */
  @Column({ name: 'debt_delta', type: 'integer', default: 0 })
  debtDelta: number;

  @Column({ type: 'varchar', length: 120 })
  reason: string;

  @Column({ name: 'ref_type', type: 'varchar', length: 12 })
  refType: PointsRefType;

  @Column({ name: 'ref_id', type: 'varchar', length: 64, nullable: true })
  refId: string | null;

  /** Unique over the whole ledger: the same operation retried never counts twice. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 120 })
  idempotencyKey: string;

  /** Which lots the change took from or gave to. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  lots: { lotId: string; points: number }[];

  @Column({ name: 'staff_id', type: 'uuid', nullable: true })
  staffId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
