import type { SkinProfile } from './score-questionnaire';

/** Rule tags the nightly job keeps in step with each member's latest skin profile; keys are stable. */
export const SKIN_TAGS = ['sensitive-skin', 'acne-concern', 'dry-skin', 'oily-skin', 'anti-aging', 'brightening'] as const;
export type SkinTag = (typeof SKIN_TAGS)[number];

export const SKIN_TAG_LABELS: Record<SkinTag, string> = {
  'sensitive-skin': '敏感肌',
  'acne-concern': '痘痘困扰',
  'dry-skin': '干性肌肤',
  'oily-skin': '油性肌肤',
  'anti-aging': '抗老需求',
  brightening: '美白提亮',
};

/**
 * The rule tags a skin profile earns, in `SKIN_TAGS` order, so advisors and campaigns can segment members.
 * Only the profile's shown concerns count (not every concern that scored a little), and combination skin earns
 * neither `dry-skin` nor `oily-skin`: those tags promise products for one end of the scale.
 */
export function skinTags(profile: Pick<SkinProfile, 'skinType' | 'sensitive' | 'concerns'>): SkinTag[] {
  const has = (...concerns: SkinProfile['concerns']) => concerns.some((c) => profile.concerns.includes(c));
  const earned: Record<SkinTag, boolean> = {
    'sensitive-skin': profile.sensitive,
    'acne-concern': has('acne'),
    'dry-skin': profile.skinType === 'dry',
    'oily-skin': profile.skinType === 'oily',
    'anti-aging': has('wrinkles', 'firmness'),
    brightening: has('spots', 'dullness'),
  };
  return SKIN_TAGS.filter((tag) => earned[tag]);
}
