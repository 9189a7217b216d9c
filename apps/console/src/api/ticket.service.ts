import type {
  CreateTicketDto,
  TicketAssignDto,
  TicketCompensationDto,
  TicketDetailView,
  TicketNoteDto,
  TicketStatusDto,
  TicketView,
  UpdateTicketDto,
} from '@glow/contracts';
import type { TicketStatus } from '@glow/domain';
import { apiRoutes } from './api-routes';
import { http } from './http';

export interface TicketSearch {
  status?: TicketStatus;
  mine?: boolean;
  overdue?: boolean;
  memberId?: string;
}

const flag = (value: boolean | undefined) => (value ? 'true' : undefined);

export function listTickets(search: TicketSearch, signal?: AbortSignal): Promise<TicketView[]> {
  return http.json<TicketView[]>(apiRoutes.staffTickets, {
    query: { status: search.status, mine: flag(search.mine), overdue: flag(search.overdue), memberId: search.memberId },
    signal,
  });
}

export function createTicket(body: CreateTicketDto): Promise<TicketDetailView> {
  return http.json<TicketDetailView>(apiRoutes.staffTickets, { method: 'POST', body });
}

export function getTicket(id: string, signal?: AbortSignal): Promise<TicketDetailView> {
  return http.json<TicketDetailView>(apiRoutes.staffTicket(id), { signal });
}

export function updateTicket(id: string, body: UpdateTicketDto): Promise<TicketDetailView> {
  return http.json<TicketDetailView>(apiRoutes.staffTicket(id), { method: 'PATCH', body });
}

/** 409 TICKET_STATUS_INVALID for a move the ticket's status does not allow. */
export function setTicketStatus(id: string, body: TicketStatusDto): Promise<TicketDetailView> {
  return http.json<TicketDetailView>(apiRoutes.staffTicketStatus(id), { method: 'POST', body });
}

export function assignTicket(id: string, body: TicketAssignDto): Promise<TicketDetailView> {
  return http.json<TicketDetailView>(apiRoutes.staffTicketAssign(id), { method: 'POST', body });
}

/** An internal note (staff only) or a reply the member reads. */
export function addTicketNote(id: string, body: TicketNoteDto): Promise<TicketDetailView> {
  return http.json<TicketDetailView>(apiRoutes.staffTicketNotes(id), { method: 'POST', body });
}

/** A coupon or points once per `key`. */
export function compensateTicket(id: string, body: TicketCompensationDto): Promise<TicketDetailView> {
  return http.json<TicketDetailView>(apiRoutes.staffTicketCompensations(id), { method: 'POST', body });
}

export const ticketKeys = {
  all: ['tickets'] as const,
  lists: ['tickets', 'list'] as const,
  list: (search: TicketSearch) => ['tickets', 'list', search] as const,
  detail: (id: string) => ['tickets', 'detail', id] as const,
};
