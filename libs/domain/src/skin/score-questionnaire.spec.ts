import type { Answer, Question, QuestionnaireDefinition } from './questionnaire';
import { checkAnswer, type ScoreFailure, scoreQuestionnaire, type SkinProfile } from './score-questionnaire';
import { ALLERGENS, type Allergen, type BaseSkinType, SKIN_CONCERNS, SKIN_TYPE_LABELS } from './skin-vocabulary';
import { STANDARD_QUESTIONNAIRE } from './standard-questionnaire';
import { PERSONAS } from './testing/personas';

const standard = STANDARD_QUESTIONNAIRE.definition;

function profileOf(definition: QuestionnaireDefinition, answers: Answer[]): SkinProfile {
  const outcome = scoreQuestionnaire(definition, answers);
  if (!outcome.ok) throw new Error(`${outcome.reason} on ${outcome.questionKey}: ${outcome.message}`);
  return outcome.profile;
}

/** mulberry32: a tiny seeded PRNG so the randomised cases are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A valid answer set: every required question answered, optional ones sometimes skipped, in random order. */
function randomAnswers(definition: QuestionnaireDefinition, random: () => number): Answer[] {
  const answers: Answer[] = [];
  for (const q of definition.questions) {
    if (!q.required && random() < 0.5) continue;
    const options = q.options ?? [];
    if (q.kind === 'single') answers.push({ questionKey: q.key, optionKeys: [options[Math.floor(random() * options.length)].key] });
    if (q.kind === 'multiple') {
      const count = 1 + Math.floor(random() * (q.maxChoices ?? options.length));
      answers.push({ questionKey: q.key, optionKeys: shuffled(options, random).slice(0, count).map((o) => o.key) });
    }
    if (q.kind === 'scale' && q.scale) answers.push({ questionKey: q.key, value: q.scale.min + Math.floor(random() * (q.scale.max - q.scale.min + 1)) });
    if (q.kind === 'text') answers.push({ questionKey: q.key, text: '想要更温和的洁面'.slice(0, Math.floor(random() * 9)) });
  }
  return shuffled(answers, random);
}

/** The allergens the chosen options carry, worked out independently of the scorer. */
function flaggedBy(definition: QuestionnaireDefinition, answers: Answer[]): Allergen[] {
  const flagged = new Set<Allergen>();
  for (const a of answers) {
    const q = definition.questions.find((x) => x.key === a.questionKey);
    for (const o of q?.options ?? []) if (a.optionKeys?.includes(o.key)) o.scores.allergens?.forEach((x) => flagged.add(x));
    if (q?.scale && a.value !== undefined && a.value > q.scale.min) q.scale.scores.allergens?.forEach((x) => flagged.add(x));
  }
  return ALLERGENS.filter((x) => flagged.has(x));
}

const random = prng(20240611);
const RANDOM_SETS = Array.from({ length: 300 }, (_, i) => ({ name: `random answer set #${i}`, answers: randomAnswers(standard, random) }));
const ALL_SETS = [...PERSONAS.map((p) => ({ name: p.name, answers: p.answers })), ...RANDOM_SETS];

