import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type CouponAtTill,
  type CouponFace,
  CouponTemplateQuery,
  CouponTemplateStatusDto,
  type CouponTemplateView,
  ErrorCode,
  IssueCouponDto,
  type MemberCouponView,
  type Paged,
  RedeemCouponDto,
  ResolveCouponDto,
  RevokeCouponDto,
  SaveCouponTemplateDto,
} from '@glow/contracts';
import type { FastifyReply } from 'fastify';
import { ALL_STAFF, CurrentPrincipal, Roles } from '../../platform/auth/auth.decorators';
import type { StaffPrincipal } from '../../platform/auth/principal';
import { StaffMemberService } from '../member/staff-member.service';
import { CouponTemplateService } from './coupon-template.service';
import { CouponException } from './coupon.exception';
import { CouponService } from './coupon.service';

const templateId = new ParseUUIDPipe({ exceptionFactory: () => new CouponException(ErrorCode.CouponTemplateNotFound) });
const couponId = new ParseUUIDPipe({ exceptionFactory: () => new CouponException(ErrorCode.CouponNotFound) });
const memberId = new ParseUUIDPipe({ exceptionFactory: () => new CouponException(ErrorCode.MemberNotFound) });

@ApiTags('coupons')
@ApiBearerAuth()
@Controller('staff')
export class StaffCouponController {
  constructor(
    private readonly templates: CouponTemplateService,
    private readonly coupons: CouponService,
    private readonly members: StaffMemberService,
  ) {}

  @Roles(...ALL_STAFF)
  @Get('coupon-templates')
  @ApiOperation({ summary: 'Coupon templates with live counters (issued, claimed, redeemed, expired, held, revoked, stock left)' })
  list(@Query() q: CouponTemplateQuery): Promise<Paged<CouponTemplateView>> {
    return this.templates.list(q);
  }

  @Roles('marketer', 'admin')
  @Post('coupon-templates/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'What the member will see of a template being edited; refuses what saving would refuse' })
  preview(@Body() dto: SaveCouponTemplateDto): Promise<CouponFace> {
    return this.templates.preview(dto);
  }

  @Roles('marketer', 'admin')
  @Post('coupon-templates')
  @ApiOperation({ summary: 'Create a coupon template (a draft)' })
  create(@Body() dto: SaveCouponTemplateDto): Promise<CouponTemplateView> {
    return this.templates.create(dto);
  }

  @Roles(...ALL_STAFF)
  @Get('coupon-templates/:id')
  @ApiOperation({ summary: 'One coupon template with its counters' })
  one(@Param('id', templateId) id: string): Promise<CouponTemplateView> {
    return this.templates.get(id);
  }

  @Roles('marketer', 'admin')
  @Put('coupon-templates/:id')
  @ApiOperation({ summary: 'Save a template: drafts freely; live ones only name, description, stock (≥ issued), cost and a later end; ended ones not at all' })
  update(@Param('id', templateId) id: string, @Body() dto: SaveCouponTemplateDto): Promise<CouponTemplateView> {
    return this.templates.update(id, dto);
  }

  @Roles('marketer', 'admin')
  @Post('coupon-templates/:id/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish (draft → active), pause, resume or end a template' })
  status(@Param('id', templateId) id: string, @Body() dto: CouponTemplateStatusDto): Promise<CouponTemplateView> {
    return this.templates.setStatus(id, dto.status);
  }

  @Roles(...ALL_STAFF)
  @Get('members/:id/coupons')
  @ApiOperation({ summary: 'A member’s coupons, newest first. Coupons are brand-wide, so any store’s till may list them (not only the member’s own store)' })
  async memberCoupons(@Param('id', memberId) id: string): Promise<MemberCouponView[]> {
    await this.coupons.assertMember(id);
    return this.coupons.ofMember(id);
  }

  @Roles('marketer', 'store_manager', 'admin')
  @Post('members/:id/coupons')
  @ApiOperation({ summary: 'Issue a compensation or goodwill coupon to a member; the same key answers the same coupon (200)' })
  async issue(
    @CurrentPrincipal() who: StaffPrincipal,
    @Param('id', memberId) id: string,
    @Body() dto: IssueCouponDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<MemberCouponView> {
    await this.members.scopedMember(who, id);
    const { view, created } = await this.coupons.issueByStaff(who, id, { templateCode: dto.templateCode, source: dto.source, reason: dto.reason, key: dto.idempotencyKey });
    res.status(created ? 201 : 200);
    return view;
  }

  @Roles('advisor', 'store_manager', 'admin')
  @Post('coupons/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'A coupon code scanned or typed at the till: the coupon and its member' })
  resolve(@Body() dto: ResolveCouponDto): Promise<CouponAtTill> {
    return this.coupons.resolve(dto.code);
  }

  @Roles('advisor', 'store_manager', 'admin')
  @Post('coupons/redeem')
  @HttpCode(200)
  @ApiOperation({ summary: 'Use a gift or service coupon in store without a purchase (money-off coupons go with a store purchase)' })
  redeem(@CurrentPrincipal() who: StaffPrincipal, @Body() dto: RedeemCouponDto): Promise<MemberCouponView> {
    return this.coupons.redeemInStore(who, dto.code, dto.storeId ?? null);
  }

  @Roles('marketer', 'admin')
  @Post('coupons/:id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an unused coupon, with a reason' })
  revoke(@Param('id', couponId) id: string, @Body() dto: RevokeCouponDto): Promise<MemberCouponView> {
    return this.coupons.revoke(id, dto.reason);
  }
}
