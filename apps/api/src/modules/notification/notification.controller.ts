import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type OutboxItemView, OutboxQueryDto, SubscribeReportDto, type SubscriptionView } from '@glow/contracts';
import { CurrentPrincipal, Roles } from '../../platform/auth/auth.decorators';
import type { MemberPrincipal } from '../../platform/auth/principal';
import { NotificationService } from './notification.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @Roles('member')
  @Get('me/subscriptions')
  @ApiOperation({ summary: 'My subscribe-message credits per template (each accept allows one message)' })
  mine(@CurrentPrincipal() who: MemberPrincipal): Promise<SubscriptionView[]> {
    return this.notifications.subscriptions(who.memberId);
  }

  @Roles('member')
  @Post('me/subscriptions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Report what wx.requestSubscribeMessage answered; every accept is one credit' })
  report(@CurrentPrincipal() who: MemberPrincipal, @Body() dto: SubscribeReportDto): Promise<SubscriptionView[]> {
    return this.notifications.report(who.memberId, dto.results);
  }

  @Roles('admin', 'marketer')
  @Get('staff/notifications/outbox')
  @ApiOperation({ summary: 'Queued and sent subscribe messages, newest first (at most 200)' })
  outbox(@Query() q: OutboxQueryDto): Promise<OutboxItemView[]> {
    return this.notifications.outbox(q);
  }
}
