import type { CampaignActionDto, CampaignView, SaveCampaignDto } from '@glow/contracts';
import {
  CAMPAIGN_ACTION_KINDS,
  CAMPAIGN_ACTION_LABELS,
  JOURNEY_TRIGGER_LABELS,
  type CampaignActionKind,
  type CampaignKind,
  type JourneyTrigger,
  type SubscribeTemplateKey,
} from '@glow/domain';
import { errorProblems } from '../../shared/error-details';
import { formatDateTime } from '../../shared/format';
import { describeField } from '../loyalty/form-problems';

/*
 * Mirrors of SaveCampaignDto's limits: values from the contracts barrel are not imported in the browser (see
 * api-routes.ts). The API validates again; these let the drawer say so first.
 */
export const CAMPAIGN_LIMITS = {
  nameLength: { min: 2, max: 30 },
  actions: 3,
  daysBefore: { min: 0, max: 30 },
  days: { min: 1, max: 730 },
  leadDays: { min: 0, max: 60 },
  messageTextLength: 20,
  taskTitleLength: { min: 2, max: 40 },
  taskDueDays: { min: 0, max: 60 },
  budget: { min: 1, max: 10_000_000 },
  capTouches: { min: 1, max: 50 },
  capDays: { min: 1, max: 90 },
  holdoutPct: { min: 0, max: 50 },
  attributionDays: { min: 1, max: 90 },
} as const;

export const DORMANT_QUICK_DAYS = [30, 60, 90] as const;

/** The parameter each trigger takes, and its default; welcome, anniversary and tier-up take none. */
export const TRIGGER_PARAMETERS: Partial<Record<JourneyTrigger, { field: 'daysBefore' | 'days' | 'leadDays'; label: string; suffix: string; initial: number }>> = {
  birthday: { field: 'daysBefore', label: '提前天数', suffix: '天（生日前）', initial: 7 },
  dormant: { field: 'days', label: '未购买天数', suffix: '天未购买', initial: 60 },
  'post-visit': { field: 'days', label: '到店后天数', suffix: '天（到店后）', initial: 3 },
  repurchase: { field: 'leadDays', label: '提前天数', suffix: '天（预计用完前）', initial: 7 },
};

export interface CampaignActionFormValues {
  kind: CampaignActionKind;
  couponTemplateCode?: string | null;
  messageTemplate?: SubscribeTemplateKey | null;
  messageText?: string | null;
  taskTitle?: string | null;
  taskDueDays?: number | null;
}

/** What the drawer's form holds: the journey flattened, on/off switches for the optional parts, and `runNow` for a one-off. */
export interface CampaignFormValues {
  name: string;
  kind: CampaignKind;
  segmentId: string | null;
  trigger: JourneyTrigger;
  daysBefore: number | null;
  days: number | null;
  leadDays: number | null;
  /** One-off: run as soon as launched (else at `scheduledAt`). */
  runNow: boolean;
  scheduledAt: string | null;
  actions: CampaignActionFormValues[];
  budgetTotal: number | null;
  budgetPerDay: number | null;
  quietHours: boolean;
  quietFrom: string | null;
  quietUntil: string | null;
  frequencyCap: boolean;
  capTouches: number | null;
  capDays: number | null;
  holdoutPct: number;
  attributionDays: number;
  endsAt: string | null;
}

export type CampaignField = keyof CampaignFormValues;
/** A form field, or one of an action's fields (`['actions', 0, 'messageText']`). */
export type CampaignFieldPath = CampaignField | ['actions', number, keyof CampaignActionFormValues];

const DEFAULT_QUIET = { from: '21:00', until: '09:00' } as const;
const DEFAULT_CAP = { touches: 2, days: 7 } as const;

/** The API may answer 'HH:mm:ss'; the form works in 'HH:mm'. */
const hhmm = (value: string | null): string | null => (value ? value.slice(0, 5) : null);

/**
 * The form for `view`, or a new campaign's defaults: a one-off run at launch with a coupon, quiet 21:00–09:00,
 * 10% held out to measure the lift, and orders attributed for 7 days.
 */
