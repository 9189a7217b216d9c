import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AdjustPointsDto,
  CancelRedemptionDto,
  EarningRulesDto,
  type EarningRulesView,
  ErrorCode,
  type MemberAtTill,
  type Paged,
  PickupDto,
  type PointsImportView,
  type RedemptionView,
  ResolveMemberCodeDto,
  type RewardView,
  SaveRewardDto,
  SaveTiersDto,
  type StaffMemberPoints,
  StaffRedemptionQuery,
  type TierView,
} from '@glow/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ALL_STAFF, CurrentPrincipal, Roles } from '../../platform/auth/auth.decorators';
import type { StaffPrincipal } from '../../platform/auth/principal';
import { uploadedFile } from '../../platform/http/uploaded-file';
import { StaffMemberService } from '../member/staff-member.service';
import { LoyaltyException } from './loyalty.exception';
import { LoyaltyService } from './loyalty.service';
import { MemberCodeService } from './member-code.service';
import { PointsImportService } from './points-import.service';
import { type InvariantViolation, PointsService } from './points.service';
import { RewardService } from './reward.service';

const memberId = new ParseUUIDPipe({ exceptionFactory: () => new LoyaltyException(ErrorCode.MemberNotFound) });
const rewardId = new ParseUUIDPipe({ exceptionFactory: () => new LoyaltyException(ErrorCode.RewardNotFound) });
const redemptionId = new ParseUUIDPipe({ exceptionFactory: () => new LoyaltyException(ErrorCode.RedemptionNotFound) });
const importId = new ParseUUIDPipe({ exceptionFactory: () => new LoyaltyException(ErrorCode.PointsImportNotFound) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('staff-loyalty')
@ApiBearerAuth()
@Roles(...ALL_STAFF)
@Controller('staff')
export class StaffLoyaltyController {
  constructor(
    private readonly loyalty: LoyaltyService,
    private readonly points: PointsService,
    private readonly codes: MemberCodeService,
    private readonly rewards: RewardService,
    private readonly imports: PointsImportService,
    private readonly members: StaffMemberService,
  ) {}

  @Roles('advisor', 'store_manager', 'admin')
  @Post('member-code/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'The member behind a scanned or typed member code; 400 MEMBER_CODE_INVALID when expired or wrong' })
  resolve(@Body() dto: ResolveMemberCodeDto): Promise<MemberAtTill> {
    return this.codes.resolve(dto.code);
  }

  @Get('members/:id/points')
  @ApiOperation({ summary: "A member's points: summary, lots, ledger and tier history (store staff: own store's members)" })
  async memberPoints(@CurrentPrincipal() who: StaffPrincipal, @Param('id', memberId) id: string): Promise<StaffMemberPoints> {
    await this.members.scopedMember(who, id);
    return this.loyalty.staffView(id);
  }

  @Roles('admin')
  @Post('members/:id/points/adjustments')
  @ApiOperation({ summary: 'Adjust points with a reason (audited); never below zero; the same key is applied once' })
  async adjust(@CurrentPrincipal() who: StaffPrincipal, @Param('id', memberId) id: string, @Body() dto: AdjustPointsDto): Promise<StaffMemberPoints> {
    await this.members.scopedMember(who, id);
    return this.loyalty.adjust(who, id, dto);
  }

  @Get('loyalty/earning-rules')
  @ApiOperation({ summary: 'Earning rules' })
  rules(): Promise<EarningRulesView> {
    return this.loyalty.rulesView();
  }

  @Roles('marketer', 'admin')
  @Put('loyalty/earning-rules')
  @ApiOperation({ summary: 'Change the earning rules (applies to purchases from now on)' })
  saveRules(@Body() dto: EarningRulesDto): Promise<EarningRulesView> {
    return this.loyalty.saveRules(dto);
  }

  @Get('loyalty/tiers')
  @ApiOperation({ summary: 'The tier ladder with member counts' })
  tiers(): Promise<TierView[]> {
    return this.loyalty.tierViews();
  }

  @Roles('marketer', 'admin')
  @Put('loyalty/tiers')
  @ApiOperation({ summary: 'Replace the ladder (lowest first); a tier held by members or required by a reward cannot be removed' })
  saveTiers(@Body() dto: SaveTiersDto): Promise<TierView[]> {
    return this.loyalty.saveLadder(dto);
  }

  @Get('loyalty/rewards')
  @ApiOperation({ summary: 'Points-mall rewards with stock and redemption counts' })
  rewardList(): Promise<RewardView[]> {
    return this.rewards.list();
  }

  @Roles('marketer', 'admin')
  @Post('loyalty/rewards')
  @ApiOperation({ summary: 'Create a reward' })
  createReward(@Body() dto: SaveRewardDto): Promise<RewardView> {
    return this.rewards.create(dto);
  }

  @Get('loyalty/rewards/:id')
  @ApiOperation({ summary: 'One reward' })
  reward(@Param('id', rewardId) id: string): Promise<RewardView> {
    return this.rewards.get(id);
  }

  @Roles('marketer', 'admin')
  @Put('loyalty/rewards/:id')
  @ApiOperation({ summary: 'Change a reward; the stock left moves with the total and never below zero' })
  updateReward(@Param('id', rewardId) id: string, @Body() dto: SaveRewardDto): Promise<RewardView> {
    return this.rewards.update(id, dto);
  }

  @Get('loyalty/redemptions')
  @ApiOperation({ summary: 'Redemptions, newest first' })
  redemptions(@CurrentPrincipal() who: StaffPrincipal, @Query() q: StaffRedemptionQuery): Promise<Paged<RedemptionView>> {
    return this.rewards.redemptions(who, q);
  }

  @Roles('advisor', 'store_manager', 'admin')
  @Post('loyalty/redemptions/pickup')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand over a redeemed product or service by its pickup code (once)' })
  pickup(@CurrentPrincipal() who: StaffPrincipal, @Body() dto: PickupDto): Promise<RedemptionView> {
    return this.rewards.pickup(who, dto.code, dto.storeId);
  }

  @Roles('advisor', 'store_manager', 'admin')
  @Post('loyalty/redemptions/:id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel an unfulfilled redemption: stock, the member count and the points come back' })
  cancel(@CurrentPrincipal() who: StaffPrincipal, @Param('id', redemptionId) id: string, @Body() dto: CancelRedemptionDto): Promise<RedemptionView> {
    return this.rewards.cancel(who, id, dto);
  }

  @Roles('admin')
  @Get('loyalty/points-imports/template')
  @ApiOperation({ summary: 'The Excel template for opening balances' })
  async importTemplate(@Res() res: FastifyReply): Promise<void> {
    const bytes = await this.imports.template();
    await res
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="points-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent('期初积分导入模板.xlsx')}`)
      .send(bytes);
  }

  @Roles('admin')
  @Post('loyalty/points-imports')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: 'Import opening balances (field `file`, .xlsx): checked at once, credited in the background; poll for progress' })
  async startImport(@CurrentPrincipal() who: StaffPrincipal, @Req() req: FastifyRequest): Promise<PointsImportView> {
    const { fileName, bytes } = await uploadedFile(req);
    return this.imports.start(who, fileName, bytes);
  }

  @Roles('admin')
  @Get('loyalty/points-imports/:id')
  @ApiOperation({ summary: 'Progress and refused rows of an import' })
  importProgress(@Param('id', importId) id: string): Promise<PointsImportView> {
    return this.imports.get(id);
  }

  @Roles('admin')
  @Get('loyalty/invariant')
  @ApiOperation({ summary: 'Members whose balance disagrees with their lots or ledger (empty when the invariant holds)' })
  async invariant(): Promise<{ ok: boolean; violations: InvariantViolation[] }> {
    const violations = await this.points.violations();
    return { ok: violations.length === 0, violations };
  }
}
