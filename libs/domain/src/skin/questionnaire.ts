import type { Allergen, BaseSkinType, SkinConcern } from './skin-vocabulary';

export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * What choosing an option (or the top of a scale) adds to the profile.
 * Type and concern weights are small integers (typically 0–3); sensitivity is 0–3 as well.
 */
export interface OptionScores {
  types?: Partial<Record<BaseSkinType, number>>;
  concerns?: Partial<Record<SkinConcern, number>>;
  sensitivity?: number;
  /** Ingredients the member reacts to; flagged allergens are excluded from recommendations. */
  allergens?: Allergen[];
}

export interface QuestionOption {
  /** Stable within a questionnaire version, e.g. `a`, `b`. */
  key: string;
  label: string;
  scores: OptionScores;
}

export interface ScaleSpec {
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
  /** Scores at the top of the scale; an answer v earns them times (v - min) / (max - min). */
  scores: OptionScores;
}

export interface Question {
  /** Stable within a questionnaire version, e.g. `q1`. */
  key: string;
  kind: QuestionKind;
  title: string;
  /** Optional helper text under the title. */
  hint?: string;
  required: boolean;
  /** For `single` and `multiple`. */
  options?: QuestionOption[];
  /** For `multiple`: at most this many choices (default: all). */
  maxChoices?: number;
  /** For `scale`. */
  scale?: ScaleSpec;
}

/** The authored content of one questionnaire version. */
export interface QuestionnaireDefinition {
  questions: Question[];
}

/** One answer: option keys for choice questions, a value for a scale, text for free text. */
export interface Answer {
  questionKey: string;
  optionKeys?: string[];
  value?: number;
  text?: string;
}