export function toCampaignFormValues(view: CampaignView | null): CampaignFormValues {
  if (!view) {
    return {
      name: '',
      kind: 'one-off',
      segmentId: null,
      trigger: 'birthday',
      daysBefore: TRIGGER_PARAMETERS.birthday?.initial ?? null,
      days: null,
      leadDays: null,
      runNow: true,
      scheduledAt: null,
      actions: [{ kind: 'coupon', couponTemplateCode: null }],
      budgetTotal: null,
      budgetPerDay: null,
      quietHours: true,
      quietFrom: DEFAULT_QUIET.from,
      quietUntil: DEFAULT_QUIET.until,
      frequencyCap: false,
      capTouches: DEFAULT_CAP.touches,
      capDays: DEFAULT_CAP.days,
      holdoutPct: 10,
      attributionDays: 7,
      endsAt: null,
    };
  }
  const quiet = view.quietFrom !== null && view.quietUntil !== null;
  return {
    name: view.name,
    kind: view.kind,
    segmentId: view.segment?.id ?? null,
    trigger: view.journey?.trigger ?? 'birthday',
    daysBefore: view.journey?.daysBefore ?? null,
    days: view.journey?.days ?? null,
    leadDays: view.journey?.leadDays ?? null,
    runNow: view.scheduledAt === null,
    scheduledAt: view.scheduledAt,
    actions: view.actions.map((action) => ({ ...action })),
    budgetTotal: view.budgetTotal,
    budgetPerDay: view.budgetPerDay,
    quietHours: quiet,
    quietFrom: quiet ? hhmm(view.quietFrom) : DEFAULT_QUIET.from,
    quietUntil: quiet ? hhmm(view.quietUntil) : DEFAULT_QUIET.until,
    frequencyCap: view.frequencyCap !== null,
    capTouches: view.frequencyCap?.touches ?? DEFAULT_CAP.touches,
    capDays: view.frequencyCap?.days ?? DEFAULT_CAP.days,
    holdoutPct: view.holdoutPct,
    attributionDays: view.attributionDays,
    endsAt: view.endsAt,
  };
}

function textOrUndefined(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
}

/** An action with the fields of its kind only, so switching a row's kind never sends a stale template. */
export function toActionBody(action: CampaignActionFormValues): CampaignActionDto {
  switch (action.kind) {
    case 'coupon':
      return { kind: 'coupon', couponTemplateCode: action.couponTemplateCode ?? undefined };
    case 'message':
      return { kind: 'message', messageTemplate: action.messageTemplate ?? undefined, messageText: textOrUndefined(action.messageText) };
    case 'task':
      return { kind: 'task', taskTitle: textOrUndefined(action.taskTitle), taskDueDays: action.taskDueDays ?? undefined };
  }
}

/** The POST / PUT body. A one-off sends no journey and no end; a journey no schedule; switched-off parts go as null. */
export function toSaveCampaignBody(values: CampaignFormValues): SaveCampaignDto {
  const journey = values.kind === 'journey';
  const parameter = TRIGGER_PARAMETERS[values.trigger];
  return {
    name: values.name.trim(),
    kind: values.kind,
    segmentId: values.segmentId ?? null,
    journey: journey ? { trigger: values.trigger, ...(parameter ? { [parameter.field]: values[parameter.field] ?? undefined } : {}) } : null,
    scheduledAt: !journey && !values.runNow ? values.scheduledAt : null,
    actions: values.actions.map(toActionBody),
    budgetTotal: values.budgetTotal ?? null,
    budgetPerDay: values.budgetPerDay ?? null,
    quietFrom: values.quietHours ? values.quietFrom : null,
    quietUntil: values.quietHours ? values.quietUntil : null,
    frequencyCap: values.frequencyCap && values.capTouches !== null && values.capDays !== null ? { touches: values.capTouches, days: values.capDays } : null,
    holdoutPct: values.holdoutPct,
    attributionDays: values.attributionDays,
    endsAt: journey ? values.endsAt : null,
  };
}

/** What a launched campaign still takes; everything else is locked once members may have been reached. */
const LIVE_EDITABLE: ReadonlySet<CampaignField> = new Set<CampaignField>(['name', 'budgetTotal', 'budgetPerDay', 'endsAt']);

export function isCampaignFieldLocked(saved: Pick<CampaignView, 'status'> | null, field: CampaignField): boolean {
  if (!saved || saved.status === 'draft') return false;
  if (isCampaignFinished(saved)) return true;
  return !LIVE_EDITABLE.has(field);
}

export function isCampaignFinished(saved: Pick<CampaignView, 'status'>): boolean {
  return saved.status === 'completed' || saved.status === 'ended';
}

export interface CampaignProblem {
  field: CampaignFieldPath | null;
  problem: string;
}

const inRange = (value: number | null | undefined, limits: { min: number; max: number }): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= limits.min && value <= limits.max;

