import type { ProductResponse } from '@glow/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, type RefSelectProps } from 'antd';
import { useState, type Ref } from 'react';
import { listProducts, productKeys, type ProductSearch } from '../../api/product.service';
import { formatYuan } from '../../shared/format';
import { useDebounced } from '../../shared/use-debounced';

/** The product list accepts a query of 1 to 40 characters. */
const MAX_QUERY_LENGTH = 40;
const SEARCH_DELAY_MS = 250;
const RESULTS = 20;

export interface ProductPickerProps {
  onPick: (product: ProductResponse) => void;
  selectRef?: Ref<RefSelectProps>;
}

/** Finds active catalog products by SKU or name as staff type (or scan a SKU) and hands the chosen one over. */
export function ProductPicker({ onPick, selectRef }: ProductPickerProps) {
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

  return (
    <Select<string | null>
      id="product-search"
      ref={selectRef}
      value={null}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      placeholder="输入 SKU 或商品名称搜索，选择后加入清单"
      loading={isFetching}
      options={products.map((product) => ({ value: product.id, label: `${product.name}（${product.sku}） ${formatYuan(product.priceFen)}` }))}
      notFoundContent={error ? `商品搜索失败：${error.message}` : q === '' ? '请输入 SKU 或商品名称' : isFetching ? '搜索中…' : '没有找到该商品'}
      onSelect={(id) => {
        const product = products.find((candidate) => candidate.id === id);
        if (product) onPick(product);
        setTyped('');
      }}
      style={{ width: '100%', maxWidth: 520 }}
    />
  );
}
