import { useCallback, useRef, useState } from 'react';
import Taro, { useLoad } from '@tarojs/taro';
import type { ProductCard } from '@glow/contracts';
import type { ProductCategory } from '@glow/domain';
import { errorMessage } from '../../../../services/http';
import { listShopProducts } from '../../../../services/shop.service';
import { MAX_CART_LINES, MAX_LINE_QUANTITY, canAdd, cartCount, cartSubtotalFen, quantityOf } from '../../../../utils/cart';
import { appendPage } from '../../../../utils/loyalty';
import { SHOP_PAGES } from '../../../../utils/navigation';
import { useCart } from '../../use-cart';

export type ShopCategory = ProductCategory | 'all';

export type ShopState =
  | { status: 'loading' }
  | { status: 'ready'; products: ProductCard[]; total: number; page: number }
  | { status: 'error'; message: string };

const PAGE_SIZE = 20;

/** The online shop: active products by category, and the cart. */
export function useShop() {
  const [category, setCategoryState] = useState<ShopCategory>('all');
  const [state, setState] = useState<ShopState>({ status: 'loading' });
  const [loadingMore, setLoadingMore] = useState(false);
  /** The category on screen, so that a slow answer for a category the member already left is dropped. */
  const shown = useRef<ShopCategory>('all');
  const cart = useCart();

  const load = useCallback(async (which: ShopCategory) => {
    try {
      const result = await listShopProducts({ category: which === 'all' ? undefined : which, page: 1, pageSize: PAGE_SIZE });
      if (shown.current === which) setState({ status: 'ready', products: result.items, total: result.total, page: 1 });
    } catch (error) {
      if (shown.current === which) setState({ status: 'error', message: errorMessage(error) });
    }
  }, []);

  useLoad(() => {
    void load('all');
  });

  const loadMore = async () => {
    if (state.status !== 'ready' || loadingMore) return;
    const which = shown.current;
    setLoadingMore(true);
    try {
      const result = await listShopProducts({ category: which === 'all' ? undefined : which, page: state.page + 1, pageSize: PAGE_SIZE });
      if (shown.current === which) {
        setState({ status: 'ready', products: appendPage(state.products, result.items), total: result.total, page: state.page + 1 });
      }
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' });
    } finally {
      setLoadingMore(false);
    }
  };

  const add = (product: ProductCard) => {
    if (!canAdd(cart.lines, product.sku)) {
      const title = quantityOf(cart.lines, product.sku) > 0 ? `每件商品最多购买 ${MAX_LINE_QUANTITY} 件` : `购物车最多 ${MAX_CART_LINES} 种商品`;
      void Taro.showToast({ title, icon: 'none' });
      return;
    }
    cart.add(product);
  };

  const count = cartCount(cart.lines);

  return {
    category,
    setCategory: (next: ShopCategory) => {
      if (next === shown.current) return;
      shown.current = next;
      setCategoryState(next);
      setState({ status: 'loading' });
      void load(next);
    },
    state,
    hasMore: state.status === 'ready' && state.products.length < state.total,
    loadingMore,
    loadMore: () => void loadMore(),
    retry: () => {
      setState({ status: 'loading' });
      void load(shown.current);
    },
    quantityOf: (sku: string) => quantityOf(cart.lines, sku),
    add,
    decrease: (sku: string) => cart.setQuantity(sku, quantityOf(cart.lines, sku) - 1),
    count,
    subtotalFen: cartSubtotalFen(cart.lines),
    goCheckout: () => {
      if (count > 0) void Taro.navigateTo({ url: SHOP_PAGES.checkout });
    },
  };
}
