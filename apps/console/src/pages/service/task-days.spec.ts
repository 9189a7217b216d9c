import { addDays, dayStripLabel, isDay, outcomeProblem, weekOf } from './task-days';

describe(weekOf.name, () => {
  it.each([
    ['2026-11-20', '2026-11-16'],
    ['2026-11-16', '2026-11-16'],
    ['2026-11-22', '2026-11-16'],
    ['2026-01-01', '2025-12-29'],
  ])('the week of %s starts on Monday %s and has seven days', (day, monday) => {
    const week = weekOf(day);
    expect(week[0]).toBe(monday);
    expect(week).toHaveLength(7);
    expect(week).toContain(day);
  });

  it('labels a day by weekday and date, across month ends', () => {
    expect(dayStripLabel('2026-11-16')).toEqual({ weekday: '周一', date: '11/16' });
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it.each([
    ['2026-11-20', true],
    ['2026-13-01', false],
    ['20261120', false],
    [null, false],
  ])('isDay(%s) → %s', (value, valid) => {
    expect(isDay(value)).toBe(valid);
  });
});

describe(outcomeProblem.name, () => {
  it('requires what happened, whether done or skipped', () => {
    expect(outcomeProblem('  ', 'done')).toBe('请填写跟进结果');
    expect(outcomeProblem('', 'skipped')).toBe('请填写跳过原因');
    expect(outcomeProblem('已回访，会员满意', 'done')).toBeNull();
    expect(outcomeProblem('字'.repeat(301), 'done')).toBe('最多 300 个字');
  });
});
