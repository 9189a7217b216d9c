import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CAMPAIGN_ACTION_KINDS,
  CAMPAIGN_KINDS,
  COUPON_TEMPLATE_CODE_PATTERN,
  JOURNEY_TRIGGERS,
  OUTBOX_STATUSES,
  SUBSCRIBE_TEMPLATE_KEYS,
  type CampaignActionKind,
  type CampaignKind,
  type CampaignRunStatus,
  type CampaignStatus,
  type JourneyTrigger,
  type LifecycleStage,
  type MetricsSettings,
  type OutboxStatus,
  type RfmClass,
  type AbcClass,
  type SegmentNode,
  type SubscribeTemplateKey,
  type TouchSkip,
} from '@glow/domain';
import { TIME_OF_DAY_PATTERN } from '../coupon/coupon.dto';

export {
  ABC_CLASSES,
  AGE_BANDS,
  AGE_BAND_LABELS,
  CAMPAIGN_ACTION_KINDS,
  CAMPAIGN_ACTION_LABELS,
  CAMPAIGN_KINDS,
  CAMPAIGN_KIND_LABELS,
  CAMPAIGN_RUN_STATUSES,
  CAMPAIGN_STATUSES,
  CAMPAIGN_STATUS_LABELS,
  COUPON_BEHAVIOURS,
  COUPON_BEHAVIOUR_LABELS,
  DEFAULT_METRICS_SETTINGS,
  GENDER_LABELS,
  JOURNEY_TRIGGERS,
  JOURNEY_TRIGGER_LABELS,
  LIFECYCLE_STAGES,
  LIFECYCLE_STAGE_LABELS,
  OUTBOX_STATUSES,
  OUTBOX_STATUS_LABELS,
  RFM_CLASSES,
  RFM_CLASS_LABELS,
  SEGMENT_FIELDS,
  SEGMENT_FIELD_LABELS,
  SUBSCRIBE_TEMPLATE_KEYS,
  SUBSCRIBE_TEMPLATE_LABELS,
  TOUCH_SKIPS,
  TOUCH_SKIP_LABELS,
  type AbcClass,
  type AgeBand,
  type CampaignActionKind,
  type CampaignKind,
  type CampaignRunStatus,
  type CampaignStatus,
  type CouponBehaviour,
  type IntRange,
  type JourneyConfig,
  type JourneyTrigger,
  type LifecycleStage,
  type MetricsSettings,
  type OutboxStatus,
  type RfmClass,
  type SegmentCondition,
  type SegmentField,
  type SegmentNode,
  type SubscribeTemplateKey,
  type TouchSkip,
} from '@glow/domain';

// --- segments ---

/** A rule tree; its shape is checked by the domain's `validateSegment` (400 SEGMENT_INVALID lists the problems). */
export class SegmentRuleDto {
  @IsObject()
  rule!: SegmentNode;
}

export class SaveSegmentDto extends SegmentRuleDto {
  @IsString()
  @Length(2, 30)
  name!: string;

  @IsOptional()
  @IsString()
  @Length(0, 200)
  description?: string;
}

export interface SegmentSampleMember {
  id: string;
  memberNo: string;
  name: string | null;
  phoneMasked: string;
  tierName: string | null;
  city: string | null;
  lifecycle: LifecycleStage | null;
  lastPurchaseAt: string | null;
}

export interface SegmentPreviewView {
  count: number;
  /** Up to 10 members of the audience. */
  sample: SegmentSampleMember[];
  /** The rule in Chinese, e.g. 会员等级为金卡 且 近90天消费≥¥500.00. */
  summary: string;
  /** When the member metrics (RFM, ABC, lifecycle) the count used were computed. */
  metricsAt: string | null;
}

export interface SegmentView {
  id: string;
  name: string;
  description: string;
  rule: SegmentNode;
  summary: string;
  /** Audience at the last count. */
  count: number | null;
  countedAt: string | null;
  /** Campaigns that use it (a segment in use cannot be deleted). */
  campaigns: number;
  createdAt: string;
  updatedAt: string;
}

// --- campaigns ---

export class JourneyConfigDto {
  @IsIn(JOURNEY_TRIGGERS)
  trigger!: JourneyTrigger;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(30)
  daysBefore?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(730)
  days?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  leadDays?: number;
}

export class CampaignActionDto {
  @IsIn(CAMPAIGN_ACTION_KINDS)
  kind!: CampaignActionKind;

  /** `coupon`: the template issued (issued-only or claimable, active). */
  @IsOptional()
  @Matches(COUPON_TEMPLATE_CODE_PATTERN)
  couponTemplateCode?: string;

