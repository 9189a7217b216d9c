import type { CartItemDto, ProductCard } from '@glow/contracts';

/** The API prices at most 50 lines of at most 99 each (CartItemDto / CheckoutDto). */
export const MAX_CART_LINES = 50;
export const MAX_LINE_QUANTITY = 99;

/** One product in the cart, with what the shop showed of it (the API prices the cart again at checkout). */
export interface CartLine {
  sku: string;
  quantity: number;
  product: ProductCard;
}

export function quantityOf(lines: readonly CartLine[], sku: string): number {
  return lines.find((line) => line.sku === sku)?.quantity ?? 0;
}

/** Whether one more of `sku` fits: a new product needs a free line, a product in the cart room under the cap. */
export function canAdd(lines: readonly CartLine[], sku: string): boolean {
  const quantity = quantityOf(lines, sku);
  return quantity > 0 ? quantity < MAX_LINE_QUANTITY : lines.length < MAX_CART_LINES;
}

/** One more of a product: a new line at the end, or the existing line raised (up to the cap). */
export function addToCart(lines: readonly CartLine[], product: ProductCard): CartLine[] {
  if (!canAdd(lines, product.sku)) return [...lines];
  if (quantityOf(lines, product.sku) === 0) return [...lines, { sku: product.sku, quantity: 1, product }];
  return lines.map((line) => (line.sku === product.sku ? { ...line, quantity: line.quantity + 1, product } : line));
}

/** Sets a line's quantity, clamped to the cap; zero or less removes the line. */
export function setQuantity(lines: readonly CartLine[], sku: string, quantity: number): CartLine[] {
  if (quantity <= 0) return lines.filter((line) => line.sku !== sku);
  const clamped = Math.min(MAX_LINE_QUANTITY, Math.floor(quantity));
  return lines.map((line) => (line.sku === sku ? { ...line, quantity: clamped } : line));
}

/** Pieces in the cart (the badge on the cart bar). */
export function cartCount(lines: readonly CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

/** The cart at the prices the shop showed, in fen, before coupons. */
export function cartSubtotalFen(lines: readonly CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.product.priceFen * line.quantity, 0);
}

/** The cart as the quote and checkout endpoints take it. */
export function cartItems(lines: readonly CartLine[]): CartItemDto[] {
  return lines.map(({ sku, quantity }) => ({ sku, quantity }));
}

/** Reads a stored cart, dropping anything that is not a well-formed line (an older app version, a hand-edited store). */
export function parseCart(stored: unknown): CartLine[] {
  if (!Array.isArray(stored)) return [];
  const lines = stored.filter(
    (line): line is CartLine =>
      typeof line === 'object' &&
      line !== null &&
      typeof line.sku === 'string' &&
      Number.isInteger(line.quantity) &&
      line.quantity > 0 &&
      typeof line.product === 'object' &&
      line.product !== null &&
      line.product.sku === line.sku &&
      Number.isInteger(line.product.priceFen),
  );
  return lines.slice(0, MAX_CART_LINES).map((line) => ({ ...line, quantity: Math.min(MAX_LINE_QUANTITY, line.quantity) }));
}
