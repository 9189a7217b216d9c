import type { Answer } from '../questionnaire';
import { type Allergen, type BaseSkinType, type SensitivityLevel, SKIN_CONCERNS, type SkinConcern } from '../skin-vocabulary';

/** A member we can describe in a sentence, their answers to STANDARD_QUESTIONNAIRE, and what the profile must say. */
export interface SkinPersona {
  name: string;
  answers: Answer[];
  expect: {
    skinType: BaseSkinType;
    sensitive: boolean;
    /** Checked when given; lets a persona pin the middle band too. */
    sensitivity?: SensitivityLevel;
    concernsInclude: SkinConcern[];
    concernsExclude?: SkinConcern[];
    /** Exactly these allergens, in ALLERGENS order; none when omitted. */
    allergens?: Allergen[];
  };
}

type Choices = Record<string, string | string[] | number>;

/** Choice keys become option keys, numbers scale values, lists multiple choices; `notes` is free text. */
function answers(choices: Choices, notes?: string): Answer[] {
  const out: Answer[] = Object.entries(choices).map(([questionKey, choice]) => {
    if (typeof choice === 'number') return { questionKey, value: choice };
    return { questionKey, optionKeys: Array.isArray(choice) ? choice : [choice] };
  });
  if (notes !== undefined) out.push({ questionKey: 'notes', text: notes });
  return out;
}

/** Everything a member without particular signs would answer; personas override what makes them who they are. */
const PLAIN: Choices = {
  after_cleanse: 'b',
  midday_oil: 'b',
  pores: 'a',
  breakouts: 'a',
  reactivity: 'a',
  tightness: 1,
  fine_lines: 'a',
  tone: 'a',
  dark_circles: 1,
  age: 'c',
  ingredients: ['i'],
};

const persona = (name: string, overrides: Choices, expect: SkinPersona['expect'], notes?: string): SkinPersona => ({
  name,
  answers: answers({ ...PLAIN, ...overrides }, notes),
  expect,
});