describe(scoreQuestionnaire.name, () => {
  describe('personas answering the standard questionnaire', () => {
    it.each(PERSONAS.map((p) => [p.name, p] as const))('%s', (_, persona) => {
      const sut = profileOf(standard, persona.answers);
      expect(sut.skinType).toBe(persona.expect.skinType);
      expect(sut.sensitive).toBe(persona.expect.sensitive);
      if (persona.expect.sensitivity) expect(sut.sensitivity).toBe(persona.expect.sensitivity);
      expect(sut.concerns).toEqual(expect.arrayContaining(persona.expect.concernsInclude));
      for (const concern of persona.expect.concernsExclude ?? []) expect(sut.concerns).not.toContain(concern);
      expect(sut.allergens).toEqual(persona.expect.allergens ?? []);
    });

    it('covers every base type, both sensitivity extremes and at least 14 members', () => {
      expect(PERSONAS.length).toBeGreaterThanOrEqual(14);
      expect(new Set(PERSONAS.map((p) => p.expect.skinType))).toEqual(new Set(['dry', 'oily', 'combination', 'normal']));
      expect(PERSONAS.some((p) => p.expect.sensitive)).toBe(true);
      expect(PERSONAS.some((p) => p.expect.concernsInclude.length === 0 && p.expect.concernsExclude?.length === SKIN_CONCERNS.length)).toBe(true);
    });

    it('explains a sensitive, allergic member in plain Chinese', () => {
      const rosacea = PERSONAS.find((p) => p.name.startsWith('rosacea-like'));
      const sut = profileOf(standard, rosacea?.answers ?? []);
      expect(sut.summary).toBe('干性肌肤 · 敏感');
      expect(sut.explanation).toContain('泛红');
      expect(sut.explanation).toContain('请避开含香精、精油的产品');
      expect(sut.explanation).toContain('耳后');
    });

    it('tells a member with nothing wrong that basic care is enough', () => {
      const plain = PERSONAS.find((p) => p.name === 'normal skin with nothing wrong');
      const sut = profileOf(standard, plain?.answers ?? []);
      expect(sut.summary).toBe('中性肌肤 · 耐受');
      expect(sut.concerns).toEqual([]);
      expect(sut.explanation).toContain('没有明显的肌肤困扰');
    });

    it('shows at most four concerns, strongest first, ties in vocabulary order', () => {
      const mature = PERSONAS.find((p) => p.name.startsWith('mature, losing firmness'));
      const sut = profileOf(standard, mature?.answers ?? []);
      expect(sut.concerns).toEqual(['wrinkles', 'firmness', 'dehydration', 'dark_circles']);
      expect(sut.concernScores).toMatchObject({ spots: 2, dullness: 2 });
    });
  });

  describe('invariants over personas and seeded random answer sets', () => {
    it.each(ALL_SETS.map((s) => [s.name, s.answers] as const))('%s', (_, answers) => {
      const sut = profileOf(standard, answers);

      expect(profileOf(standard, shuffled(answers, prng(answers.length)))).toEqual(sut);
      expect(profileOf(standard, [...answers].reverse())).toEqual(sut);

      expect(Number.isInteger(sut.sensitivityScore)).toBe(true);
      expect(sut.sensitivityScore).toBeGreaterThanOrEqual(0);
      expect(sut.sensitivityScore).toBeLessThanOrEqual(100);
      expect(sut.sensitive).toBe(sut.sensitivity === 'high');

      expect(sut.concerns.length).toBeLessThanOrEqual(4);
      expect(new Set(sut.concerns).size).toBe(sut.concerns.length);
      for (const concern of sut.concerns) {
        expect(SKIN_CONCERNS).toContain(concern);
        expect(sut.concernScores[concern]).toBeGreaterThan(0);
      }
      const shown = sut.concerns.map((c) => sut.concernScores[c] ?? 0);
      expect(shown).toEqual([...shown].sort((a, b) => b - a));

      expect(sut.allergens).toEqual(flaggedBy(standard, answers));
      expect(sut.summary).toContain(SKIN_TYPE_LABELS[sut.skinType]);
      const sentences = sut.explanation.split('。').filter(Boolean).length;
      expect(sentences).toBeGreaterThanOrEqual(2);
      expect(sentences).toBeLessThanOrEqual(3);
    });
  });

  describe('scoring rules', () => {
    const choice = (key: string, options: Question['options'], extra: Partial<Question> = {}): Question => ({ key, kind: 'single', title: key, required: true, options, ...extra });

    it('awards a scale answer its share of the top scores', () => {
      const definition: QuestionnaireDefinition = {
        questions: [{ key: 'oil', kind: 'scale', title: '出油', required: true, scale: { min: 1, max: 5, minLabel: '少', maxLabel: '多', scores: { types: { oily: 4 }, concerns: { pores: 3 } } } }],
      };
      expect(profileOf(definition, [{ questionKey: 'oil', value: 1 }]).typeScores.oily).toBe(0);
      expect(profileOf(definition, [{ questionKey: 'oil', value: 2 }]).typeScores.oily).toBe(1);
      expect(profileOf(definition, [{ questionKey: 'oil', value: 4 }]).concernScores.pores).toBe(2.25);
      expect(profileOf(definition, [{ questionKey: 'oil', value: 5 }]).typeScores).toEqual({ dry: 0, oily: 4, combination: 0, normal: 0 });
    });

    it('flags a scale allergen only above the minimum', () => {
      const definition: QuestionnaireDefinition = {
        questions: [{ key: 'sting', kind: 'scale', title: '刺痛', required: true, scale: { min: 0, max: 3, minLabel: '无', maxLabel: '强', scores: { allergens: ['alcohol'] } } }],
      };
      expect(profileOf(definition, [{ questionKey: 'sting', value: 0 }]).allergens).toEqual([]);
      expect(profileOf(definition, [{ questionKey: 'sting', value: 1 }]).allergens).toEqual(['alcohol']);
    });

    describe('skin type', () => {
      const typed = (types: Partial<Record<BaseSkinType, number>>) => {
        const questions = Object.entries(types).map(([type, weight]) => choice(type, [{ key: 'a', label: 'a', scores: { types: { [type]: weight } } }]));
        return profileOf({ questions }, questions.map((q) => ({ questionKey: q.key, optionKeys: ['a'] }))).skinType;
      };

      it.each<[string, Partial<Record<BaseSkinType, number>>, BaseSkinType]>([
        ['every signal is weak', { oily: 1, dry: 1 }, 'normal'],
        ['nothing scored', {}, 'normal'],
        ['oily and dry are both strong and equal', { oily: 3, dry: 3, normal: 5 }, 'combination'],
        ['oily and dry are both strong and one apart', { oily: 4, dry: 3 }, 'combination'],
        ['oily clearly leads a strong dry signal', { oily: 5, dry: 3 }, 'oily'],
        ['oily and dry tie at the top', { oily: 2, dry: 2 }, 'combination'],
        ['a tie with normal goes to the specific type', { oily: 2, normal: 2 }, 'oily'],
        ['a tie with normal goes to the specific type', { dry: 2, normal: 2 }, 'dry'],
        ['combination wins ties', { combination: 3, oily: 3 }, 'combination'],
        ['normal leads', { normal: 4, dry: 2 }, 'normal'],
      ])('when %s, %j is %s', (_, types, expected) => {
        expect(typed(types)).toBe(expected);
      });
    });

    it('normalises sensitivity against the best the questionnaire allows, counting only maxChoices options', () => {
      const definition: QuestionnaireDefinition = {
        questions: [
          choice('react', [
            { key: 'a', label: 'a', scores: { sensitivity: 0 } },
            { key: 'b', label: 'b', scores: { sensitivity: 2 } },
          ]),
          {
            key: 'signs',
            kind: 'multiple',
            title: 'signs',
            required: false,
            maxChoices: 2,
            options: [
              { key: 'a', label: 'a', scores: { sensitivity: 1 } },
              { key: 'b', label: 'b', scores: { sensitivity: 3 } },
              { key: 'c', label: 'c', scores: { sensitivity: 3 } },
              { key: 'd', label: 'd', scores: { sensitivity: -2 } },
            ],
          },
        ],
      };
      // The most achievable is 2 + 3 + 3 = 8.
      expect(profileOf(definition, [{ questionKey: 'react', optionKeys: ['b'] }])).toMatchObject({ sensitivityScore: 25, sensitivity: 'medium', sensitive: false });
      expect(profileOf(definition, [{ questionKey: 'react', optionKeys: ['a'] }, { questionKey: 'signs', optionKeys: ['a'] }])).toMatchObject({ sensitivityScore: 13, sensitivity: 'low' });
      expect(profileOf(definition, [{ questionKey: 'react', optionKeys: ['b'] }, { questionKey: 'signs', optionKeys: ['b', 'c'] }])).toMatchObject({ sensitivityScore: 100, sensitivity: 'high', sensitive: true });
      expect(profileOf(definition, [{ questionKey: 'react', optionKeys: ['a'] }, { questionKey: 'signs', optionKeys: ['d'] }]).sensitivityScore).toBe(0);
    });

    it.each([
      [2, 0, 20, 'low'],
      [2, 1, 25, 'medium'],
      [5, 1, 55, 'medium'],
      [5, 2, 60, 'high'],
    ] as const)('bands option %i plus scale %i (%i points) as %s', (points, value, score, level) => {
      const definition: QuestionnaireDefinition = {
        questions: [
          choice(
            'react',
            [0, 1, 2, 3, 4, 5].map((s) => ({ key: `s${s}`, label: `${s}`, scores: { sensitivity: s } })),
          ),
          { key: 'sting', kind: 'scale', title: '刺痛', required: true, scale: { min: 0, max: 10, minLabel: '无', maxLabel: '强', scores: { sensitivity: 5 } } },
        ],
      };
      const sut = profileOf(definition, [
        { questionKey: 'react', optionKeys: [`s${points}`] },
        { questionKey: 'sting', value },
      ]);
      expect(sut).toMatchObject({ sensitivityScore: score, sensitivity: level, sensitive: level === 'high' });
    });

    it('reports sensitivity 0 when the questionnaire cannot measure it', () => {
      const definition: QuestionnaireDefinition = { questions: [choice('q', [{ key: 'a', label: 'a', scores: {} }, { key: 'b', label: 'b', scores: {} }])] };
      expect(profileOf(definition, [{ questionKey: 'q', optionKeys: ['a'] }])).toMatchObject({ sensitivityScore: 0, sensitivity: 'low' });
    });

    it('keeps weak concerns in concernScores but shows only those with 2 points', () => {
      const definition: QuestionnaireDefinition = {
        questions: [{ key: 'q', kind: 'multiple', title: 'q', required: true, options: [{ key: 'a', label: 'a', scores: { concerns: { acne: 1, pores: 2, spots: -1 } } }, { key: 'b', label: 'b', scores: {} }] }],
      };
      const sut = profileOf(definition, [{ questionKey: 'q', optionKeys: ['a'] }]);
      expect(sut.concerns).toEqual(['pores']);
      expect(sut.concernScores).toEqual({ acne: 1, pores: 2, spots: -1 });
    });

    it('lets optional questions be skipped and scores free text as nothing', () => {
      const base = PERSONAS[0].answers.filter((a) => a.questionKey !== 'notes');
      const withText = [...base, { questionKey: 'notes', text: '最近在用A醇，有点脱皮' }];
      expect(profileOf(standard, withText)).toEqual(profileOf(standard, base));
    });
  });

  describe('refusals', () => {
    const valid = PERSONAS[0].answers;
    const replace = (questionKey: string, answer: Omit<Answer, 'questionKey'> | null): Answer[] => {
      const rest = valid.filter((a) => a.questionKey !== questionKey);
      return answer ? [...rest, { questionKey, ...answer }] : rest;
    };

    const refusals: [string, Answer[] | null, ScoreFailure, string][] = [
      ['a required question is skipped', replace('tone', null), 'unanswered-required', 'tone'],
      ['a required text question is left blank', null, 'unanswered-required', 'story'],
      ['an answer names a question not in this version', [...valid, { questionKey: 'q99', optionKeys: ['a'] }], 'unknown-question', 'q99'],
      ['an option key does not exist', replace('tone', { optionKeys: ['z'] }), 'unknown-option', 'tone'],
      ['a single choice has no option', replace('tone', { optionKeys: [] }), 'wrong-answer-shape', 'tone'],
      ['a single choice carries a value', replace('tone', { optionKeys: ['a'], value: 2 }), 'wrong-answer-shape', 'tone'],
      ['a scale answer is not an integer', replace('tightness', { value: 2.5 }), 'wrong-answer-shape', 'tightness'],
      ['a scale answer is given as options', replace('tightness', { optionKeys: ['a'] }), 'wrong-answer-shape', 'tightness'],
      ['a text answer is a number', replace('notes', { value: 3 }), 'wrong-answer-shape', 'notes'],
      ['a single choice has two options', replace('tone', { optionKeys: ['a', 'b'] }), 'too-many-choices', 'tone'],
      ['a scale answer is above the maximum', replace('tightness', { value: 6 }), 'out-of-range', 'tightness'],
      ['a scale answer is below the minimum', replace('tightness', { value: 0 }), 'out-of-range', 'tightness'],
      ['a text answer is longer than 500 characters', replace('notes', { text: '很'.repeat(501) }), 'out-of-range', 'notes'],
      ['a question is answered twice', [...valid, { questionKey: 'tone', optionKeys: ['b'] }], 'duplicate-answer', 'tone'],
      ['an option is chosen twice', replace('ingredients', { optionKeys: ['a', 'a'] }), 'duplicate-answer', 'ingredients'],
    ];

    it.each(refusals)('refuses when %s', (_, answers, reason, questionKey) => {
      const definition: QuestionnaireDefinition =
        answers === null ? { questions: [...standard.questions, { key: 'story', kind: 'text', title: '你的护肤故事', required: true }] } : standard;
      const sut = scoreQuestionnaire(definition, answers === null ? [...valid, { questionKey: 'story', text: '   ' }] : answers);
      expect(sut).toEqual({ ok: false, reason, questionKey, message: expect.any(String) });
      if (!sut.ok) expect(sut.message).toMatch(/[\u4e00-\u9fff]/);
    });

    it('refuses more choices than maxChoices allows', () => {
      const definition: QuestionnaireDefinition = {
        questions: [
          {
            key: 'q',
            kind: 'multiple',
            title: 'q',
            required: true,
            maxChoices: 2,
            options: ['a', 'b', 'c'].map((key) => ({ key, label: key, scores: {} })),
          },
        ],
      };
      expect(scoreQuestionnaire(definition, [{ questionKey: 'q', optionKeys: ['a', 'b', 'c'] }])).toEqual({ ok: false, reason: 'too-many-choices', questionKey: 'q', message: '最多可选2项' });
    });

    it('reports the first problem the same way whatever the answer order', () => {
      const answers = [...replace('tone', { optionKeys: ['z'] }), { questionKey: 'q99', text: 'x' }, { questionKey: 'q42', text: 'y' }];
      const first = scoreQuestionnaire(standard, answers);
      expect(first).toMatchObject({ ok: false, reason: 'unknown-question', questionKey: 'q42' });
      expect(scoreQuestionnaire(standard, [...answers].reverse())).toEqual(first);
    });

    it('names the unanswered question in the message', () => {
      expect(scoreQuestionnaire(standard, [])).toEqual({ ok: false, reason: 'unanswered-required', questionKey: 'after_cleanse', message: '请先回答「洁面后半小时，不涂任何护肤品，你的脸感觉如何？」' });
    });

    it('has a case for every failure reason', () => {
      const every: Record<ScoreFailure, true> = {
        'unanswered-required': true,
        'unknown-question': true,
        'unknown-option': true,
        'wrong-answer-shape': true,
        'too-many-choices': true,
        'out-of-range': true,
        'duplicate-answer': true,
      };
      expect(new Set(refusals.map((r) => r[2]))).toEqual(new Set(Object.keys(every)));
    });
  });
});

