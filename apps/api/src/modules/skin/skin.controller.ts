import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ErrorCode,
  RecommendationClickDto,
  RecommendationQuery,
  type RecommendationReport,
  RecommendationReportQuery,
  SaveAnswerDto,
  SkinConsentDto,
  type SkinConsentState,
  type SkinRecommendations,
  type SkinResultResponse,
  type SkinResultSummary,
  type SkinSessionState,
  type SkinTestResponse,
  StartSkinSessionDto,
} from '@glow/contracts';
import { CurrentPrincipal, Roles } from '../../platform/auth/auth.decorators';
import type { MemberPrincipal } from '../../platform/auth/principal';
import { RecommendationService } from './recommendation.service';
import { SkinException } from './skin.exception';
import { SkinTestService } from './skin-test.service';

const sessionUuid = new ParseUUIDPipe({ exceptionFactory: () => new SkinException(ErrorCode.SkinSessionNotFound) });
const resultUuid = new ParseUUIDPipe({ exceptionFactory: () => new SkinException(ErrorCode.SkinResultNotFound) });

@ApiTags('skin')
@ApiBearerAuth()
@Controller()
export class SkinController {
  constructor(
    private readonly skin: SkinTestService,
    private readonly recommendations: RecommendationService,
  ) {}

  @Roles('member')
  @Get('skin/test')
  @ApiOperation({ summary: 'The skin test: published questionnaire, sensitive-data consent state, a session to resume' })
  test(@CurrentPrincipal() who: MemberPrincipal): Promise<SkinTestResponse> {
    return this.skin.test(who.memberId);
  }

  @Roles('member')
  @Post('skin/consent')
  @HttpCode(200)
  @ApiOperation({ summary: 'Agree to the separate consent for skin data (PIPL sensitive personal information)' })
  consent(@CurrentPrincipal() who: MemberPrincipal, @Body() dto: SkinConsentDto): Promise<SkinConsentState> {
    return this.skin.grantConsent(who.memberId, dto.version);
  }

  @Roles('member')
  @Delete('skin/consent')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw the skin-data consent: every skin answer and result is erased' })
  async withdraw(@CurrentPrincipal() who: MemberPrincipal): Promise<void> {
    await this.skin.withdrawConsent(who.memberId);
  }

  @Roles('member')
  @Post('skin/sessions')
  @ApiOperation({ summary: 'Start or resume a skin test of the published version' })
  start(@CurrentPrincipal() who: MemberPrincipal, @Body() dto: StartSkinSessionDto): Promise<SkinSessionState> {
    return this.skin.start(who.memberId, dto.questionnaireId, dto.version);
  }

  @Roles('member')
  @Put('skin/sessions/:id/answers/:questionKey')
  @ApiOperation({ summary: 'Save the answer to one question' })
  answer(
    @CurrentPrincipal() who: MemberPrincipal,
    @Param('id', sessionUuid) id: string,
    @Param('questionKey') questionKey: string,
    @Body() dto: SaveAnswerDto,
  ): Promise<SkinSessionState> {
    return this.skin.answer(who.memberId, id, questionKey, dto);
  }

  @Roles('member')
  @Post('skin/sessions/:id/submit')
  @ApiOperation({ summary: 'Score the test: skin profile, explanation and recommended products' })
  submit(@CurrentPrincipal() who: MemberPrincipal, @Param('id', sessionUuid) id: string): Promise<SkinResultResponse> {
    return this.skin.submit(who.memberId, id);
  }

  @Roles('member')
  @Get('skin/results')
  @ApiOperation({ summary: 'My past skin test results, newest first' })
  results(@CurrentPrincipal() who: MemberPrincipal): Promise<SkinResultSummary[]> {
    return this.skin.results(who.memberId);
  }

  @Roles('member')
  @Get('skin/results/:id')
  @ApiOperation({ summary: 'One of my results with recommendations from the current catalog' })
  result(@CurrentPrincipal() who: MemberPrincipal, @Param('id', resultUuid) id: string): Promise<SkinResultResponse> {
    return this.skin.result(who.memberId, id, 'result');
  }

  @Roles('member')
  @Get('skin/recommendations')
  @ApiOperation({ summary: 'Products recommended for my latest skin profile' })
  recommend(@CurrentPrincipal() who: MemberPrincipal, @Query() query: RecommendationQuery): Promise<SkinRecommendations> {
    return this.skin.recommend(who.memberId, query.context ?? 'home');
  }

  @Roles('member')
  @Post('skin/recommendations/clicks')
  @HttpCode(204)
  @ApiOperation({ summary: 'Record a click on a recommended product' })
  async click(@CurrentPrincipal() who: MemberPrincipal, @Body() dto: RecommendationClickDto): Promise<void> {
    await this.recommendations.click(who.memberId, dto.servedId, dto.productId);
  }

  @Roles('marketer', 'admin')
  @ApiTags('staff')
  @Get('staff/recommendations/report')
  @ApiOperation({ summary: 'Recommendation impressions, clicks and click-through rate per product and per position' })
  report(@Query() query: RecommendationReportQuery): Promise<RecommendationReport> {
    return this.recommendations.report(query.days ?? 30);
  }
}
