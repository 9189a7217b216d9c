import type { Answer, OptionScores, Question, QuestionnaireDefinition } from './questionnaire';
import {
  ALLERGEN_LABELS,
  ALLERGENS,
  type Allergen,
  BASE_SKIN_TYPES,
  type BaseSkinType,
  SENSITIVITY_LABELS,
  type SensitivityLevel,
  SKIN_CONCERN_ACTIONS,
  SKIN_CONCERN_LABELS,
  SKIN_CONCERNS,
  SKIN_TYPE_LABELS,
  type SkinConcern,
} from './skin-vocabulary';

export interface SkinProfile {
  /** The strongest base type; see {@link scoreQuestionnaire} for how close calls are decided. */
  skinType: BaseSkinType;
  /** True when `sensitivity` is `high`. */
  sensitive: boolean;
  sensitivity: SensitivityLevel;
  /** 0–100, the share of the sensitivity points this questionnaire can award at most. */
  sensitivityScore: number;
  typeScores: Record<BaseSkinType, number>;
  /** Concerns with enough evidence, strongest first, at most four. */
  concerns: SkinConcern[];
  /** Every concern that scored anything, including those below the threshold. */
  concernScores: Partial<Record<SkinConcern, number>>;
  /** Union of the allergens flagged by chosen options, in `ALLERGENS` order. */
  allergens: Allergen[];
  /** One line for cards, e.g. `混合性肌肤 · 轻度敏感`. */
  summary: string;
  /** Two or three short sentences: the type, the main concerns, what to look for or avoid. */
  explanation: string;
}

export type ScoreFailure = 'unanswered-required' | 'unknown-question' | 'unknown-option' | 'wrong-answer-shape' | 'too-many-choices' | 'out-of-range' | 'duplicate-answer';

export type ScoreOutcome = { ok: true; profile: SkinProfile } | { ok: false; reason: ScoreFailure; questionKey: string; message: string };

export type AnswerCheck = { ok: true } | Extract<ScoreOutcome, { ok: false }>;

/** Free-text answers are stored, never scored; the limit matches the save-answer DTO. */
export const MAX_TEXT_ANSWER_LENGTH = 500;

/** A concern is shown only with at least one clear answer behind it (or two mild ones). */
const CONCERN_THRESHOLD = 2;
const MAX_CONCERNS = 4;
/** Below this no type has a real signal, and calling the skin anything but normal would be a guess. */
const WEAK_TYPE_SIGNAL = 2;
/** Clear oiliness together with clear dryness is what combination skin is, whatever the other scores say. */
const STRONG_TYPE_SIGNAL = 3;
const CLOSE_TYPE_GAP = 1;
/** Ties go to the more specific type: it leads to more useful advice than the catch-all `normal`. */
const TYPE_TIE_ORDER: readonly BaseSkinType[] = ['combination', 'oily', 'dry', 'normal'];
const SENSITIVITY_BANDS: readonly { level: SensitivityLevel; from: number }[] = [
  { level: 'high', from: 60 },
  { level: 'medium', from: 25 },
  { level: 'low', from: 0 },
];

const TYPE_SENTENCES: Record<BaseSkinType, string> = {
  dry: '你的肌肤偏干，皮脂分泌少，容易紧绷、起皮。',
  oily: '你的肌肤皮脂分泌旺盛，容易出油、毛孔粗大。',
  combination: '你的T区容易出油，两颊偏干或正常，属于混合性肌肤。',
  normal: '你的肌肤水油比较平衡，整体状态稳定。',
};

/**
 * Checks one answer against its question, as the API does when a member saves answers one at a time:
 * `single` takes exactly one known option key; `multiple` one or more distinct known keys, at most `maxChoices`;
 * `scale` an integer `value` within [min, max]; `text` a `text` of at most 500 characters (blank only when optional).
 * Fields that do not belong to the question's kind make the answer malformed rather than being ignored.
 */