  /** `message`: which subscribe message is sent. */
  @IsOptional()
  @IsIn(SUBSCRIBE_TEMPLATE_KEYS)
  messageTemplate?: SubscribeTemplateKey;

  /** `message`: the reminder line (a `thing` field: at most 20 characters). */
  @IsOptional()
  @IsString()
  @Length(1, 20)
  messageText?: string;

  /** `task`: what the advisor should do. */
  @IsOptional()
  @IsString()
  @Length(2, 40)
  taskTitle?: string;

  /** `task`: due this many days after the touch. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  taskDueDays?: number;
}

export class FrequencyCapDto {
  /** At most this many campaign touches … */
  @IsInt()
  @Min(1)
  @Max(50)
  touches!: number;

  /** … within this many days, across all campaigns. */
  @IsInt()
  @Min(1)
  @Max(90)
  days!: number;
}

export class SaveCampaignDto {
  @IsString()
  @Length(2, 30)
  name!: string;

  @IsIn(CAMPAIGN_KINDS)
  kind!: CampaignKind;

  /** The audience (one-off, required) or a filter on who the journey reaches (optional). */
  @IsOptional()
  @IsUUID()
  segmentId?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => JourneyConfigDto)
  journey?: JourneyConfigDto | null;

  /** One-off: when it runs after launch; null runs at once. */
  @IsOptional()
  @IsDateString({ strict: true })
  scheduledAt?: string | null;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => CampaignActionDto)
  actions!: CampaignActionDto[];

  /** Most members reached in total; null for no limit. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  budgetTotal?: number | null;

  /** Most members reached per business day; null for no limit. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  budgetPerDay?: number | null;

  /** Messages are not sent between quietFrom and quietUntil (Asia/Shanghai); they wait for the morning. */
  @IsOptional()
  @Matches(TIME_OF_DAY_PATTERN)
  quietFrom?: string | null;

  @IsOptional()
  @Matches(TIME_OF_DAY_PATTERN)
  quietUntil?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => FrequencyCapDto)
  frequencyCap?: FrequencyCapDto | null;

  /** Share of the audience kept as a holdout (reached by nothing, measured for lift), 0–50. */
  @IsInt()
  @Min(0)
  @Max(50)
  holdoutPct!: number;

  /** Orders within this many days of a touch are attributed to the campaign. */
  @IsInt()
  @Min(1)
  @Max(90)
  attributionDays!: number;

  /** Journeys stop at this moment; null runs until ended. */
  @IsOptional()
  @IsDateString({ strict: true })
  endsAt?: string | null;
}

export const CAMPAIGN_STATUS_ACTIONS = ['launch', 'pause', 'resume', 'end'] as const;
export type CampaignStatusAction = (typeof CAMPAIGN_STATUS_ACTIONS)[number];

export class CampaignStatusDto {
  @IsIn(CAMPAIGN_STATUS_ACTIONS)
  action!: CampaignStatusAction;
}

export interface CampaignAction {
  kind: CampaignActionKind;
  couponTemplateCode?: string;
  messageTemplate?: SubscribeTemplateKey;
  messageText?: string;
  taskTitle?: string;
  taskDueDays?: number;
}

export interface CampaignRunView {
  id: string;
  /** Business day (journeys) or `once`. */
  occurrence: string;
  status: CampaignRunStatus;
  audience: number;
  holdout: number;
  processed: number;
  touched: number;
  skipped: Partial<Record<TouchSkip, number>>;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
}

export interface CampaignView {
  id: string;
  name: string;
  kind: CampaignKind;
  status: CampaignStatus;
  segment: { id: string; name: string } | null;
  journey: { trigger: JourneyTrigger; daysBefore?: number; days?: number; leadDays?: number } | null;
  scheduledAt: string | null;
  actions: CampaignAction[];
  budgetTotal: number | null;
  budgetPerDay: number | null;
  quietFrom: string | null;
  quietUntil: string | null;
  frequencyCap: { touches: number; days: number } | null;
  holdoutPct: number;
  attributionDays: number;
  endsAt: string | null;
  launchedAt: string | null;
  /** Members reached so far (touches), and the budget spent today. */
  touched: number;
  touchedToday: number;
  lastRun: CampaignRunView | null;
  createdAt: string;
  updatedAt: string;
}

export interface CampaignFunnel {
  audience: number;
  holdout: number;
  touched: number;
  messaged: number;
  issued: number;
  claimed: number;
  redeemed: number;
  ordered: number;
}

