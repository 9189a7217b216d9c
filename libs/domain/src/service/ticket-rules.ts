import { businessDate } from '../appointment/business-time';
import type { TicketPriority, TicketStatus } from './service-vocabulary';

/**
 * Where a ticket may go from each status. A resolved ticket may be reopened (back to in progress) when the member
 * says it is not fixed; a closed ticket is final, so a new problem needs a new ticket.
 */
export const TICKET_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['in_progress', 'resolved', 'closed'],
  in_progress: ['waiting_member', 'resolved'],
  waiting_member: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: [],
};

/** May a ticket move from `from` to `to`? Staying in the same status is not a move. */
export function canMoveTicket(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from]?.includes(to) ?? false;
}

/** How many hours each priority has until its SLA is due. */
export interface SlaPolicy {
  hours: Record<TicketPriority, number>;
}

/** Calendar hours, nights and weekends included: an allergy complaint does not wait for Monday. */
export const DEFAULT_SLA_POLICY: SlaPolicy = { hours: { urgent: 4, high: 24, normal: 48, low: 72 } };

const HOUR_MS = 3_600_000;

/** When a ticket of `priority` opened at `from` is due: `from` plus the policy's calendar hours. */
export function slaDueAt(priority: TicketPriority, from: Date, policy: SlaPolicy = DEFAULT_SLA_POLICY): Date {
  const hours = policy.hours[priority];
  if (!Number.isFinite(hours) || hours <= 0) throw new RangeError(`No SLA hours for priority ${priority}`);
  return new Date(from.getTime() + hours * HOUR_MS);
}

/**
 * How far an unresolved ticket has been escalated at `now`, measured in its own SLA span (`slaDueAt − createdAt`) so
 * urgent tickets escalate in hours and low ones in days: 0 before it is due, 1 once due, 2 when overdue by half a span
 * more, 3 when overdue by a whole span. A span of zero escalates fully as soon as it is due.
 */
export function escalationLevelAt(slaDueAt: Date, createdAt: Date, now: Date): number {
  const overdue = now.getTime() - slaDueAt.getTime();
  if (overdue < 0) return 0;
  const span = Math.max(0, slaDueAt.getTime() - createdAt.getTime());
  if (overdue >= span) return 3;
  if (overdue >= span / 2) return 2;
  return 1;
}

/**
 * The human ticket number: `T`, the Shanghai date as yyMMdd and the day's sequence padded to 4 digits, e.g.
 * `T2611240001`. A day past 9,999 tickets gets a longer number rather than a clash.
 */
export function formatTicketNo(createdAt: Date, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`Not a ticket sequence: ${sequence}`);
  return `T${businessDate(createdAt).slice(2).split('-').join('')}${String(sequence).padStart(4, '0')}`;
}

const STATUS_NOTES: Record<TicketStatus, string> = {
  new: '您的问题已提交，我们会尽快处理',
  in_progress: '客服已受理您的问题，正在处理中',
  waiting_member: '客服需要您补充一些信息，请留意消息并回复',
  resolved: '您的问题已处理完成，欢迎对本次服务进行评价',
  closed: '工单已关闭，感谢您的耐心',
};

/** The line a member sees on their ticket's timeline when it moves to `to`. */
export function ticketStatusNote(to: TicketStatus): string {
  return STATUS_NOTES[to];
}
