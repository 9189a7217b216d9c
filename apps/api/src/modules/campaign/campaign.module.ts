import { Module } from '@nestjs/common';
import { CouponModule } from '../coupon/coupon.module';
import { MemberModule } from '../member/member.module';
import { NotificationModule } from '../notification/notification.module';
import { ServiceModule } from '../service/service.module';
import { AnalyticsService } from './analytics.service';
import { CampaignController } from './campaign.controller';
import { CampaignDataContributor } from './campaign-data.contributor';
import { CampaignJobs } from './campaign.jobs';
import { CampaignJourneys } from './campaign-journeys';
import { CampaignReportService } from './campaign-report.service';
import { CampaignRunner } from './campaign-runner';
import { CampaignService } from './campaign.service';
import { MemberMetricsService } from './member-metrics.service';
import { SegmentService } from './segment.service';

/** Segments, member metrics, campaigns (one-off and journeys) with their runs, and the marketing analytics. */
@Module({
  imports: [MemberModule, CouponModule, NotificationModule, ServiceModule],
  controllers: [CampaignController],
  providers: [
    SegmentService,
    MemberMetricsService,
    CampaignService,
    CampaignRunner,
    CampaignJourneys,
    CampaignReportService,
    AnalyticsService,
    CampaignJobs,
    CampaignDataContributor,
  ],
})
export class CampaignModule {}
