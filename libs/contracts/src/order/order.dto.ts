import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { COUPON_CODE_PATTERN } from '@glow/domain';
import { IDEMPOTENCY_KEY_PATTERN, type PointsLotStatus } from '../loyalty/loyalty.dto';

export const ORDER_CHANNELS = ['store', 'online'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];
export const ORDER_STATUSES = ['created', 'paid', 'refunded', 'partially_refunded', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  created: '待支付',
  paid: '已支付',
  refunded: '已退款',
  partially_refunded: '部分退款',
  cancelled: '已取消',
};

/** A till receipt number: letters, digits and dashes. */
export const RECEIPT_NO_PATTERN = /^[A-Za-z0-9-]{1,32}$/;

export class StorePurchaseItemDto {
  @IsString()
  @Length(1, 32)
  sku!: string;

  @IsInt()
  @Min(1)
  @Max(99)
  quantity!: number;

  /** Defaults to the catalog price. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  unitPriceFen?: number;
}

/**
 * A purchase recorded at the till: the member code shown in the mini-program, and either the items
 * (from the catalog) or the receipt number and its total.
 */
export class StorePurchaseDto {
  @IsString()
  @Length(1, 40)
  memberCode!: string;

  /** Store staff record for their own store; admins name it. */
  @IsOptional()
  @IsUUID()
  storeId?: string;

  @IsOptional()
  @IsString()
  @Matches(RECEIPT_NO_PATTERN)
  receiptNo?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => StorePurchaseItemDto)
  items?: StorePurchaseItemDto[];

  /** The amount paid, for a receipt recorded without items. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  totalFen?: number;

  /** A discount over the whole order (items only), split across the lines. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  discountFen?: number;

  /** Member coupons applied to this purchase (codes scanned or picked from the member's wallet). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @Matches(COUPON_CODE_PATTERN, { each: true })
  couponCodes?: string[];

  @IsString()
  @Matches(IDEMPOTENCY_KEY_PATTERN)
  idempotencyKey!: string;
}

export class RefundItemDto {
  @IsUUID()
  itemId!: string;

  @IsInt()
  @Min(1)
  @Max(99)
  quantity!: number;
}

/** One of: `full`, `items`, or `amountFen` (for an order recorded without items). */
export class RefundOrderDto {
  @IsOptional()
  @IsBoolean()
  full?: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RefundItemDto)
  items?: RefundItemDto[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amountFen?: number;

  @IsString()
  @Length(2, 100)
  reason!: string;

  @IsString()
  @Matches(IDEMPOTENCY_KEY_PATTERN)
  idempotencyKey!: string;
}

export interface OrderItemView {
  id: string;
  productId: string | null;
  sku: string;
  name: string;
  category: string | null;
  unitPriceFen: number;
  quantity: number;
  /** What the member paid for the line after the order discount. */
  paidFen: number;
  refundedQuantity: number;
}

export interface OrderRefundView {
  id: string;
  amountFen: number;
  items: { itemId: string; quantity: number }[];
  reason: string;
  /** Points taken back (pending cancelled + active clawed back); `debt` is what could not be taken. */
  points: { cancelled: number; clawedBack: number; debt: number };
  createdAt: string;
}

export interface OrderView {
  id: string;
  orderNo: string;
  channel: OrderChannel;
  status: OrderStatus;
  store: { id: string; name: string } | null;
  advisor: { id: string; name: string } | null;
  member: { id: string; memberNo: string; name: string | null; nickname: string | null };
  receiptNo: string | null;
  items: OrderItemView[];
  subtotalFen: number;
  discountFen: number;
  totalFen: number;
  refundedFen: number;
  points: { earned: number; status: PointsLotStatus | null; activatesAt: string | null };
  refunds: OrderRefundView[];
  /** Coupons held for (awaiting payment) or used on this order, and what each took off. */
  coupons: { id: string; code: string; name: string; kind: 'amount_off' | 'percent_off' | 'gift' | 'service'; discountFen: number }[];
  /** An online order awaiting payment is cancelled at this moment. */
  payBefore: string | null;
  paidAt: string | null;
  createdAt: string;
}

export class StaffOrderQuery {
  @IsOptional()
  @IsUUID()
  storeId?: string;

  @IsOptional()
  @IsUUID()
  memberId?: string;

  @IsOptional()
  @IsString()
  @Length(1, 32)
  q?: string;

  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: OrderStatus;

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
