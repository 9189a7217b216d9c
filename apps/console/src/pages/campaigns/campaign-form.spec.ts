import type { SaveCampaignDto } from '@glow/contracts';
import { ApiError } from '../../api/http';
import { campaign, SEGMENT_ID } from '../../test/campaign.fixtures';
import {
  actionText,
  campaignFormPathOf,
  campaignProblemLines,
  isCampaignFieldLocked,
  journeyText,
  nextActionKind,
  scheduleText,
  toCampaignFormValues,
  toSaveCampaignBody,
  validateCampaignForm,
  type CampaignFormValues,
} from './campaign-form';

const now = new Date('2026-11-20T02:00:00.000Z');

function form(overrides: Partial<CampaignFormValues> = {}): CampaignFormValues {
  return { ...toCampaignFormValues(null), name: '金卡唤醒', segmentId: SEGMENT_ID, actions: [{ kind: 'coupon', couponTemplateCode: 'CPN-300-50' }], ...overrides };
}

describe(toSaveCampaignBody.name, () => {
  it('sends a new one-off with quiet hours 21:00–09:00, a 10% holdout and 7 days of attribution', () => {
    expect(toSaveCampaignBody(form())).toEqual({
      name: '金卡唤醒',
      kind: 'one-off',
      segmentId: SEGMENT_ID,
      journey: null,
      scheduledAt: null,
      actions: [{ kind: 'coupon', couponTemplateCode: 'CPN-300-50' }],
      budgetTotal: null,
      budgetPerDay: null,
      quietFrom: '21:00',
      quietUntil: '09:00',
      frequencyCap: null,
      holdoutPct: 10,
      attributionDays: 7,
      endsAt: null,
    } satisfies SaveCampaignDto);
  });

  it('sends a journey with its trigger’s own parameter only, and no schedule', () => {
    const body = toSaveCampaignBody(form({ kind: 'journey', trigger: 'dormant', days: 90, daysBefore: 7, leadDays: 5, runNow: false, scheduledAt: '2026-12-01T02:00:00.000Z', endsAt: '2027-01-01T00:00:00.000Z' }));
    expect(body.journey).toEqual({ trigger: 'dormant', days: 90 });
    expect(body.scheduledAt).toBeNull();
    expect(body.endsAt).toBe('2027-01-01T00:00:00.000Z');
    expect(toSaveCampaignBody(form({ kind: 'journey', trigger: 'welcome', days: 90 })).journey).toEqual({ trigger: 'welcome' });
  });

  it('keeps only each action’s own fields, and switched-off parts as null', () => {
    const body = toSaveCampaignBody(
      form({
        actions: [
          { kind: 'message', messageTemplate: 'coupon-arrival', messageText: ' 券已到账 ', couponTemplateCode: 'STALE' },
          { kind: 'task', taskTitle: '电话回访', taskDueDays: 3, messageText: 'stale' },
        ],
        quietHours: false,
        frequencyCap: true,
        capTouches: 3,
        capDays: 14,
      }),
    );
    expect(body.actions).toEqual([
      { kind: 'message', messageTemplate: 'coupon-arrival', messageText: '券已到账' },
      { kind: 'task', taskTitle: '电话回访', taskDueDays: 3 },
    ]);
    expect([body.quietFrom, body.quietUntil]).toEqual([null, null]);
    expect(body.frequencyCap).toEqual({ touches: 3, days: 14 });
  });

  it('sends a saved campaign back unchanged', () => {
    const saved = campaign();
    const body = toSaveCampaignBody(toCampaignFormValues(saved));
    expect(body).toEqual({
      name: saved.name,
      kind: saved.kind,
      segmentId: SEGMENT_ID,
      journey: null,
      scheduledAt: null,
      actions: saved.actions,
      budgetTotal: 2000,
      budgetPerDay: null,
      quietFrom: '21:00',
      quietUntil: '09:00',
      frequencyCap: { touches: 2, days: 7 },
      holdoutPct: 10,
      attributionDays: 7,
      endsAt: null,
    });
  });
});

