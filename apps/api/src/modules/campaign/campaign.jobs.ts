import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { JobRunner } from '../../platform/jobs/job-runner';
import { AnalyticsService } from './analytics.service';
import { CampaignJourneys } from './campaign-journeys';
import { CampaignService } from './campaign.service';
import { MemberMetricsService } from './member-metrics.service';

/**
 * Scheduled campaign work, each run once across instances (advisory lock): member metrics nightly, the analytics
 * rollup hourly, journeys hourly, and scheduled one-off campaigns every minute.
 */
@Injectable()
export class CampaignJobs implements OnModuleInit {
  static readonly METRICS = 'member-metrics';
  static readonly ANALYTICS = 'analytics-refresh';
  static readonly JOURNEYS = 'campaign-journeys';
  static readonly SCHEDULED = 'campaigns-scheduled';

  constructor(
    private readonly jobs: JobRunner,
    private readonly metrics: MemberMetricsService,
    private readonly analytics: AnalyticsService,
    private readonly journeys: CampaignJourneys,
    private readonly campaigns: CampaignService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(CampaignJobs.METRICS, () => this.metrics.compute());
    this.jobs.register(CampaignJobs.ANALYTICS, () => this.analytics.refresh());
    this.jobs.register(CampaignJobs.JOURNEYS, () => this.journeys.runDue());
    this.jobs.register(CampaignJobs.SCHEDULED, () => this.campaigns.startScheduled());
  }

  @Cron('0 30 2 * * *', { name: CampaignJobs.METRICS, timeZone: 'Asia/Shanghai' })
  async nightly(): Promise<void> {
    await this.jobs.run(CampaignJobs.METRICS);
  }

  @Cron('0 50 * * * *', { name: CampaignJobs.ANALYTICS })
  async hourlyRollup(): Promise<void> {
    await this.jobs.run(CampaignJobs.ANALYTICS);
  }

  @Cron('0 5 * * * *', { name: CampaignJobs.JOURNEYS })
  async hourlyJourneys(): Promise<void> {
    await this.jobs.run(CampaignJobs.JOURNEYS);
  }

  @Cron('0 * * * * *', { name: CampaignJobs.SCHEDULED })
  async everyMinute(): Promise<void> {
    await this.jobs.run(CampaignJobs.SCHEDULED);
  }
}
