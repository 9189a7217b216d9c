import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

// --- points ---

export const POINTS_LOT_STATUSES = ['pending', 'active', 'expired', 'cancelled'] as const;
export type PointsLotStatus = (typeof POINTS_LOT_STATUSES)[number];

/** Every kind of change the points ledger records. */
export const POINTS_ENTRY_KINDS = [
  'earn',
  'activate',
  'spend',
  'expire',
  'clawback',
  'cancel',
  'adjust',
  'opening',
  'bonus',
  'restore',
  'debt_offset',
] as const;
export type PointsEntryKind = (typeof POINTS_ENTRY_KINDS)[number];

/** The label a member reads in the points history. */
export const POINTS_ENTRY_LABELS: Record<PointsEntryKind, string> = {
  earn: '消费获得',
  activate: '积分到账',
  spend: '积分兑换',
  expire: '过期',
  clawback: '退款扣回',
  cancel: '退款取消',
  adjust: '人工调整',
  opening: '期初积分',
  bonus: '奖励积分',
  restore: '兑换退回',
  debt_offset: '抵扣欠分',
};

/** What a points change refers to. */
export const POINTS_REF_TYPES = ['order', 'redemption', 'adjustment', 'import', 'bonus', 'lot'] as const;
export type PointsRefType = (typeof POINTS_REF_TYPES)[number];

/** An idempotency key: the client makes one per intended operation and repeats it on retry. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,64}$/;

export interface PointsEntryView {
  id: string;
  kind: PointsEntryKind;
  /** Chinese label for the member, e.g. 消费获得. */
  label: string;
  /** Change of the usable balance (negative for spend, expiry, claw-back). */
  delta: number;
  /** Change of the pending points (earned but inside the return window). */
  pendingDelta: number;
  /** Human-readable reason, e.g. 门店消费 ¥399.00（小票 A1001）. */
  reason: string;
  refType: PointsRefType;
  refId: string | null;
  createdAt: string;
}

export interface PointsLotView {
  id: string;
  earned: number;
  remaining: number;
  status: PointsLotStatus;
  reason: string;
  activatesAt: string;
  expiresAt: string;
  createdAt: string;
}

export interface TierBrief {
  code: string;
  name: string;
  rank: number;
  multiplierPct: number;
}

export interface TierProgressView {
  tier: TierBrief;
  /** Qualifying spend (paid minus refunded) in the rolling 12 months, in fen. */
  qualifyingSpendFen: number;
  next: (TierBrief & { minSpendFen: number }) | null;
  /** Fen still to spend to reach the next tier; 0 at the top. */
  needFen: number;
  /** 0–1, progress from the current tier's threshold to the next one. */
  ratio: number;
  /** Set when the spend fell below the current tier: the earliest day of a downgrade (YYYY-MM-DD). */
  downgradeOn: string | null;
  benefits: TierBenefits;
}

export interface PointsSummary {
  balance: number;
  pending: number;
  /** Points clawed back by refunds that could not be taken; netted against future earnings. */
  debt: number;
  /** The soonest expiry among active points, if any within the reminder period. */
  expiringSoon: { points: number; expiresAt: string } | null;
  tier: TierProgressView;
}

export class PointsHistoryQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

/** The rotating member code: show it as a QR code and as text; it is valid until `expiresAt`, even offline. */
export interface MemberCodeResponse {
  code: string;
  expiresAt: string;
  /** Ask for a fresh code after this many seconds. */
  refreshAfterSec: number;
}

export class ResolveMemberCodeDto {
  @IsString()
  @Length(1, 40)
  code!: string;
}

/** What the till shows once a member code is scanned or typed. */
export interface MemberAtTill {
  id: string;
  memberNo: string;
  name: string | null;
  nickname: string | null;
  phoneMasked: string;
  tier: TierBrief;
  balance: number;
  pending: number;
}

export class AdjustPointsDto {
  /** Positive to add, negative to take (never below zero). */
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  delta!: number;

