import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { businessClock, businessDate } from '@glow/domain';
import { DataSource } from 'typeorm';
import { JobRunner } from '../../platform/jobs/job-runner';
import { NotificationService } from '../notification/notification.service';
import { StaffBookingService } from './staff-booking.service';

/** WeChat's `thing` fields take at most 20 characters. */
const thing = (s: string) => (s.length > 20 ? `${s.slice(0, 19)}…` : s);

/** Scheduled work of the appointment module: no-shows after the grace period, and reminders before the visit. */
@Injectable()
export class AppointmentJobs implements OnModuleInit {
  static readonly NO_SHOWS = 'appointment-no-shows';
  static readonly REMINDERS = 'appointment-reminders';

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobRunner,
    private readonly staffBookings: StaffBookingService,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(AppointmentJobs.NO_SHOWS, () => this.noShows());
    this.jobs.register(AppointmentJobs.REMINDERS, () => this.reminders());
  }

  @Cron('0 */10 * * * *', { name: AppointmentJobs.NO_SHOWS })
  async everyTenMinutes(): Promise<void> {
    await this.jobs.run(AppointmentJobs.NO_SHOWS);
    await this.jobs.run(AppointmentJobs.REMINDERS);
  }

  async noShows(): Promise<{ marked: number }> {
    const [policy] = await this.db.query<{ no_show_grace_min: number }[]>(`SELECT no_show_grace_min FROM appointment_policy WHERE id = 1`);
    return { marked: await this.staffBookings.markNoShows({ graceMin: policy?.no_show_grace_min ?? 30 }) };
  }

  /**
   * Queues the booking reminder for members who accepted it, N hours before. Each booking is claimed by a
   * conditional update first, so two instances never queue the same reminder; the notification outbox sends it
   * with the credit the member gave when booking, and retries if WeChat fails.
   */
  async reminders(): Promise<{ queued: number }> {
    const [policy] = await this.db.query<{ reminder_hours_before: number }[]>(`SELECT reminder_hours_before FROM appointment_policy WHERE id = 1`);
    const due = await this.db.query<{ id: string; member_id: string; starts_at: Date; service: string; store: string }[]>(
      `WITH claimed AS (
         UPDATE booking SET reminder_sent_at = now()
          WHERE status = 'booked' AND reminder_opt_in AND reminder_sent_at IS NULL
            AND starts_at > now() AND starts_at <= now() + make_interval(hours => $1)
          RETURNING id, member_id, starts_at, service_id, store_id)
       SELECT c.id, c.member_id, c.starts_at, s.name AS service, st.name AS store
         FROM claimed c JOIN appointment_service s ON s.id = c.service_id JOIN store st ON st.id = c.store_id`,
      [policy?.reminder_hours_before ?? 24],
    );
    let queued = 0;
    for (const b of due) {
      const startsAt = new Date(b.starts_at);
      const id = await this.notifications.enqueue({
        memberId: b.member_id,
        template: 'booking-reminder',
        page: `pages/booking-detail/index?id=${b.id}`,
        data: { thing1: thing(b.service), time2: `${businessDate(startsAt)} ${businessClock(startsAt)}`, thing3: thing(b.store), thing4: '请提前 10 分钟到店，出示签到码' },
        key: `booking-reminder:${b.id}`,
        source: 'booking-reminder',
      });
      if (id) queued++;
    }
    return { queued };
  }
}
