import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
import { IDEMPOTENCY_KEY_PATTERN } from '../loyalty/loyalty.dto';
import type { OrderView } from '../order/order.dto';
import {
  COUPON_CODE_PATTERN,
  COUPON_KINDS,
  COUPON_SCOPE_KINDS,
  COUPON_STACKING,
  COUPON_TEMPLATE_CODE_PATTERN,
  COUPON_VALIDITY_KINDS,
  type CouponKind,
  type CouponRefusal,
  type CouponScopeKind,
  type CouponStacking,
  type CouponStatus,
  type CouponUseTarget,
  type CouponValidityKind,
  COUPON_TEMPLATE_STATUSES,
  type CouponTemplateStatus,
  COUPON_WALLET_TABS,
  type CouponWalletTab,
  type CouponSource,
  PRODUCT_CATEGORIES,
  type ProductCategory,
} from '@glow/domain';

export {
  COUPON_CODE_PATTERN,
  COUPON_TEMPLATE_CODE_PATTERN,
  COUPON_KINDS,
  COUPON_REFUSALS,
  COUPON_SCOPE_KINDS,
  COUPON_STACKING,
  COUPON_STATUSES,
  COUPON_USE_TARGETS,
  COUPON_VALIDITY_KINDS,
  type CouponKind,
  type CouponRefusal,
  type CouponScopeKind,
  type CouponStacking,
  type CouponStatus,
  type CouponUseTarget,
  type CouponValidityKind,
  COUPON_KIND_LABELS,
  COUPON_TEMPLATE_STATUSES,
  type CouponTemplateStatus,
  COUPON_TEMPLATE_STATUS_LABELS,
  COUPON_STATUS_LABELS,
  COUPON_WALLET_TABS,
  type CouponWalletTab,
  COUPON_SOURCES,
  type CouponSource,
  COUPON_SOURCE_LABELS,
} from '@glow/domain';
/** Time of day, 24-hour `HH:mm`. */
export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

// --- templates (console) ---

export class CouponScopeDto {
  @IsIn(COUPON_SCOPE_KINDS)
  kind!: CouponScopeKind;

  /** Product categories (kind `categories`) or SKUs (kind `skus`); empty for `all`. */
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 32, { each: true })
  values!: string[];

  /** SKUs never discounted, whatever the scope. */
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 32, { each: true })
  excludeSkus!: string[];
}

export class CouponValidityDto {
  @IsIn(COUPON_VALIDITY_KINDS)
  kind!: CouponValidityKind;

  /** `fixed`: first moment of use. */
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string | null;

  /** `fixed`: last moment of use. */
  @IsOptional()
  @IsDateString({ strict: true })
  until?: string | null;

  /** `relative`: days of validity from the moment the coupon reaches the member. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number | null;

  /** ISO weekdays (1 = Monday … 7 = Sunday) it may be used on; empty for every day. */
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays!: number[];

  /** Hours of the day it may be used in (Asia/Shanghai), e.g. 10:00–14:00; both null for any time. */
  @IsOptional()
  @Matches(TIME_OF_DAY_PATTERN)
  hoursFrom?: string | null;

  @IsOptional()
  @Matches(TIME_OF_DAY_PATTERN)
  hoursUntil?: string | null;
}

/**
 * A coupon template as the marketer writes it. Which fields may change depends on the status:
 * a draft changes freely; an active or paused template only its name, description, stock (never below what was
 * issued), cost and a later end date; an ended one not at all.
 */
export class SaveCouponTemplateDto {
  @Matches(COUPON_TEMPLATE_CODE_PATTERN)
  code!: string;

  @IsString()
  @Length(2, 30)
  name!: string;

  /** Terms shown to the member below the generated rules. */
  @IsString()
  @Length(0, 300)
  description!: string;

  @IsIn(COUPON_KINDS)
  kind!: CouponKind;

  /** `amount_off`: the amount taken off, in fen. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  amountOffFen?: number | null;

  /** `percent_off`: the share taken off, 15 = 15% off (八五折). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99)
  percentOff?: number | null;

  /** `percent_off`: the most it takes off, in fen; null for no cap. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  maxDiscountFen?: number | null;

  /** `gift`: the catalog SKU handed over. */
  @IsOptional()
  @IsString()
  @Length(1, 32)
  giftSku?: string | null;

