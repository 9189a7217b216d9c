import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AnalyticsQueryDto,
  type CampaignReport,
  type CampaignRunView,
  CampaignStatusDto,
  type CampaignView,
  ErrorCode,
  MetricsSettingsDto,
  type MetricsStatusView,
  SaveCampaignDto,
  SaveSegmentDto,
  SegmentRuleDto,
  type SegmentPreviewView,
  type SegmentView,
  type StoreAnalyticsView,
} from '@glow/contracts';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../../platform/auth/auth.decorators';
import { storeScopeOf, type StaffPrincipal } from '../../platform/auth/principal';
import { AnalyticsService } from './analytics.service';
import { CampaignReportService } from './campaign-report.service';
import { CampaignException } from './campaign.exception';
import { CampaignService } from './campaign.service';
import { MemberMetricsService } from './member-metrics.service';
import { SegmentService } from './segment.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const segmentId = new ParseUUIDPipe({ exceptionFactory: () => new CampaignException(ErrorCode.SegmentNotFound) });
const campaignId = new ParseUUIDPipe({ exceptionFactory: () => new CampaignException(ErrorCode.CampaignNotFound) });

async function sendXlsx(reply: FastifyReply, body: Buffer, asciiName: string, name: string): Promise<void> {
  await reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('cache-control', 'no-store')
    .send(body);
}

@ApiTags('campaigns')
@ApiBearerAuth()
@Roles('marketer', 'admin')
@Controller('staff')
export class CampaignController {
  constructor(
    private readonly segments: SegmentService,
    private readonly campaigns: CampaignService,
    private readonly reports: CampaignReportService,
    private readonly metrics: MemberMetricsService,
    private readonly analytics: AnalyticsService,
  ) {}

  // --- segments ---

  @Post('segments/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Live audience count, a sample of 10 and the rule in Chinese, for a rule being edited' })
  preview(@Body() dto: SegmentRuleDto): Promise<SegmentPreviewView> {
    return this.segments.preview(dto.rule);
  }

  @Get('segments')
  @ApiOperation({ summary: 'Saved segments with their last count and the campaigns using them' })
  listSegments(): Promise<SegmentView[]> {
    return this.segments.list();
  }

  @Post('segments')
  @ApiOperation({ summary: 'Save a segment (the rule is validated and counted)' })
  createSegment(@CurrentPrincipal() who: StaffPrincipal, @Body() dto: SaveSegmentDto): Promise<SegmentView> {
    return this.segments.create(dto, who.staffId);
  }

  @Get('segments/:id')
  @ApiOperation({ summary: 'A segment' })
  getSegment(@Param('id', segmentId) id: string): Promise<SegmentView> {
    return this.segments.get(id);
  }

  @Put('segments/:id')
  @ApiOperation({ summary: 'Change a segment (recounted); campaigns that use it read the new rule at their next run' })
  updateSegment(@Param('id', segmentId) id: string, @Body() dto: SaveSegmentDto): Promise<SegmentView> {
    return this.segments.update(id, dto);
  }

  @Delete('segments/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a segment no campaign uses (409 SEGMENT_IN_USE otherwise)' })
  async deleteSegment(@Param('id', segmentId) id: string): Promise<void> {
    await this.segments.remove(id);
  }

  // --- campaigns ---

  @Get('campaigns')
  @ApiOperation({ summary: 'Campaigns with their last run and budget spent' })
  listCampaigns(): Promise<CampaignView[]> {
    return this.campaigns.list();
  }

  @Post('campaigns')
  @ApiOperation({ summary: 'Create a campaign (draft)' })
  createCampaign(@CurrentPrincipal() who: StaffPrincipal, @Body() dto: SaveCampaignDto): Promise<CampaignView> {
    return this.campaigns.create(dto, who.staffId);
  }

  @Get('campaigns/:id')
  @ApiOperation({ summary: 'A campaign' })
  getCampaign(@Param('id', campaignId) id: string): Promise<CampaignView> {
    return this.campaigns.get(id);
  }

  @Put('campaigns/:id')
  @ApiOperation({ summary: 'Change a campaign: a draft freely, a launched one only its name, budgets and end (409 CAMPAIGN_LOCKED)' })
  updateCampaign(@Param('id', campaignId) id: string, @Body() dto: SaveCampaignDto): Promise<CampaignView> {
    return this.campaigns.update(id, dto);
  }

  @Delete('campaigns/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft campaign' })
  async deleteCampaign(@Param('id', campaignId) id: string): Promise<void> {
    await this.campaigns.remove(id);
  }

  @Post('campaigns/:id/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Launch, pause, resume or end a campaign (compare-and-set; 409 when the status does not allow it)' })
  changeStatus(@Param('id', campaignId) id: string, @Body() dto: CampaignStatusDto): Promise<CampaignView> {
    return this.campaigns.changeStatus(id, dto.action);
  }

  @Get('campaigns/:id/runs')
  @ApiOperation({ summary: 'A campaign’s runs (one per occurrence), newest first' })
  runs(@Param('id', campaignId) id: string): Promise<CampaignRunView[]> {
    return this.campaigns.runs(id);
  }

  @Get('campaigns/:id/report')
  @ApiOperation({ summary: 'Funnel, rates, attributed sales against the holdout, cost, ROI and the daily series' })
  report(@Param('id', campaignId) id: string): Promise<CampaignReport> {
    return this.reports.report(id);
  }

  @Get('campaigns/:id/report/export')
  @ApiOperation({ summary: 'The campaign report as Excel (.xlsx)' })
  async exportReport(@Param('id', campaignId) id: string, @Res() reply: FastifyReply): Promise<void> {
    const report = await this.reports.report(id);
    await sendXlsx(reply, await this.analytics.campaignWorkbook(report), 'campaign-report.xlsx', `活动数据-${report.campaign.name}.xlsx`);
  }

  // --- member metrics ---

  @Get('member-metrics')
  @ApiOperation({ summary: 'RFM / ABC / lifecycle bands and the current distribution' })
  metricsStatus(): Promise<MetricsStatusView> {
    return this.metrics.status();
  }

  @Put('member-metrics')
  @ApiOperation({ summary: 'Change the bands (validated) and rescore every member' })
  saveMetrics(@Body() dto: MetricsSettingsDto): Promise<MetricsStatusView> {
    return this.metrics.saveSettings(dto.settings);
  }

  // --- store-wide analytics ---

  @Roles('marketer', 'admin', 'store_manager')
  @Get('analytics')
  @ApiOperation({ summary: 'Store-wide analytics for a date range (a store manager sees their own store)' })
  overview(@CurrentPrincipal() who: StaffPrincipal, @Query() q: AnalyticsQueryDto): Promise<StoreAnalyticsView> {
    return this.analytics.overview(q, storeScopeOf(who));
  }

  @Roles('marketer', 'admin', 'store_manager')
  @Get('analytics/export')
  @ApiOperation({ summary: 'The same analytics as Excel (.xlsx)' })
  async exportAnalytics(@CurrentPrincipal() who: StaffPrincipal, @Query() q: AnalyticsQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const view = await this.analytics.overview(q, storeScopeOf(who));
    await sendXlsx(reply, await this.analytics.workbook(view), 'analytics.xlsx', `数据分析-${q.from}-${q.to}.xlsx`);
  }
}