  @IsString()
  @Length(2, 100)
  reason!: string;

  @IsString()
  @Matches(IDEMPOTENCY_KEY_PATTERN)
  idempotencyKey!: string;
}

export interface StaffMemberPoints {
  summary: PointsSummary;
  lots: PointsLotView[];
  entries: PointsEntryView[];
  tierHistory: { from: string | null; to: string; reason: string; spendFen: number; createdAt: string }[];
}

// --- earning rules ---

export const BONUS_RULE_KINDS = ['sku', 'category'] as const;
export type BonusRuleKind = (typeof BONUS_RULE_KINDS)[number];

export class BonusRuleDto {
  @IsIn(BONUS_RULE_KINDS)
  kind!: BonusRuleKind;

  /** A SKU or a product category. */
  @IsString()
  @Length(1, 32)
  value!: string;

  /** 200 = double points on that line. */
  @IsInt()
  @Min(100)
  @Max(1000)
  multiplierPct!: number;
}

export class EarningRulesDto {
  /** Points per yuan paid (before multipliers). */
  @IsInt()
  @Min(0)
  @Max(100)
  pointsPerYuan!: number;

  @IsInt()
  @Min(100)
  @Max(1000)
  birthdayMultiplierPct!: number;

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BonusRuleDto)
  bonusRules!: BonusRuleDto[];

  /** Order points a member can earn per calendar month (Asia/Shanghai); 0 means no cap. */
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  monthlyCap!: number;

  /** Order points stay pending this many days (the return window). */
  @IsInt()
  @Min(0)
  @Max(90)
  returnWindowDays!: number;

  /** Points expire this many days after they were earned. */
  @IsInt()
  @Min(30)
  @Max(1095)
  validityDays!: number;

  /** Remind a member this many days before points expire. */
  @IsInt()
  @Min(1)
  @Max(60)
  expiryReminderDays!: number;

  @IsInt()
  @Min(0)
  @Max(10_000)
  profileBonus!: number;

  @IsInt()
  @Min(0)
  @Max(10_000)
  skinTestBonus!: number;

  /** Paid to the referrer once per referred member who joins. */
  @IsInt()
  @Min(0)
  @Max(10_000)
  referralBonus!: number;

  /** One-off bonuses a member can receive per calendar month; 0 means no cap. */
  @IsInt()
  @Min(0)
  @Max(100_000)
  bonusMonthlyCap!: number;

  /** Days a member's spend may stay below their tier before a downgrade. */
  @IsInt()
  @Min(0)
  @Max(365)
  tierGraceDays!: number;
}

export type EarningRulesView = EarningRulesDto & { updatedAt: string };

// --- tiers ---

export interface TierBenefits {
  /** Coupon template code given in the birthday month (issued when the coupon module lands). */
  birthdayCouponCode: string | null;
  /** Extra days a member of this tier may book ahead. */
  bookingExtraDays: number;
  /** What the member reads about this tier's benefits. */
  description: string;
}

export class TierBenefitsDto {
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  birthdayCouponCode?: string | null;

  @IsInt()
  @Min(0)
  @Max(60)
  bookingExtraDays!: number;

  @IsString()
  @Length(0, 200)
  description!: string;
}

export class TierDto {
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,19}$/)
  code!: string;

  @IsString()
  @Length(1, 10)
  name!: string;

  /** Qualifying spend in the rolling 12 months, in fen; the first tier must be 0. */
  @IsInt()
  @Min(0)
  @Max(100_000_000_00)
  minSpendFen!: number;

  @IsInt()
  @Min(100)
  @Max(500)
  multiplierPct!: number;

  @ValidateNested()
  @Type(() => TierBenefitsDto)
  benefits!: TierBenefitsDto;
}

/** The whole ladder, lowest first; the rank is the position. */
export class SaveTiersDto {
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TierDto)
  tiers!: TierDto[];
}

export interface TierView {
  code: string;
  name: string;
  rank: number;
  minSpendFen: number;
  multiplierPct: number;
  benefits: TierBenefits;
  memberCount: number;
}

