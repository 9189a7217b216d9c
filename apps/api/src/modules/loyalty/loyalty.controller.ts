import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ErrorCode,
  type MemberCodeResponse,
  type MemberRewardView,
  type Paged,
  PointsHistoryQuery,
  type PointsEntryView,
  type PointsSummary,
  RedeemRewardDto,
  type RedemptionView,
  type TierView,
} from '@glow/contracts';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../../platform/auth/auth.decorators';
import type { MemberPrincipal } from '../../platform/auth/principal';
import { LoyaltyException } from './loyalty.exception';
import { LoyaltyService } from './loyalty.service';
import { MemberCodeService } from './member-code.service';
import { RewardService } from './reward.service';

const rewardId = new ParseUUIDPipe({ exceptionFactory: () => new LoyaltyException(ErrorCode.RewardNotFound) });
const redemptionId = new ParseUUIDPipe({ exceptionFactory: () => new LoyaltyException(ErrorCode.RedemptionNotFound) });

@ApiTags('loyalty')
@ApiBearerAuth()
@Roles('member')
@Controller('loyalty')
export class LoyaltyController {
  constructor(
    private readonly loyalty: LoyaltyService,
    private readonly codes: MemberCodeService,
    private readonly rewards: RewardService,
  ) {}

  @Get('member-code')
  @ApiOperation({ summary: 'A fresh member code for the till: valid 5 minutes (also offline), ask again after 60 s' })
  memberCode(@CurrentPrincipal() who: MemberPrincipal): Promise<MemberCodeResponse> {
    return this.codes.issue(who.memberId);
  }

  @Get('summary')
  @ApiOperation({ summary: 'Balance, pending points, debt, points expiring soon, tier and progress (grants due one-off bonuses first)' })
  summary(@CurrentPrincipal() who: MemberPrincipal): Promise<PointsSummary> {
    return this.loyalty.summary(who.memberId);
  }

  @Get('points/history')
  @ApiOperation({ summary: 'My points history, newest first, with a readable label and reason per change' })
  history(@CurrentPrincipal() who: MemberPrincipal, @Query() q: PointsHistoryQuery): Promise<Paged<PointsEntryView>> {
    return this.loyalty.history(who.memberId, q.page ?? 1, q.pageSize ?? 20);
  }

  @Get('tiers')
  @ApiOperation({ summary: 'The tier ladder and its benefits' })
  async tiers(): Promise<TierView[]> {
    return (await this.loyalty.tierViews()).map((t) => ({ ...t, memberCount: 0 }));
  }

  @Get('rewards')
  @ApiOperation({ summary: 'Points-mall rewards on offer, each with whether I can redeem it now and why not' })
  rewardList(@CurrentPrincipal() who: MemberPrincipal): Promise<MemberRewardView[]> {
    return this.rewards.forMember(who.memberId);
  }

  @Get('rewards/:id')
  @ApiOperation({ summary: 'One reward' })
  reward(@CurrentPrincipal() who: MemberPrincipal, @Param('id', rewardId) id: string): Promise<MemberRewardView> {
    return this.rewards.oneForMember(who.memberId, id);
  }

  @Post('rewards/:id/redeem')
  @ApiOperation({ summary: 'Redeem: stock, per-member limit and points in one transaction; the same key answers the same redemption (200)' })
  async redeem(
    @CurrentPrincipal() who: MemberPrincipal,
    @Param('id', rewardId) id: string,
    @Body() dto: RedeemRewardDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<RedemptionView> {
    const { view, created } = await this.rewards.redeem(who.memberId, id, dto.idempotencyKey);
    res.status(created ? 201 : 200);
    return view;
  }

  @Get('redemptions')
  @ApiOperation({ summary: 'My redemptions, newest first' })
  redemptions(@CurrentPrincipal() who: MemberPrincipal): Promise<RedemptionView[]> {
    return this.rewards.mine(who.memberId);
  }

  @Get('redemptions/:id')
  @HttpCode(200)
  @ApiOperation({ summary: 'One of my redemptions, with its pickup code' })
  redemption(@CurrentPrincipal() who: MemberPrincipal, @Param('id', redemptionId) id: string): Promise<RedemptionView> {
    return this.rewards.mineOne(who.memberId, id);
  }
}
