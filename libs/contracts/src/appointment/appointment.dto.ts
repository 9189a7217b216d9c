import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

export const SERVICE_KINDS = ['try_on', 'makeup', 'skin_test', 'facial', 'class'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export const BOOKING_STATUSES = ['booked', 'checked_in', 'completed', 'cancelled', 'no_show'] as const;
export type BookingStatusValue = (typeof BOOKING_STATUSES)[number];

/** 'YYYY-MM-DD', a business day in Asia/Shanghai. */
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** 'HH:mm', 00:00–24:00. */
export const HHMM_PATTERN = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export interface BookableStore {
  id: string;
  name: string;
  city: string;
  address: string;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Metres from the member's location when it was given. */
  distanceM: number | null;
  /** Today's hours in Asia/Shanghai, e.g. `10:00–22:00`, or null when closed today. */
  todayHours: string | null;
}

export interface BookableService {
  id: string;
  code: string;
  name: string;
  description: string;
  kind: ServiceKind;
  durationMin: number;
  seats: number;
  priceFen: number;
  depositFen: number;
  cancelCutoffMin: number;
  bookingWindowDays: number;
}

export interface SlotView {
  startsAt: string;
  endsAt: string;
  seatsLeft: number;
  advisors: { id: string; name: string }[];
}

export interface SlotsResponse {
  date: string;
  slots: SlotView[];
}

export class StoreQuery {
  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat?: number;

  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(-180)
  @Max(180)
  lng?: number;
}

export class ServiceQuery {
  @IsUUID()
  storeId!: string;
}

export class SlotQueryDto {
  @IsUUID()
  storeId!: string;

  @IsUUID()
  serviceId!: string;

  @IsString()
  @Matches(DATE_PATTERN)
  date!: string;

  @IsOptional()
  @IsUUID()
  advisorId?: string;
}

export class CreateBookingDto {
  @IsUUID()
  storeId!: string;

  @IsUUID()
  serviceId!: string;

  @IsDateString({ strict: true })
  startsAt!: string;

  /** Omitted: any qualified advisor (the least loaded that day). */
  @IsOptional()
  @IsUUID()
  advisorId?: string;

  @IsOptional()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  productIds?: string[];

  @IsOptional()
  @IsString()
  @Length(0, 200)
  note?: string;

  /** The member accepted the reminder subscribe message (wx.requestSubscribeMessage). */
  @IsOptional()
  @IsBoolean()
  reminderOptIn?: boolean;
}

export class RescheduleBookingDto {
  @IsDateString({ strict: true })
  startsAt!: string;

  @IsOptional()
  @IsUUID()
  advisorId?: string;
}

export class BookingFeedbackDto {
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @IsOptional()
  @IsString()
  @Length(0, 300)
  comment?: string;
}

export interface BookingView {
  id: string;
  status: BookingStatusValue;
  checkInCode: string;
  store: { id: string; name: string; address: string };
  service: { id: string; name: string; kind: ServiceKind; durationMin: number };
  advisor: { id: string; name: string };
  member: { id: string; memberNo: string; name: string | null; nickname: string | null } | null;
  startsAt: string;
  endsAt: string;
  products: { id: string; name: string }[];
  note: string | null;
  canCancel: boolean;
  productsTried: { id: string; name: string }[];
  skinObservations: string | null;
  feedback: { rating: number; comment: string | null } | null;
  createdAt: string;
}

/** Body of a 409 when the slot was taken: the fresh slots of that day, so the client can offer another. */
export interface SlotTakenResponse {
  code: 'APPOINTMENT_SLOT_TAKEN';
  message: string;
  slots: SlotView[];
}

// --- staff ---

export class StaffBookingQuery {
  @IsOptional()
  @IsUUID()
  storeId?: string;

  @IsOptional()
  @IsUUID()
  advisorId?: string;

  @IsString()
  @Matches(DATE_PATTERN)
  from!: string;

  /** Inclusive; at most 31 days after `from`. */
  @IsString()
  @Matches(DATE_PATTERN)
  to!: string;

  @IsOptional()
  @IsIn(BOOKING_STATUSES)
  status?: BookingStatusValue;
}

export class CheckInDto {
  @IsString()
  @Matches(/^\d{6}$/)
  code!: string;

  /** The store where the member is; store staff default to their own. */
  @IsOptional()
  @IsUUID()
  storeId?: string;
}

export class CompleteBookingDto {
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  productsTried?: string[];

  @IsOptional()
  @IsString()
  @Length(0, 500)
  skinObservations?: string;
}

export class SaveServiceDto {
  @IsString()
  @Matches(/^[A-Z0-9-]{2,20}$/)
  code!: string;

  @IsString()
  @Length(1, 30)
  name!: string;

  @IsOptional()
  @IsString()
  @Length(0, 300)
  description?: string;

  @IsIn(SERVICE_KINDS)
  kind!: ServiceKind;

  @IsInt()
  @Min(5)
  @Max(480)
  durationMin!: number;

  @IsInt()
  @Min(0)
  @Max(120)
  bufferAfterMin!: number;

  @IsInt()
  @Min(1)
  @Max(100)
  seats!: number;

  @IsInt()
  @Min(0)
  @Max(10_000_000)
  priceFen!: number;

  @IsInt()
  @Min(0)
  @Max(10_000_000)
  depositFen!: number;

  @IsInt()
  @Min(0)
  @Max(10_080)
  minNoticeMin!: number;

  @IsInt()
  @Min(1)
  @Max(180)
  bookingWindowDays!: number;

  @IsInt()
  @Min(0)
  @Max(10_080)
  cancelCutoffMin!: number;

  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  storeIds?: string[];

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export interface ServiceAdminView extends BookableService {
  minNoticeMin: number;
  bufferAfterMin: number;
  active: boolean;
  storeIds: string[];
  advisorIds: string[];
}

export class WeekdayHoursDto {
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @IsString()
  @Matches(HHMM_PATTERN)
  open!: string;

  @IsString()
  @Matches(HHMM_PATTERN)
  close!: string;
}

export class SpecialDayDto {
  @IsString()
  @Matches(DATE_PATTERN)
  date!: string;

  @IsBoolean()
  closed!: boolean;

  @IsOptional()
  @IsString()
  @Matches(HHMM_PATTERN)
  open?: string;

  @IsOptional()
  @IsString()
  @Matches(HHMM_PATTERN)
  close?: string;

  @IsOptional()
  @IsString()
  @Length(0, 40)
  note?: string;
}

/** Replaces a store's weekly hours (weekdays not listed are closed) and its special days. */
export class SaveStoreScheduleDto {
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => WeekdayHoursDto)
  hours!: WeekdayHoursDto[];

  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => SpecialDayDto)
  specialDays!: SpecialDayDto[];

  @IsOptional()
  @IsNumber()
  @Min(-90)
  @Max(90)
  latitude?: number;

  @IsOptional()
  @IsNumber()
  @Min(-180)
  @Max(180)
  longitude?: number;
}

