import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AdvisorSettingsDto,
  CannedReplyDto,
  ChatCompensationDto,
  ChatHistoryQuery,
  ChatReadDto,
  ConversationLabelsDto,
  ConversationStatusDto,
  ErrorCode,
  InboxQuery,
  KbArticleDto,
  KbMatchDto,
  SendChatMessageDto,
  TransferConversationDto,
  CHAT_IMAGE_MAX_BYTES,
  type AdvisorAvailabilityView,
  type CannedReplyView,
  type ChatImageUploadResponse,
  type ChatMessageView,
  type ConversationView,
  type KbArticleView,
  type KbMatchResponse,
  type MemberChatResponse,
} from '@glow/contracts';
import { detectImageType } from '@glow/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ALL_STAFF, CurrentPrincipal, Public, Roles } from '../../platform/auth/auth.decorators';
import type { MemberPrincipal, Principal, StaffPrincipal } from '../../platform/auth/principal';
import { AppConfig } from '../../platform/config/app-config';
import { ChatBot } from './chat-bot';
import { ChatFlow } from './chat-flow';
import { ChatRouter } from './chat-router';
import { ChatService } from './chat.service';
import { KnowledgeBaseService } from './knowledge-base.service';
import { ServiceException } from './service.exception';

const IMAGE_NAME = /^[a-f0-9]{32}\.(jpg|png|webp|gif)$/;
const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };
const CHAT_STAFF = ['advisor', 'store_manager', 'admin'] as const;

/** The member's side of chat over HTTP (the socket does the same in realtime), and chat images. */
@ApiTags('chat')
@Controller()
export class MemberChatController {
  constructor(
    private readonly chat: ChatService,
    private readonly flow: ChatFlow,
    private readonly bot: ChatBot,
    private readonly config: AppConfig,
  ) {}

  @Roles('member')
  @ApiBearerAuth()
  @Get('me/chat')
  @ApiOperation({ summary: 'My conversation with the brand: the latest messages, service hours, whether a person is available' })
  mine(@CurrentPrincipal() who: MemberPrincipal): Promise<MemberChatResponse> {
    return this.chat.memberChat(who.memberId);
  }

  @Roles('member')
  @ApiBearerAuth()
  @Get('me/chat/messages')
  @ApiOperation({ summary: 'My messages after or before a seq (oldest first)' })
  history(@CurrentPrincipal() who: MemberPrincipal, @Query() q: ChatHistoryQuery): Promise<ChatMessageView[]> {
    return this.chat.memberHistory(who.memberId, q);
  }

  @Roles('member')
  @ApiBearerAuth()
  @Post('me/chat/messages')
  @ApiOperation({ summary: 'Write to the brand (idempotent by clientId); text passes WeChat’s content check' })
  send(@CurrentPrincipal() who: MemberPrincipal, @Body() dto: SendChatMessageDto): Promise<ChatMessageView> {
    if (dto.conversationId) throw new ServiceException(ErrorCode.ValidationFailed, 'members write in their own conversation');
    return this.flow.memberSend(who.memberId, who.openid, dto);
  }

