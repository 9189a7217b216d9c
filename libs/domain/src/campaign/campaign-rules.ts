import { addDays, atBusinessTime, businessClock, businessDate, isHhmm, minutesOf } from '../appointment/business-time';
import { CAMPAIGN_ACTION_LABELS, type CampaignActionKind, type CampaignKind, type JourneyConfig, JOURNEY_TRIGGER_LABELS, type JourneyTrigger } from './campaign-vocabulary';

const DAY_MINUTES = 24 * 60;

/**
 * Is `at` inside the quiet hours `quietFrom`–`quietUntil` ('HH:mm', Asia/Shanghai)? The window includes its start
 * and excludes its end, and may cross midnight (21:00–09:00 is quiet at 23:00 and at 08:59). No quiet hours when
 * either bound is null or both are equal.
 */
export function inQuietHours(at: Date, quietFrom: string | null, quietUntil: string | null): boolean {
  if (quietFrom === null || quietUntil === null) return false;
  const from = minutesOf(quietFrom) % DAY_MINUTES;
  const until = minutesOf(quietUntil) % DAY_MINUTES;
  if (from === until) return false;
  const t = minutesOf(businessClock(at));
  return from < until ? t >= from && t < until : t >= from || t < until;
}

/**
 * When a message due at `at` may go out: `at` itself outside quiet hours, otherwise the moment the quiet window
 * ends — later the same Shanghai day, or the next morning when the window crosses midnight and `at` is before it.
 */
export function nextSendTime(at: Date, quietFrom: string | null, quietUntil: string | null): Date {
  if (quietUntil === null || !inQuietHours(at, quietFrom, quietUntil)) return at;
  const today = businessDate(at);
  const endsToday = minutesOf(businessClock(at)) < minutesOf(quietUntil);
  return atBusinessTime(endsToday ? today : addDays(today, 1), quietUntil);
}

/** `numerator / denominator`, or null when there is nothing to divide by (a rate of an empty group is unknown, not 0). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** Return on cost: `(sales − cost) / cost`, e.g. 3 for ¥400 of sales on ¥100 of coupons; null when nothing was spent. */
export function roi(salesFen: number, costFen: number): number | null {
  return costFen === 0 ? null : (salesFen - costFen) / costFen;
}

export interface HoldoutComparison {
  touched: number;
  buyersTouched: number;
  salesTouchedFen: number;
  holdout: number;
  buyersHoldout: number;
  salesHoldoutFen: number;
}

/**
 * Sales the campaign added beyond what the touched members would have bought anyway, estimated from the holdout
 * group scaled to the touched group's size: `salesTouched − salesHoldout × touched / holdout`, rounded to whole fen.
 * Null without a holdout group, since there is then nothing to compare with. May be negative.
 */
export function incrementalSales(c: HoldoutComparison): number | null {
  if (c.holdout === 0) return null;
  return Math.round(c.salesTouchedFen - (c.salesHoldoutFen * c.touched) / c.holdout);
}

export interface CampaignActionShape {
  kind: CampaignActionKind;
  couponTemplateCode?: string;
  messageTemplate?: string;
  taskTitle?: string;
}

export interface CampaignShape {
  kind: CampaignKind;
  segmentId?: string | null;
  journey?: JourneyConfig | null;
  scheduledAt?: string | null;
  actions: CampaignActionShape[];
  budgetTotal?: number | null;
  budgetPerDay?: number | null;
  quietFrom?: string | null;
  quietUntil?: string | null;
}

/** The setting each trigger needs, its Chinese name and its allowed range; triggers not listed take none. */
const JOURNEY_SETTINGS: Partial<Record<JourneyTrigger, { key: 'daysBefore' | 'days' | 'leadDays'; label: string; min: number; max: number }>> = {
  birthday: { key: 'daysBefore', label: '生日前提前天数', min: 0, max: 30 },
  dormant: { key: 'days', label: '未购买天数', min: 1, max: 3650 },
  'post-visit': { key: 'days', label: '到店后天数', min: 0, max: 365 },
  repurchase: { key: 'leadDays', label: '用完前提前天数', min: 0, max: 365 },
};
const JOURNEY_KEY_LABELS = { daysBefore: '生日前提前天数', days: '天数', leadDays: '用完前提前天数' } as const;
const JOURNEY_KEYS = ['daysBefore', 'days', 'leadDays'] as const;

