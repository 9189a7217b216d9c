import { product } from '../packages/shop/test-fixtures';
import {
  type CartLine,
  MAX_CART_LINES,
  MAX_LINE_QUANTITY,
  addToCart,
  canAdd,
  cartCount,
  cartItems,
  cartSubtotalFen,
  parseCart,
  quantityOf,
  setQuantity,
} from './cart';

const serum = product();
const cushion = product({ id: 'p-2', sku: 'GL-MU-002', name: '柔光气垫', category: 'makeup', priceFen: 32900 });

/** Invariants every cart must keep, whatever was done to it. */
function expectWellFormed(lines: CartLine[]): void {
  expect(new Set(lines.map((line) => line.sku)).size).toBe(lines.length);
  expect(lines.length).toBeLessThanOrEqual(MAX_CART_LINES);
  for (const line of lines) {
    expect(Number.isInteger(line.quantity)).toBe(true);
    expect(line.quantity).toBeGreaterThanOrEqual(1);
    expect(line.quantity).toBeLessThanOrEqual(MAX_LINE_QUANTITY);
    expect(line.product.sku).toBe(line.sku);
  }
  expect(cartSubtotalFen(lines)).toBe(lines.reduce((sum, line) => sum + line.product.priceFen * line.quantity, 0));
}

describe('cart', () => {
  it('adds a new product as a line and raises its quantity on the next add', () => {
    let lines = addToCart([], serum);
    lines = addToCart(lines, cushion);
    lines = addToCart(lines, serum);

    expect(lines.map(({ sku, quantity }) => [sku, quantity])).toEqual([
      ['GL-SK-001', 2],
      ['GL-MU-002', 1],
    ]);
    expect(cartCount(lines)).toBe(3);
    expect(cartSubtotalFen(lines)).toBe(2 * 45900 + 32900);
    expect(cartItems(lines)).toEqual([
      { sku: 'GL-SK-001', quantity: 2 },
      { sku: 'GL-MU-002', quantity: 1 },
    ]);
    expectWellFormed(lines);
  });

  it('never changes the cart it was given', () => {
    const lines = addToCart([], serum);
    const copy = JSON.parse(JSON.stringify(lines)) as CartLine[];

    addToCart(lines, serum);
    setQuantity(lines, serum.sku, 5);
    setQuantity(lines, serum.sku, 0);

    expect(lines).toEqual(copy);
  });

  it.each([
    [3, 3],
    [0, null],
    [-2, null],
    [150, MAX_LINE_QUANTITY],
    [2.7, 2],
  ])('sets the quantity to %p → %p (null: the line is removed)', (quantity, expected) => {
    const lines = setQuantity(addToCart(addToCart([], serum), cushion), serum.sku, quantity);

    expect(lines.find((line) => line.sku === serum.sku)?.quantity ?? null).toBe(expected);
    expect(quantityOf(lines, cushion.sku)).toBe(1);
    expectWellFormed(lines);
  });

  it('stops at the API limits: 99 of one product, 50 products', () => {
    let lines: CartLine[] = [];
    for (let i = 0; i < MAX_LINE_QUANTITY + 5; i += 1) lines = addToCart(lines, serum);
    expect(quantityOf(lines, serum.sku)).toBe(MAX_LINE_QUANTITY);
    expect(canAdd(lines, serum.sku)).toBe(false);

    let many: CartLine[] = [];
    for (let i = 0; i < MAX_CART_LINES + 3; i += 1) many = addToCart(many, product({ id: `p-${i}`, sku: `SKU-${i}` }));
    expect(many).toHaveLength(MAX_CART_LINES);
    expect(canAdd(many, 'SKU-NEW')).toBe(false);
    expect(canAdd(many, 'SKU-0')).toBe(true);
    expectWellFormed(many);
  });

  it('reads back a stored cart and drops what is not a cart line', () => {
    const stored = [
      { sku: 'GL-SK-001', quantity: 2, product: serum },
      { sku: 'GL-MU-002', quantity: 0, product: cushion },
      { sku: 'GL-MU-002', quantity: 1, product: serum },
      { sku: 'X', quantity: 'two', product: serum },
      null,
      { sku: 'GL-MU-002', quantity: 500, product: cushion },
    ];

    const lines = parseCart(stored);

    expect(lines.map(({ sku, quantity }) => [sku, quantity])).toEqual([
      ['GL-SK-001', 2],
      ['GL-MU-002', MAX_LINE_QUANTITY],
    ]);
    expect(parseCart('')).toEqual([]);
    expect(parseCart({ sku: 'GL-SK-001' })).toEqual([]);
  });
});
