import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CouponKind, CouponScopeKind, CouponSource, CouponStacking, CouponStatus, CouponTemplateStatus, CouponValidityKind } from '@glow/contracts';
import { Member } from '../member/member.entity';

/**
 * What a marketer configures: the coupon's value, rules and stock. `remaining` is taken by one conditional update
 * per claim or issue and can never go below zero; it is null when the template has no stock limit.
 */
@Entity('coupon_template')
@Check('ck_coupon_template_kind', `kind IN ('amount_off', 'percent_off', 'gift', 'service')`)
@Check('ck_coupon_template_status', `status IN ('draft', 'active', 'paused', 'ended')`)
@Check(
  'ck_coupon_template_value',
  `(kind = 'amount_off' AND amount_off_fen > 0) OR (kind = 'percent_off' AND percent_off BETWEEN 1 AND 99)
   OR (kind = 'gift' AND gift_sku IS NOT NULL) OR (kind = 'service' AND service_code IS NOT NULL)`,
)
@Check('ck_coupon_template_stock', `(total_stock IS NULL AND remaining IS NULL) OR (remaining BETWEEN 0 AND total_stock)`)
@Check(
  'ck_coupon_template_validity',
  `(validity_kind = 'fixed' AND valid_until IS NOT NULL AND (valid_from IS NULL OR valid_until > valid_from)) OR (validity_kind = 'relative' AND valid_days > 0)`,
)
@Check('ck_coupon_template_amounts', `min_spend_fen >= 0 AND cost_fen >= 0 AND per_member_limit > 0`)
@Index('uq_coupon_template_code', ['code'], { unique: true })
@Index('ix_coupon_template_status', ['status', 'claimable'])
export class CouponTemplate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'varchar', length: 30 })
  name: string;

  @Column({ type: 'varchar', length: 300, default: '' })
  description: string;

  @Column({ type: 'varchar', length: 12 })
  kind: CouponKind;

  @Column({ type: 'varchar', length: 8, default: 'draft' })
  status: CouponTemplateStatus;

  @Column({ name: 'amount_off_fen', type: 'integer', nullable: true })
  amountOffFen: number | null;

  @Column({ name: 'percent_off', type: 'smallint', nullable: true })
  percentOff: number | null;

  @Column({ name: 'max_discount_fen', type: 'integer', nullable: true })
  maxDiscountFen: number | null;

  @Column({ name: 'gift_sku', type: 'varchar', length: 32, nullable: true })
  giftSku: string | null;

  @Column({ name: 'service_code', type: 'varchar', length: 32, nullable: true })
  serviceCode: string | null;

  @Column({ name: 'min_spend_fen', type: 'integer', default: 0 })
  minSpendFen: number;

  @Column({ name: 'scope_kind', type: 'varchar', length: 12, default: 'all' })
  scopeKind: CouponScopeKind;

  @Column({ name: 'scope_values', type: 'text', array: true, default: () => `'{}'` })
  scopeValues: string[];

  @Column({ name: 'exclude_skus', type: 'text', array: true, default: () => `'{}'` })
  excludeSkus: string[];

  @Column({ name: 'validity_kind', type: 'varchar', length: 8 })
  validityKind: CouponValidityKind;

  @Column({ name: 'valid_from', type: 'timestamptz', nullable: true })
  validFrom: Date | null;

  @Column({ name: 'valid_until', type: 'timestamptz', nullable: true })
  validUntil: Date | null;

  @Column({ name: 'valid_days', type: 'smallint', nullable: true })
  validDays: number | null;

  @Column({ type: 'smallint', array: true, default: () => `'{}'` })
  weekdays: number[];

  @Column({ name: 'hours_from', type: 'varchar', length: 5, nullable: true })
  hoursFrom: string | null;

  @Column({ name: 'hours_until', type: 'varchar', length: 5, nullable: true })
  hoursUntil: string | null;

  @Column({ name: 'total_stock', type: 'integer', nullable: true })
  totalStock: number | null;

  @Column({ type: 'integer', nullable: true })
  remaining: number | null;

  @Column({ name: 'per_member_limit', type: 'smallint', default: 1 })
  perMemberLimit: number;

  @Column({ type: 'boolean', default: false })
  claimable: boolean;

  @Column({ type: 'varchar', length: 10, default: 'exclusive' })
  stacking: CouponStacking;

  @Column({ name: 'stack_group', type: 'varchar', length: 20, nullable: true })
  stackGroup: string | null;

  @Column({ name: 'cost_fen', type: 'integer', default: 0 })
  costFen: number;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * One coupon of one member, with an unguessable code for the till. Every status change is a compare-and-set
 * update on `status`; `issue_key` makes claims and issuance idempotent (a retried job never issues twice).
 */
