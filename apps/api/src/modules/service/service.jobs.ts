import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobRunner } from '../../platform/jobs/job-runner';
import { ChatBot } from './chat-bot';
import { ChatRouter } from './chat-router';
import { FollowUpTaskService } from './follow-up-task.service';
import { TicketService } from './ticket.service';

/**
 * Scheduled service work, each run once across instances: the bot's delayed answers and the queue drain every
 * 10 s (assignment also happens at once on every message; this catches advisors who came online elsewhere), ticket
 * escalation every 5 minutes, and the routine follow-up tasks (3-3-3, birthdays, dormant, post-visit) daily.
 */
@Injectable()
export class ServiceJobs implements OnModuleInit {
  static readonly CHAT = 'chat-bot';
  static readonly ESCALATION = 'ticket-escalation';
  static readonly TASKS = 'service-tasks';

  constructor(
    private readonly jobs: JobRunner,
    private readonly bot: ChatBot,
    private readonly router: ChatRouter,
    private readonly tickets: TicketService,
    private readonly tasks: FollowUpTaskService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(ServiceJobs.CHAT, async () => {
      const assigned = await this.router.drainQueue();
      const { answered, checked } = await this.bot.runDue();
      return { assigned, answered, checked };
    });
    this.jobs.register(ServiceJobs.ESCALATION, () => this.tickets.escalate());
    this.jobs.register(ServiceJobs.TASKS, () => this.tasks.generate());
  }

  @Cron('*/10 * * * * *', { name: ServiceJobs.CHAT })
  async chat(): Promise<void> {
    await this.jobs.run(ServiceJobs.CHAT);
  }

  @Cron('0 */5 * * * *', { name: ServiceJobs.ESCALATION })
  async escalation(): Promise<void> {
    await this.jobs.run(ServiceJobs.ESCALATION);
  }

  @Cron('0 10 7 * * *', { name: ServiceJobs.TASKS, timeZone: 'Asia/Shanghai' })
  async daily(): Promise<void> {
    await this.jobs.run(ServiceJobs.TASKS);
  }
}