const ACTION_FIELDS: Record<CampaignActionKind, { key: 'couponTemplateCode' | 'messageTemplate' | 'taskTitle'; label: string }> = {
  coupon: { key: 'couponTemplateCode', label: '券模板' },
  message: { key: 'messageTemplate', label: '消息模板' },
  task: { key: 'taskTitle', label: '任务标题' },
};

/**
 * The cross-field rules of a campaign that a DTO cannot express, as Chinese problems ([] when fine): a one-off
 * campaign needs a segment and no journey; a journey needs its trigger's setting (no silent defaults) and no
 * schedule; each action needs what it sends and appears at most once; quiet hours come as a pair; a day's budget
 * cannot exceed the whole budget.
 */
export function validateCampaignShape(input: CampaignShape): string[] {
  const problems: string[] = [];
  if (input.kind === 'one-off') {
    if (!present(input.segmentId)) problems.push('单次活动须选择人群');
    if (input.journey != null) problems.push('单次活动不能设置旅程');
  } else {
    if (input.journey == null) problems.push('自动旅程须设置触发条件');
    else problems.push(...journeyProblems(input.journey));
    if (input.scheduledAt != null) problems.push('只有单次活动可以设置执行时间');
  }

  if (input.actions.length === 0) problems.push('至少需要一个动作');
  const seen = new Set<CampaignActionKind>();
  for (const action of input.actions) {
    const need = ACTION_FIELDS[action.kind] as (typeof ACTION_FIELDS)[CampaignActionKind] | undefined;
    if (!need) {
      problems.push('未知的动作类型');
      continue;
    }
    if (seen.has(action.kind)) problems.push(`动作“${CAMPAIGN_ACTION_LABELS[action.kind]}”重复`);
    seen.add(action.kind);
    if (!present(action[need.key])) problems.push(`动作“${CAMPAIGN_ACTION_LABELS[action.kind]}”须设置${need.label}`);
  }

  const { quietFrom, quietUntil } = input;
  if ((quietFrom == null) !== (quietUntil == null)) problems.push('免打扰时段须同时设置开始和结束时间');
  else if (quietFrom != null && quietUntil != null) {
    if (!isHhmm(quietFrom) || !isHhmm(quietUntil)) problems.push('免打扰时间须为HH:mm格式');
    else if (minutesOf(quietFrom) % DAY_MINUTES === minutesOf(quietUntil) % DAY_MINUTES) problems.push('免打扰开始和结束时间不能相同');
  }

  if (input.budgetTotal != null && input.budgetPerDay != null && input.budgetPerDay > input.budgetTotal) problems.push('每日预算不能超过总预算');
  return problems;
}

function journeyProblems(journey: JourneyConfig): string[] {
  const setting = JOURNEY_SETTINGS[journey.trigger];
  const problems: string[] = [];
  for (const key of JOURNEY_KEYS) {
    const value = journey[key];
    if (setting?.key === key) {
      if (value == null) problems.push(`须设置${setting.label}`);
      else if (!Number.isInteger(value) || value < setting.min || value > setting.max) problems.push(`${setting.label}须为${setting.min}–${setting.max}的整数`);
    } else if (value != null) {
      problems.push(`${JOURNEY_TRIGGER_LABELS[journey.trigger] ?? '该触发条件'}不需要设置${JOURNEY_KEY_LABELS[key]}`);
    }
  }
  return problems;
}

/** How a journey is triggered, in Chinese: `生日前7天`, `连续60天未购买`, `商品用完前5天提醒复购`, `到店服务完成后3天`. */
export function journeyDescription(config: JourneyConfig): string {
  switch (config.trigger) {
    case 'welcome':
      return '会员入会时';
    case 'birthday':
      return config.daysBefore ? `生日前${config.daysBefore}天` : '生日当天';
    case 'anniversary':
      return '入会周年当天';
    case 'dormant':
      return `连续${config.days ?? '?'}天未购买`;
    case 'repurchase':
      return config.leadDays ? `商品用完前${config.leadDays}天提醒复购` : '商品用完时提醒复购';
    case 'tier-up':
      return '会员等级升级时';
    case 'post-visit':
      return config.days ? `到店服务完成后${config.days}天` : '到店服务完成当天';
  }
}

function present(value: string | null | undefined): boolean {
  return typeof value === 'string' && value.trim() !== '';
}
