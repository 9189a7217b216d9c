import { SKIN_TAG_LABELS, SKIN_TAGS, skinTags } from './skin-tags';

describe(skinTags.name, () => {
  it.each([
    [{ skinType: 'normal', sensitive: false, concerns: [] }, []],
    [{ skinType: 'dry', sensitive: true, concerns: ['redness', 'dehydration'] }, ['sensitive-skin', 'dry-skin']],
    [{ skinType: 'oily', sensitive: false, concerns: ['acne', 'pores'] }, ['acne-concern', 'oily-skin']],
    [{ skinType: 'combination', sensitive: false, concerns: ['pores'] }, []],
    [{ skinType: 'normal', sensitive: false, concerns: ['wrinkles'] }, ['anti-aging']],
    [{ skinType: 'normal', sensitive: false, concerns: ['firmness', 'dark_circles'] }, ['anti-aging']],
    [{ skinType: 'combination', sensitive: false, concerns: ['spots'] }, ['brightening']],
    [{ skinType: 'normal', sensitive: false, concerns: ['dullness'] }, ['brightening']],
    [{ skinType: 'dry', sensitive: true, concerns: ['dullness', 'wrinkles', 'acne', 'spots'] }, ['sensitive-skin', 'acne-concern', 'dry-skin', 'anti-aging', 'brightening']],
  ] as const)('tags %j with %j', (profile, expected) => {
    expect(skinTags({ ...profile, concerns: [...profile.concerns] })).toEqual(expected);
  });

  it('labels every tag in Chinese, each label distinct', () => {
    expect(SKIN_TAGS.map((t) => SKIN_TAG_LABELS[t])).toEqual(['敏感肌', '痘痘困扰', '干性肌肤', '油性肌肤', '抗老需求', '美白提亮']);
  });
});
