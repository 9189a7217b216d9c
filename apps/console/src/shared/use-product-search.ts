import type { ProductResponse } from '@glow/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { listProducts, productKeys, type ProductSearch } from '../api/product.service';
import { formatYuan } from './format';
import { useDebounced } from './use-debounced';

/** The product list accepts a query of 1 to 40 characters. */
const MAX_QUERY_LENGTH = 40;
const SEARCH_DELAY_MS = 250;
const RESULTS = 20;

export interface ProductSearchState {
  typed: string;
  setTyped: (typed: string) => void;
  /** The active products matching what was typed, once the typing pauses; none before anything is typed. */
  products: ProductResponse[];
  options: { value: string; label: string }[];
  isFetching: boolean;
  /** What the select says when it has no option: the failure, `prompt` before anything is typed, or that nothing matched. */
  notFoundContent: string;
}

/** Finds active catalog products by name or SKU as staff type, for a searching select. */
export function useProductSearch(prompt: string): ProductSearchState {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim().slice(0, MAX_QUERY_LENGTH), SEARCH_DELAY_MS);
  const search: ProductSearch = { q, active: 'true', page: 1, pageSize: RESULTS };
  const { data, isFetching, error } = useQuery({
    queryKey: productKeys.list(search),
    queryFn: ({ signal }) => listProducts(search, signal),
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
  const products = q !== '' ? (data?.items ?? []) : [];
  return {
    typed,
    setTyped,
    products,
    options: products.map((product) => ({ value: product.id, label: `${product.name}（${product.sku}） ${formatYuan(product.priceFen)}` })),
    isFetching,
    notFoundContent: error ? `商品搜索失败：${error.message}` : q === '' ? prompt : isFetching ? '搜索中…' : '没有找到该商品',
  };
}
