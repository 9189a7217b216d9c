import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { JoinDto, type JoinResponse, MemberLoginDto, type MemberSessionResponse, RefreshDto, StaffLoginDto, type StaffProfile, type StaffSessionResponse } from '@glow/contracts';
import { ALL_STAFF, CurrentPrincipal, Public, Roles } from '../../platform/auth/auth.decorators';
import type { Principal, StaffPrincipal } from '../../platform/auth/principal';
import { IdentityService } from './identity.service';

@ApiTags('auth')
@UseGuards(ThrottlerGuard)
@Controller()
export class IdentityController {
  constructor(private readonly identity: IdentityService) {}

  @Public()
  @Post('auth/member/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a wx.login code for a member (or pre-member) session' })
  memberLogin(@Body() dto: MemberLoginDto): Promise<MemberSessionResponse> {
    return this.identity.memberLogin(dto.code);
  }

  @Public()
  @Post('auth/staff/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Staff sign-in with username and password' })
  staffLogin(@Body() dto: StaffLoginDto): Promise<StaffSessionResponse> {
    return this.identity.staffLogin(dto.username, dto.password);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate a refresh token; presenting a used one revokes its whole family' })
  refresh(@Body() dto: RefreshDto): Promise<MemberSessionResponse | StaffSessionResponse> {
    return this.identity.refresh(dto.refreshToken);
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End a session (revokes its refresh token family)' })
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.identity.logout(dto.refreshToken);
  }

  @Roles('pre_member', 'member')
  @ApiBearerAuth()
  @Post('members/join')
  @ApiOperation({ summary: 'Join as a member: privacy consent, phone from getPhoneNumber, optional profile and binding' })
  join(@CurrentPrincipal() who: Principal, @Body() dto: JoinDto): Promise<JoinResponse> {
    return this.identity.join(who, dto);
  }

  @Roles(...ALL_STAFF)
  @ApiBearerAuth()
  @Get('staff/me')
  @ApiTags('staff')
  @ApiOperation({ summary: 'The signed-in staff member' })
  staffMe(@CurrentPrincipal() who: StaffPrincipal): Promise<StaffProfile> {
    return this.identity.staffProfile(who.staffId);
  }
}
