import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateBookingDto,
  CreateTicketDto,
  CsatDto,
  MemberTicketReplyDto,
  ServiceMetricsQuery,
  TicketAssignDto,
  TicketCompensationDto,
  TicketNoteDto,
  TicketQuery,
  TicketStatusDto,
  UpdateTicketDto,
  type BookingView,
  type Customer360View,
  type MemberTicketView,
  type ServiceMetricsResponse,
  type TicketDetailView,
  type TicketView,
} from '@glow/contracts';
import { AuditService } from '../../platform/audit/audit.service';
import { CurrentPrincipal, Roles } from '../../platform/auth/auth.decorators';
import type { MemberPrincipal, StaffPrincipal } from '../../platform/auth/principal';
import { BookingService } from '../appointment/booking.service';
import { Customer360Service } from './customer-360.service';
import { ServiceMetricsService } from './service-metrics.service';
import { TicketService } from './ticket.service';

const SERVICE_STAFF = ['advisor', 'store_manager', 'admin'] as const;

/** Tickets for staff, the customer 360 beside a conversation, booking on a member's behalf, and advisor metrics. */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
export class StaffServiceController {
  constructor(
    private readonly tickets: TicketService,
    private readonly c360: Customer360Service,
    private readonly metricsService: ServiceMetricsService,
    private readonly bookings: BookingService,
    private readonly audit: AuditService,
  ) {}

  @Roles(...SERVICE_STAFF)
  @Get('members/:id/360')
  @ApiOperation({ summary: 'Customer 360 beside a conversation (audited)' })
  view360(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<Customer360View> {
    return this.c360.view(who, id);
  }

  @Roles(...SERVICE_STAFF)
  @Post('members/:id/bookings')
  @ApiOperation({ summary: 'Book a service for the member (same rules as the member booking themselves)' })
  async bookFor(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateBookingDto): Promise<BookingView> {
    await this.c360.view(who, id); // the same scope as the 360 (and audited)
    const booking = await this.bookings.book(id, dto);
    await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'booking.create-for-member', memberId: id, detail: { bookingId: booking.id } });
    return booking;
  }

  @Roles(...SERVICE_STAFF)
  @Get('tickets')
  @ApiOperation({ summary: 'Tickets (my store’s; all for admins), open ones first by SLA' })
  list(@CurrentPrincipal() who: StaffPrincipal, @Query() q: TicketQuery): Promise<TicketView[]> {
    return this.tickets.list(who, q);
  }

  @Roles(...SERVICE_STAFF)
  @Post('tickets')
  @ApiOperation({ summary: 'Open a ticket for a member (optionally linked to their order, booking or conversation)' })
  create(@CurrentPrincipal() who: StaffPrincipal, @Body() dto: CreateTicketDto): Promise<TicketDetailView> {
    return this.tickets.create(who, dto);
  }

  @Roles(...SERVICE_STAFF)
  @Get('tickets/:id')
  @ApiOperation({ summary: 'A ticket with its full history' })
  one(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<TicketDetailView> {
    return this.tickets.detail(who, id);
  }

  @Roles(...SERVICE_STAFF)
  @Patch('tickets/:id')
  @ApiOperation({ summary: 'Change category, priority (moves the SLA) or title' })
  update(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateTicketDto): Promise<TicketDetailView> {
    return this.tickets.update(who, id, dto);
  }

  @Roles(...SERVICE_STAFF)
  @Post('tickets/:id/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a ticket (new → in_progress → waiting_member → resolved → closed; reopen from resolved)' })
  move(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TicketStatusDto): Promise<TicketDetailView> {
    return this.tickets.move(who, id, dto.status, dto.note);
  }

  @Roles('store_manager', 'admin', 'advisor')
  @Post('tickets/:id/assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign to an advisor or store manager of the store' })
  assign(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TicketAssignDto): Promise<TicketDetailView> {
    return this.tickets.assign(who, id, dto.assigneeId);
  }

  @Roles(...SERVICE_STAFF)
  @Post('tickets/:id/notes')
  @HttpCode(200)
  @ApiOperation({ summary: 'An internal note, or a reply the member sees' })
  note(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TicketNoteDto): Promise<TicketDetailView> {
    return this.tickets.note(who, id, dto.note, dto.internal);
  }

  @Roles(...SERVICE_STAFF)
  @Post('tickets/:id/compensations')
  @HttpCode(200)
  @ApiOperation({ summary: 'Compensate in a coupon or points, once per key' })
  compensate(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TicketCompensationDto): Promise<TicketDetailView> {
    return this.tickets.compensate(who, id, dto);
  }

  @Roles('store_manager', 'admin', 'advisor', 'marketer')
  @Get('service-metrics')
  @ApiOperation({ summary: 'Advisor metrics per advisor, store and day (first response, response, resolution, CSAT, tasks, sales)' })
  metrics(@CurrentPrincipal() who: StaffPrincipal, @Query() q: ServiceMetricsQuery): Promise<ServiceMetricsResponse> {
    return this.metricsService.metrics(who, q);
  }
}

/** A member's tickets and ratings. */
@ApiTags('service')
@ApiBearerAuth()
@Controller('me')
export class MemberServiceController {
  constructor(private readonly tickets: TicketService) {}

  @Roles('member')
  @Get('tickets')
  @ApiOperation({ summary: 'My tickets with their public progress' })
  list(@CurrentPrincipal() who: MemberPrincipal): Promise<MemberTicketView[]> {
    return this.tickets.memberTickets(who.memberId);
  }

  @Roles('member')
  @Get('tickets/:id')
  @ApiOperation({ summary: 'One of my tickets' })
  one(@CurrentPrincipal() who: MemberPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<MemberTicketView> {
    return this.tickets.memberTicket(who.memberId, id);
  }

  @Roles('member')
  @Post('tickets/:id/reply')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer on my ticket (a ticket waiting on me goes back to in progress)' })
  reply(@CurrentPrincipal() who: MemberPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: MemberTicketReplyDto): Promise<MemberTicketView> {
    return this.tickets.memberReply(who.memberId, id, dto.text);
  }

  @Roles('member')
  @Post('csat')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rate a resolved conversation or ticket (1–5), once, within 48 hours' })
  async rate(@CurrentPrincipal() who: MemberPrincipal, @Body() dto: CsatDto): Promise<{ ok: true }> {
    await this.tickets.rate(who.memberId, dto);
    return { ok: true };
  }
}
