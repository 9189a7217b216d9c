import { FOLLOW_UP_TITLE_MAX, followUpTitle, purchaseFollowUps, taskOverdue } from './follow-up-rules';
import { TASK_KINDS, TASK_STATUSES } from './service-vocabulary';

const at = (iso: string) => new Date(iso);
const dueDates = (paidAt: string) => Object.fromEntries(purchaseFollowUps(at(paidAt)).map((f) => [f.kind, f.dueOn]));

describe(purchaseFollowUps.name, () => {
  it('schedules calls 3 days, 3 weeks and 3 months after the purchase', () => {
    expect(dueDates('2026-11-24T15:00:00+08:00')).toEqual({ 'purchase-3d': '2026-11-27', 'purchase-3w': '2026-12-15', 'purchase-3m': '2027-02-24' });
  });

  it('counts from the Shanghai day of payment, not the UTC day', () => {
    // 17:00 UTC on the 23rd is 01:00 on the 24th in Shanghai.
    expect(dueDates('2026-11-23T17:00:00Z')).toEqual(dueDates('2026-11-24T12:00:00+08:00'));
    expect(dueDates('2026-11-24T23:59:00+08:00')['purchase-3d']).toBe('2026-11-27');
  });

  it.each<[string, string]>([
    ['2026-11-30T12:00:00+08:00', '2027-02-28'],
    ['2027-11-30T12:00:00+08:00', '2028-02-29'],
    ['2026-05-31T12:00:00+08:00', '2026-08-31'],
    ['2026-03-31T12:00:00+08:00', '2026-06-30'],
    ['2026-12-15T12:00:00+08:00', '2027-03-15'],
  ])('puts the 3-month reminder for a purchase on %s on %s (month end when the day does not exist)', (paidAt, due) => {
    expect(dueDates(paidAt)['purchase-3m']).toBe(due);
  });

  it('runs the 3-week call across the year end', () => {
    expect(dueDates('2026-12-20T10:00:00+08:00')['purchase-3w']).toBe('2027-01-10');
  });

  it('gives each task a readable title in the order the calls happen', () => {
    const tasks = purchaseFollowUps(at('2026-11-24T15:00:00+08:00'));
    expect(tasks.map((t) => t.kind)).toEqual(['purchase-3d', 'purchase-3w', 'purchase-3m']);
    expect(tasks.map((t) => t.title)).toEqual(['购后3天回访：了解使用感受', '购后3周回访：了解使用效果', '购后3个月复购提醒：产品快用完了，提醒回购']);
  });
});

describe(followUpTitle.name, () => {
  it('names the member and the product', () => {
    expect(followUpTitle('purchase-3d', { memberName: '李小姐', productName: '小棕瓶精华' })).toBe('购后3天回访·李小姐：了解「小棕瓶精华」使用感受');
    expect(followUpTitle('purchase-3m', { memberName: '王女士', productName: '水光面霜' })).toBe('购后3个月复购提醒·王女士：「水光面霜」快用完了，提醒回购');
  });

  it('reads naturally without context', () => {
    expect(followUpTitle('birthday')).toBe('生日关怀：送上生日祝福，提醒领取生日礼');
    expect(followUpTitle('post-visit')).toBe('到店后回访：了解到店体验');
    expect(followUpTitle('ticket', { memberName: '  ' })).toBe('工单跟进：确认问题已解决');
  });

  it('stays within 40 characters for every kind, however long the names', () => {
    const long = { memberName: '欧阳娜娜娜娜娜娜娜娜娜娜娜', productName: '多效修护焕亮紧致抗皱精华液限量礼盒装五十毫升' };
    for (const kind of TASK_KINDS) {
      for (const context of [{}, long, { memberName: long.memberName }, { productName: long.productName }]) {
        const title = followUpTitle(kind, context);
        expect(Array.from(title).length).toBeLessThanOrEqual(FOLLOW_UP_TITLE_MAX);
        expect(title.startsWith(followUpTitle(kind).split('：')[0])).toBe(true);
      }
    }
  });

  it('shortens a long name with an ellipsis instead of dropping it', () => {
    expect(followUpTitle('dormant', { memberName: '欧阳娜娜娜娜娜娜娜娜' })).toBe('沉睡唤醒·欧阳娜娜娜娜娜…：问候近况，介绍新品与活动');
  });

  it('never cuts an emoji in a nickname in half', () => {
    const title = followUpTitle('birthday', { memberName: '小美🌸🌸🌸🌸🌸🌸🌸🌸' });
    expect(title).toBe('生日关怀·小美🌸🌸🌸🌸🌸…：送上生日祝福，提醒领取生日礼');
  });
});

describe(taskOverdue.name, () => {
  it.each<[string, string, string, boolean]>([
    ['an open task due yesterday is overdue', '2026-11-23', '2026-11-24', true],
    ['an open task due today is not overdue yet', '2026-11-24', '2026-11-24', false],
    ['an open task due tomorrow is not overdue', '2026-11-25', '2026-11-24', false],
    ['an open task due last year is overdue', '2025-12-31', '2026-01-01', true],
  ])('%s', (_, dueOn, today, overdue) => {
    expect(taskOverdue(dueOn, 'open', today)).toBe(overdue);
  });

  it('never marks a finished or skipped task overdue', () => {
    for (const status of TASK_STATUSES.filter((s) => s !== 'open')) expect(taskOverdue('2020-01-01', status, '2026-11-24')).toBe(false);
  });
});
