import { createReadStream, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type DeleteAccountResponse, DeleteAccountDto, ErrorCode, type MemberHomeResponse, type PrivacyPolicyResponse, UpdateProfileDto } from '@glow/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Public, Roles } from '../../platform/auth/auth.decorators';
import type { MemberPrincipal } from '../../platform/auth/principal';
import { AppConfig } from '../../platform/config/app-config';
import { MemberException } from './member.exception';
import { MemberService } from './member.service';
import { PrivacyService } from './privacy.service';

const AVATAR_NAME = /^[0-9a-f-]{36}-[0-9a-f]{8}\.(jpg|png|webp)$/;
const CONTENT_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** Sniffs the image type from its first bytes; the declared content type is not trusted. */
function imageType(bytes: Buffer): 'jpg' | 'png' | 'webp' | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length > 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

@ApiTags('member')
@Controller()
export class MemberController {
  constructor(
    private readonly members: MemberService,
    private readonly privacy: PrivacyService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('privacy-policy')
  @ApiOperation({ summary: 'The current privacy policy a member consents to when joining' })
  privacyPolicy(): Promise<PrivacyPolicyResponse> {
    return this.members.privacyPolicy();
  }

  @Roles('member')
  @ApiBearerAuth()
  @Get('me')
  @ApiOperation({ summary: 'The member home: profile, tier and points' })
  me(@CurrentPrincipal() who: MemberPrincipal): Promise<MemberHomeResponse> {
    return this.members.home(who.memberId);
  }

  @Roles('member')
  @ApiBearerAuth()
  @Patch('me')
  @ApiOperation({ summary: 'Edit my profile' })
  update(@CurrentPrincipal() who: MemberPrincipal, @Body() dto: UpdateProfileDto): Promise<MemberHomeResponse> {
    return this.members.updateProfile(who.memberId, dto);
  }

  @Roles('member')
  @ApiBearerAuth()
  @Get('me/export')
  @ApiOperation({ summary: 'Download all my data as JSON (PIPL right of access and portability)' })
  async export(@CurrentPrincipal() who: MemberPrincipal, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const { fileName, body } = await this.privacy.export(who.memberId, req.ip);
    await reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'no-store')
      .send(JSON.stringify(body, null, 2));
  }

  @Roles('member')
  @ApiBearerAuth()
  @Post('me/delete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete my account: personal data anonymised, skin data erased, login removed' })
  deleteAccount(@CurrentPrincipal() who: MemberPrincipal, @Body() _dto: DeleteAccountDto, @Req() req: FastifyRequest): Promise<DeleteAccountResponse> {
    return this.privacy.deleteAccount(who.memberId, req.ip);
  }

  @Roles('member')
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @Post('me/avatar')
  @ApiOperation({ summary: 'Upload my avatar (field `file`: JPG, PNG or WEBP up to 2 MB)' })
  async avatar(@CurrentPrincipal() who: MemberPrincipal, @Req() req: FastifyRequest): Promise<{ avatarUrl: string }> {
    if (!req.isMultipart()) throw new MemberException(ErrorCode.AvatarInvalid);
    let bytes: Buffer;
    try {
      const file = await req.file();
      if (!file || file.fieldname !== 'file') throw new MemberException(ErrorCode.AvatarInvalid);
      bytes = await file.toBuffer();
    } catch (e) {
      if (e instanceof MemberException) throw e;
      throw new MemberException(ErrorCode.AvatarInvalid);
    }
    const type = imageType(bytes);
    if (!type) throw new MemberException(ErrorCode.AvatarInvalid);
    const dir = resolve(this.config.mediaDir, 'avatars');
    await mkdir(dir, { recursive: true });
    const name = `${who.memberId}-${randomBytes(4).toString('hex')}.${type}`;
    await writeFile(join(dir, name), bytes);
    const avatarUrl = `/api/media/avatars/${name}`;
    await this.members.setAvatar(who.memberId, avatarUrl);
    return { avatarUrl };
  }

  @Public()
  @Get('media/avatars/:name')
  @ApiOperation({ summary: 'An uploaded avatar' })
  async avatarFile(@Param('name') name: string, @Res() reply: FastifyReply): Promise<void> {
    const path = join(resolve(this.config.mediaDir, 'avatars'), name);
    if (!AVATAR_NAME.test(name) || !existsSync(path)) throw new MemberException(ErrorCode.NotFound);
    await reply.header('content-type', CONTENT_TYPES[name.split('.').pop() ?? 'png']).header('cache-control', 'public, max-age=86400').send(createReadStream(path));
  }
}