describe(checkAnswer.name, () => {
  const question = (key: string): Question => {
    const found = standard.questions.find((q) => q.key === key);
    if (!found) throw new Error(`no question ${key}`);
    return found;
  };

  it.each<[string, Omit<Answer, 'questionKey'>]>([
    ['after_cleanse', { optionKeys: ['c'] }],
    ['ingredients', { optionKeys: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] }],
    ['tightness', { value: 1 }],
    ['tightness', { value: 5 }],
    ['notes', { text: '' }],
    ['notes', { text: '😀'.repeat(500) }],
  ])('accepts %s = %j', (key, answer) => {
    expect(checkAnswer(question(key), { questionKey: key, ...answer })).toEqual({ ok: true });
  });

  it.each<[string, Omit<Answer, 'questionKey'>, ScoreFailure]>([
    ['after_cleanse', { optionKeys: ['c', 'd'] }, 'too-many-choices'],
    ['after_cleanse', { text: 'c' }, 'wrong-answer-shape'],
    ['ingredients', { optionKeys: [] }, 'wrong-answer-shape'],
    ['ingredients', { optionKeys: ['a', 'zz'] }, 'unknown-option'],
    ['ingredients', { optionKeys: ['b', 'b'] }, 'duplicate-answer'],
    ['tightness', {}, 'wrong-answer-shape'],
    ['tightness', { value: Number.NaN }, 'wrong-answer-shape'],
    ['tightness', { value: 9 }, 'out-of-range'],
    ['notes', { text: '😀'.repeat(501) }, 'out-of-range'],
    ['notes', { optionKeys: ['a'] }, 'wrong-answer-shape'],
  ])('refuses %s = %j as %s', (key, answer, reason) => {
    expect(checkAnswer(question(key), { questionKey: key, ...answer })).toEqual({ ok: false, reason, questionKey: key, message: expect.any(String) });
  });

  it('refuses an answer meant for another question', () => {
    expect(checkAnswer(question('tone'), { questionKey: 'pores', optionKeys: ['a'] })).toMatchObject({ ok: false, reason: 'unknown-question' });
  });

  it('treats null fields from JSON as absent', () => {
    const fromJson = JSON.parse('{"questionKey":"tone","optionKeys":["b"],"value":null,"text":null}') as Answer;
    expect(checkAnswer(question('tone'), fromJson)).toEqual({ ok: true });
  });
});
