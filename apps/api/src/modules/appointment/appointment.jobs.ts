import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { businessClock, businessDate } from '@glow/domain';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../platform/config/app-config';
import { JobRunner } from '../../platform/jobs/job-runner';
import { WechatApiError } from '../../platform/wechat/wechat.exception';
import { WechatClient } from '../../platform/wechat/wechat.client';
import { StaffBookingService } from './staff-booking.service';

/** WeChat's `thing` fields take at most 20 characters. */
const thing = (s: string) => (s.length > 20 ? `${s.slice(0, 19)}…` : s);

/** Scheduled work of the appointment module: no-shows after the grace period, and reminders before the visit. */
@Injectable()
export class AppointmentJobs implements OnModuleInit {
  static readonly NO_SHOWS = 'appointment-no-shows';
  static readonly REMINDERS = 'appointment-reminders';
  private readonly log = new Logger(AppointmentJobs.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobRunner,
    private readonly staffBookings: StaffBookingService,
    private readonly wechat: WechatClient,
    private readonly config: AppConfig,
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
   * Sends the booking reminder to members who accepted it, N hours before. Each booking is claimed by a conditional
   * update before sending, so two instances never send the same reminder; the outbox with retries arrives with
   * the notification module.
   */
  async reminders(): Promise<{ sent: number; failed: number }> {
    const [policy] = await this.db.query<{ reminder_hours_before: number }[]>(`SELECT reminder_hours_before FROM appointment_policy WHERE id = 1`);
    const due = await this.db.query<{ id: string; openid: string | null; starts_at: Date; service: string; store: string }[]>(
      `WITH claimed AS (
         UPDATE booking SET reminder_sent_at = now()
          WHERE status = 'booked' AND reminder_opt_in AND reminder_sent_at IS NULL
            AND starts_at > now() AND starts_at <= now() + make_interval(hours => $1)
          RETURNING id, member_id, starts_at, service_id, store_id)
       SELECT c.id, c.starts_at, s.name AS service, st.name AS store,
              (SELECT w.openid FROM member_wechat w WHERE w.member_id = c.member_id ORDER BY w.last_login_at DESC NULLS LAST LIMIT 1) AS openid
         FROM claimed c JOIN appointment_service s ON s.id = c.service_id JOIN store st ON st.id = c.store_id`,
      [policy?.reminder_hours_before ?? 24],
    );
    let sent = 0;
    let failed = 0;
    for (const b of due) {
      if (!b.openid) continue;
      const startsAt = new Date(b.starts_at);
      try {
        await this.wechat.sendSubscribeMessage({
          touser: b.openid,
          templateId: this.config.wechatTemplateBookingReminder,
          page: `pages/booking-detail/index?id=${b.id}`,
          data: { thing1: thing(b.service), time2: `${businessDate(startsAt)} ${businessClock(startsAt)}`, thing3: thing(b.store), thing4: '请提前 10 分钟到店，出示签到码' },
        });
        sent++;
      } catch (e) {
        failed++;
        this.log.warn(`booking reminder ${b.id} not sent: ${e instanceof WechatApiError ? `${e.errcode} ${e.message}` : String(e)}`);
      }
    }
    return { sent, failed };
  }
}