describe(validateCampaignForm.name, () => {
  const problemsOf = (values: CampaignFormValues) => validateCampaignForm(values, now).map(({ field, problem }) => [field, problem]);

  it('accepts a complete one-off', () => {
    expect(problemsOf(form())).toEqual([]);
  });

  it('requires a segment and a future time for a one-off, and neither for a journey', () => {
    expect(problemsOf(form({ segmentId: null }))).toEqual([['segmentId', '单次活动须选择目标人群']]);
    expect(problemsOf(form({ runNow: false, scheduledAt: null }))).toEqual([['scheduledAt', '请选择执行时间']]);
    expect(problemsOf(form({ runNow: false, scheduledAt: '2026-11-19T00:00:00.000Z' }))).toEqual([['scheduledAt', '执行时间须晚于现在']]);
    expect(problemsOf(form({ kind: 'journey', segmentId: null, runNow: false, scheduledAt: null }))).toEqual([]);
  });

  it('checks each trigger’s parameter', () => {
    expect(problemsOf(form({ kind: 'journey', trigger: 'dormant', days: null }))).toEqual([['days', '未购买天数须为 1–730 的整数']]);
    expect(problemsOf(form({ kind: 'journey', trigger: 'birthday', daysBefore: 31 }))).toEqual([['daysBefore', '提前天数须为 0–30 的整数']]);
  });

  it('checks each action, and refuses two of a kind', () => {
    expect(
      problemsOf(
        form({
          actions: [
            { kind: 'coupon', couponTemplateCode: null },
            { kind: 'message', messageTemplate: null, messageText: '这是一条超过二十个字的提醒内容，会员看不全的' },
            { kind: 'task', taskTitle: '回', taskDueDays: null },
          ],
        }),
      ),
    ).toEqual([
      [['actions', 0, 'couponTemplateCode'], '请选择要发放的优惠券'],
      [['actions', 1, 'messageTemplate'], '请选择订阅消息'],
      [['actions', 1, 'messageText'], '提醒内容最多 20 个字'],
      [['actions', 2, 'taskTitle'], '任务内容须为 2–40 个字'],
      [['actions', 2, 'taskDueDays'], '完成期限须为 0–60 天'],
    ]);
    expect(problemsOf(form({ actions: [{ kind: 'coupon', couponTemplateCode: 'A1' }, { kind: 'coupon', couponTemplateCode: 'B2' }] }))).toEqual([[null, '同一种动作只能添加一次']]);
    expect(problemsOf(form({ actions: [] }))).toEqual([[null, '请至少添加一个动作']]);
  });

  it('checks budgets, quiet hours and the frequency cap', () => {
    expect(problemsOf(form({ budgetTotal: 100, budgetPerDay: 200 }))).toEqual([['budgetPerDay', '每日上限不能超过总预算']]);
    expect(problemsOf(form({ quietFrom: '09:00', quietUntil: '09:00' }))).toEqual([['quietFrom', '免打扰的开始与结束时间不能相同']]);
    expect(problemsOf(form({ frequencyCap: true, capTouches: 0, capDays: 7 }))).toEqual([['capTouches', '次数须为 1–50']]);
  });
});

describe(isCampaignFieldLocked.name, () => {
  it('leaves a draft open, a launched campaign its name, budgets and end, and a finished one nothing', () => {
    expect(isCampaignFieldLocked({ status: 'draft' }, 'segmentId')).toBe(false);
    expect(isCampaignFieldLocked({ status: 'active' }, 'segmentId')).toBe(true);
    expect(isCampaignFieldLocked({ status: 'paused' }, 'budgetTotal')).toBe(false);
    expect(isCampaignFieldLocked({ status: 'running' }, 'endsAt')).toBe(false);
    expect(isCampaignFieldLocked({ status: 'ended' }, 'name')).toBe(true);
  });
});

describe(nextActionKind.name, () => {
  it('offers the kinds not used yet, in order', () => {
    expect(nextActionKind([{ kind: 'coupon' }])).toBe('message');
    expect(nextActionKind([{ kind: 'message' }, { kind: 'coupon' }])).toBe('task');
    expect(nextActionKind([{ kind: 'message' }, { kind: 'coupon' }, { kind: 'task' }])).toBeNull();
  });
});

describe(campaignFormPathOf.name, () => {
  it.each([
    ['actions.1.messageText', ['actions', 1, 'messageText']],
    ['journey.days', 'days'],
    ['journey', 'trigger'],
    ['frequencyCap.touches', 'capTouches'],
    ['frequencyCap.days', 'capDays'],
    ['segmentId', 'segmentId'],
    ['unknown', null],
  ])('%s → %j', (field, path) => {
    expect(campaignFormPathOf(field)).toEqual(path);
  });
});

describe('campaign texts', () => {
  it('says when a campaign reaches members and what it does', () => {
    expect(journeyText({ trigger: 'birthday', daysBefore: 7 })).toBe('生日关怀 · 生日前 7 天');
    expect(journeyText({ trigger: 'dormant', days: 60 })).toBe('沉睡唤醒 · 60 天未购买');
    expect(journeyText({ trigger: 'repurchase', leadDays: 5 })).toBe('复购提醒 · 预计用完前 5 天');
    expect(journeyText({ trigger: 'welcome' })).toBe('入会欢迎');
    expect(scheduleText({ kind: 'one-off', journey: null, scheduledAt: null })).toBe('单次 · 启动后立即执行');
    expect(scheduleText({ kind: 'one-off', journey: null, scheduledAt: '2026-12-01T02:00:00.000Z' })).toBe('单次 · 2026-12-01 02:00 执行');
    expect(actionText({ kind: 'coupon', couponTemplateCode: 'CPN-300-50' })).toBe('发放优惠券（CPN-300-50）');
    expect(actionText({ kind: 'message', messageTemplate: 'coupon-arrival', messageText: '券已到账' })).toBe('发送订阅消息');
  });
});

describe(campaignProblemLines.name, () => {
  it('names the fields the API refused in words', () => {
    const error = new ApiError(400, 'CAMPAIGN_INVALID', '活动配置有误，请检查后重试', [
      { field: 'actions.1.messageText', problems: ['提醒内容最多 20 个字'] },
      { field: 'journey.days', problems: ['max'] },
    ]);
    expect(campaignProblemLines(error)).toEqual(['动作第 2 行 · 提醒内容：提醒内容最多 20 个字', '触发条件 · 天数：大于允许的最大值']);
  });
});
