import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AddMemberTagDto, ErrorCode, type MemberDetailResponse, type MemberOverviewResponse, type MemberPortraitResponse, MemberSearchQuery, type MemberSummary, type MemberTagView, type Paged, type StoreSummary, type TagSummary } from '@glow/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ALL_STAFF, CurrentPrincipal, Roles } from '../../platform/auth/auth.decorators';
import { type StaffPrincipal, storeScopeOf } from '../../platform/auth/principal';
import { MemberException } from './member.exception';
import { StaffMemberService } from './staff-member.service';
import { TagService } from './tag.service';

/** An id that is not a UUID cannot name anything: answer 404, not a database error. */
const uuid = new ParseUUIDPipe({ exceptionFactory: () => new MemberException(ErrorCode.NotFound) });
const tagUuid = new ParseUUIDPipe({ exceptionFactory: () => new MemberException(ErrorCode.TagNotFound) });

@ApiTags('staff')
@ApiBearerAuth()
@Roles(...ALL_STAFF)
@Controller('staff')
export class StaffMemberController {
  constructor(
    private readonly service: StaffMemberService,
    private readonly tags: TagService,
  ) {}

  @Get('members')
  @ApiOperation({ summary: 'Search members by full phone number (blind index) or by name, nickname or member number' })
  search(@CurrentPrincipal() who: StaffPrincipal, @Query() query: MemberSearchQuery, @Req() req: FastifyRequest): Promise<Paged<MemberSummary>> {
    return this.service.search(who, query, req.ip);
  }

  @Get('members/overview')
  @ApiOperation({ summary: 'Member counts for the dashboard: totals, members per store, joins per month by channel' })
  overview(@CurrentPrincipal() who: StaffPrincipal): Promise<MemberOverviewResponse> {
    return this.service.overview(who);
  }

  @Get('members/:id')
  @ApiOperation({ summary: 'A member in full; each view is written to the audit log' })
  detail(@CurrentPrincipal() who: StaffPrincipal, @Param('id', uuid) id: string, @Req() req: FastifyRequest): Promise<MemberDetailResponse> {
    return this.service.detail(who, id, req.ip);
  }

  @Get('members/:id/portrait')
  @ApiOperation({ summary: 'The member portrait: profile, completeness, tags, skin profile and history; each view is audited' })
  portrait(@CurrentPrincipal() who: StaffPrincipal, @Param('id', uuid) id: string, @Req() req: FastifyRequest): Promise<MemberPortraitResponse> {
    return this.service.portrait(who, id, req.ip);
  }

  @Get('tags')
  @ApiOperation({ summary: 'All tags with the number of members carrying each (in your store scope)' })
  listTags(@CurrentPrincipal() who: StaffPrincipal): Promise<TagSummary[]> {
    return this.tags.list(storeScopeOf(who));
  }

  @Roles('advisor', 'store_manager', 'admin')
  @Post('members/:id/tags')
  @ApiOperation({ summary: 'Tag a member; a new label creates a manual tag' })
  async addTag(@CurrentPrincipal() who: StaffPrincipal, @Param('id', uuid) id: string, @Body() dto: AddMemberTagDto, @Req() req: FastifyRequest): Promise<MemberTagView[]> {
    const m = await this.service.scopedMember(who, id);
    if (m.deletedAt) throw new MemberException(ErrorCode.MemberDeleted);
    return this.tags.addManual(who, id, dto.label, req.ip);
  }

  @Roles('advisor', 'store_manager', 'admin')
  @Delete('members/:id/tags/:tagId')
  @ApiOperation({ summary: 'Remove a manual tag; rule tags are kept by their rules' })
  async removeTag(@CurrentPrincipal() who: StaffPrincipal, @Param('id', uuid) id: string, @Param('tagId', tagUuid) tagId: string, @Req() req: FastifyRequest): Promise<MemberTagView[]> {
    await this.service.scopedMember(who, id);
    return this.tags.removeManual(who, id, tagId, req.ip);
  }

  @Get('stores')
  @ApiOperation({ summary: 'Stores the caller works with' })
  stores(@CurrentPrincipal() who: StaffPrincipal): Promise<StoreSummary[]> {
    return this.service.listStores(who);
  }

  @Get('stores/:id/qrcode')
  @ApiOperation({ summary: "The store's mini-program code (PNG); an advisor's code also binds new members to them" })
  async qrcode(@CurrentPrincipal() who: StaffPrincipal, @Param('id', uuid) id: string, @Res() reply: FastifyReply): Promise<void> {
    const png = await this.service.storeQrCode(who, id);
    await reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=300').send(png);
  }
}
