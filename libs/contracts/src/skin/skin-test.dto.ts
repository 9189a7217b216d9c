import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import type { Allergen, Answer, BaseSkinType, QuestionnaireDefinition, SensitivityLevel, SkinConcern } from '@glow/domain';
import type { ProductCard } from '../catalog/product.dto';

export interface SkinConsentState {
  /** The version of the sensitive-data notice currently in force. */
  version: string;
  title: string;
  content: string;
  /** When the member agreed to this version; null when they have not (or revoked). */
  grantedAt: string | null;
}

export interface SkinSessionState {
  id: string;
  questionnaireId: string;
  version: number;
  answers: Answer[];
  /** Index of the first unanswered question, for resuming. */
  resumeAt: number;
  startedAt: string;
  updatedAt: string;
}

/** What the mini-program needs to run the skin test. */
export interface SkinTestResponse {
  questionnaireId: string;
  version: number;
  title: string;
  description: string;
  definition: QuestionnaireDefinition;
  consent: SkinConsentState;
  /** An unfinished session of the current version, if the member left midway. */
  session: SkinSessionState | null;
  /** The member's latest result, if any. */
  latestResultId: string | null;
}

export class SkinConsentDto {
  @IsString()
  @Length(1, 32)
  version!: string;
}

export class StartSkinSessionDto {
  @IsUUID()
  questionnaireId!: string;

  @IsInt()
  @Min(1)
  version!: number;
}

export class SaveAnswerDto {
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @IsString({ each: true })
  @Length(1, 20, { each: true })
  optionKeys?: string[];

  @IsOptional()
  @IsInt()
  @Min(-100)
  @Max(100)
  value?: number;

  @IsOptional()
  @IsString()
  @Length(0, 500)
  text?: string;
}

export interface SkinProfileView {
  skinType: BaseSkinType;
  sensitive: boolean;
  sensitivity: SensitivityLevel;
  sensitivityScore: number;
  concerns: SkinConcern[];
  allergens: Allergen[];
  summary: string;
  explanation: string;
}

export interface RecommendedProduct {
  product: ProductCard;
  rank: number;
  reason: string;
}

export interface SkinRecommendations {
  /** Identifies this list; clicks refer to it so click-through is counted per product and position. */
  servedId: string;
  items: RecommendedProduct[];
}

export interface SkinResultResponse {
  id: string;
  questionnaireId: string;
  version: number;
  takenAt: string;
  profile: SkinProfileView;
  recommendations: SkinRecommendations;
}

export interface SkinResultSummary {
  id: string;
  takenAt: string;
  version: number;
  summary: string;
  skinType: BaseSkinType;
  sensitive: boolean;
  concerns: SkinConcern[];
}

export const RECOMMENDATION_CONTEXTS = ['result', 'home'] as const;
export type RecommendationContext = (typeof RECOMMENDATION_CONTEXTS)[number];

export class RecommendationQuery {
  @IsOptional()
  @IsIn(RECOMMENDATION_CONTEXTS)
  context?: RecommendationContext;
}

export class RecommendationClickDto {
  @IsUUID()
  servedId!: string;

  @IsUUID()
  productId!: string;
}

export interface RecommendationReport {
  days: number;
  byProduct: { productId: string; sku: string; name: string; impressions: number; clicks: number; ctr: number }[];
  byPosition: { position: number; impressions: number; clicks: number; ctr: number }[];
  totals: { impressions: number; clicks: number; ctr: number };
}

export class RecommendationReportQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;
}