  @Roles('member')
  @ApiBearerAuth()
  @Post('me/chat/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'I have read up to a seq' })
  async read(@CurrentPrincipal() who: MemberPrincipal, @Body() dto: ChatReadDto): Promise<void> {
    await this.chat.read({ kind: 'member', memberId: who.memberId, openid: who.openid }, undefined, dto.seq);
  }

  @Roles('member')
  @ApiBearerAuth()
  @Post('me/chat/handover')
  @HttpCode(200)
  @ApiOperation({ summary: '转人工: the bot steps back and a person takes the conversation' })
  handover(@CurrentPrincipal() who: MemberPrincipal): Promise<ConversationView> {
    return this.bot.handoverForMember(who.memberId);
  }

  @Roles('member', ...CHAT_STAFF)
  @ApiBearerAuth()
  @ApiConsumes('multipart/form-data')
  @Post('chat/images')
  @ApiOperation({ summary: 'Upload an image for chat (field `file`: JPG, PNG, WEBP or GIF up to 2 MB)' })
  async upload(@CurrentPrincipal() who: Principal, @Req() req: FastifyRequest): Promise<ChatImageUploadResponse> {
    void who;
    if (!req.isMultipart()) throw new ServiceException(ErrorCode.ChatImageInvalid);
    let bytes: Buffer;
    try {
      const file = await req.file({ limits: { fileSize: CHAT_IMAGE_MAX_BYTES } });
      if (!file || file.fieldname !== 'file') throw new ServiceException(ErrorCode.ChatImageInvalid);
      bytes = await file.toBuffer();
    } catch (e) {
      if (e instanceof ServiceException) throw e;
      throw new ServiceException(ErrorCode.ChatImageInvalid);
    }
    const type = detectImageType(bytes);
    if (!type || bytes.length > CHAT_IMAGE_MAX_BYTES) throw new ServiceException(ErrorCode.ChatImageInvalid);
    const dir = resolve(this.config.mediaDir, 'chat');
    await mkdir(dir, { recursive: true });
    const imageId = `${randomBytes(16).toString('hex')}.${type}`;
    await writeFile(join(dir, imageId), bytes);
    return { imageId, url: `/api/chat/images/${imageId}` };
  }

  @Public()
  @Get('chat/images/:name')
  @ApiOperation({ summary: 'A chat image (unguessable name)' })
  async image(@Param('name') name: string, @Res() reply: FastifyReply): Promise<void> {
    const path = join(resolve(this.config.mediaDir, 'chat'), name);
    if (!IMAGE_NAME.test(name) || !existsSync(path)) throw new ServiceException(ErrorCode.NotFound);
    await reply.header('content-type', IMAGE_TYPES[name.split('.').pop() ?? 'png']).header('cache-control', 'private, max-age=86400').send(createReadStream(path));
  }
}

/** The advisor's workbench over HTTP: inbox, conversation actions, availability, canned replies, knowledge base. */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
export class StaffChatController {
  constructor(
    private readonly chat: ChatService,
    private readonly router: ChatRouter,
    private readonly kb: KnowledgeBaseService,
  ) {}

  @Roles(...CHAT_STAFF)
  @Get('conversations')
  @ApiOperation({ summary: 'Inbox: mine (default), the store queue (oldest waiting first), the store, or all (admins)' })
  inbox(@CurrentPrincipal() who: StaffPrincipal, @Query() q: InboxQuery): Promise<ConversationView[]> {
    return this.chat.inbox(who, q);
  }

  @Roles(...CHAT_STAFF)
  @Get('conversations/:id')
  @ApiOperation({ summary: 'One conversation (audited)' })
  one(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<ConversationView> {
    return this.chat.staffView(who, id);
  }

  @Roles(...CHAT_STAFF)
  @Get('conversations/:id/messages')
  @ApiOperation({ summary: 'Messages after or before a seq (oldest first)' })
  messages(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string, @Query() q: ChatHistoryQuery): Promise<ChatMessageView[]> {
    return this.chat.staffHistory(who, id, q);
  }

  @Roles(...CHAT_STAFF)
  @Post('conversations/:id/messages')
  @ApiOperation({ summary: 'Reply (idempotent by clientId); WeChat conversations only within WeChat’s window' })
  send(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SendChatMessageDto): Promise<ChatMessageView> {
    return this.chat.sendAsStaff(who, id, dto);
  }

  @Roles(...CHAT_STAFF)
  @Post('conversations/:id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Read up to a seq' })
  async read(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ChatReadDto): Promise<void> {
    await this.chat.read(who, id, dto.seq);
  }

  @Roles(...CHAT_STAFF)
  @Post('conversations/:id/claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take a conversation from the queue' })
  claim(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<ConversationView> {
    return this.router.claim(who, id);
  }

  @Roles(...CHAT_STAFF)
  @Post('conversations/:id/transfer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand over to an advisor of the store who is online and under capacity' })
  transfer(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: TransferConversationDto): Promise<ConversationView> {
    return this.router.transfer(who, id, dto.advisorId, dto.note);
  }