@Entity('member_coupon')
@Check('ck_member_coupon_status', `status IN ('available', 'held', 'used', 'expired', 'revoked')`)
@Check('ck_member_coupon_source', `source IN ('claim', 'campaign', 'tier', 'mall', 'compensation', 'manual')`)
@Check('ck_member_coupon_window', `valid_until > valid_from`)
@Check('ck_member_coupon_held', `status <> 'held' OR order_id IS NOT NULL`)
@Index('uq_member_coupon_code', ['code'], { unique: true })
@Index('uq_member_coupon_issue_key', ['issueKey'], { unique: true })
@Index('ix_member_coupon_member', ['memberId', 'status', 'validUntil'])
@Index('ix_member_coupon_template', ['templateId', 'status'])
@Index('ix_member_coupon_expiry', ['validUntil'], { where: `status = 'available'` })
@Index('ix_member_coupon_order', ['orderId'], { where: `order_id IS NOT NULL` })
export class MemberCoupon {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @ManyToOne(() => CouponTemplate, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_id' })
  template?: CouponTemplate;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @ManyToOne(() => Member, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id' })
  member?: Member;

  @Column({ type: 'varchar', length: 12 })
  code: string;

  @Column({ type: 'varchar', length: 10, default: 'available' })
  status: CouponStatus;

  @Column({ type: 'varchar', length: 12 })
  source: CouponSource;

  /** `claim:{member}:{client key}` for claims; the caller's key for issuance (e.g. `redemption:{id}`). */
  @Column({ name: 'issue_key', type: 'varchar', length: 160 })
  issueKey: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  reason: string | null;

  @Column({ name: 'issued_by', type: 'uuid', nullable: true })
  issuedBy: string | null;

  @Column({ name: 'valid_from', type: 'timestamptz' })
  validFrom: Date;

  @Column({ name: 'valid_until', type: 'timestamptz' })
  validUntil: Date;

  /** The order it is held for or was used on (null for gift/service coupons redeemed without a purchase). */
  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  orderId: string | null;

  @Column({ name: 'discount_fen', type: 'integer', nullable: true })
  discountFen: number | null;

  @Column({ name: 'held_at', type: 'timestamptz', nullable: true })
  heldAt: Date | null;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'used_store_id', type: 'uuid', nullable: true })
  usedStoreId: string | null;

  @Column({ name: 'used_by', type: 'uuid', nullable: true })
  usedBy: string | null;

  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true })
  expiredAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 100, nullable: true })
  revokeReason: string | null;

  @Column({ name: 'returned_count', type: 'smallint', default: 0 })
  returnedCount: number;

  @Column({ name: 'expiry_reminded_at', type: 'timestamptz', nullable: true })
  expiryRemindedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** How many coupons of a template a member has claimed: the per-member limit, enforced by a conditional upsert. */
@Entity('coupon_claim_count')
@Check('ck_coupon_claim_count', `claimed > 0`)
export class CouponClaimCount {
  @PrimaryColumn({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @PrimaryColumn({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ type: 'smallint' })
  claimed: number;
}
