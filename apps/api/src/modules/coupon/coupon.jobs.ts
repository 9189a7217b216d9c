import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { businessDate } from '@glow/domain';
import { JobRunner } from '../../platform/jobs/job-runner';
import { NotificationService } from '../notification/notification.service';
import { EXPIRING_SOON_DAYS } from './coupon-rows';
import { CouponService } from './coupon.service';

/**
 * Scheduled coupon work: coupons whose validity ended expire (hourly), and members hear about coupons expiring in
 * the next days once each (10:00 Asia/Shanghai), by the `glow-coupon-expiring` subscribe message.
 */
@Injectable()
export class CouponJobs implements OnModuleInit {
  static readonly EXPIRE = 'coupons-expire';
  static readonly EXPIRY_REMINDERS = 'coupon-expiry-reminders';

  constructor(
    private readonly jobs: JobRunner,
    private readonly coupons: CouponService,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(CouponJobs.EXPIRE, async () => ({ expired: await this.coupons.expireDue() }));
    this.jobs.register(CouponJobs.EXPIRY_REMINDERS, () => this.expiryReminders());
  }

  @Cron('0 15 * * * *', { name: CouponJobs.EXPIRE })
  async hourly(): Promise<void> {
    await this.jobs.run(CouponJobs.EXPIRE);
  }

  @Cron('0 5 10 * * *', { name: CouponJobs.EXPIRY_REMINDERS, timeZone: 'Asia/Shanghai' })
  async daily(): Promise<void> {
    await this.jobs.run(CouponJobs.EXPIRY_REMINDERS);
  }

  /**
   * Each coupon is claimed for its reminder by a conditional update, so two instances or a rerun never remind twice;
   * the message goes through the notification outbox (sent only with the member's credit, retried on failure).
   */
  async expiryReminders(): Promise<{ queued: number }> {
    let queued = 0;
    for (;;) {
      const due = await this.coupons.claimExpiryReminders(EXPIRING_SOON_DAYS);
      if (due.length === 0) break;
      for (const r of due) {
        const id = await this.notifications.enqueue({
          memberId: r.memberId,
          template: 'coupon-expiring',
          page: 'packages/coupon/pages/wallet/index',
          data: { thing1: r.name.slice(0, 20), date2: businessDate(r.validUntil), thing3: '优惠券即将过期，记得使用哦' },
          key: `coupon-expiring:${r.code}`,
          source: 'coupon-expiry',
        });
        if (id) queued++;
      }
    }
    return { queued };
  }
}