/** The campaign's problems before it is sent, each at its field (null: about the campaign as a whole). */
export function validateCampaignForm(values: CampaignFormValues, now: Date = new Date()): CampaignProblem[] {
  const problems: CampaignProblem[] = [];
  const add = (field: CampaignFieldPath | null, problem: string) => problems.push({ field, problem });
  const L = CAMPAIGN_LIMITS;

  const name = values.name.trim();
  if (name.length < L.nameLength.min || name.length > L.nameLength.max) add('name', `名称须为 ${L.nameLength.min}–${L.nameLength.max} 个字`);

  if (values.kind === 'one-off') {
    if (!values.segmentId) add('segmentId', '单次活动须选择目标人群');
    if (!values.runNow) {
      if (!values.scheduledAt) add('scheduledAt', '请选择执行时间');
      else if (Date.parse(values.scheduledAt) <= now.getTime()) add('scheduledAt', '执行时间须晚于现在');
    }
  } else {
    const parameter = TRIGGER_PARAMETERS[values.trigger];
    if (parameter && !inRange(values[parameter.field], L[parameter.field])) {
      add(parameter.field, `${parameter.label}须为 ${L[parameter.field].min}–${L[parameter.field].max} 的整数`);
    }
    if (values.endsAt && Date.parse(values.endsAt) <= now.getTime()) add('endsAt', '结束时间须晚于现在');
  }

  if (values.actions.length === 0) add(null, '请至少添加一个动作');
  if (values.actions.length > L.actions) add(null, `动作最多 ${L.actions} 个`);
  const kinds = values.actions.map((action) => action.kind);
  if (new Set(kinds).size !== kinds.length) add(null, '同一种动作只能添加一次');
  values.actions.forEach((action, index) => {
    const at = (field: keyof CampaignActionFormValues): CampaignFieldPath => ['actions', index, field];
    if (action.kind === 'coupon' && !action.couponTemplateCode) add(at('couponTemplateCode'), '请选择要发放的优惠券');
    if (action.kind === 'message') {
      if (!action.messageTemplate) add(at('messageTemplate'), '请选择订阅消息');
      const text = action.messageText?.trim() ?? '';
      if (text.length === 0) add(at('messageText'), '请填写提醒内容');
      else if (text.length > L.messageTextLength) add(at('messageText'), `提醒内容最多 ${L.messageTextLength} 个字`);
    }
    if (action.kind === 'task') {
      const title = action.taskTitle?.trim() ?? '';
      if (title.length < L.taskTitleLength.min || title.length > L.taskTitleLength.max) add(at('taskTitle'), `任务内容须为 ${L.taskTitleLength.min}–${L.taskTitleLength.max} 个字`);
      if (!inRange(action.taskDueDays, L.taskDueDays)) add(at('taskDueDays'), `完成期限须为 ${L.taskDueDays.min}–${L.taskDueDays.max} 天`);
    }
  });

  if (values.budgetTotal !== null && values.budgetPerDay !== null && values.budgetPerDay > values.budgetTotal) add('budgetPerDay', '每日上限不能超过总预算');
  if (values.quietHours) {
    if (!values.quietFrom || !values.quietUntil) add('quietFrom', '请选择免打扰的开始与结束时间');
    else if (values.quietFrom === values.quietUntil) add('quietFrom', '免打扰的开始与结束时间不能相同');
  }
  if (values.frequencyCap) {
    if (!inRange(values.capTouches, L.capTouches)) add('capTouches', `次数须为 ${L.capTouches.min}–${L.capTouches.max}`);
    if (!inRange(values.capDays, L.capDays)) add('capDays', `天数须为 ${L.capDays.min}–${L.capDays.max}`);
  }
  if (!inRange(values.holdoutPct, L.holdoutPct)) add('holdoutPct', `对照组比例须为 ${L.holdoutPct.min}–${L.holdoutPct.max}%`);
  if (!inRange(values.attributionDays, L.attributionDays)) add('attributionDays', `归因天数须为 ${L.attributionDays.min}–${L.attributionDays.max} 天`);
  return problems;
}

/** The first kind not yet used by an action, for the next action added; null when every kind is used. */
export function nextActionKind(actions: Pick<CampaignActionFormValues, 'kind'>[]): CampaignActionKind | null {
  return CAMPAIGN_ACTION_KINDS.find((kind) => !actions.some((action) => action.kind === kind)) ?? null;
}

