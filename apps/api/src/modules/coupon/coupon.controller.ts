import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type ClaimCenterItem,
  ClaimCouponDto,
  type CouponQuote,
  CouponQuoteDto,
  ErrorCode,
  type MemberCouponView,
  type WalletCounts,
  WalletQuery,
} from '@glow/contracts';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../../platform/auth/auth.decorators';
import type { MemberPrincipal } from '../../platform/auth/principal';
import { CouponException } from './coupon.exception';
import { CouponService } from './coupon.service';

const templateId = new ParseUUIDPipe({ exceptionFactory: () => new CouponException(ErrorCode.CouponTemplateNotFound) });
const couponId = new ParseUUIDPipe({ exceptionFactory: () => new CouponException(ErrorCode.CouponNotFound) });

@ApiTags('coupons')
@ApiBearerAuth()
@Roles('member')
@Controller('coupons')
export class CouponController {
  constructor(private readonly coupons: CouponService) {}

  @Get('claim-center')
  @ApiOperation({ summary: 'Coupons I can claim now, with stock left and how many I already claimed' })
  claimCenter(@CurrentPrincipal() who: MemberPrincipal): Promise<ClaimCenterItem[]> {
    return this.coupons.claimCenter(who.memberId);
  }

  @Post('claim-center/:templateId/claim')
  @ApiOperation({ summary: 'Claim one coupon: stock and my per-member limit are taken atomically; the same key answers the same coupon (200)' })
  async claim(
    @CurrentPrincipal() who: MemberPrincipal,
    @Param('templateId', templateId) id: string,
    @Body() dto: ClaimCouponDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<MemberCouponView> {
    const { view, created } = await this.coupons.claim(who.memberId, id, dto.idempotencyKey);
    res.status(created ? 201 : 200);
    return view;
  }

  @Get('mine')
  @ApiOperation({ summary: 'My wallet by tab: available (incl. held for an unpaid order), used, expired (incl. revoked)' })
  mine(@CurrentPrincipal() who: MemberPrincipal, @Query() q: WalletQuery): Promise<MemberCouponView[]> {
    return this.coupons.wallet(who.memberId, q.tab);
  }

  @Get('mine/counts')
  @ApiOperation({ summary: 'How many coupons each wallet tab holds' })
  counts(@CurrentPrincipal() who: MemberPrincipal): Promise<WalletCounts> {
    return this.coupons.counts(who.memberId);
  }

  @Get('mine/:id')
  @ApiOperation({ summary: 'One of my coupons with its rules and the code to show in store' })
  one(@CurrentPrincipal() who: MemberPrincipal, @Param('id', couponId) id: string): Promise<MemberCouponView> {
    return this.coupons.mine(who.memberId, id);
  }

  @Post('quote')
  @HttpCode(200)
  @ApiOperation({ summary: 'Price a cart with my coupons: each coupon’s outcome and reason, the best combination, and the picked (or best) one applied' })
  quote(@CurrentPrincipal() who: MemberPrincipal, @Body() dto: CouponQuoteDto): Promise<CouponQuote> {
    return this.coupons.quote(who.memberId, dto);
  }
}
