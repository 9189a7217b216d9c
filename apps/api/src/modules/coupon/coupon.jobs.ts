import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { businessDate } from '@glow/domain';
import { AppConfig } from '../../platform/config/app-config';
import { JobRunner } from '../../platform/jobs/job-runner';
import { WechatApiError } from '../../platform/wechat/wechat.exception';
import { WechatClient } from '../../platform/wechat/wechat.client';
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
  private readonly log = new Logger(CouponJobs.name);

  constructor(
    private readonly jobs: JobRunner,
    private readonly coupons: CouponService,
    private readonly wechat: WechatClient,
    private readonly config: AppConfig,
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
   * Each coupon is claimed for its reminder by a conditional update before sending, so two instances or a rerun never
   * remind twice. Sending goes directly to WeChat for now; the campaigns outbox will add retries.
   */
  async expiryReminders(): Promise<{ sent: number; failed: number; skipped: number }> {
    let sent = 0;
    let failed = 0;
    let skipped = 0;
    for (;;) {
      const due = await this.coupons.claimExpiryReminders(EXPIRING_SOON_DAYS);
      if (due.length === 0) break;
      for (const r of due) {
        if (!r.openid) {
          skipped++;
          continue;
        }
        try {
          await this.wechat.sendSubscribeMessage({
            touser: r.openid,
            templateId: this.config.wechatTemplateCouponExpiring,
            page: 'packages/coupon/pages/wallet/index',
            data: { thing1: r.name.slice(0, 20), date2: businessDate(r.validUntil), thing3: '优惠券即将过期，记得使用哦' },
          });
          sent++;
        } catch (e) {
          failed++;
          this.log.warn(`coupon expiry reminder for ${r.memberId} not sent: ${e instanceof WechatApiError ? `${e.errcode} ${e.message}` : String(e)}`);
        }
      }
    }
    return { sent, failed, skipped };
  }
}