  @Roles(...CHAT_STAFF)
  @Post('conversations/:id/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open, pending or resolved (resolving invites the member to rate)' })
  status(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ConversationStatusDto): Promise<ConversationView> {
    return this.chat.setStatus(who, id, dto.status);
  }

  @Roles(...CHAT_STAFF)
  @Put('conversations/:id/labels')
  @ApiOperation({ summary: 'Replace the labels' })
  labels(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ConversationLabelsDto): Promise<ConversationView> {
    return this.chat.setLabels(who, id, dto.labels);
  }

  @Roles(...CHAT_STAFF)
  @Post('conversations/:id/compensation')
  @ApiOperation({ summary: 'Issue a goodwill coupon (once per key) and send its card' })
  compensation(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ChatCompensationDto): Promise<ChatMessageView> {
    return this.chat.compensate(who, id, dto.couponTemplateId, dto.key);
  }

  @Roles(...CHAT_STAFF)
  @Get('advisors')
  @ApiOperation({ summary: 'Advisors of my store (all for admins): online, accepting, load and capacity' })
  advisors(@CurrentPrincipal() who: StaffPrincipal): Promise<AdvisorAvailabilityView[]> {
    return this.router.availability(who);
  }

  @Roles('advisor')
  @Patch('advisors/me')
  @ApiOperation({ summary: 'My capacity and whether I take new conversations' })
  settings(@CurrentPrincipal() who: StaffPrincipal, @Body() dto: AdvisorSettingsDto): Promise<AdvisorAvailabilityView> {
    return this.router.settings(who, dto);
  }

  @Roles(...CHAT_STAFF)
  @Get('canned-replies')
  @ApiOperation({ summary: 'Shared canned replies and mine' })
  canned(@CurrentPrincipal() who: StaffPrincipal): Promise<CannedReplyView[]> {
    return this.kb.cannedReplies(who);
  }

  @Roles(...CHAT_STAFF)
  @Post('canned-replies')
  @ApiOperation({ summary: 'Add a canned reply (shared ones: store managers and admins)' })
  addCanned(@CurrentPrincipal() who: StaffPrincipal, @Body() dto: CannedReplyDto): Promise<CannedReplyView> {
    return this.kb.saveCannedReply(who, dto);
  }

  @Roles(...CHAT_STAFF)
  @Patch('canned-replies/:id')
  @ApiOperation({ summary: 'Change a canned reply' })
  editCanned(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CannedReplyDto): Promise<CannedReplyView> {
    return this.kb.saveCannedReply(who, dto, id);
  }

  @Roles(...CHAT_STAFF)
  @Delete('canned-replies/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a canned reply' })
  async removeCanned(@CurrentPrincipal() who: StaffPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.kb.removeCannedReply(who, id);
  }

  @Roles(...ALL_STAFF)
  @Get('kb')
  @ApiOperation({ summary: 'Knowledge-base articles the bot answers from' })
  articles(): Promise<KbArticleView[]> {
    return this.kb.list();
  }

  @Roles('store_manager', 'admin', 'marketer')
  @Post('kb')
  @ApiOperation({ summary: 'Add an article' })
  addArticle(@Body() dto: KbArticleDto): Promise<KbArticleView> {
    return this.kb.create(dto);
  }

  @Roles('store_manager', 'admin', 'marketer')
  @Patch('kb/:id')
  @ApiOperation({ summary: 'Change an article' })
  editArticle(@Param('id', ParseUUIDPipe) id: string, @Body() dto: KbArticleDto): Promise<KbArticleView> {
    return this.kb.update(id, dto);
  }

  @Roles('store_manager', 'admin', 'marketer')
  @Delete('kb/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an article' })
  async removeArticle(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.kb.remove(id);
  }

  @Roles(...ALL_STAFF)
  @Post('kb/match')
  @HttpCode(200)
  @ApiOperation({ summary: 'What the bot would answer to a question' })
  async match(@Body() dto: KbMatchDto): Promise<KbMatchResponse> {
    const { best, candidates } = await this.kb.match(dto.question);
    return { best, candidates };
  }
}
