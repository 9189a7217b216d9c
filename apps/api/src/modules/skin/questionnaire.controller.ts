import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, PublishQuestionnaireDto, type QuestionnaireDetail, type QuestionnaireSummary, SaveQuestionnaireDraftDto } from '@glow/contracts';
import { ALL_STAFF, CurrentPrincipal, Roles } from '../../platform/auth/auth.decorators';
import type { StaffPrincipal } from '../../platform/auth/principal';
import { QuestionnaireService } from './questionnaire.service';
import { SkinException } from './skin.exception';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new SkinException(ErrorCode.QuestionnaireNotFound) });

@ApiTags('staff')
@ApiBearerAuth()
@Roles(...ALL_STAFF)
@Controller('staff/questionnaires')
export class QuestionnaireController {
  constructor(private readonly questionnaires: QuestionnaireService) {}

  @Get()
  @ApiOperation({ summary: 'Questionnaires with their published version, draft state and response counts' })
  list(): Promise<QuestionnaireSummary[]> {
    return this.questionnaires.list();
  }

  @Roles('marketer', 'admin')
  @Post()
  @ApiOperation({ summary: 'Create a questionnaire as draft version 1' })
  create(@CurrentPrincipal() who: StaffPrincipal, @Body() dto: SaveQuestionnaireDraftDto): Promise<QuestionnaireDetail> {
    return this.questionnaires.create(who, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A questionnaire: its draft (with problems that block publishing), published version and history' })
  detail(@Param('id', uuid) id: string): Promise<QuestionnaireDetail> {
    return this.questionnaires.detail(id);
  }

  @Roles('marketer', 'admin')
  @Put(':id/draft')
  @ApiOperation({ summary: 'Save the draft; opens the next version when there is no draft' })
  saveDraft(@CurrentPrincipal() who: StaffPrincipal, @Param('id', uuid) id: string, @Body() dto: SaveQuestionnaireDraftDto): Promise<QuestionnaireDetail> {
    return this.questionnaires.saveDraft(who, id, dto);
  }

  @Roles('marketer', 'admin')
  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish the draft: it is frozen, and the previous published version is retired' })
  publish(@CurrentPrincipal() who: StaffPrincipal, @Param('id', uuid) id: string, @Body() dto: PublishQuestionnaireDto): Promise<QuestionnaireDetail> {
    return this.questionnaires.publish(who, id, dto.version);
  }

  @Roles('marketer', 'admin')
  @Post(':id/primary')
  @HttpCode(200)
  @ApiOperation({ summary: 'Make this published questionnaire the skin test members take' })
  primary(@CurrentPrincipal() who: StaffPrincipal, @Param('id', uuid) id: string): Promise<QuestionnaireDetail> {
    return this.questionnaires.makePrimary(who, id);
  }
}