  /** `service`: the appointment service code it pays for. */
  @IsOptional()
  @IsString()
  @Length(1, 32)
  serviceCode?: string | null;

  /** Eligible spend needed (0 for none), in fen. */
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  minSpendFen!: number;

  @ValidateNested()
  @Type(() => CouponScopeDto)
  scope!: CouponScopeDto;

  @ValidateNested()
  @Type(() => CouponValidityDto)
  validity!: CouponValidityDto;

  /** Coupons that may ever exist; null for no limit (issued-only templates). Claimable templates need one. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  totalStock?: number | null;

  /** How many a member may claim in the claim center. */
  @IsInt()
  @Min(1)
  @Max(100)
  perMemberLimit!: number;

  /** Shown in the claim center; otherwise only issued (campaigns, tiers, the points mall, compensation). */
  @IsBoolean()
  claimable!: boolean;

  @IsIn(COUPON_STACKING)
  stacking!: CouponStacking;

  /** Stackable coupons of the same group never combine. */
  @IsOptional()
  @IsString()
  @Length(1, 20)
  stackGroup?: string | null;

  /** What one redemption costs the brand, in fen (for ROI). */
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  costFen!: number;
}

export class CouponTemplateStatusDto {
  @IsIn(['active', 'paused', 'ended'])
  status!: Exclude<CouponTemplateStatus, 'draft'>;
}

export class CouponTemplateQuery {
  @IsOptional()
  @IsIn(COUPON_TEMPLATE_STATUSES)
  status?: CouponTemplateStatus;

  @IsOptional()
  @IsString()
  @Length(1, 40)
  q?: string;

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

export interface CouponScopeView {
  kind: CouponScopeKind;
  values: string[];
  excludeSkus: string[];
}

export interface CouponValidityView {
  kind: CouponValidityKind;
  from: string | null;
  until: string | null;
  days: number | null;
  weekdays: number[];
  hoursFrom: string | null;
  hoursUntil: string | null;
}

/** What a member sees of a template: its face and its rules in Chinese. */
export interface CouponFace {
  /** Big text on the coupon: ¥50, 8.5折, 赠品, 服务. */
  headline: string;
  /** One line under it: 满¥300可用, 无门槛, 最高减¥100. */
  condition: string;
  /** Every rule, one sentence each: validity, days and hours, scope, stacking. */
  rules: string[];
  useTarget: CouponUseTarget;
}

export interface CouponTemplateCounters {
  /** Every coupon that exists (claimed or issued). */
  issued: number;
  /** Those claimed in the claim center. */
  claimed: number;
  redeemed: number;
  expired: number;
  held: number;
  revoked: number;
  /** Stock left; null for no limit. */
  remaining: number | null;
}

export interface CouponTemplateView {
  id: string;
  code: string;
  name: string;
  description: string;
  kind: CouponKind;
  status: CouponTemplateStatus;
  amountOffFen: number | null;
  percentOff: number | null;
  maxDiscountFen: number | null;
  giftSku: string | null;
  serviceCode: string | null;
  minSpendFen: number;
  scope: CouponScopeView;
  validity: CouponValidityView;
  totalStock: number | null;
  perMemberLimit: number;
  claimable: boolean;
  stacking: CouponStacking;
  stackGroup: string | null;
  costFen: number;
  face: CouponFace;
  counters: CouponTemplateCounters;
  createdAt: string;
  updatedAt: string;
}

// --- member coupons ---

/** A template in the claim center, with what this member can do with it. */
export interface ClaimCenterItem {
  templateId: string;
  name: string;
  kind: CouponKind;
  description: string;
  face: CouponFace;
  /** Stock left; null for no limit. */
  remaining: number | null;
  claimedByMe: number;
  perMemberLimit: number;
  state: 'claimable' | 'claimed' | 'sold_out';
}

export class ClaimCouponDto {
  @IsString()
  @Matches(IDEMPOTENCY_KEY_PATTERN)
  idempotencyKey!: string;
}

export interface MemberCouponView {
  id: string;
  /** Shown as text and QR at the till. */
  code: string;
  status: CouponStatus;
  template: { id: string; code: string; name: string; kind: CouponKind; description: string; stacking: CouponStacking; stackGroup: string | null };
  face: CouponFace;
  source: CouponSource;
  validFrom: string;
  validUntil: string;
  /** The order it was held for or used on. */
  orderId: string | null;
  discountFen: number | null;
  usedAt: string | null;
  /** Set within the reminder period before expiry. */
  expiringSoon: boolean;
  createdAt: string;
}

export class WalletQuery {
  @IsOptional()
  @IsIn(COUPON_WALLET_TABS)
  tab?: CouponWalletTab;
}

export interface WalletCounts {
  available: number;
  used: number;
  expired: number;
}

export class CartItemDto {
  @IsString()
  @Length(1, 32)
  sku!: string;

