import { IsInt, IsObject, IsOptional, IsString, Length, Min } from 'class-validator';
import type { QuestionnaireDefinition } from '@glow/domain';

export type QuestionnaireVersionStatus = 'draft' | 'published' | 'retired';

export interface QuestionnaireSummary {
  id: string;
  title: string;
  /** The skin test members take in the mini-program. */
  primary: boolean;
  publishedVersion: number | null;
  hasDraft: boolean;
  responses: number;
  updatedAt: string;
}

export interface QuestionnaireVersionInfo {
  version: number;
  status: QuestionnaireVersionStatus;
  title: string;
  publishedAt: string | null;
  publishedBy: string | null;
  responses: number;
}

export interface QuestionnaireDetail {
  id: string;
  primary: boolean;
  versions: QuestionnaireVersionInfo[];
  /** The version being edited, if any. */
  draft: { version: number; title: string; description: string; definition: QuestionnaireDefinition; problems: { field: string; problem: string }[] } | null;
  /** The frozen version members answer. */
  published: { version: number; title: string; description: string; definition: QuestionnaireDefinition } | null;
}

/** Create a questionnaire (its first draft) or replace the draft's content. */
export class SaveQuestionnaireDraftDto {
  @IsString()
  @Length(1, 40)
  title!: string;

  @IsOptional()
  @IsString()
  @Length(0, 200)
  description?: string;

  /** `{ questions: Question[] }`; checked fully by the domain rules, refused at publish when not valid. */
  @IsObject()
  definition!: QuestionnaireDefinition;
}

export class PublishQuestionnaireDto {
  /** The draft version the author saw; publishing refuses if it is no longer the draft. */
  @IsInt()
  @Min(1)
  version!: number;
}
