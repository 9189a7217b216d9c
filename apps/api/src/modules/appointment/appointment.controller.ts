import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type BookableService,
  type BookableStore,
  BookingFeedbackDto,
  type BookingView,
  CreateBookingDto,
  ErrorCode,
  RescheduleBookingDto,
  ServiceQuery,
  SlotQueryDto,
  type SlotsResponse,
  StoreQuery,
} from '@glow/contracts';
import { CurrentPrincipal, Roles } from '../../platform/auth/auth.decorators';
import type { MemberPrincipal } from '../../platform/auth/principal';
import { AppointmentCatalogService } from './appointment-catalog.service';
import { AppointmentException } from './appointment.exception';
import { BookingService } from './booking.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new AppointmentException(ErrorCode.BookingNotFound) });

@ApiTags('appointment')
@ApiBearerAuth()
@Roles('member')
@Controller('appointments')
export class AppointmentController {
  constructor(
    private readonly catalog: AppointmentCatalogService,
    private readonly bookings: BookingService,
  ) {}

  @Get('stores')
  @ApiOperation({ summary: 'Stores taking bookings, nearest first when a location is given' })
  stores(@Query() q: StoreQuery): Promise<BookableStore[]> {
    return this.catalog.stores(q.lat, q.lng);
  }

  @Get('services')
  @ApiOperation({ summary: 'Services a store offers' })
  services(@Query() q: ServiceQuery): Promise<BookableService[]> {
    return this.catalog.services(q.storeId);
  }

  @Get('slots')
  @ApiOperation({ summary: 'Free slots of a business day, with the free advisors and seats left' })
  slots(@CurrentPrincipal() who: MemberPrincipal, @Query() q: SlotQueryDto): Promise<SlotsResponse> {
    return this.catalog.slots(who.memberId, q.storeId, q.serviceId, q.date, q.advisorId);
  }

  @Post()
  @ApiOperation({ summary: 'Book a slot; 409 APPOINTMENT_SLOT_TAKEN carries the fresh slots when someone was faster' })
  book(@CurrentPrincipal() who: MemberPrincipal, @Body() dto: CreateBookingDto): Promise<BookingView> {
    return this.bookings.book(who.memberId, dto);
  }

  @Get('mine')
  @ApiOperation({ summary: 'My bookings, upcoming first' })
  mine(@CurrentPrincipal() who: MemberPrincipal): Promise<BookingView[]> {
    return this.bookings.mine(who.memberId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of my bookings, with its check-in code' })
  async one(@CurrentPrincipal() who: MemberPrincipal, @Param('id', uuid) id: string): Promise<BookingView> {
    await this.bookings.own(who.memberId, id);
    return this.bookings.view(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel before the cut-off' })
  cancel(@CurrentPrincipal() who: MemberPrincipal, @Param('id', uuid) id: string): Promise<BookingView> {
    return this.bookings.cancelByMember(who.memberId, id);
  }

  @Post(':id/reschedule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move to another slot of the same service and store, before the cut-off' })
  reschedule(@CurrentPrincipal() who: MemberPrincipal, @Param('id', uuid) id: string, @Body() dto: RescheduleBookingDto): Promise<BookingView> {
    return this.bookings.reschedule(who.memberId, id, dto.startsAt, dto.advisorId);
  }

  @Post(':id/feedback')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rate a completed visit' })
  feedback(@CurrentPrincipal() who: MemberPrincipal, @Param('id', uuid) id: string, @Body() dto: BookingFeedbackDto): Promise<BookingView> {
    return this.bookings.feedback(who.memberId, id, dto.rating, dto.comment);
  }
}
