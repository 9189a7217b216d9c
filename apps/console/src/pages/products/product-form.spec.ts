import type { ProductResponse } from '@glow/contracts';
import { formFieldOf, SKU_PATTERN, toCreateBody, toFormValues, toUpdateBody } from './product-form';

const product: ProductResponse = {
  id: 'p1',
  sku: 'GLOW-SERUM-30',
  name: '水光精华',
  line: '水光系列',
  category: 'skincare',
  priceFen: 128050,
  images: ['https://cdn.example.com/serum.jpg'],
  description: '补水保湿',
  suitableSkinTypes: ['dry', 'combination'],
  concerns: ['dehydration'],
  allergens: ['fragrance'],
  usageDays: 60,
  active: true,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe(toFormValues.name, () => {
  it('shows the price in yuan', () => {
    expect(toFormValues(product).priceYuan).toBe(1280.5);
  });
});

describe(toCreateBody.name, () => {
  it('sends fen, an upper-case SKU, trimmed text and no empty image rows', () => {
    const values = { ...toFormValues(null), sku: ' glow-mask-01 ', name: ' 面膜 ', category: 'skincare' as const, priceYuan: 0.29, images: [' https://cdn.example.com/a.jpg ', ''], line: '  ', description: '' };
    expect(toCreateBody(values)).toEqual({
      sku: 'GLOW-MASK-01',
      name: '面膜',
      line: null,
      category: 'skincare',
      // 0.29 * 100 is 28.999999999999996 in floating point.
      priceFen: 29,
      images: ['https://cdn.example.com/a.jpg'],
      description: null,
      suitableSkinTypes: [],
      concerns: [],
      allergens: [],
      usageDays: null,
    });
  });
});

describe(toUpdateBody.name, () => {
  it('sends every editable field but never the SKU, clearing the ones left empty', () => {
    const body = toUpdateBody({ ...toFormValues(product), line: '', usageDays: null });
    expect(body).not.toHaveProperty('sku');
    expect(body).toMatchObject({ priceFen: 128050, line: null, usageDays: null, allergens: ['fragrance'] });
  });
});

describe(formFieldOf.name, () => {
  it.each([
    ['priceFen', ['priceYuan']],
    ['images.2', ['images', 2]],
    ['sku', ['sku']],
  ])('%s → %j', (field, path) => {
    expect(formFieldOf(field)).toEqual(path);
  });
});

describe('SKU_PATTERN', () => {
  it.each([
    ['GLOW-SERUM-30', true],
    ['AB1', true],
    ['-AB', false],
    ['ab-1', false],
    ['AB', false],
  ])('%s → %s', (sku, valid) => {
    expect(SKU_PATTERN.test(sku)).toBe(valid);
  });
});