export function checkAnswer(question: Question, answer: Answer): AnswerCheck {
  const fail = (reason: ScoreFailure, message: string): AnswerCheck => ({ ok: false, reason, questionKey: question.key, message });
  if (answer.questionKey !== question.key) return fail('unknown-question', '问卷已更新，请刷新后重新作答');
  const hasKeys = answer.optionKeys !== undefined && answer.optionKeys !== null;
  const hasValue = answer.value !== undefined && answer.value !== null;
  const hasText = answer.text !== undefined && answer.text !== null;

  switch (question.kind) {
    case 'single':
    case 'multiple': {
      const single = question.kind === 'single';
      const keys = answer.optionKeys;
      if (hasValue || hasText || !Array.isArray(keys) || keys.length === 0 || !keys.every((k) => typeof k === 'string')) {
        return fail('wrong-answer-shape', single ? '请选择一个选项' : '请至少选择一个选项');
      }
      if (new Set(keys).size !== keys.length) return fail('duplicate-answer', '同一选项不能重复选择');
      const known = new Set((question.options ?? []).map((o) => o.key));
      if (!keys.every((k) => known.has(k))) return fail('unknown-option', '所选选项不存在，请刷新后重试');
      const max = single ? 1 : (question.maxChoices ?? known.size);
      if (keys.length > max) return fail('too-many-choices', single ? '只能选择一个选项' : `最多可选${max}项`);
      return { ok: true };
    }
    case 'scale': {
      const value = answer.value;
      if (hasKeys || hasText || typeof value !== 'number' || !Number.isInteger(value) || !question.scale) return fail('wrong-answer-shape', '请选择一个刻度');
      if (value < question.scale.min || value > question.scale.max) return fail('out-of-range', `请在${question.scale.min}到${question.scale.max}之间选择`);
      return { ok: true };
    }
    case 'text': {
      if (hasKeys || hasValue || typeof answer.text !== 'string') return fail('wrong-answer-shape', '请填写文字内容');
      if ([...answer.text].length > MAX_TEXT_ANSWER_LENGTH) return fail('out-of-range', `内容不能超过${MAX_TEXT_ANSWER_LENGTH}字`);
      if (question.required && answer.text.trim() === '') return fail('unanswered-required', `请先回答「${question.title}」`);
      return { ok: true };
    }
    default:
      return fail('wrong-answer-shape', '答案格式不正确');
  }
}

/**
 * Turns a member's answers into a skin profile.
 *
 * Every chosen option adds its weights; a scale answer v adds the scale's weights times (v - min) / (max - min).
 * Questions are summed in definition order, so the result does not depend on the order answers arrive in.
 *
 * Skin type, in this order: when no type reaches 2 points the skin is `normal` (nothing stands out);
 * when oily and dry both reach 3 points and are at most 1 apart it is `combination` (oily T-zone, dry cheeks);
 * otherwise the highest score wins, ties going to combination, then oily, then dry, then normal —
 * except that an oily/dry tie is combination.
 *
 * Sensitivity is normalised against the most sensitivity points this questionnaire can award, so editing the
 * questionnaire does not shift the bands: low below 25, medium from 25, high from 60 (`sensitive`).
 * Concerns need 2 points, are ordered strongest first (ties in `SKIN_CONCERNS` order) and capped at four.
 * An allergen is flagged when an option carrying it is chosen (for a scale: when the answer is above the minimum).
 *
 * The first problem found is returned: answers to questions not in the questionnaire (a stale client) first,
 * then each question in order.
 */
export function scoreQuestionnaire(definition: QuestionnaireDefinition, answers: Answer[]): ScoreOutcome {
  const questionKeys = new Set(definition.questions.map((q) => q.key));
  const unknown = answers.map((a) => a.questionKey).filter((k) => !questionKeys.has(k)).sort();
  if (unknown.length > 0) return { ok: false, reason: 'unknown-question', questionKey: String(unknown[0]), message: '问卷已更新，请刷新后重新作答' };

  const types: Record<BaseSkinType, number> = { dry: 0, oily: 0, combination: 0, normal: 0 };
  const concernTotals = new Map<SkinConcern, number>();
  const flagged = new Set<string>();
  let sensitivityPoints = 0;

  for (const question of definition.questions) {
    const given = answers.filter((a) => a.questionKey === question.key);
    if (given.length > 1) return { ok: false, reason: 'duplicate-answer', questionKey: question.key, message: '同一题目只能回答一次' };
    if (given.length === 0) {
      if (question.required) return { ok: false, reason: 'unanswered-required', questionKey: question.key, message: `请先回答「${question.title}」` };
      continue;
    }
    const check = checkAnswer(question, given[0]);
    if (!check.ok) return check;

    for (const { scores, factor } of earned(question, given[0])) {
      for (const type of BASE_SKIN_TYPES) types[type] += (scores.types?.[type] ?? 0) * factor;
      for (const concern of SKIN_CONCERNS) {
        const weight = scores.concerns?.[concern] ?? 0;
        if (weight !== 0) concernTotals.set(concern, (concernTotals.get(concern) ?? 0) + weight * factor);
      }
      sensitivityPoints += (scores.sensitivity ?? 0) * factor;
      if (factor > 0) for (const allergen of scores.allergens ?? []) flagged.add(allergen);
    }
  }

  const typeScores = { dry: round2(types.dry), oily: round2(types.oily), combination: round2(types.combination), normal: round2(types.normal) };
  const skinType = decideSkinType(typeScores);

  const concernScores: Partial<Record<SkinConcern, number>> = {};
  for (const concern of SKIN_CONCERNS) {
    const score = round2(concernTotals.get(concern) ?? 0);
    if (score !== 0) concernScores[concern] = score;
  }
  const concerns = SKIN_CONCERNS.filter((c) => (concernScores[c] ?? 0) >= CONCERN_THRESHOLD)
    .sort((a, b) => (concernScores[b] ?? 0) - (concernScores[a] ?? 0) || SKIN_CONCERNS.indexOf(a) - SKIN_CONCERNS.indexOf(b))
    .slice(0, MAX_CONCERNS);

  const maxSensitivity = maxSensitivityPoints(definition);
  const sensitivityScore = maxSensitivity > 0 ? Math.min(100, Math.max(0, Math.round((100 * sensitivityPoints) / maxSensitivity))) : 0;
  const sensitivity = (SENSITIVITY_BANDS.find((b) => sensitivityScore >= b.from) ?? SENSITIVITY_BANDS[SENSITIVITY_BANDS.length - 1]).level;
  const sensitive = sensitivity === 'high';
  const allergens = ALLERGENS.filter((a) => flagged.has(a));

  return {
    ok: true,
    profile: {
      skinType,
      sensitive,
      sensitivity,
      sensitivityScore,
      typeScores,
      concerns,
      concernScores,
      allergens,
      summary: `${SKIN_TYPE_LABELS[skinType]} · ${SENSITIVITY_LABELS[sensitivity]}`,
      explanation: explain(skinType, sensitivity, concerns, allergens),
    },
  };
}

