import { PRODUCT_CATEGORIES } from '../catalog/product-category';
import { type RecommendableProduct, type Recommendation, recommendProducts } from './recommend-products';
import type { SkinProfile } from './score-questionnaire';
import { ALLERGENS, BASE_SKIN_TYPES, SKIN_CONCERNS, SKIN_TYPES } from './skin-vocabulary';

type Profile = Pick<SkinProfile, 'skinType' | 'sensitive' | 'concerns' | 'allergens'>;

const product = (id: string, p: Partial<RecommendableProduct> = {}): RecommendableProduct => ({
  id,
  name: `产品${id}`,
  category: 'skincare',
  suitableSkinTypes: [],
  concerns: [],
  allergens: [],
  active: true,
  ...p,
});

const combinationPores: Profile = { skinType: 'combination', sensitive: false, concerns: ['pores', 'acne'], allergens: [] };

describe(recommendProducts.name, () => {
  it.each<[string, Profile, RecommendableProduct[], Recommendation[]]>([
    [
      'type match plus the top concern',
      combinationPores,
      [product('p1', { suitableSkinTypes: ['combination', 'oily'], concerns: ['pores'] })],
      [{ productId: 'p1', rank: 1, score: 40 + 25 + 5, reason: '适合混合性肌肤 · 改善毛孔', matchedConcerns: ['pores'] }],
    ],
    [
      'concerns only, both actions in the member’s order',
      combinationPores,
      [product('p1', { suitableSkinTypes: ['dry'], concerns: ['acne', 'pores', 'spots'] })],
      [{ productId: 'p1', rank: 1, score: 40 + 30 + 5, reason: '改善毛孔 · 祛痘控痘', matchedConcerns: ['pores', 'acne'] }],
    ],
    [
      'type only',
      { skinType: 'dry', sensitive: false, concerns: [], allergens: [] },
      [product('p1', { suitableSkinTypes: ['dry'] })],
      [{ productId: 'p1', rank: 1, score: 25 + 5, reason: '适合干性肌肤', matchedConcerns: [] }],
    ],
    [
      'a sensitive member and a product for sensitive skin',
      { skinType: 'dry', sensitive: true, concerns: ['redness'], allergens: [] },
      [product('p1', { suitableSkinTypes: ['sensitive'], concerns: ['redness'] })],
      [{ productId: 'p1', rank: 1, score: 40 + 15 + 5, reason: '适合敏感肌肤 · 舒缓泛红', matchedConcerns: ['redness'] }],
    ],
    [
      'a sensitive member and a product for both their type and sensitive skin',
      { skinType: 'dry', sensitive: true, concerns: [], allergens: [] },
      [product('p1', { suitableSkinTypes: ['dry', 'sensitive'] })],
      [{ productId: 'p1', rank: 1, score: 25 + 15 + 5, reason: '适合干性肌肤', matchedConcerns: [] }],
    ],
    [
      'only the first two matched concerns in the reason',
      { skinType: 'normal', sensitive: false, concerns: ['wrinkles', 'firmness', 'spots', 'dullness'], allergens: [] },
      [product('p1', { category: 'tools', concerns: ['dullness', 'spots', 'firmness', 'wrinkles'] })],
      [{ productId: 'p1', rank: 1, score: 40 + 30 + 20 + 10, reason: '淡化细纹 · 紧致提拉', matchedConcerns: ['wrinkles', 'firmness', 'spots', 'dullness'] }],
    ],
  ])('%s', (_, profile, products, expected) => {
    expect(recommendProducts(profile, products)).toEqual(expected);
  });

  it.each([
    ['inactive', product('p1', { suitableSkinTypes: ['combination'], concerns: ['pores'], active: false })],
    ['containing an allergen of the member', product('p1', { suitableSkinTypes: ['combination'], concerns: ['pores'], allergens: ['salicylic_acid', 'fragrance'] })],
    ['for another skin type and none of the concerns', product('p1', { suitableSkinTypes: ['dry', 'normal'], concerns: ['wrinkles'] })],
    ['for sensitive skin when the member is not sensitive', product('p1', { suitableSkinTypes: ['sensitive'] })],
    ['claiming no skin type and no concern', product('p1')],
  ])('leaves out a product %s', (_, p) => {
    expect(recommendProducts({ ...combinationPores, allergens: ['fragrance'] }, [p])).toEqual([]);
  });

  it('ranks by score: top concern, then second concern, then type, skincare before tools', () => {
    const sut = recommendProducts(combinationPores, [
      product('type-tool', { category: 'tools', suitableSkinTypes: ['combination'] }),
      product('type-skincare', { suitableSkinTypes: ['combination'] }),
      product('acne', { concerns: ['acne'] }),
      product('pores', { concerns: ['pores'] }),
      product('both', { suitableSkinTypes: ['combination'], concerns: ['acne', 'pores'] }),
    ]);
    expect(sut.map((r) => r.productId)).toEqual(['both', 'pores', 'acne', 'type-skincare', 'type-tool']);
    expect(sut.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives a sensitive member sensitive-suitable products first among equals', () => {
    const profile: Profile = { skinType: 'oily', sensitive: true, concerns: ['acne'], allergens: [] };
    const sut = recommendProducts(profile, [product('a', { concerns: ['acne'] }), product('b', { concerns: ['acne'], suitableSkinTypes: ['sensitive'] })]);
    expect(sut.map((r) => r.productId)).toEqual(['b', 'a']);
  });

  it('breaks ties by product id, whatever the catalog order', () => {
    const products = ['c', 'a', 'b'].map((id) => product(id, { suitableSkinTypes: ['combination'] }));
    expect(recommendProducts(combinationPores, products).map((r) => r.productId)).toEqual(['a', 'b', 'c']);
    expect(recommendProducts(combinationPores, [...products].reverse()).map((r) => r.productId)).toEqual(['a', 'b', 'c']);
  });

  it('returns 8 by default and respects a smaller or zero limit', () => {
    const products = Array.from({ length: 12 }, (_, i) => product(`p${String(i).padStart(2, '0')}`, { suitableSkinTypes: ['combination'] }));
    expect(recommendProducts(combinationPores, products)).toHaveLength(8);
    expect(recommendProducts(combinationPores, products, 3).map((r) => r.productId)).toEqual(['p00', 'p01', 'p02']);
    expect(recommendProducts(combinationPores, products, 0)).toEqual([]);
    expect(recommendProducts(combinationPores, products, 50)).toHaveLength(12);
  });

  describe('over a seeded random catalog and random members', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(items: readonly T[], chance: number): T[] => items.filter(() => random() < chance);
    const catalog = Array.from({ length: 60 }, (_, i) =>
      product(`prod-${String(i).padStart(2, '0')}`, {
        category: PRODUCT_CATEGORIES[Math.floor(random() * PRODUCT_CATEGORIES.length)],
        suitableSkinTypes: pick(SKIN_TYPES, 0.3),
        concerns: pick(SKIN_CONCERNS, 0.2),
        allergens: pick(ALLERGENS, 0.1),
        active: random() < 0.85,
      }),
    );
    const members = Array.from({ length: 40 }, (): Profile => ({
      skinType: BASE_SKIN_TYPES[Math.floor(random() * BASE_SKIN_TYPES.length)],
      sensitive: random() < 0.3,
      concerns: pick(SKIN_CONCERNS, 0.3).slice(0, 4),
      allergens: pick(ALLERGENS, 0.2),
    }));

    it.each(members.map((m, i) => [i, m] as const))('member #%i gets a safe, well-formed list', (_, member) => {
      const limit = 1 + (member.concerns.length + member.allergens.length) * 2;
      const sut = recommendProducts(member, catalog, limit);
      expect(sut.length).toBeLessThanOrEqual(limit);
      expect(sut.map((r) => r.rank)).toEqual(sut.map((_r, i) => i + 1));
      expect(new Set(sut.map((r) => r.productId)).size).toBe(sut.length);
      for (let i = 1; i < sut.length; i++) {
        const [prev, next] = [sut[i - 1], sut[i]];
        expect(prev.score > next.score || (prev.score === next.score && prev.productId < next.productId)).toBe(true);
      }
      for (const r of sut) {
        const p = catalog.find((x) => x.id === r.productId);
        expect(p?.active).toBe(true);
        expect(p?.allergens.filter((a) => member.allergens.includes(a))).toEqual([]);
        expect(r.matchedConcerns.every((c) => member.concerns.includes(c) && p?.concerns.includes(c))).toBe(true);
        const fits = p?.suitableSkinTypes.includes(member.skinType) || (member.sensitive && p?.suitableSkinTypes.includes('sensitive'));
        expect(fits || r.matchedConcerns.length > 0).toBe(true);
        expect(r.reason.length).toBeGreaterThan(0);
        expect(r.reason.split(' · ').length).toBeLessThanOrEqual(3);
      }
      expect(recommendProducts(member, [...catalog].reverse(), limit)).toEqual(sut);
    });
  });
});