  @IsInt()
  @Min(1)
  @Max(99)
  quantity!: number;
}

/** A cart to price: its items and, optionally, the coupons the member picked (otherwise the best are suggested). */
export class CouponQuoteDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CartItemDto)
  items!: CartItemDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsUUID('all', { each: true })
  couponIds?: string[];
}

/** One of the member's coupons against a cart. */
export interface CouponOption {
  coupon: MemberCouponView;
  /** `ok` or why not. */
  outcome: 'ok' | CouponRefusal;
  /** Chinese explanation for the client, e.g. 还差¥20可用. */
  message: string;
  /** What it takes off this cart alone (0 when refused; a gift's or service's value is not money off). */
  discountFen: number;
}

export interface CouponQuote {
  subtotalFen: number;
  options: CouponOption[];
  /** The combination worth the most to the member (best suggestion). */
  bestCouponIds: string[];
  /** The applied selection: the picked coupons, or the best ones when none were picked. */
  applied: { couponIds: string[]; discountFen: number; totalFen: number; lines: { sku: string; quantity: number; paidFen: number }[]; gifts: { sku: string; name: string }[] };
}

// --- staff ---

export class IssueCouponDto {
  @Matches(COUPON_TEMPLATE_CODE_PATTERN)
  templateCode!: string;

  @IsIn(['compensation', 'manual'])
  source!: 'compensation' | 'manual';

  @IsString()
  @Length(2, 100)
  reason!: string;

  @IsString()
  @Matches(IDEMPOTENCY_KEY_PATTERN)
  idempotencyKey!: string;
}

export class ResolveCouponDto {
  @Matches(COUPON_CODE_PATTERN)
  code!: string;
}

/** A coupon scanned at the till, with whom it belongs to. */
export interface CouponAtTill {
  coupon: MemberCouponView;
  member: { id: string; memberNo: string; name: string | null; nickname: string | null };
}

/** Redeem a gift or service coupon in store without a purchase (hand over the gift, perform the service). */
export class RedeemCouponDto {
  @Matches(COUPON_CODE_PATTERN)
  code!: string;

  @IsOptional()
  @IsUUID()
  storeId?: string;
}

export class RevokeCouponDto {
  @IsString()
  @Length(2, 100)
  reason!: string;
}

// --- online checkout ---

export class CheckoutDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CartItemDto)
  items!: CartItemDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsUUID('all', { each: true })
  couponIds?: string[];

  @IsString()
  @Matches(IDEMPOTENCY_KEY_PATTERN)
  idempotencyKey!: string;
}

/** What `wx.requestPayment` takes (WeChat Pay v3 JSAPI). */
export interface PaymentParams {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

export interface CheckoutResponse {
  order: OrderView;
  /** Null once the order is no longer awaiting payment. */
  payment: PaymentParams | null;
  /** When an unpaid order is cancelled and its coupons released. */
  payBefore: string;
}

/** The online shop's product list (members): active products, `ProductCard`s. */
export class ShopProductQuery {
  @IsOptional()
  @IsIn(PRODUCT_CATEGORIES)
  category?: ProductCategory;

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
