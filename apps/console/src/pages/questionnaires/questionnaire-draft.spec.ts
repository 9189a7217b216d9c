import type { Question } from '@glow/domain';
import { describeField, describeScores, move, newQuestion, nextOptionKey, nextQuestionKey, normalizeScores, toDefinition, withKind } from './questionnaire-draft';

const keys = (...values: string[]) => values.map((key) => ({ key }));

describe(nextQuestionKey.name, () => {
  it.each([
    [[], 'q1'],
    [['q1', 'q2'], 'q3'],
    // Never reuses a removed key, whatever the order.
    [['q3', 'q1'], 'q4'],
    [['q10', 'custom'], 'q11'],
  ])('after %j is %s', (existing, expected) => {
    expect(nextQuestionKey(keys(...existing))).toBe(expected);
  });
});

describe(nextOptionKey.name, () => {
  it.each([
    [[], 'a'],
    [['a', 'b'], 'c'],
    [['a', 'c'], 'd'],
    [['z', 'a'], 'b'],
  ])('after %j is %s', (existing, expected) => {
    expect(nextOptionKey(keys(...existing))).toBe(expected);
  });
});

describe(withKind.name, () => {
  it('keeps options and scale when switching kinds, so switching back loses nothing', () => {
    const single = newQuestion([]);
    const scale = withKind(single, 'scale');
    expect(scale.scale).toEqual({ min: 1, max: 5, minLabel: '', maxLabel: '', scores: {} });
    expect(withKind(scale, 'single').options).toBe(single.options);
  });

  it('gives a choice question without options two empty ones', () => {
    const text: Question = { key: 'q4', kind: 'text', title: '其他', required: false };
    expect(withKind(text, 'multiple').options).toEqual([
      { key: 'a', label: '', scores: {} },
      { key: 'b', label: '', scores: {} },
    ]);
  });
});

describe(toDefinition.name, () => {
  it('keeps only what each kind uses, trimmed, with scores reduced to what counts', () => {
    const base = { required: true, options: [{ key: 'a', label: ' 是 ', scores: { types: { dry: 0, oily: 2 }, concerns: {}, sensitivity: 0, allergens: [] } }] };
    const questions: Question[] = [
      { key: 'q1', kind: 'single', title: ' 单选 ', hint: '  ', maxChoices: 2, scale: { min: 1, max: 5, minLabel: '', maxLabel: '', scores: {} }, ...base },
      { key: 'q2', kind: 'multiple', title: '多选', maxChoices: 2, ...base },
      { key: 'q3', kind: 'scale', title: '量表', hint: '1 表示从不', ...base, scale: { min: 0, max: 4, minLabel: ' 从不', maxLabel: '总是 ', scores: { sensitivity: 3 } } },
      { key: 'q4', kind: 'text', title: '补充', ...base, required: false },
    ];

    expect(toDefinition(questions)).toEqual({
      questions: [
        { key: 'q1', kind: 'single', title: '单选', required: true, options: [{ key: 'a', label: '是', scores: { types: { oily: 2 } } }] },
        { key: 'q2', kind: 'multiple', title: '多选', required: true, maxChoices: 2, options: [{ key: 'a', label: '是', scores: { types: { oily: 2 } } }] },
        { key: 'q3', kind: 'scale', title: '量表', hint: '1 表示从不', required: true, scale: { min: 0, max: 4, minLabel: '从不', maxLabel: '总是', scores: { sensitivity: 3 } } },
        { key: 'q4', kind: 'text', title: '补充', required: false },
      ],
    });
  });
});

describe(normalizeScores.name, () => {
  it('drops cleared (undefined) and zero weights but keeps negative ones', () => {
    expect(normalizeScores({ types: { dry: undefined, oily: -1 }, concerns: { acne: 0 }, allergens: ['retinol'] })).toEqual({
      types: { oily: -1 },
      allergens: ['retinol'],
    });
  });
});

describe(move.name, () => {
  it('swaps with the neighbour and ignores moves off either end', () => {
    expect(move(['q1', 'q2', 'q3'], 2, -1)).toEqual(['q1', 'q3', 'q2']);
    expect(move(['q1', 'q2'], 0, -1)).toEqual(['q1', 'q2']);
    expect(move(['q1', 'q2'], 1, 1)).toEqual(['q1', 'q2']);
  });
});

describe(describeField.name, () => {
  const questions = [{ options: [{ key: 'a', label: '', scores: {} }] }];
  it.each([
    ['questions[0].options[0].label', '第1题 · 选项a · 选项文字'],
    ['definition.questions.0.title', '第1题 · 标题'],
    ['questions[2].options[5]', '第3题 · 第6个选项'],
    ['definition.questions', '题目'],
    ['questions[0].somethingNew', '第1题 · somethingNew'],
  ])('%s reads %s', (field, expected) => {
    expect(describeField(field, questions)).toBe(expected);
  });
});

describe(describeScores.name, () => {
  it('reads weights in vocabulary order with signs, then sensitivity and allergens', () => {
    expect(describeScores({ concerns: { pores: 1 }, types: { oily: 2, dry: -1 }, sensitivity: 1, allergens: ['fragrance', 'alcohol'] })).toBe(
      '干性 -1 · 油性 +2 · 毛孔 +1 · 敏感度 +1 · 过敏：香精、酒精',
    );
    expect(describeScores({})).toBe('');
  });
});
