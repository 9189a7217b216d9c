import {
  type CampaignShape,
  inQuietHours,
  incrementalSales,
  journeyDescription,
  nextSendTime,
  rate,
  roi,
  validateCampaignShape,
} from './campaign-rules';

const sh = (local: string) => new Date(`${local}+08:00`);

describe(inQuietHours.name, () => {
  it.each<[string, string | null, string | null, boolean]>([
    ['2026-06-15T22:00:00', '21:00', '09:00', true],
    ['2026-06-15T21:00:00', '21:00', '09:00', true],
    ['2026-06-15T20:59:59', '21:00', '09:00', false],
    ['2026-06-16T00:00:00', '21:00', '09:00', true],
    ['2026-06-16T08:59:59', '21:00', '09:00', true],
    ['2026-06-16T09:00:00', '21:00', '09:00', false],
    ['2026-06-15T12:30:00', '12:00', '14:00', true],
    ['2026-06-15T14:00:00', '12:00', '14:00', false],
    ['2026-06-15T11:59:00', '12:00', '14:00', false],
    ['2026-06-15T23:30:00', '22:00', '24:00', true],
    ['2026-06-15T03:00:00', null, '09:00', false],
    ['2026-06-15T03:00:00', '21:00', null, false],
    ['2026-06-15T03:00:00', '09:00', '09:00', false],
  ])('%s Shanghai with quiet hours %s–%s → %p', (local, from, until, quiet) => {
    expect(inQuietHours(sh(local), from, until)).toBe(quiet);
  });

  it('reads the clock in Shanghai, not UTC', () => {
    // 14:00 UTC is 22:00 in Shanghai.
    expect(inQuietHours(new Date('2026-06-15T14:00:00Z'), '21:00', '09:00')).toBe(true);
    expect(inQuietHours(new Date('2026-06-15T02:00:00Z'), '21:00', '09:00')).toBe(false);
  });
});

describe(nextSendTime.name, () => {
  it.each<[string, string | null, string | null, string]>([
    ['2026-06-15T10:00:00', '21:00', '09:00', '2026-06-15T10:00:00'],
    ['2026-06-15T22:30:00', '21:00', '09:00', '2026-06-16T09:00:00'],
    ['2026-06-16T02:00:00', '21:00', '09:00', '2026-06-16T09:00:00'],
    ['2026-06-30T23:00:00', '21:00', '09:00', '2026-07-01T09:00:00'],
    ['2026-06-15T12:10:00', '12:00', '14:00', '2026-06-15T14:00:00'],
    ['2026-06-15T23:00:00', '22:00', '24:00', '2026-06-16T00:00:00'],
    ['2026-06-15T23:00:00', null, null, '2026-06-15T23:00:00'],
  ])('a send due %s with quiet hours %s–%s goes at %s', (due, from, until, expected) => {
    expect(nextSendTime(sh(due), from, until)).toEqual(sh(expected));
  });

  it('returns the same instant, seconds and all, outside quiet hours', () => {
    const at = new Date('2026-06-15T04:00:12.345Z');
    expect(nextSendTime(at, '21:00', '09:00')).toBe(at);
  });

  it('never returns a time inside the quiet window or before the due time', () => {
    for (let minute = 0; minute < 24 * 60; minute += 7) {
      const due = new Date(sh('2026-06-15T00:00:00').getTime() + minute * 60_000);
      const sent = nextSendTime(due, '21:30', '08:15');
      expect(inQuietHours(sent, '21:30', '08:15')).toBe(false);
      expect(sent.getTime()).toBeGreaterThanOrEqual(due.getTime());
      expect(sent.getTime() - due.getTime()).toBeLessThanOrEqual((10 * 60 + 45) * 60_000);
    }
  });
});

describe(rate.name, () => {
  it('divides, and knows nothing about an empty group', () => {
    expect(rate(3, 12)).toBe(0.25);
    expect(rate(0, 5)).toBe(0);
    expect(rate(0, 0)).toBeNull();
  });
});

describe(roi.name, () => {
  it('is net sales over cost, unknown without cost', () => {
    expect(roi(40_000, 10_000)).toBe(3);
    expect(roi(5_000, 10_000)).toBe(-0.5);
    expect(roi(40_000, 0)).toBeNull();
  });
});

describe(incrementalSales.name, () => {
  const base = { touched: 900, buyersTouched: 90, salesTouchedFen: 1_000_000, holdout: 100, buyersHoldout: 5, salesHoldoutFen: 50_000 };

  it('subtracts the holdout sales scaled to the touched group', () => {
    // Holdout bought ¥500 per 100 members; 900 touched would have bought ¥4,500 anyway.
    expect(incrementalSales(base)).toBe(1_000_000 - 450_000);
  });

  it('rounds to whole fen and may go negative', () => {
    expect(incrementalSales({ ...base, touched: 1, holdout: 3, salesTouchedFen: 0, salesHoldoutFen: 100 })).toBe(-33);
  });

  it('is unknown without a holdout group', () => {
    expect(incrementalSales({ ...base, holdout: 0, buyersHoldout: 0, salesHoldoutFen: 0 })).toBeNull();
  });
});