/** The weights an answer earns and by how much they count; options in definition order. */
function earned(question: Question, answer: Answer): { scores: OptionScores; factor: number }[] {
  if (question.kind === 'single' || question.kind === 'multiple') {
    const chosen = new Set(answer.optionKeys ?? []);
    return (question.options ?? []).filter((o) => chosen.has(o.key)).map((o) => ({ scores: o.scores, factor: 1 }));
  }
  if (question.kind === 'scale' && question.scale && typeof answer.value === 'number') {
    const { min, max, scores } = question.scale;
    return [{ scores, factor: (answer.value - min) / (max - min) }];
  }
  return [];
}

/** The most sensitivity points a member could collect, answering every question to that end. */
function maxSensitivityPoints(definition: QuestionnaireDefinition): number {
  let total = 0;
  for (const question of definition.questions) {
    const options = question.options ?? [];
    const points = options.map((o) => o.scores.sensitivity ?? 0).filter((s) => s > 0);
    if (question.kind === 'single') total += Math.max(0, ...points);
    else if (question.kind === 'multiple') {
      total += points
        .sort((a, b) => b - a)
        .slice(0, question.maxChoices ?? options.length)
        .reduce((sum, s) => sum + s, 0);
    } else if (question.kind === 'scale') total += Math.max(0, question.scale?.scores.sensitivity ?? 0);
  }
  return total;
}

function decideSkinType(scores: Record<BaseSkinType, number>): BaseSkinType {
  const top = Math.max(...BASE_SKIN_TYPES.map((t) => scores[t]));
  if (top < WEAK_TYPE_SIGNAL) return 'normal';
  if (scores.oily >= STRONG_TYPE_SIGNAL && scores.dry >= STRONG_TYPE_SIGNAL && Math.abs(scores.oily - scores.dry) <= CLOSE_TYPE_GAP) return 'combination';
  const leaders = TYPE_TIE_ORDER.filter((t) => scores[t] === top);
  if (leaders.includes('oily') && leaders.includes('dry')) return 'combination';
  return leaders[0];
}

function explain(skinType: BaseSkinType, sensitivity: SensitivityLevel, concerns: SkinConcern[], allergens: Allergen[]): string {
  const sentences = [TYPE_SENTENCES[skinType]];
  if (concerns.length > 0) {
    const labels = concerns.map((c) => SKIN_CONCERN_LABELS[c]).join('、');
    const actions = concerns
      .slice(0, 2)
      .map((c) => SKIN_CONCERN_ACTIONS[c])
      .join('、');
    sentences.push(`目前最需要关注的是${labels}，可优先选择${actions}的产品。`);
  } else {
    sentences.push('目前没有明显的肌肤困扰，做好清洁、保湿和防晒即可。');
  }
  if (allergens.length > 0) {
    const labels = allergens.map((a) => ALLERGEN_LABELS[a]).join('、');
    sentences.push(`请避开含${labels}的产品${sensitivity === 'high' ? '，新品先在耳后小范围试用' : ''}。`);
  } else if (sensitivity === 'high') {
    sentences.push('肌肤较敏感，请选择成分精简、标注敏感肌适用的产品，新品先在耳后小范围试用。');
  } else if (sensitivity === 'medium') {
    sentences.push('肌肤偶有敏感，换用新品时先小范围试用。');
  }
  return sentences.join('');
}

/** Scale answers earn fractions; two decimals keep scores readable and comparisons free of float noise. */
function round2(x: number): number {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r;
}
