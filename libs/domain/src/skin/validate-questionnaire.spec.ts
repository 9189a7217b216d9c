import type { Question, QuestionnaireDefinition } from './questionnaire';
import { STANDARD_QUESTIONNAIRE } from './standard-questionnaire';
import { validateQuestionnaire } from './validate-questionnaire';

const single = (key: string, extra: Record<string, unknown> = {}): Question =>
  ({
    key,
    kind: 'single',
    title: '洁面后的感觉？',
    required: true,
    options: [
      { key: 'a', label: '紧绷', scores: { types: { dry: 3 } } },
      { key: 'b', label: '油亮', scores: { types: { oily: 3 }, concerns: { pores: 1 } } },
    ],
    ...extra,
  }) as Question;

const scale = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}): Question =>
  ({ key: 'tight', kind: 'scale', title: '紧绷程度', required: true, scale: { min: 1, max: 5, minLabel: '不会', maxLabel: '很明显', scores: { concerns: { dehydration: 3 } }, ...spec }, ...extra }) as Question;

/** Drafts come from the console as JSON, so the cases include values the types would not allow. */
const def = (...questions: unknown[]): QuestionnaireDefinition => ({ questions }) as QuestionnaireDefinition;

const options = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `o${i}`, label: `选项${i}`, scores: {} }));