/**
 * Where a field the API names (`journey.days`, `frequencyCap.touches`, `actions.1.messageText`) sits in the form;
 * null for a field the form does not have.
 */
export function campaignFormPathOf(apiField: string): CampaignFieldPath | null {
  const parts = apiField.split('.');
  if (parts[0] === 'actions' && parts.length >= 3 && /^\d+$/.test(parts[1])) return ['actions', Number(parts[1]), parts[2] as keyof CampaignActionFormValues];
  if (parts[0] === 'journey') return parts[1] === 'trigger' || !parts[1] ? 'trigger' : (parts[1] as CampaignField);
  if (parts[0] === 'frequencyCap') return parts[1] === 'days' ? 'capDays' : 'capTouches';
  const known: CampaignField[] = ['name', 'kind', 'segmentId', 'scheduledAt', 'budgetTotal', 'budgetPerDay', 'quietFrom', 'quietUntil', 'holdoutPct', 'attributionDays', 'endsAt'];
  return known.find((field) => field === parts[0]) ?? null;
}

/** The API's field problems (400 CAMPAIGN_INVALID, VALIDATION_FAILED), ready for `form.setFields`. */
export function campaignFieldErrors(error: unknown): { name: CampaignFieldPath; errors: string[] }[] {
  const byPath = new Map<string, { name: CampaignFieldPath; errors: string[] }>();
  for (const { field, problem } of errorProblems(error)) {
    const name = campaignFormPathOf(field);
    if (!name) continue;
    const key = JSON.stringify(name);
    byPath.set(key, { name, errors: [...(byPath.get(key)?.errors ?? []), problem] });
  }
  return [...byPath.values()];
}

/** The words staff read for the fields of SaveCampaignDto, as the API names them. */
export const CAMPAIGN_FIELD_LABELS: Record<string, string> = {
  name: '活动名称',
  kind: '活动类型',
  segmentId: '目标人群',
  journey: '触发条件',
  trigger: '触发时机',
  daysBefore: '提前天数',
  days: '天数',
  leadDays: '提前天数',
  scheduledAt: '执行时间',
  actions: '动作',
  couponTemplateCode: '优惠券',
  messageTemplate: '订阅消息',
  messageText: '提醒内容',
  taskTitle: '跟进任务',
  taskDueDays: '完成期限',
  budgetTotal: '总预算',
  budgetPerDay: '每日上限',
  quietFrom: '免打扰开始时间',
  quietUntil: '免打扰结束时间',
  frequencyCap: '频次上限',
  touches: '次数',
  holdoutPct: '对照组比例',
  attributionDays: '归因天数',
  endsAt: '结束时间',
};

/** The API's problems as lines for the alert above the form (those the form cannot place at a field included). */
export function campaignProblemLines(error: unknown): string[] {
  return errorProblems(error).map(({ field, problem }) => `${describeField(field, CAMPAIGN_FIELD_LABELS)}：${problem}`);
}

type JourneyView = NonNullable<CampaignView['journey']>;

/** When a campaign reaches members, in words: 生日关怀 · 生日前 7 天, 单次 · 立即执行. */
export function scheduleText(view: Pick<CampaignView, 'kind' | 'journey' | 'scheduledAt'>): string {
  if (view.kind === 'one-off' || !view.journey) return view.scheduledAt ? `单次 · ${formatDateTime(view.scheduledAt)} 执行` : '单次 · 启动后立即执行';
  return journeyText(view.journey);
}

export function journeyText(journey: JourneyView): string {
  const label = JOURNEY_TRIGGER_LABELS[journey.trigger];
  switch (journey.trigger) {
    case 'birthday':
      return `${label} · 生日前 ${journey.daysBefore ?? 0} 天`;
    case 'dormant':
      return `${label} · ${journey.days ?? 0} 天未购买`;
    case 'post-visit':
      return `${label} · 到店后 ${journey.days ?? 0} 天`;
    case 'repurchase':
      return `${label} · 预计用完前 ${journey.leadDays ?? 0} 天`;
    default:
      return label;
  }
}

/** An action in words: 发放优惠券（CPN-300-50）. */
export function actionText(action: CampaignView['actions'][number]): string {
  const label = CAMPAIGN_ACTION_LABELS[action.kind];
  if (action.kind === 'coupon' && action.couponTemplateCode) return `${label}（${action.couponTemplateCode}）`;
  if (action.kind === 'task' && action.taskTitle) return `${label}（${action.taskTitle}）`;
  return label;
}
