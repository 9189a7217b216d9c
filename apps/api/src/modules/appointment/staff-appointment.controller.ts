import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AdvisorScheduleView,
  AppointmentPolicyDto,
  type AppointmentPolicyView,
  type BookingView,
  CheckInDto,
  CompleteBookingDto,
  ErrorCode,
  SaveAdvisorScheduleDto,
  SaveServiceDto,
  SaveStoreScheduleDto,
  type ServiceAdminView,
  ServiceQuery,
  StaffBookingQuery,
  type StoreScheduleView,
} from '@glow/contracts';
import { ALL_STAFF, CurrentPrincipal, Roles } from '../../platform/auth/auth.decorators';
import { type StaffPrincipal, storeScopeOf } from '../../platform/auth/principal';
import { AppointmentSetupService } from './appointment-setup.service';
import { AppointmentException } from './appointment.exception';
import { StaffBookingService } from './staff-booking.service';

const bookingId = new ParseUUIDPipe({ exceptionFactory: () => new AppointmentException(ErrorCode.BookingNotFound) });
const serviceId = new ParseUUIDPipe({ exceptionFactory: () => new AppointmentException(ErrorCode.ServiceNotFound) });
const storeId = new ParseUUIDPipe({ exceptionFactory: () => new AppointmentException(ErrorCode.StoreNotFound) });
const advisorId = new ParseUUIDPipe({ exceptionFactory: () => new AppointmentException(ErrorCode.AdvisorNotFound) });

@ApiTags('staff')
@ApiBearerAuth()
@Roles(...ALL_STAFF)
@Controller('staff')
export class StaffAppointmentController {
  constructor(
    private readonly bookings: StaffBookingService,
    private readonly setup: AppointmentSetupService,
  ) {}

  @Get('appointments')
  @ApiOperation({ summary: 'Bookings in a date range (at most 31 days) for the calendar; store staff see their store' })
  list(@CurrentPrincipal() who: StaffPrincipal, @Query() q: StaffBookingQuery): Promise<BookingView[]> {
    return this.bookings.list(who, q);
  }

  @Roles('advisor', 'store_manager', 'admin')
  @Post('appointments/check-in')
  @HttpCode(200)
  @ApiOperation({ summary: "Check a member in with their booking's 6-digit code" })
  checkIn(@CurrentPrincipal() who: StaffPrincipal, @Body() dto: CheckInDto): Promise<BookingView> {
    return this.bookings.checkIn(who, dto.code, dto.storeId);
  }

  @Roles('advisor', 'store_manager', 'admin')
  @Post('appointments/:id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete a visit with the products tried and skin observations (shown on the portrait)' })
  complete(@CurrentPrincipal() who: StaffPrincipal, @Param('id', bookingId) id: string, @Body() dto: CompleteBookingDto): Promise<BookingView> {
    return this.bookings.complete(who, id, dto);
  }

  @Roles('advisor', 'store_manager', 'admin')
  @Post('appointments/:id/no-show')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a booking whose time has passed as a no-show' })
  noShow(@CurrentPrincipal() who: StaffPrincipal, @Param('id', bookingId) id: string): Promise<BookingView> {
    return this.bookings.noShow(who, id);
  }

  @Roles('advisor', 'store_manager', 'admin')
  @Post('appointments/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: "Cancel a booking on the member's behalf" })
  cancel(@CurrentPrincipal() who: StaffPrincipal, @Param('id', bookingId) id: string): Promise<BookingView> {
    return this.bookings.cancel(who, id);
  }

  @Get('appointment-policy')
  @ApiOperation({ summary: 'Brand-wide booking rules: no-show grace and pause, reminder lead time' })
  policy(): Promise<AppointmentPolicyView> {
    return this.setup.policy();
  }

  @Roles('admin')
  @Put('appointment-policy')
  @ApiOperation({ summary: 'Change the booking rules (admins)' })
  savePolicy(@CurrentPrincipal() who: StaffPrincipal, @Body() dto: AppointmentPolicyDto): Promise<AppointmentPolicyView> {
    return this.setup.savePolicy(who, dto);
  }

  @Get('services')
  @ApiOperation({ summary: 'Bookable services (all, or those a store offers)' })
  services(@Query() q: Partial<ServiceQuery>): Promise<ServiceAdminView[]> {
    return this.setup.services(q.storeId);
  }

  @Roles('store_manager', 'admin')
  @Post('services')
  @ApiOperation({ summary: 'Create a service' })
  createService(@CurrentPrincipal() who: StaffPrincipal, @Body() dto: SaveServiceDto): Promise<ServiceAdminView> {
    return this.setup.createService(who, dto);
  }

  @Roles('store_manager', 'admin')
  @Put('services/:id')
  @ApiOperation({ summary: 'Edit a service; a store manager only changes whether their store offers it' })
  updateService(@CurrentPrincipal() who: StaffPrincipal, @Param('id', serviceId) id: string, @Body() dto: SaveServiceDto): Promise<ServiceAdminView> {
    return this.setup.updateService(who, id, dto);
  }

  @Get('stores/:id/schedule')
  @ApiOperation({ summary: "A store's opening hours, special days and location" })
  storeSchedule(@Param('id', storeId) id: string): Promise<StoreScheduleView> {
    return this.setup.storeSchedule(id);
  }

  @Roles('store_manager', 'admin')
  @Put('stores/:id/schedule')
  @ApiOperation({ summary: "Replace a store's opening hours and special days" })
  saveStoreSchedule(@CurrentPrincipal() who: StaffPrincipal, @Param('id', storeId) id: string, @Body() dto: SaveStoreScheduleDto): Promise<StoreScheduleView> {
    return this.setup.saveStoreSchedule(who, id, dto);
  }

  @Get('advisor-schedules')
  @ApiOperation({ summary: "Advisors' weekly shifts, exceptions and skills at a store" })
  advisorSchedules(@CurrentPrincipal() who: StaffPrincipal, @Query() q: ServiceQuery): Promise<AdvisorScheduleView[]> {
    const scope = storeScopeOf(who);
    if (scope && scope !== q.storeId) throw new AppointmentException(ErrorCode.OutOfScope);
    return this.setup.advisorSchedules(q.storeId);
  }

  @Roles('store_manager', 'admin')
  @Put('advisor-schedules/:advisorId')
  @ApiOperation({ summary: "Replace an advisor's weekly shifts, exceptions and skills" })
  saveAdvisorSchedule(@CurrentPrincipal() who: StaffPrincipal, @Param('advisorId', advisorId) id: string, @Body() dto: SaveAdvisorScheduleDto): Promise<AdvisorScheduleView> {
    return this.setup.saveAdvisorSchedule(who, id, dto);
  }
}
