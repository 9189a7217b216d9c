import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { ProductCard } from '@glow/contracts';
import { type CartLine, addToCart, parseCart, setQuantity } from '../../utils/cart';

/** Kept on the device, so the cart survives leaving the shop and restarting the app until the member checks out. */
const CART_KEY = 'glow.shop.cart';

export function readCart(): CartLine[] {
  return parseCart(Taro.getStorageSync(CART_KEY));
}

function writeCart(lines: CartLine[]): void {
  Taro.setStorageSync(CART_KEY, lines);
}

/** The shop's cart, shared by the shop and checkout pages through storage. */
export function useCart() {
  const [lines, setLines] = useState<CartLine[]>(readCart);

  // Another page may have changed it (checkout empties it once the order is placed).
  useDidShow(() => setLines(readCart()));

  // Functional updates, so two quick taps add two pieces rather than the same one twice.
  const update = useCallback((change: (current: CartLine[]) => CartLine[]) => {
    setLines((current) => {
      const next = change(current);
      writeCart(next);
      return next;
    });
  }, []);

  return {
    lines,
    add: (product: ProductCard) => update((current) => addToCart(current, product)),
    setQuantity: (sku: string, quantity: number) => update((current) => setQuantity(current, sku, quantity)),
    clear: () => update(() => []),
  };
}
