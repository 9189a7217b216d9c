import { TICKET_STATUSES } from '@glow/domain';
import { compensationProblem, slaState, ticketActionLabel, ticketActions, ticketEventTitle, toCompensation, type CompensationFormValues } from './ticket-actions';
import { ticketDetail } from './service.fixtures';

const NOW = new Date('2026-11-20T06:00:00.000Z');

describe(ticketActions.name, () => {
  it.each([
    ['new', ['in_progress', 'resolved', 'closed']],
    ['in_progress', ['waiting_member', 'resolved']],
    ['waiting_member', ['in_progress', 'resolved']],
    ['resolved', ['closed', 'in_progress']],
    ['closed', []],
  ] as const)('%s → %j', (status, next) => {
    expect(ticketActions(status)).toEqual(next);
  });

  it('never offers staying where the ticket is, and every target is a status', () => {
    for (const status of TICKET_STATUSES) {
      expect(ticketActions(status)).not.toContain(status);
      for (const next of ticketActions(status)) expect(TICKET_STATUSES).toContain(next);
    }
  });

  it('calls going back to work on a resolved ticket a reopening', () => {
    expect(ticketActionLabel('resolved', 'in_progress')).toBe('重新处理');
    expect(ticketActionLabel('new', 'in_progress')).toBe('开始处理');
  });
});

describe(slaState.name, () => {
  it.each([
    [{ status: 'new', slaDueAt: '2026-11-20T06:30:00.000Z', overdue: false }, { text: '剩余 30 分钟', overdue: false }],
    [{ status: 'in_progress', slaDueAt: '2026-11-21T08:00:00.000Z', overdue: false }, { text: '剩余 1 天 2 小时', overdue: false }],
    [{ status: 'waiting_member', slaDueAt: '2026-11-20T04:15:00.000Z', overdue: true }, { text: '已超时 1 小时 45 分钟', overdue: true }],
    // The server may call it late before the clock here does (its own clock, escalation rules).
    [{ status: 'new', slaDueAt: '2026-11-20T07:00:00.000Z', overdue: true }, { text: '已超时', overdue: true }],
    [{ status: 'resolved', slaDueAt: '2026-11-19T00:00:00.000Z', overdue: false }, { text: '已解决', overdue: false }],
    [{ status: 'closed', slaDueAt: '2026-11-19T00:00:00.000Z', overdue: true }, { text: '已关闭', overdue: false }],
  ] as const)('%j → %j', (ticket, state) => {
    expect(slaState(ticket, NOW)).toEqual(state);
  });
});

describe(ticketEventTitle.name, () => {
  const [created] = ticketDetail().events;
  it('names status moves, internal notes and replies', () => {
    expect(ticketEventTitle(created)).toBe('创建工单');
    expect(ticketEventTitle({ ...created, kind: 'status', fromStatus: 'new', toStatus: 'in_progress' })).toBe('待处理 → 处理中');
    expect(ticketEventTitle({ ...created, kind: 'note', internal: true })).toBe('内部备注');
    expect(ticketEventTitle({ ...created, kind: 'note', internal: false })).toBe('回复会员');
  });
});

describe(compensationProblem.name, () => {
  const coupon: CompensationFormValues = { kind: 'coupon', couponTemplateId: 'tpl-1', points: null, reason: '过敏致歉' };
  const points: CompensationFormValues = { kind: 'points', couponTemplateId: null, points: 500, reason: '过敏致歉' };

  it.each([
    [coupon, null],
    [points, null],
    [{ ...coupon, couponTemplateId: null }, '请选择补偿的优惠券'],
    [{ ...points, points: null }, '补偿积分须为 1–100000 的整数'],
    [{ ...points, points: 0 }, '补偿积分须为 1–100000 的整数'],
    [{ ...points, points: 100_001 }, '补偿积分须为 1–100000 的整数'],
    [{ ...points, points: 1.5 }, '补偿积分须为 1–100000 的整数'],
    [{ ...coupon, reason: '  ' }, '请填写补偿原因'],
    [{ ...coupon, reason: '因'.repeat(101) }, '补偿原因最多 100 个字'],
  ])('%#', (values, problem) => {
    expect(compensationProblem(values)).toBe(problem);
  });

  it('sends only what the kind needs, with the key given', () => {
    expect(toCompensation(coupon, 'key-12345678')).toEqual({ kind: 'coupon', couponTemplateId: 'tpl-1', reason: '过敏致歉', key: 'key-12345678' });
    expect(toCompensation({ ...points, couponTemplateId: 'ignored' }, 'key-87654321')).toEqual({ kind: 'points', points: 500, reason: '过敏致歉', key: 'key-87654321' });
  });
});
