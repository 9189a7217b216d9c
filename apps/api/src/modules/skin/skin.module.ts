import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { MemberModule } from '../member/member.module';
import { QuestionnaireController } from './questionnaire.controller';
import { QuestionnaireService } from './questionnaire.service';
import { RecommendationService } from './recommendation.service';
import { SkinController } from './skin.controller';
import { SkinDataContributor } from './skin-data.contributor';
import { SkinTagsJob } from './skin-tags.job';
import { SkinTestService } from './skin-test.service';

/** Questionnaires, skin tests and profiles, recommendations and skin rule tags. */
@Module({
  imports: [MemberModule, CatalogModule],
  controllers: [QuestionnaireController, SkinController],
  providers: [QuestionnaireService, SkinTestService, RecommendationService, SkinTagsJob, SkinDataContributor],
  exports: [SkinTestService],
})
export class SkinModule {}
