import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobRunner } from '../../platform/jobs/job-runner';
import { NotificationService } from './notification.service';

/** Sends due subscribe messages from the outbox (queued messages are also dispatched right after they are queued). */
@Injectable()
export class NotificationJobs implements OnModuleInit {
  static readonly DISPATCH = 'notifications-dispatch';

  constructor(
    private readonly jobs: JobRunner,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(NotificationJobs.DISPATCH, () => this.notifications.dispatchDue());
  }

  @Cron('*/30 * * * * *', { name: NotificationJobs.DISPATCH })
  async every30s(): Promise<void> {
    await this.jobs.run(NotificationJobs.DISPATCH);
  }
}