export class ShiftRuleDto {
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  @IsString()
  @Matches(HHMM_PATTERN)
  start!: string;

  @IsString()
  @Matches(HHMM_PATTERN)
  end!: string;
}

export class ShiftExceptionDto {
  @IsString()
  @Matches(DATE_PATTERN)
  date!: string;

  @IsBoolean()
  off!: boolean;

  @IsOptional()
  @IsString()
  @Matches(HHMM_PATTERN)
  start?: string;

  @IsOptional()
  @IsString()
  @Matches(HHMM_PATTERN)
  end?: string;
}

/** Replaces an advisor's weekly pattern (at their store), exceptions and skills. */
export class SaveAdvisorScheduleDto {
  @IsArray()
  @ArrayMaxSize(28)
  @ValidateNested({ each: true })
  @Type(() => ShiftRuleDto)
  rules!: ShiftRuleDto[];

  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => ShiftExceptionDto)
  exceptions!: ShiftExceptionDto[];

  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  serviceIds!: string[];
}

export interface StoreScheduleView {
  storeId: string;
  /** Weekday 1 (Monday) … 7 (Sunday) → hours, or null when closed. */
  hours: Record<string, { open: string; close: string } | null>;
  specialDays: { date: string; closed: boolean; open: string | null; close: string | null; note: string | null }[];
  latitude: number | null;
  longitude: number | null;
}

export interface ShiftRuleView {
  advisorId: string;
  weekday: number;
  start: string;
  end: string;
}

export interface AdvisorScheduleView {
  advisorId: string;
  advisorName: string;
  rules: ShiftRuleView[];
  exceptions: { date: string; off: boolean; start: string | null; end: string | null }[];
  serviceIds: string[];
}

/** Brand-wide booking rules: no-show handling and reminders. */
export class AppointmentPolicyDto {
  /** Minutes after the start before an unattended booking becomes a no-show. */
  @IsInt()
  @Min(5)
  @Max(240)
  noShowGraceMin!: number;

  @IsInt()
  @Min(1)
  @Max(20)
  noShowMax!: number;

  @IsInt()
  @Min(1)
  @Max(365)
  noShowWindowDays!: number;

  /** 0 turns the pause off. */
  @IsInt()
  @Min(0)
  @Max(365)
  noShowPauseDays!: number;

  @IsInt()
  @Min(1)
  @Max(72)
  reminderHoursBefore!: number;
}

export type AppointmentPolicyView = AppointmentPolicyDto;