export interface CampaignDailyPoint {
  date: string;
  touched: number;
  redeemed: number;
  orders: number;
  salesFen: number;
}

export interface CampaignReport {
  campaign: CampaignView;
  funnel: CampaignFunnel;
  /** claimed / touched, redeemed / claimed, buyers / touched and buyers / holdout, as fractions 0–1 (null when 0/0). */
  claimRate: number | null;
  redemptionRate: number | null;
  conversionRate: number | null;
  holdoutConversionRate: number | null;
  /** Attributed: orders of touched members within the attribution window (or using the campaign's coupon). */
  orders: number;
  salesFen: number;
  holdoutOrders: number;
  holdoutSalesFen: number;
  /** Sales above what the holdout's rate would have given; null without a holdout. */
  incrementalSalesFen: number | null;
  /** Coupon cost of the redemptions. */
  costFen: number;
  /** (attributed sales − cost) / cost; null when nothing cost anything. */
  roi: number | null;
  daily: CampaignDailyPoint[];
}

export class MetricsSettingsDto {
  @IsObject()
  settings!: MetricsSettings;
}

export interface MetricsStatusView {
  settings: MetricsSettings;
  computedAt: string | null;
  members: number;
  lifecycle: Partial<Record<LifecycleStage, number>>;
  rfmClasses: Partial<Record<RfmClass, number>>;
  abc: Partial<Record<AbcClass, number>>;
}

// --- store-wide analytics ---

export class AnalyticsQueryDto {
  @IsOptional()
  @IsUUID()
  storeId?: string;

  /** First business day, YYYY-MM-DD (Asia/Shanghai). */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from!: string;

  /** Last business day, inclusive. */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to!: string;
}

export interface AnalyticsKpis {
  members: number;
  buyers: number;
  orders: number;
  salesFen: number;
  aovFen: number | null;
  /** Share of members who bought within 90 days before the end of the range. */
  activeShare: number | null;
  /** Share of the previous period's buyers who did not buy in this one. */
  churnRate: number | null;
  /** Average net spend per buyer over their lifetime. */
  clvFen: number | null;
  /** Share of first purchases (in range) followed by another within 30 / 90 / 180 days. */
  repurchase30: number | null;
  repurchase90: number | null;
  repurchase180: number | null;
  newBuyers: number;
  returningBuyers: number;
}

export interface StoreAnalyticsView {
  from: string;
  to: string;
  storeId: string | null;
  kpis: AnalyticsKpis;
  salesDaily: { date: string; orders: number; salesFen: number }[];
  newVsReturning: { month: string; newBuyers: number; returningBuyers: number; newSalesFen: number; returningSalesFen: number }[];
  tierDistribution: { tierCode: string; tierName: string; members: number }[];
  /** Join-month cohorts: share of the cohort buying in month 0, 1, … after joining (up to 12). */
  cohorts: { month: string; size: number; retention: number[] }[];
  advisors: { advisorId: string; name: string; storeName: string | null; orders: number; salesFen: number; members: number }[];
  /** When these numbers were computed (a dashboard is served for up to an hour, then recomputed). */
  refreshedAt: string | null;
}

// --- subscribe messages ---

export const SUBSCRIBE_ANSWERS = ['accept', 'reject', 'ban', 'filter'] as const;
export type SubscribeAnswer = (typeof SUBSCRIBE_ANSWERS)[number];

/** What `wx.requestSubscribeMessage` answered, by WeChat template id. */
export class SubscribeReportDto {
  @IsObject()
  results!: Record<string, SubscribeAnswer>;
}

export interface SubscriptionView {
  key: SubscribeTemplateKey;
  templateId: string;
  label: string;
  /** Sends the member has allowed and we have not used yet. */
  credits: number;
}

export interface OutboxItemView {
  id: string;
  memberId: string;
  template: SubscribeTemplateKey;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  notBefore: string;
  sentAt: string | null;
  source: string;
  createdAt: string;
}

export class OutboxQueryDto {
  @IsOptional()
  @IsIn(OUTBOX_STATUSES)
  status?: OutboxStatus;

  @IsOptional()
  @IsUUID()
  memberId?: string;
}

// --- follow-up tasks (records; the advisor's task list arrives with advisor service) ---

export interface FollowUpTaskView {
  id: string;
  memberId: string;
  memberName: string | null;
  advisorId: string | null;
  kind: string;
  title: string;
  dueOn: string;
  status: 'open' | 'done' | 'skipped';
  campaignId: string | null;
  createdAt: string;
}