export const PERSONAS: readonly SkinPersona[] = [
  persona(
    'dry and sensitive: tight, stinging after cleansing, reacts to new products',
    { after_cleanse: 'e', midday_oil: 'a', reactivity: 'c', tightness: 4 },
    { skinType: 'dry', sensitive: true, sensitivity: 'high', concernsInclude: ['dehydration', 'redness'], concernsExclude: ['acne', 'pores'] },
  ),
  persona(
    'oily with inflamed acne',
    { after_cleanse: 'd', midday_oil: 'd', pores: 'b', breakouts: 'd', age: 'b', dark_circles: 2 },
    { skinType: 'oily', sensitive: false, sensitivity: 'low', concernsInclude: ['acne', 'pores'], concernsExclude: ['wrinkles', 'dehydration', 'redness'] },
  ),
  persona(
    'combination with visible T-zone pores',
    { after_cleanse: 'c', midday_oil: 'c', pores: 'c', breakouts: 'b', reactivity: 'b', tightness: 2, dark_circles: 2 },
    { skinType: 'combination', sensitive: false, sensitivity: 'low', concernsInclude: ['pores'], concernsExclude: ['acne', 'dehydration'] },
  ),
  persona(
    'mature, lines visible at rest',
    { fine_lines: 'c', age: 'e', tightness: 2, dark_circles: 2 },
    { skinType: 'normal', sensitive: false, concernsInclude: ['wrinkles', 'firmness'], concernsExclude: ['acne', 'pores'] },
  ),
  persona(
    'normal skin with a dull complexion',
    { tone: 'b', age: 'b', dark_circles: 2 },
    { skinType: 'normal', sensitive: false, sensitivity: 'low', concernsInclude: ['dullness'], concernsExclude: ['spots', 'dark_circles'] },
  ),
  persona(
    'dry and dehydrated, flaking in air-conditioned rooms',
    { after_cleanse: 'a', midday_oil: 'a', tightness: 5, fine_lines: 'b' },
    { skinType: 'dry', sensitive: false, concernsInclude: ['dehydration'], concernsExclude: ['wrinkles', 'pores'] },
  ),
  persona(
    'oily teenager with large pores and blackheads',
    { after_cleanse: 'd', midday_oil: 'd', pores: 'd', breakouts: 'c', age: 'a' },
    { skinType: 'oily', sensitive: false, concernsInclude: ['acne', 'pores'], concernsExclude: ['wrinkles', 'firmness', 'dark_circles'] },
  ),
  persona(
    'rosacea-like: permanent redness, reacts to almost everything, avoids fragrance and essential oils',
    { after_cleanse: 'e', midday_oil: 'a', breakouts: 'b', reactivity: 'd', tightness: 3, ingredients: ['a', 'd'] },
    { skinType: 'dry', sensitive: true, sensitivity: 'high', concernsInclude: ['redness'], allergens: ['fragrance', 'essential_oils'] },
    '皮肤科说是玫瑰痤疮，正在用药',
  ),
  persona(
    'combination with sun spots and acne marks',
    { after_cleanse: 'c', midday_oil: 'c', pores: 'b', breakouts: 'b', tightness: 2, tone: 'c', dark_circles: 2 },
    { skinType: 'combination', sensitive: false, concernsInclude: ['spots'], concernsExclude: ['dullness', 'acne'] },
  ),
  persona(
    'mature, losing firmness, with dark circles, spots and dullness (more concerns than shown)',
    { after_cleanse: 'a', midday_oil: 'a', reactivity: 'b', tightness: 3, fine_lines: 'd', tone: 'd', dark_circles: 5, age: 'e' },
    { skinType: 'dry', sensitive: false, concernsInclude: ['wrinkles', 'firmness', 'dark_circles'], concernsExclude: ['spots', 'dullness'] },
  ),
  persona(
    'tired city worker: dark circles and a dull complexion',
    { after_cleanse: 'c', midday_oil: 'c', pores: 'b', breakouts: 'b', reactivity: 'b', tightness: 2, fine_lines: 'b', tone: 'b', dark_circles: 5 },
    { skinType: 'combination', sensitive: false, concernsInclude: ['dark_circles', 'dullness'], concernsExclude: ['wrinkles', 'acne'] },
  ),
  persona(
    'dry, allergic to fragrance, otherwise tolerant',
    { after_cleanse: 'a', midday_oil: 'a', reactivity: 'b', tightness: 3, age: 'b', dark_circles: 2, ingredients: ['a'] },
    { skinType: 'dry', sensitive: false, sensitivity: 'low', concernsInclude: ['dehydration'], allergens: ['fragrance'] },
  ),
  persona(
    'normal skin with nothing wrong',
    { age: 'b' },
    { skinType: 'normal', sensitive: false, sensitivity: 'low', concernsInclude: [], concernsExclude: [...SKIN_CONCERNS] },
    '平时护肤比较简单，只用洗面奶和面霜',
  ),
  persona(
    'oily and resilient, allergic to alcohol',
    { after_cleanse: 'd', midday_oil: 'd', pores: 'b', breakouts: 'b', ingredients: ['b'] },
    { skinType: 'oily', sensitive: false, sensitivity: 'low', concernsInclude: ['pores'], concernsExclude: ['acne', 'redness'], allergens: ['alcohol'] },
  ),
  persona(
    'tight after cleansing yet oily by noon: strong dry and oily signals make combination',
    { after_cleanse: 'a', midday_oil: 'd', pores: 'c' },
    { skinType: 'combination', sensitive: false, concernsInclude: ['pores'] },
  ),
  persona(
    'mildly sensitive combination skin: reacts often, but no redness or flaking',
    { after_cleanse: 'c', midday_oil: 'c', reactivity: 'c' },
    { skinType: 'combination', sensitive: false, sensitivity: 'medium', concernsInclude: [], concernsExclude: ['redness'] },
  ),
  persona(
    'reactive skin with several ingredient allergies',
    { after_cleanse: 'e', midday_oil: 'a', reactivity: 'd', tightness: 2, ingredients: ['b', 'c', 'f', 'h'] },
    { skinType: 'dry', sensitive: true, sensitivity: 'high', concernsInclude: ['redness'], allergens: ['alcohol', 'parabens', 'retinol', 'nut_oils'] },
  ),
];
