import { NotificationModule } from '../notification/notification.module';
import { Module } from '@nestjs/common';
import { MemberModule } from '../member/member.module';
import { AppointmentCatalogService } from './appointment-catalog.service';
import { AppointmentController } from './appointment.controller';
import { AppointmentDataContributor } from './appointment-data.contributor';
import { AppointmentJobs } from './appointment.jobs';
import { AppointmentSetupService } from './appointment-setup.service';
import { BookingService } from './booking.service';
import { SlotService } from './slot.service';
import { StaffAppointmentController } from './staff-appointment.controller';
import { StaffBookingService } from './staff-booking.service';

/** In-store bookings: services, hours, shifts, free slots, booking without double booking, check-in, reminders. */
@Module({
  imports: [MemberModule, NotificationModule],
  controllers: [AppointmentController, StaffAppointmentController],
  providers: [AppointmentCatalogService, AppointmentSetupService, SlotService, BookingService, StaffBookingService, AppointmentJobs, AppointmentDataContributor],
  exports: [BookingService],
})
export class AppointmentModule {}
