import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobRunner } from '../../platform/jobs/job-runner';
import { OnlineOrderService } from '../order/online-order.service';
import { OrderService } from '../order/order.service';

/** Unpaid online orders are closed when their time is up (every minute); refunds WeChat did not accept are resent. */
@Injectable()
export class PaymentJobs implements OnModuleInit {
  static readonly CLOSE_UNPAID = 'orders-close-unpaid';
  static readonly RESEND_REFUNDS = 'payment-refunds';

  constructor(
    private readonly jobs: JobRunner,
    private readonly online: OnlineOrderService,
    private readonly orders: OrderService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(PaymentJobs.CLOSE_UNPAID, () => this.online.closeExpired());
    this.jobs.register(PaymentJobs.RESEND_REFUNDS, async () => {
      const pending = await this.orders.pendingRefunds();
      for (const id of pending) await this.orders.sendRefund(id);
      return { resent: pending.length };
    });
  }

  @Cron('0 * * * * *', { name: PaymentJobs.CLOSE_UNPAID })
  async everyMinute(): Promise<void> {
    await this.jobs.run(PaymentJobs.CLOSE_UNPAID);
  }

  @Cron('30 */5 * * * *', { name: PaymentJobs.RESEND_REFUNDS })
  async everyFiveMinutes(): Promise<void> {
    await this.jobs.run(PaymentJobs.RESEND_REFUNDS);
  }
}