// --- points mall ---

export const REWARD_KINDS = ['product', 'coupon', 'service'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];
export const REDEMPTION_STATUSES = ['issued', 'fulfilled', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

export class SaveRewardDto {
  @IsIn(REWARD_KINDS)
  kind!: RewardKind;

  @IsString()
  @Length(1, 40)
  name!: string;

  @IsString()
  @Length(0, 500)
  description!: string;

  @IsOptional()
  @IsString()
  @Matches(/^(https:\/\/|\/api\/media\/)[^\s]{1,300}$/)
  imageUrl?: string | null;

  @IsInt()
  @Min(1)
  @Max(10_000_000)
  pointsCost!: number;

  /** Total units; on update, the units left move by the same difference (never below zero). */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  stockTotal!: number;

  @IsInt()
  @Min(1)
  @Max(100)
  perMemberLimit!: number;

  @IsOptional()
  @IsDateString({ strict: true })
  startsAt?: string | null;

  @IsOptional()
  @IsDateString({ strict: true })
  endsAt?: string | null;

  /** Only members of this tier or above may redeem; null for everyone. */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,19}$/)
  minTierCode?: string | null;

  /** For a product reward: the catalog product handed over. */
  @IsOptional()
  @IsUUID()
  productId?: string | null;

  /** For a coupon reward: the coupon template code (issued when the coupon module lands). */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/)
  couponTemplateCode?: string | null;

  @IsBoolean()
  active!: boolean;
}

export interface RewardView {
  id: string;
  kind: RewardKind;
  name: string;
  description: string;
  imageUrl: string | null;
  pointsCost: number;
  stockTotal: number;
  stockLeft: number;
  perMemberLimit: number;
  startsAt: string | null;
  endsAt: string | null;
  minTier: { code: string; name: string } | null;
  productId: string | null;
  couponTemplateCode: string | null;
  active: boolean;
  redeemedCount: number;
}

/** A reward as a member sees it, with whether they can redeem it now and why not. */
export interface MemberRewardView extends RewardView {
  redeemable: boolean;
  /** Chinese reason when not redeemable, e.g. 积分不足. */
  blockedReason: string | null;
  redeemedByMe: number;
}

export class RedeemRewardDto {
  @IsString()
  @Matches(IDEMPOTENCY_KEY_PATTERN)
  idempotencyKey!: string;
}

export interface RedemptionView {
  id: string;
  reward: { id: string; kind: RewardKind; name: string; imageUrl: string | null };
  member: { id: string; memberNo: string; name: string | null } | null;
  points: number;
  status: RedemptionStatus;
  /** Shown in store to collect a product or a service; null for coupon rewards. */
  pickupCode: string | null;
  fulfilledAt: string | null;
  fulfilledStore: { id: string; name: string } | null;
  cancelledAt: string | null;
  createdAt: string;
}

export class PickupDto {
  @IsString()
  @Matches(/^[A-Za-z0-9]{8}$/)
  code!: string;

  @IsOptional()
  @IsUUID()
  storeId?: string;
}

export class CancelRedemptionDto {
  @IsString()
  @Length(2, 100)
  reason!: string;
}

export class StaffRedemptionQuery {
  @IsOptional()
  @IsIn(REDEMPTION_STATUSES)
  status?: RedemptionStatus;

  @IsOptional()
  @IsUUID()
  memberId?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

// --- opening balance import ---

export const POINTS_IMPORT_STATUSES = ['running', 'done', 'failed'] as const;
export type PointsImportStatus = (typeof POINTS_IMPORT_STATUSES)[number];

export interface PointsImportView {
  id: string;
  fileName: string;
  status: PointsImportStatus;
  total: number;
  processed: number;
  imported: number;
  /** Rows refused, with the reason in Chinese; nothing was credited for them. */
  errors: { row: number; phone: string; message: string }[];
  createdAt: string;
  finishedAt: string | null;
}
