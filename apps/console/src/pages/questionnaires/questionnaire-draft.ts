import {
  ALLERGEN_LABELS,
  BASE_SKIN_TYPES,
  SKIN_CONCERN_LABELS,
  SKIN_CONCERNS,
  type OptionScores,
  type Question,
  type QuestionKind,
  type QuestionnaireDefinition,
  type QuestionOption,
  type ScaleSpec,
} from '@glow/domain';
import { BASE_SKIN_TYPE_SHORT_LABELS } from '../../shared/labels';

/** Limits the API enforces on a definition's shape; the editor stops adding before them. */
export const MAX_QUESTIONS = 40;
export const MAX_OPTIONS = 12;
/** Score weights the editor offers; the domain's rules read small integers. */
export const MIN_WEIGHT = -5;
export const MAX_WEIGHT = 5;

const OPTION_LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The editor keeps every question with both its options and its scale, so switching the kind back and forth does not
 * lose what was typed; `toDefinition` keeps only what the kind uses.
 */
export type EditorQuestion = Question;

export interface EditorState {
  title: string;
  description: string;
  questions: EditorQuestion[];
}

export function isChoice(kind: QuestionKind): boolean {
  return kind === 'single' || kind === 'multiple';
}

/**
 * The next question key: one past the highest `qN` ever used in this draft, so keys stay stable when questions are
 * reordered or removed (answers and scoring refer to them) and a removed key is not handed to a different question.
 */
export function nextQuestionKey(questions: readonly Pick<Question, 'key'>[]): string {
  const highest = questions.reduce((max, { key }) => {
    const match = /^q(\d+)$/.exec(key);
    return match ? Math.max(max, Number(match[1])) : max;
  }, 0);
  return `q${highest + 1}`;
}

/** The next option key, `a`, `b`, `c`…: the letter after the highest used, or the first free one after `z`. */
export function nextOptionKey(options: readonly Pick<QuestionOption, 'key'>[]): string {
  const used = new Set(options.map(({ key }) => key));
  const highest = options.reduce((max, { key }) => Math.max(max, key.length === 1 ? OPTION_LETTERS.indexOf(key) : -1), -1);
  const after = OPTION_LETTERS[highest + 1];
  if (after) return after;
  const free = [...OPTION_LETTERS].find((letter) => !used.has(letter));
  return free ?? `o${options.length + 1}`;
}

export function newOption(options: readonly QuestionOption[]): QuestionOption {
  return { key: nextOptionKey(options), label: '', scores: {} };
}

export function defaultScale(): ScaleSpec {
  return { min: 1, max: 5, minLabel: '', maxLabel: '', scores: {} };
}

/** A new question starts as a required single choice with two empty options. */
export function newQuestion(questions: readonly Question[]): EditorQuestion {
  const first = newOption([]);
  return { key: nextQuestionKey(questions), kind: 'single', title: '', required: true, options: [first, newOption([first])] };
}

/** Changes the kind, giving the question what the new kind needs (options or a scale) if it has none yet. */
export function withKind(question: EditorQuestion, kind: QuestionKind): EditorQuestion {
  const next: EditorQuestion = { ...question, kind };
  if (isChoice(kind) && (next.options ?? []).length === 0) {
    const first = newOption([]);
    next.options = [first, newOption([first])];
  }
  if (kind === 'scale' && !next.scale) next.scale = defaultScale();
  return next;
}

/** `items` with the element at `index` moved by `delta` places; unchanged when that would leave the list. */
export function move<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const result = [...items];
  [result[index], result[target]] = [result[target], result[index]];
  return result;
}

function nonZeroWeights<K extends string>(weights: Partial<Record<K, number>> | undefined): Partial<Record<K, number>> | undefined {
  const entries = Object.entries(weights ?? {}).filter(([, weight]) => typeof weight === 'number' && weight !== 0);
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<Record<K, number>>) : undefined;
}

/** Scores without zero weights, empty maps or an empty allergen list, so the stored JSON says only what counts. */
export function normalizeScores(scores: OptionScores | undefined): OptionScores {
  const result: OptionScores = {};
  const types = nonZeroWeights(scores?.types);
  const concerns = nonZeroWeights(scores?.concerns);
  if (types) result.types = types;
  if (concerns) result.concerns = concerns;
  if (typeof scores?.sensitivity === 'number' && scores.sensitivity !== 0) result.sensitivity = scores.sensitivity;
  if (scores?.allergens && scores.allergens.length > 0) result.allergens = [...scores.allergens];
  return result;
}