describe(validateCampaignShape.name, () => {
  const SEGMENT = '3f2a1c9e-8b7d-4e6f-a5b4-c3d2e1f0a9b8';
  const oneOff: CampaignShape = { kind: 'one-off', segmentId: SEGMENT, actions: [{ kind: 'coupon', couponTemplateCode: 'BDAY' }] };
  const journey: CampaignShape = { kind: 'journey', journey: { trigger: 'birthday', daysBefore: 7 }, actions: [{ kind: 'message', messageTemplate: 'coupon-arrival' }] };

  it('accepts a complete one-off campaign and a complete journey', () => {
    expect(validateCampaignShape({ ...oneOff, scheduledAt: '2026-06-20T10:00:00+08:00', budgetTotal: 1000, budgetPerDay: 1000, quietFrom: '21:00', quietUntil: '09:00' })).toEqual([]);
    expect(validateCampaignShape(journey)).toEqual([]);
    expect(validateCampaignShape({ ...journey, segmentId: SEGMENT, journey: { trigger: 'welcome' } })).toEqual([]);
  });

  it.each<[string, CampaignShape, string[]]>([
    ['a one-off without segment', { ...oneOff, segmentId: null }, ['单次活动须选择人群']],
    ['a one-off with a journey', { ...oneOff, journey: { trigger: 'welcome' } }, ['单次活动不能设置旅程']],
    ['a journey without config', { ...journey, journey: null }, ['自动旅程须设置触发条件']],
    ['a scheduled journey', { ...journey, scheduledAt: '2026-06-20T10:00:00+08:00' }, ['只有单次活动可以设置执行时间']],
    ['a birthday journey without days before', { ...journey, journey: { trigger: 'birthday' } }, ['须设置生日前提前天数']],
    ['a birthday 31 days ahead', { ...journey, journey: { trigger: 'birthday', daysBefore: 31 } }, ['生日前提前天数须为0–30的整数']],
    ['a dormant journey without days', { ...journey, journey: { trigger: 'dormant' } }, ['须设置未购买天数']],
    ['a dormant journey of 0 days', { ...journey, journey: { trigger: 'dormant', days: 0 } }, ['未购买天数须为1–3650的整数']],
    ['a post-visit journey without days', { ...journey, journey: { trigger: 'post-visit' } }, ['须设置到店后天数']],
    ['a repurchase journey without lead days', { ...journey, journey: { trigger: 'repurchase' } }, ['须设置用完前提前天数']],
    ['a setting another trigger uses', { ...journey, journey: { trigger: 'dormant', days: 60, daysBefore: 3 } }, ['沉睡唤醒不需要设置生日前提前天数']],
    ['no actions', { ...oneOff, actions: [] }, ['至少需要一个动作']],
    ['a coupon action without template', { ...oneOff, actions: [{ kind: 'coupon', couponTemplateCode: ' ' }] }, ['动作“发放优惠券”须设置券模板']],
    ['a message action without template', { ...oneOff, actions: [{ kind: 'message' }] }, ['动作“发送订阅消息”须设置消息模板']],
    ['a task action without title', { ...oneOff, actions: [{ kind: 'task' }] }, ['动作“生成导购跟进任务”须设置任务标题']],
    [
      'two actions of one kind',
      { ...oneOff, actions: [{ kind: 'task', taskTitle: '回访' }, { kind: 'task', taskTitle: '再回访' }] },
      ['动作“生成导购跟进任务”重复'],
    ],
    ['quiet hours without an end', { ...oneOff, quietFrom: '21:00' }, ['免打扰时段须同时设置开始和结束时间']],
    ['quiet hours without a start', { ...oneOff, quietUntil: '09:00' }, ['免打扰时段须同时设置开始和结束时间']],
    ['quiet hours of no length', { ...oneOff, quietFrom: '00:00', quietUntil: '24:00' }, ['免打扰开始和结束时间不能相同']],
    ['a malformed quiet hour', { ...oneOff, quietFrom: '9:00', quietUntil: '21:00' }, ['免打扰时间须为HH:mm格式']],
    ['a day budget above the total', { ...oneOff, budgetTotal: 100, budgetPerDay: 101 }, ['每日预算不能超过总预算']],
  ])('refuses %s', (_, input, problems) => {
    expect(validateCampaignShape(input)).toEqual(problems);
  });
});

describe(journeyDescription.name, () => {
  it.each([
    [{ trigger: 'welcome' }, '会员入会时'],
    [{ trigger: 'birthday', daysBefore: 7 }, '生日前7天'],
    [{ trigger: 'birthday', daysBefore: 0 }, '生日当天'],
    [{ trigger: 'anniversary' }, '入会周年当天'],
    [{ trigger: 'dormant', days: 60 }, '连续60天未购买'],
    [{ trigger: 'repurchase', leadDays: 5 }, '商品用完前5天提醒复购'],
    [{ trigger: 'tier-up' }, '会员等级升级时'],
    [{ trigger: 'post-visit', days: 3 }, '到店服务完成后3天'],
  ] as const)('%j reads %s', (config, text) => {
    expect(journeyDescription(config)).toBe(text);
  });
});
