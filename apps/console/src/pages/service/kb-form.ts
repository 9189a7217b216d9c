import type { KbArticleDto, KbArticleView } from '@glow/contracts';
import type { KbCategory } from '@glow/domain';

/** Mirrors KbArticleDto's limits (values from the contracts barrel are not imported, see api-routes.ts). */
export const KB_LIMITS = {
  question: { min: 2, max: 100 },
  answer: { min: 2, max: 1000 },
  keywords: { max: 20 },
  synonyms: { max: 40 },
  word: { max: 20 },
} as const;

export interface KbFormValues {
  question: string;
  keywords: string[];
  synonyms: string[];
  answer: string;
  category: KbCategory;
  enabled: boolean;
}

export type KbFormField = keyof KbFormValues;

export function toKbFormValues(article: KbArticleView | null): KbFormValues {
  return article
    ? { question: article.question, keywords: article.keywords, synonyms: article.synonyms, answer: article.answer, category: article.category, enabled: article.enabled }
    : { question: '', keywords: [], synonyms: [], answer: '', category: 'other', enabled: true };
}

/** Words typed into a tag input: trimmed, without blanks or repeats. */
export function cleanWords(words: readonly string[]): string[] {
  return [...new Set(words.map((word) => word.trim()).filter((word) => word !== ''))];
}

function wordsProblem(words: readonly string[], max: number, name: string): string | null {
  if (words.length > max) return `${name}最多 ${max} 个`;
  const long = words.find((word) => word.length > KB_LIMITS.word.max);
  return long ? `「${long}」超过 ${KB_LIMITS.word.max} 个字` : null;
}

export function kbFormProblems(values: KbFormValues): Partial<Record<KbFormField, string>> {
  const problems: Partial<Record<KbFormField, string>> = {};
  const question = values.question.trim();
  const answer = values.answer.trim();
  if (question.length < KB_LIMITS.question.min || question.length > KB_LIMITS.question.max) problems.question = `问题须为 ${KB_LIMITS.question.min}–${KB_LIMITS.question.max} 个字`;
  if (answer.length < KB_LIMITS.answer.min || answer.length > KB_LIMITS.answer.max) problems.answer = `回答须为 ${KB_LIMITS.answer.min}–${KB_LIMITS.answer.max} 个字`;
  const keywords = wordsProblem(values.keywords, KB_LIMITS.keywords.max, '关键词');
  if (keywords) problems.keywords = keywords;
  const synonyms = wordsProblem(values.synonyms, KB_LIMITS.synonyms.max, '同义词');
  if (synonyms) problems.synonyms = synonyms;
  if (values.keywords.length === 0 && values.synonyms.length === 0) problems.keywords = '请至少填写一个关键词，智能助手靠它识别问题';
  return problems;
}

export function toKbArticleDto(values: KbFormValues): KbArticleDto {
  return {
    question: values.question.trim(),
    keywords: cleanWords(values.keywords),
    synonyms: cleanWords(values.synonyms),
    answer: values.answer.trim(),
    category: values.category,
    enabled: values.enabled,
  };
}

/** The share of bot answers after which the member still asked for a person (null before any answer). */
export function handoverRate(article: Pick<KbArticleView, 'answeredCount' | 'handoverCount'>): number | null {
  return article.answeredCount === 0 ? null : article.handoverCount / article.answeredCount;
}
