/* Business days as YYYY-MM-DD strings (Asia/Shanghai, as the API counts them), computed without the browser's zone. */

const DAY_MS = 86_400_000;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

const toTime = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const toDay = (time: number) => new Date(time).toISOString().slice(0, 10);

export function isDay(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toTime(value));
}

export function addDays(day: string, days: number): string {
  return toDay(toTime(day) + days * DAY_MS);
}

/** The seven days (Monday first) of the week `day` falls in. */
export function weekOf(day: string): string[] {
  const weekday = new Date(toTime(day)).getUTCDay();
  const monday = addDays(day, -((weekday + 6) % 7));
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** 周一 11/16 */
export function dayStripLabel(day: string): { weekday: string; date: string } {
  const date = new Date(toTime(day));
  return { weekday: WEEKDAYS[date.getUTCDay()], date: `${date.getUTCMonth() + 1}/${date.getUTCDate()}` };
}

/** Mirrors TaskOutcomeDto: what happened is required, up to 300 characters. */
export const TASK_OUTCOME_MAX = 300;

export function outcomeProblem(outcome: string, status: 'done' | 'skipped'): string | null {
  const text = outcome.trim();
  if (text === '') return status === 'done' ? '请填写跟进结果' : '请填写跳过原因';
  if (text.length > TASK_OUTCOME_MAX) return `最多 ${TASK_OUTCOME_MAX} 个字`;
  return null;
}
