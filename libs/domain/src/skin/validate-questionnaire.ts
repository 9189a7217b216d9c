import { type QuestionnaireDefinition, QUESTION_KINDS } from './questionnaire';
import { ALLERGENS, BASE_SKIN_TYPES, SKIN_CONCERNS } from './skin-vocabulary';

export interface QuestionnaireProblem {
  /** Path to the offending value, e.g. `questions[2].options[1].label`. */
  field: string;
  /** What is wrong, in Chinese, for the console author. */
  problem: string;
}

const MAX_QUESTIONS = 40;
const KEY_PATTERN = /^[a-z0-9_]{1,20}$/;
const MIN_OPTIONS = 2;
const MAX_OPTIONS = 12;
const MAX_WEIGHT = 5;
const MAX_SCALE_SPAN = 10;
/** The save-answer DTO accepts scale values within ±100, so a scale outside that could never be answered. */
const SCALE_LIMIT = 100;

/**
 * Lists what stops a questionnaire draft from being published; an empty list means it can go live.
 * Drafts arrive as JSON from the console, so every value is checked at runtime rather than trusted to its type,
 * and all problems are reported at once so the author can fix them in one pass.
 */
export function validateQuestionnaire(def: QuestionnaireDefinition): QuestionnaireProblem[] {
  const problems: QuestionnaireProblem[] = [];
  const add = (field: string, problem: string) => problems.push({ field, problem });

  const questions: unknown = isRecord(def) ? def.questions : undefined;
  if (!Array.isArray(questions)) {
    add('questions', '题目列表格式不正确');
    return problems;
  }
  if (questions.length === 0) add('questions', '至少需要1道题');
  if (questions.length > MAX_QUESTIONS) add('questions', `最多${MAX_QUESTIONS}道题`);

  const seenKeys = new Set<string>();
  questions.forEach((question: unknown, i) => {
    const at = `questions[${i}]`;
    if (!isRecord(question)) {
      add(at, '题目格式不正确');
      return;
    }
    const key = question['key'];
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) add(`${at}.key`, '题目标识须为1–20位小写字母、数字或下划线');
    else if (seenKeys.has(key)) add(`${at}.key`, `题目标识「${key}」重复`);
    else seenKeys.add(key);

    checkText(question['title'], 60, `${at}.title`, '题目标题', add);
    if (question['hint'] !== undefined && question['hint'] !== null && typeof question['hint'] !== 'string') add(`${at}.hint`, '提示文字格式不正确');
    if (typeof question['required'] !== 'boolean') add(`${at}.required`, '须说明是否必答');

    const kind = question['kind'];
    if (!(QUESTION_KINDS as readonly unknown[]).includes(kind)) {
      add(`${at}.kind`, '题型须为单选、多选、量表或文字');
      return;
    }
    const options = question['options'];
    const hasOptions = options !== undefined && options !== null && !(Array.isArray(options) && options.length === 0);
    const hasScale = question['scale'] !== undefined && question['scale'] !== null;
    const hasMaxChoices = question['maxChoices'] !== undefined && question['maxChoices'] !== null;

    if (kind === 'single' || kind === 'multiple') {
      checkOptions(options, at, add);
      if (hasScale) add(`${at}.scale`, '选择题不需要量表设置');
    }
    if (kind === 'multiple' && hasMaxChoices) {
      const count = Array.isArray(options) ? options.length : 0;
      const max = question['maxChoices'];
      if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > count) add(`${at}.maxChoices`, `最多可选数须在1到${count}之间`);
    } else if (hasMaxChoices) {
      add(`${at}.maxChoices`, '只有多选题可以设置最多可选数');
    }
    if (kind === 'scale') {
      checkScale(question['scale'], `${at}.scale`, add);
      if (hasOptions) add(`${at}.options`, '量表题不需要选项');
    }
    if (kind === 'text') {
      if (hasOptions) add(`${at}.options`, '文字题不能有选项');
      if (hasScale) add(`${at}.scale`, '文字题不需要量表设置');
    }
  });
  return problems;
}

type Add = (field: string, problem: string) => void;

