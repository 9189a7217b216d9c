/**
 * The words of segments, campaigns and subscribe messages, shared by the rules here, the API contracts and both
 * clients. Labels are the Chinese the console shows.
 */

// --- segments ---

/** The member's gender as stored (`member.gender`). */
export const GENDERS = ['female', 'male', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, string> = { female: '女', male: '男', unknown: '未知' };

/** Age bands, by whole years on the evaluation day (Asia/Shanghai). Members without a birthday are in none. */
export const AGE_BANDS = ['under-20', '20-24', '25-29', '30-34', '35-39', '40-49', '50-plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  'under-20': '20岁以下',
  '20-24': '20–24岁',
  '25-29': '25–29岁',
  '30-34': '30–34岁',
  '35-39': '35–39岁',
  '40-49': '40–49岁',
  '50-plus': '50岁及以上',
};

/**
 * Lifecycle stages from purchase history (bands in `LifecycleBands`): `new` joined or first bought recently,
 * `active` bought recently, `at-risk`, `dormant`, `lost` by days since the last purchase; `prospect` joined a while
 * ago and never bought.
 */
export const LIFECYCLE_STAGES = ['new', 'active', 'at-risk', 'dormant', 'lost', 'prospect'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export const LIFECYCLE_STAGE_LABELS: Record<LifecycleStage, string> = {
  new: '新客',
  active: '活跃',
  'at-risk': '流失预警',
  dormant: '沉睡',
  lost: '已流失',
  prospect: '未购潜客',
};

/** ABC class by cumulative share of spend over the last 365 days: A the top, then B, then C (buyers only). */
export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];

/** The eight classic RFM classes from R, F and M each scored high (≥ 3) or low. */
export const RFM_CLASSES = [
  'champion',
  'loyal',
  'potential',
  'promising',
  'win-back',
  'at-risk-loyal',
  'hibernating-big',
  'hibernating',
] as const;
export type RfmClass = (typeof RFM_CLASSES)[number];
export const RFM_CLASS_LABELS: Record<RfmClass, string> = {
  champion: '重要价值客户', // R high, F high, M high
  loyal: '一般价值客户', // R high, F high, M low
  potential: '重要发展客户', // R high, F low, M high
  promising: '一般发展客户', // R high, F low, M low
  'win-back': '重要保持客户', // R low, F high, M high
  'at-risk-loyal': '一般保持客户', // R low, F high, M low
  'hibernating-big': '重要挽留客户', // R low, F low, M high
  hibernating: '一般挽留客户', // R low, F low, M low
};

export const SEGMENT_MATCH = ['any', 'all'] as const;
export type SegmentMatch = (typeof SEGMENT_MATCH)[number];

export const COUPON_BEHAVIOURS = ['holds-available', 'redeemed', 'expired-unused', 'never-redeemed'] as const;
export type CouponBehaviour = (typeof COUPON_BEHAVIOURS)[number];
export const COUPON_BEHAVIOUR_LABELS: Record<CouponBehaviour, string> = {
  'holds-available': '持有可用券',
  redeemed: '核销过券',
  'expired-unused': '有券过期未用',
  'never-redeemed': '从未核销过券',
};

/** An inclusive integer range; either end may be left open. */
export interface IntRange {
  min?: number;
  max?: number;
}

/** One condition of a segment. Windows are whole days back from the evaluation moment. */
export type SegmentCondition =
  | { field: 'tier'; values: string[] }
  | { field: 'skinType'; values: string[] }
  | { field: 'concerns'; values: string[]; match: SegmentMatch }
  | { field: 'tags'; values: string[]; match: SegmentMatch }
  | { field: 'city'; values: string[] }
  | { field: 'gender'; values: Gender[] }
  | { field: 'ageBand'; values: AgeBand[] }
  | { field: 'birthdayMonth'; values: number[] }
  | { field: 'joinDate'; from?: string; to?: string }
  | { field: 'joinedDaysAgo'; min?: number; max?: number }
  | { field: 'store'; values: string[] }
  | { field: 'daysSinceLastPurchase'; min?: number; max?: number; includeNever?: boolean }
  | { field: 'purchaseCount'; windowDays: number; min?: number; max?: number }
  | { field: 'spend'; windowDays: number; minFen?: number; maxFen?: number }
  | { field: 'bought'; kind: 'sku' | 'category'; values: string[]; windowDays?: number }
  | { field: 'rfm'; r?: IntRange; f?: IntRange; m?: IntRange }
  | { field: 'rfmClass'; values: RfmClass[] }
  | { field: 'abcClass'; values: AbcClass[] }
  | { field: 'lifecycle'; values: LifecycleStage[] }
  | { field: 'coupon'; behaviour: CouponBehaviour; templateCodes?: string[]; windowDays?: number };

export type SegmentField = SegmentCondition['field'];

export const SEGMENT_FIELDS: readonly SegmentField[] = [
  'tier',
  'skinType',
  'concerns',
  'tags',
  'city',
  'gender',
  'ageBand',
  'birthdayMonth',
  'joinDate',
  'joinedDaysAgo',
  'store',
  'daysSinceLastPurchase',
  'purchaseCount',
  'spend',
  'bought',
  'rfm',
  'rfmClass',
  'abcClass',
  'lifecycle',
  'coupon',
];

export const SEGMENT_FIELD_LABELS: Record<SegmentField, string> = {
  tier: '会员等级',
  skinType: '肤质',
  concerns: '肌肤问题',
  tags: '标签',
  city: '城市',
  gender: '性别',
  ageBand: '年龄段',
  birthdayMonth: '生日月份',
  joinDate: '入会日期',
  joinedDaysAgo: '入会天数',
  store: '所属门店',
  daysSinceLastPurchase: '距上次购买天数',
  purchaseCount: '购买次数',
  spend: '消费金额',
  bought: '购买过的商品',
  rfm: 'RFM 分值',
  rfmClass: 'RFM 分类',
  abcClass: 'ABC 分类',
  lifecycle: '生命周期',
  coupon: '用券行为',
};

/** A rule tree: conditions combined with and / or / not. */
export type SegmentNode =
  | { op: 'and' | 'or'; children: SegmentNode[] }
  | { op: 'not'; child: SegmentNode }
  | SegmentCondition;

/** Guard limits of a rule tree, so one segment cannot build an unbounded query. */
export const SEGMENT_MAX_DEPTH = 5;
export const SEGMENT_MAX_CONDITIONS = 40;
export const SEGMENT_MAX_VALUES = 200;
export const SEGMENT_MAX_WINDOW_DAYS = 3650;

/** Score bands: R by days since the last purchase (ascending upper bounds of scores 5,4,3,2; beyond is 1). */
export interface RfmBands {
  /** e.g. [30, 60, 90, 180]: ≤30 days → 5, ≤60 → 4, ≤90 → 3, ≤180 → 2, else 1. */
  recencyDays: [number, number, number, number];
  /** Paid orders in the last 365 days, ascending lower bounds of scores 2,3,4,5: e.g. [2, 3, 5, 8]; 1 order → 1. */
  frequency: [number, number, number, number];
  /** Net spend in fen in the last 365 days, ascending lower bounds of scores 2,3,4,5. */
  monetaryFen: [number, number, number, number];
}

export interface LifecycleBands {
  /** Joined or first purchase within this many days → `new`. */
  newDays: number;
  /** Last purchase within → `active`; within `atRiskDays` → `at-risk`; within `dormantDays` → `dormant`; else `lost`. */
  activeDays: number;
  atRiskDays: number;
  dormantDays: number;
}

/** ABC: A is the buyers making up the first `aShare` percent of spend, B the next up to `bShare`, C the rest. */
export interface AbcBands {
  aShare: number;
  bShare: number;
}

export interface MetricsSettings {
  rfm: RfmBands;
  lifecycle: LifecycleBands;
  abc: AbcBands;
}

export const DEFAULT_METRICS_SETTINGS: MetricsSettings = {
  rfm: { recencyDays: [30, 60, 90, 180], frequency: [2, 3, 5, 8], monetaryFen: [50_000, 100_000, 200_000, 500_000] },
  lifecycle: { newDays: 30, activeDays: 90, atRiskDays: 180, dormantDays: 365 },
  abc: { aShare: 70, bShare: 90 },
};

// --- campaigns ---

export const CAMPAIGN_KINDS = ['one-off', 'journey'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = { 'one-off': '单次活动', journey: '自动旅程' };

/**
 * Journey triggers. Each gives every member one occurrence key per reason to be reached, so a member gets a
 * campaign's action at most once per occurrence:
 * - `welcome`: joined (once ever);
 * - `birthday`: birthday in `daysBefore` days (once a year);
 * - `anniversary`: join anniversary today (once a year);
 * - `dormant`: no purchase for `days` days (once per last purchase);
 * - `repurchase`: a product's `usage_days` after its purchase, minus `leadDays` (once per order line);
 * - `tier-up`: moved up a tier (once per tier change);
 * - `post-visit`: a completed booking `days` days ago (once per booking).
 */
export const JOURNEY_TRIGGERS = ['welcome', 'birthday', 'anniversary', 'dormant', 'repurchase', 'tier-up', 'post-visit'] as const;
export type JourneyTrigger = (typeof JOURNEY_TRIGGERS)[number];
export const JOURNEY_TRIGGER_LABELS: Record<JourneyTrigger, string> = {
  welcome: '入会欢迎',
  birthday: '生日关怀',
  anniversary: '入会周年',
  dormant: '沉睡唤醒',
  repurchase: '复购提醒',
  'tier-up': '等级升级',
  'post-visit': '到店回访',
};

export interface JourneyConfig {
  trigger: JourneyTrigger;
  /** birthday: days before the birthday (0–30). */
  daysBefore?: number;
  /** dormant: days without purchase (e.g. 30 / 60 / 90); post-visit: days after the visit. */
  days?: number;
  /** repurchase: days before the product runs out. */
  leadDays?: number;
}

export const CAMPAIGN_ACTION_KINDS = ['coupon', 'message', 'task'] as const;
export type CampaignActionKind = (typeof CAMPAIGN_ACTION_KINDS)[number];
export const CAMPAIGN_ACTION_LABELS: Record<CampaignActionKind, string> = {
  coupon: '发放优惠券',
  message: '发送订阅消息',
  task: '生成导购跟进任务',
};

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'running', 'active', 'paused', 'completed', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: '草稿',
  scheduled: '待执行',
  running: '执行中',
  active: '进行中',
  paused: '已暂停',
  completed: '已完成',
  ended: '已结束',
};

export const CAMPAIGN_RUN_STATUSES = ['pending', 'running', 'done', 'failed'] as const;
export type CampaignRunStatus = (typeof CAMPAIGN_RUN_STATUSES)[number];

/** Why a member of the audience was not reached, as a value. */
export const TOUCH_SKIPS = ['holdout', 'budget', 'frequency-cap', 'no-openid', 'coupon-refused'] as const;
export type TouchSkip = (typeof TOUCH_SKIPS)[number];
export const TOUCH_SKIP_LABELS: Record<TouchSkip, string> = {
  holdout: '对照组',
  budget: '超出预算',
  'frequency-cap': '触达频次上限',
  'no-openid': '未绑定微信',
  'coupon-refused': '券不可发放',
};

// --- subscribe messages ---

/**
 * Our subscribe-message templates by purpose; each maps to a WeChat template id in configuration. Every member
 * "accept" of a template is one send credit for it.
 */
export const SUBSCRIBE_TEMPLATE_KEYS = ['coupon-arrival', 'coupon-expiring', 'booking-reminder', 'points-expiring', 'tier-change'] as const;
export type SubscribeTemplateKey = (typeof SUBSCRIBE_TEMPLATE_KEYS)[number];
export const SUBSCRIBE_TEMPLATE_LABELS: Record<SubscribeTemplateKey, string> = {
  'coupon-arrival': '优惠券到账提醒',
  'coupon-expiring': '优惠券过期提醒',
  'booking-reminder': '预约提醒',
  'points-expiring': '积分过期提醒',
  'tier-change': '会员等级变更通知',
};

export const OUTBOX_STATUSES = ['pending', 'sent', 'no-credit', 'refused', 'invalid', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: '待发送',
  sent: '已发送',
  'no-credit': '无订阅额度',
  refused: '用户拒收',
  invalid: '内容不合规',
  dead: '多次失败',
};
