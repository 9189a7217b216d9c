import type { CreateTicketDto } from '@glow/contracts';
import type { TicketCategory, TicketPriority } from '@glow/domain';

/** Mirrors CreateTicketDto's limits (values from the contracts barrel are not imported, see api-routes.ts). */
export const TICKET_LIMITS = { title: { min: 2, max: 40 }, description: { min: 1, max: 2000 } } as const;

export interface TicketFormValues {
  memberId: string | null;
  category: TicketCategory | null;
  priority: TicketPriority;
  title: string;
  description: string;
  orderId: string | null;
  bookingId: string | null;
}

export type TicketFormField = keyof TicketFormValues;

export interface TicketFormProblem {
  field: TicketFormField;
  problem: string;
}

export const EMPTY_TICKET_FORM: TicketFormValues = { memberId: null, category: null, priority: 'normal', title: '', description: '', orderId: null, bookingId: null };

export function validateTicketForm(values: TicketFormValues): TicketFormProblem[] {
  const problems: TicketFormProblem[] = [];
  const title = values.title.trim();
  const description = values.description.trim();
  if (!values.memberId) problems.push({ field: 'memberId', problem: '请选择会员' });
  if (!values.category) problems.push({ field: 'category', problem: '请选择工单分类' });
  if (title.length < TICKET_LIMITS.title.min || title.length > TICKET_LIMITS.title.max) {
    problems.push({ field: 'title', problem: `标题须为 ${TICKET_LIMITS.title.min}–${TICKET_LIMITS.title.max} 个字` });
  }
  if (description.length < TICKET_LIMITS.description.min) problems.push({ field: 'description', problem: '请描述问题' });
  if (description.length > TICKET_LIMITS.description.max) problems.push({ field: 'description', problem: `描述最多 ${TICKET_LIMITS.description.max} 个字` });
  return problems;
}

/** The request for valid `values` (validate first); a ticket opened from a conversation keeps the link to it. */
export function toCreateTicket(values: TicketFormValues, conversationId: string | null): CreateTicketDto {
  return {
    memberId: values.memberId ?? '',
    category: values.category ?? 'other',
    priority: values.priority,
    title: values.title.trim(),
    description: values.description.trim(),
    orderId: values.orderId ?? undefined,
    bookingId: values.bookingId ?? undefined,
    conversationId: conversationId ?? undefined,
  };
}
