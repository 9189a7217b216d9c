import { addDays, businessDate } from '../appointment/business-time';
import { TASK_KIND_LABELS, type TaskKind, type TaskStatus } from './service-vocabulary';

export type PurchaseFollowUpKind = 'purchase-3d' | 'purchase-3w' | 'purchase-3m';

/**
 * The 3-3-3 rule: after a purchase the advisor calls back on the 3rd day (how does it feel), after 3 weeks (is it
 * working) and after 3 months (time to buy again). Days count on the Shanghai calendar from the day of payment; the
 * 3-month call falls on the same day of the month, or the month's last day when that month is shorter (a purchase on
 * 30 November is followed up on 28 February).
 */
export function purchaseFollowUps(paidAt: Date): { kind: PurchaseFollowUpKind; dueOn: string; title: string }[] {
  const paidOn = businessDate(paidAt);
  const schedule: [PurchaseFollowUpKind, string][] = [
    ['purchase-3d', addDays(paidOn, 3)],
    ['purchase-3w', addDays(paidOn, 21)],
    ['purchase-3m', addMonthsClamped(paidOn, 3)],
  ];
  return schedule.map(([kind, dueOn]) => ({ kind, dueOn, title: followUpTitle(kind) }));
}

export const FOLLOW_UP_TITLE_MAX = 40;

/**
 * The task title an advisor sees in their list, in Chinese: the kind, the member and what to talk about, e.g.
 * `购后3天回访·李小姐：了解「小棕瓶精华」使用感受`. Long names are shortened so the title fits in 40 characters.
 */
export function followUpTitle(kind: TaskKind, context: { productName?: string; memberName?: string } = {}): string {
  const member = context.memberName?.trim() ? `·${clip(context.memberName.trim(), 8)}` : '';
  const product = context.productName?.trim() ? `「${clip(context.productName.trim(), 14)}」` : '';
  const details: Record<TaskKind, string> = {
    'purchase-3d': `了解${product}使用感受`,
    'purchase-3w': `了解${product}使用效果`,
    'purchase-3m': product ? `${product}快用完了，提醒回购` : '产品快用完了，提醒回购',
    birthday: '送上生日祝福，提醒领取生日礼',
    dormant: '问候近况，介绍新品与活动',
    'post-visit': `了解${product || '到店'}体验`,
    campaign: product ? `介绍${product}活动` : '告知活动并邀请参与',
    ticket: '确认问题已解决',
  };
  const label = TASK_KIND_LABELS[kind] ?? String(kind);
  const detail = details[kind];
  return clip(detail ? `${label}${member}：${detail}` : `${label}${member}`, FOLLOW_UP_TITLE_MAX);
}

/** A task is overdue when still open after its due day; a task due today is not overdue yet. */
export function taskOverdue(dueOn: string, status: TaskStatus, today: string): boolean {
  return status === 'open' && dueOn < today;
}

/** `date` plus whole calendar months, on the month's last day when the day does not exist in the target month. */
function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}

/** At most `max` characters (code points, so an emoji is never cut in half), ending in '…' when shortened. */
function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