/** One question as the API stores it: trimmed text, and only the fields its kind uses. */
export function toQuestion(question: EditorQuestion): Question {
  const result: Question = { key: question.key, kind: question.kind, title: question.title.trim(), required: question.required };
  const hint = question.hint?.trim();
  if (hint) result.hint = hint;
  if (isChoice(question.kind)) {
    result.options = (question.options ?? []).map((option) => ({ key: option.key, label: option.label.trim(), scores: normalizeScores(option.scores) }));
  }
  if (question.kind === 'multiple' && typeof question.maxChoices === 'number' && question.maxChoices > 0) result.maxChoices = question.maxChoices;
  if (question.kind === 'scale') {
    const scale = question.scale ?? defaultScale();
    result.scale = { min: scale.min, max: scale.max, minLabel: scale.minLabel.trim(), maxLabel: scale.maxLabel.trim(), scores: normalizeScores(scale.scores) };
  }
  return result;
}

export function toDefinition(questions: readonly EditorQuestion[]): QuestionnaireDefinition {
  return { questions: questions.map(toQuestion) };
}

/** The editor's state for a stored version (a deep copy, so editing never touches the query cache). */
export function fromVersion(version: { title: string; description: string; definition: QuestionnaireDefinition } | null): EditorState {
  if (!version) return { title: '', description: '', questions: [] };
  return { title: version.title, description: version.description, questions: structuredClone(version.definition.questions ?? []) };
}

/** A short reading of what an option adds: 干性 +2 · 缺水 +1 · 敏感度 +1 · 过敏：香精. */
export function describeScores(scores: OptionScores | undefined): string {
  const normalized = normalizeScores(scores);
  const signed = (weight: number) => (weight > 0 ? `+${weight}` : String(weight));
  const parts = [
    ...BASE_SKIN_TYPES.filter((type) => normalized.types?.[type]).map((type) => `${BASE_SKIN_TYPE_SHORT_LABELS[type]} ${signed(normalized.types?.[type] ?? 0)}`),
    ...SKIN_CONCERNS.filter((concern) => normalized.concerns?.[concern]).map(
      (concern) => `${SKIN_CONCERN_LABELS[concern]} ${signed(normalized.concerns?.[concern] ?? 0)}`,
    ),
  ];
  if (normalized.sensitivity) parts.push(`敏感度 ${signed(normalized.sensitivity)}`);
  if (normalized.allergens) parts.push(`过敏：${normalized.allergens.map((allergen) => ALLERGEN_LABELS[allergen]).join('、')}`);
  return parts.join(' · ');
}

const FIELD_WORDS: Record<string, string> = {
  title: '标题',
  label: '选项文字',
  options: '选项',
  scale: '量表',
  scores: '评分',
  key: '编号',
  kind: '题型',
  min: '最小值',
  max: '最大值',
  minLabel: '最小值说明',
  maxLabel: '最大值说明',
  maxChoices: '最多可选',
  hint: '提示',
  questions: '题目',
  definition: '问卷内容',
};

/** A problem's field path (`questions[1].options[0].label`, `questions.1.title`) in words staff read: 第2题 · 选项a · 选项文字. */
export function describeField(field: string, questions: readonly Pick<Question, 'options'>[] = []): string {
  const tokens = field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((token) => token !== '' && token !== 'definition');
  const parts: string[] = [];
  let questionIndex = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const index = /^\d+$/.test(tokens[i + 1] ?? '') ? Number(tokens[i + 1]) : null;
    if (token === 'questions' && index !== null) {
      questionIndex = index;
      parts.push(`第${index + 1}题`);
      i++;
    } else if (token === 'options' && index !== null) {
      const key = questions[questionIndex]?.options?.[index]?.key;
      parts.push(key ? `选项${key}` : `第${index + 1}个选项`);
      i++;
    } else {
      parts.push(FIELD_WORDS[token] ?? token);
    }
  }
  return parts.join(' · ');
}