function checkOptions(options: unknown, at: string, add: Add): void {
  if (!Array.isArray(options) || options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) {
    add(`${at}.options`, `选择题须有${MIN_OPTIONS}到${MAX_OPTIONS}个选项`);
    if (!Array.isArray(options)) return;
  }
  const seen = new Set<string>();
  options.forEach((option: unknown, j) => {
    const field = `${at}.options[${j}]`;
    if (!isRecord(option)) {
      add(field, '选项格式不正确');
      return;
    }
    const key = option['key'];
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) add(`${field}.key`, '选项标识须为1–20位小写字母、数字或下划线');
    else if (seen.has(key)) add(`${field}.key`, `选项标识「${key}」在本题中重复`);
    else seen.add(key);
    checkText(option['label'], 40, `${field}.label`, '选项文字', add);
    checkScores(option['scores'], `${field}.scores`, add);
  });
}

function checkScale(scale: unknown, at: string, add: Add): void {
  if (!isRecord(scale)) {
    add(at, '量表题须设置最小值、最大值和两端文字');
    return;
  }
  const { min, max } = scale;
  if (typeof min !== 'number' || !Number.isInteger(min)) add(`${at}.min`, '最小值须为整数');
  if (typeof max !== 'number' || !Number.isInteger(max)) add(`${at}.max`, '最大值须为整数');
  if (typeof min === 'number' && typeof max === 'number' && Number.isInteger(min) && Number.isInteger(max)) {
    if (min >= max) add(`${at}.max`, '最大值须大于最小值');
    else if (max - min > MAX_SCALE_SPAN) add(`${at}.max`, `量表最多跨${MAX_SCALE_SPAN}格`);
    if (min < -SCALE_LIMIT || max > SCALE_LIMIT) add(at, `量表取值须在-${SCALE_LIMIT}到${SCALE_LIMIT}之间`);
  }
  checkText(scale['minLabel'], 40, `${at}.minLabel`, '最小值文字', add);
  checkText(scale['maxLabel'], 40, `${at}.maxLabel`, '最大值文字', add);
  checkScores(scale['scores'], `${at}.scores`, add);
}

function checkScores(scores: unknown, at: string, add: Add): void {
  if (!isRecord(scores)) {
    add(at, '评分设置格式不正确');
    return;
  }
  for (const key of Object.keys(scores)) {
    if (!['types', 'concerns', 'sensitivity', 'allergens'].includes(key)) add(`${at}.${key}`, '未知的评分项');
  }
  checkWeights(scores['types'], BASE_SKIN_TYPES, `${at}.types`, '肤质', add);
  checkWeights(scores['concerns'], SKIN_CONCERNS, `${at}.concerns`, '肌肤问题', add);
  if (scores['sensitivity'] !== undefined) checkWeight(scores['sensitivity'], `${at}.sensitivity`, add);

  const allergens = scores['allergens'];
  if (allergens === undefined) return;
  if (!Array.isArray(allergens)) {
    add(`${at}.allergens`, '过敏成分须为列表');
    return;
  }
  const seen = new Set<unknown>();
  allergens.forEach((allergen: unknown, k) => {
    if (!(ALLERGENS as readonly unknown[]).includes(allergen)) add(`${at}.allergens[${k}]`, `未知的过敏成分「${String(allergen)}」`);
    else if (seen.has(allergen)) add(`${at}.allergens[${k}]`, '过敏成分重复');
    seen.add(allergen);
  });
}

function checkWeights(weights: unknown, known: readonly string[], at: string, what: string, add: Add): void {
  if (weights === undefined) return;
  if (!isRecord(weights)) {
    add(at, `${what}评分格式不正确`);
    return;
  }
  for (const [key, weight] of Object.entries(weights)) {
    if (!known.includes(key)) add(`${at}.${key}`, `未知的${what}「${key}」`);
    else checkWeight(weight, `${at}.${key}`, add);
  }
}

function checkWeight(weight: unknown, at: string, add: Add): void {
  if (typeof weight !== 'number' || !Number.isInteger(weight) || Math.abs(weight) > MAX_WEIGHT) add(at, `分值须为-${MAX_WEIGHT}到${MAX_WEIGHT}之间的整数`);
}

/** Lengths count characters as people see them, so a Chinese character or an emoji is one. */
function checkText(text: unknown, max: number, at: string, what: string, add: Add): void {
  if (typeof text !== 'string' || text.trim() === '') add(at, `${what}不能为空`);
  else if ([...text].length > max) add(at, `${what}不能超过${max}个字`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