describe(validateQuestionnaire.name, () => {
  it('passes the standard questionnaire', () => {
    expect(validateQuestionnaire(STANDARD_QUESTIONNAIRE.definition)).toEqual([]);
  });

  it('passes a minimal valid questionnaire of each kind', () => {
    expect(
      validateQuestionnaire(
        def(
          single('q1'),
          { ...single('q2'), kind: 'multiple', maxChoices: 2 },
          scale({}),
          { key: 'note', kind: 'text', title: '其他', required: false, options: [] },
        ),
      ),
    ).toEqual([]);
  });

  it.each([
    ['no questions', def(), 'questions', '至少需要1道题'],
    ['41 questions', def(...Array.from({ length: 41 }, (_, i) => single(`q${i}`))), 'questions', '最多40道题'],
    ['questions not a list', { questions: 'x' }, 'questions', '题目列表格式不正确'],
    ['a question that is not an object', def(single('q1'), null), 'questions[1]', '题目格式不正确'],
    ['a key with capitals', def(single('Q1')), 'questions[0].key', '小写字母'],
    ['a key longer than 20', def(single('q'.repeat(21))), 'questions[0].key', '1–20位'],
    ['a missing key', def(single('q1', { key: undefined })), 'questions[0].key', '小写字母'],
    ['a duplicated key', def(single('q1'), single('q1')), 'questions[1].key', '重复'],
    ['an empty title', def(single('q1', { title: ' ' })), 'questions[0].title', '题目标题不能为空'],
    ['a 61-character title', def(single('q1', { title: '题'.repeat(61) })), 'questions[0].title', '不能超过60个字'],
    ['required not a boolean', def(single('q1', { required: 'yes' })), 'questions[0].required', '是否必答'],
    ['an unknown kind', def(single('q1', { kind: 'slider' })), 'questions[0].kind', '题型'],
    ['a single with one option', def(single('q1', { options: options(1) })), 'questions[0].options', '2到12个选项'],
    ['a multiple with 13 options', def(single('q1', { kind: 'multiple', options: options(13) })), 'questions[0].options', '2到12个选项'],
    ['a single without options', def(single('q1', { options: undefined })), 'questions[0].options', '2到12个选项'],
    ['duplicated option keys', def(single('q1', { options: [...options(2), { key: 'o1', label: '又一个', scores: {} }] })), 'questions[0].options[2].key', '重复'],
    ['an option key with spaces', def(single('q1', { options: [...options(2), { key: 'a b', label: 'x', scores: {} }] })), 'questions[0].options[2].key', '小写字母'],
    ['an empty option label', def(single('q1', { options: [...options(2), { key: 'x', label: '', scores: {} }] })), 'questions[0].options[2].label', '选项文字不能为空'],
    ['a 41-character option label', def(single('q1', { options: [{ key: 'x', label: '长'.repeat(41), scores: {} }, ...options(2)] })), 'questions[0].options[0].label', '不能超过40个字'],
    ['an option that is not an object', def(single('q1', { options: [...options(2), 'c'] })), 'questions[0].options[2]', '选项格式不正确'],
    ['an option without scores', def(single('q1', { options: [...options(2), { key: 'x', label: 'x' }] })), 'questions[0].options[2].scores', '评分设置格式不正确'],
    ['maxChoices above the option count', def(single('q1', { kind: 'multiple', maxChoices: 3 })), 'questions[0].maxChoices', '1到2之间'],
    ['maxChoices of zero', def(single('q1', { kind: 'multiple', maxChoices: 0 })), 'questions[0].maxChoices', '1到2之间'],
    ['fractional maxChoices', def(single('q1', { kind: 'multiple', maxChoices: 1.5 })), 'questions[0].maxChoices', '1到2之间'],
    ['maxChoices on a single', def(single('q1', { maxChoices: 1 })), 'questions[0].maxChoices', '只有多选题'],
    ['a scale on a choice question', def(single('q1', { scale: { min: 1, max: 5 } })), 'questions[0].scale', '选择题不需要量表设置'],
    ['a weight of 6', def(single('q1', { options: [{ key: 'a', label: 'a', scores: { types: { dry: 6 } } }, ...options(1)] })), 'questions[0].options[0].scores.types.dry', '-5到5之间的整数'],
    ['a weight of -6', def(single('q1', { options: [{ key: 'a', label: 'a', scores: { concerns: { acne: -6 } } }, ...options(1)] })), 'questions[0].options[0].scores.concerns.acne', '-5到5之间的整数'],
    ['a fractional weight', def(single('q1', { options: [{ key: 'a', label: 'a', scores: { sensitivity: 1.5 } }, ...options(1)] })), 'questions[0].options[0].scores.sensitivity', '整数'],
    ['a weight given as text', def(single('q1', { options: [{ key: 'a', label: 'a', scores: { types: { oily: '3' } } }, ...options(1)] })), 'questions[0].options[0].scores.types.oily', '整数'],
    ['the sensitive type as a scored type', def(single('q1', { options: [{ key: 'a', label: 'a', scores: { types: { sensitive: 2 } } }, ...options(1)] })), 'questions[0].options[0].scores.types.sensitive', '未知的肤质'],
    ['an unknown concern', def(single('q1', { options: [{ key: 'a', label: 'a', scores: { concerns: { freckles: 2 } } }, ...options(1)] })), 'questions[0].options[0].scores.concerns.freckles', '未知的肌肤问题'],
    ['an unknown allergen', def(single('q1', { options: [{ key: 'a', label: 'a', scores: { allergens: ['gluten'] } }, ...options(1)] })), 'questions[0].options[0].scores.allergens[0]', '未知的过敏成分「gluten」'],
    ['a repeated allergen', def(single('q1', { options: [{ key: 'a', label: 'a', scores: { allergens: ['alcohol', 'alcohol'] } }, ...options(1)] })), 'questions[0].options[0].scores.allergens[1]', '重复'],
    ['allergens not a list', def(single('q1', { options: [{ key: 'a', label: 'a', scores: { allergens: 'alcohol' } }, ...options(1)] })), 'questions[0].options[0].scores.allergens', '列表'],
    ['an unknown score field', def(single('q1', { options: [{ key: 'a', label: 'a', scores: { age: 2 } }, ...options(1)] })), 'questions[0].options[0].scores.age', '未知的评分项'],
    ['a scale without a spec', def(scale({}, { scale: undefined })), 'questions[0].scale', '最小值、最大值'],
    ['a scale with min equal to max', def(scale({ min: 3, max: 3 })), 'questions[0].scale.max', '最大值须大于最小值'],
    ['a scale with min above max', def(scale({ min: 5, max: 1 })), 'questions[0].scale.max', '最大值须大于最小值'],
    ['a scale spanning 11', def(scale({ min: 0, max: 11 })), 'questions[0].scale.max', '最多跨10格'],
    ['a fractional scale minimum', def(scale({ min: 0.5 })), 'questions[0].scale.min', '整数'],
    ['a scale beyond what answers can carry', def(scale({ min: 95, max: 101 })), 'questions[0].scale', '-100到100'],
    ['a scale without a min label', def(scale({ minLabel: '' })), 'questions[0].scale.minLabel', '最小值文字不能为空'],
    ['a scale without a max label', def(scale({ maxLabel: undefined })), 'questions[0].scale.maxLabel', '最大值文字不能为空'],
    ['a scale weight out of range', def(scale({ scores: { concerns: { dehydration: 9 } } })), 'questions[0].scale.scores.concerns.dehydration', '-5到5'],
    ['a scale with options', def(scale({}, { options: options(2) })), 'questions[0].options', '量表题不需要选项'],
    ['a text question with options', def({ key: 'note', kind: 'text', title: '其他', required: false, options: options(2) }), 'questions[0].options', '文字题不能有选项'],
    ['a text question with a scale', def({ key: 'note', kind: 'text', title: '其他', required: false, scale: { min: 1, max: 3 } }), 'questions[0].scale', '文字题不需要量表设置'],
  ])('reports %s', (_, definition, field, problem) => {
    const sut = validateQuestionnaire(definition as QuestionnaireDefinition);
    expect(sut).toContainEqual({ field, problem: expect.stringContaining(problem) });
  });

  it('reports every problem at once, each in Chinese', () => {
    const sut = validateQuestionnaire(def(single('Q1', { title: '' }), single('q2', { options: options(1) }), scale({ min: 5, max: 1 })));
    expect(sut.map((p) => p.field)).toEqual(['questions[0].key', 'questions[0].title', 'questions[1].options', 'questions[2].scale.max']);
    for (const { problem } of sut) expect(problem).toMatch(/[\u4e00-\u9fff]/);
  });

  it('counts characters, not UTF-16 units, so a 40-emoji label is fine', () => {
    expect(validateQuestionnaire(def(single('q1', { options: [{ key: 'x', label: '😀'.repeat(40), scores: {} }, ...options(1)] })))).toEqual([]);
  });

  it('accepts exactly 40 questions and a span of exactly 10', () => {
    expect(validateQuestionnaire(def(...Array.from({ length: 39 }, (_, i) => single(`q${i}`)), scale({ min: 0, max: 10 })))).toEqual([]);
  });

  it('survives a definition that is not an object', () => {
    expect(validateQuestionnaire(null as unknown as QuestionnaireDefinition)).toEqual([{ field: 'questions', problem: '题目列表格式不正确' }]);
  });
});
