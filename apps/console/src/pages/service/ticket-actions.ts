import type { TicketCompensationDto, TicketEventView } from '@glow/contracts';
import { TICKET_STATUS_LABELS, TICKET_TRANSITIONS, type CompensationKind, type TicketEventKind, type TicketStatus } from '@glow/domain';

/** The button that moves a ticket to a status: a verb, not the status's own name. */
export const TICKET_ACTION_LABELS: Record<TicketStatus, string> = {
  new: '重新打开',
  in_progress: '开始处理',
  waiting_member: '等待会员回复',
  resolved: '标记已解决',
  closed: '关闭工单',
};

/**
 * The moves a ticket's status allows (the domain's transitions, which the API enforces with 409 TICKET_STATUS_INVALID):
 * the console offers only these, so staff never press a button that can only fail.
 */
export function ticketActions(status: TicketStatus): readonly TicketStatus[] {
  return TICKET_TRANSITIONS[status];
}

/** Going back to work on a resolved ticket is a reopening, and says so. */
export function ticketActionLabel(from: TicketStatus, to: TicketStatus): string {
  return from === 'resolved' && to === 'in_progress' ? '重新处理' : TICKET_ACTION_LABELS[to];
}

export function isTicketOpen(status: TicketStatus): boolean {
  return status !== 'resolved' && status !== 'closed';
}

export interface SlaState {
  text: string;
  overdue: boolean;
}

function duration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${Math.max(minutes, 1)} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} 小时` : `${hours} 小时 ${minutes % 60} 分钟`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} 天` : `${days} 天 ${hours % 24} 小时`;
}

/**
 * What the SLA column says: time left while the ticket is open, how long past due once late (the API's `overdue`
 * flag or the clock, whichever says so first), and nothing to count once it is resolved or closed.
 */
export function slaState(ticket: { status: TicketStatus; slaDueAt: string; overdue: boolean }, now: Date): SlaState {
  if (!isTicketOpen(ticket.status)) return { text: TICKET_STATUS_LABELS[ticket.status], overdue: false };
  const left = Date.parse(ticket.slaDueAt) - now.getTime();
  if (left <= 0 || ticket.overdue) return { text: left < 0 ? `已超时 ${duration(-left)}` : '已超时', overdue: true };
  return { text: `剩余 ${duration(left)}`, overdue: false };
}

export const TICKET_EVENT_LABELS: Record<TicketEventKind, string> = {
  created: '创建工单',
  status: '状态变更',
  assigned: '指派',
  note: '备注',
  reply: '会员回复',
  compensation: '补偿',
  escalated: '超时升级',
  priority: '优先级调整',
};

/** The heading of a history entry: what happened, and whether the member can see it. */
export function ticketEventTitle(event: TicketEventView): string {
  if (event.kind === 'status' && event.fromStatus && event.toStatus) return `${TICKET_STATUS_LABELS[event.fromStatus]} → ${TICKET_STATUS_LABELS[event.toStatus]}`;
  if (event.kind === 'note') return event.internal ? '内部备注' : '回复会员';
  return TICKET_EVENT_LABELS[event.kind];
}

/** Mirrors TicketCompensationDto's limits. */
export const COMPENSATION_LIMITS = { points: { min: 1, max: 100_000 }, reason: { min: 1, max: 100 } } as const;

export interface CompensationFormValues {
  kind: CompensationKind;
  couponTemplateId: string | null;
  points: number | null;
  reason: string;
}

/** Why the compensation cannot be given as filled in, or null. */
export function compensationProblem(values: CompensationFormValues): string | null {
  if (values.kind === 'coupon' && !values.couponTemplateId) return '请选择补偿的优惠券';
  if (values.kind === 'points') {
    const { min, max } = COMPENSATION_LIMITS.points;
    if (values.points === null || !Number.isInteger(values.points) || values.points < min || values.points > max) return `补偿积分须为 ${min}–${max} 的整数`;
  }
  const reason = values.reason.trim();
  if (reason.length < COMPENSATION_LIMITS.reason.min) return '请填写补偿原因';
  if (reason.length > COMPENSATION_LIMITS.reason.max) return `补偿原因最多 ${COMPENSATION_LIMITS.reason.max} 个字`;
  return null;
}

/** The request for valid `values`; `key` is new for every submit the staff member makes. */
export function toCompensation(values: CompensationFormValues, key: string): TicketCompensationDto {
  return values.kind === 'coupon'
    ? { kind: 'coupon', couponTemplateId: values.couponTemplateId ?? undefined, reason: values.reason.trim(), key }
    : { kind: 'points', points: values.points ?? undefined, reason: values.reason.trim(), key };
}
