import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { listProducts, productKeys, type ProductSearch } from '../../api/product.service';
import { useDebounced } from '../../shared/use-debounced';

/** The product list accepts a query of 1 to 40 characters. */
const MAX_QUERY_LENGTH = 40;
const SEARCH_DELAY_MS = 250;
const RESULTS = 20;

/** Active catalog products found by SKU or name as staff type, as options valued by SKU (coupons name SKUs). */
function useSkuOptions(chosen: string[], disabled: boolean) {
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim().slice(0, MAX_QUERY_LENGTH), SEARCH_DELAY_MS);
  const search: ProductSearch = { q: q || undefined, active: 'true', page: 1, pageSize: RESULTS };
  const found = useQuery({
    queryKey: productKeys.list(search),
    queryFn: ({ signal }) => listProducts(search, signal),
    placeholderData: keepPreviousData,
    enabled: !disabled,
  });
  const products = found.data?.items ?? [];
  const options = products.map((product) => ({ value: product.sku, label: `${product.name}（${product.sku}）` }));
  // A chosen SKU outside this page of results (or no longer active) still shows, by its SKU.
  for (const sku of chosen) if (!options.some((option) => option.value === sku)) options.unshift({ value: sku, label: sku });
  return {
    options,
    typed,
    setTyped,
    loading: found.isFetching,
    notFound: found.error ? `商品搜索失败：${found.error.message}` : found.isFetching ? '搜索中…' : '没有找到该商品',
  };
}

export interface SkuPickerProps {
  id?: string;
  value?: string | null;
  onChange?: (sku: string | null) => void;
  disabled?: boolean;
}

/** A form control for one catalog SKU (a gift coupon's gift). */
export function SkuPicker({ id, value, onChange, disabled = false }: SkuPickerProps) {
  const sku = useSkuOptions(value ? [value] : [], disabled);
  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      disabled={disabled}
      allowClear
      showSearch={{ filterOption: false, onSearch: sku.setTyped, searchValue: sku.typed }}
      placeholder="输入 SKU 或商品名称搜索"
      loading={sku.loading}
      options={sku.options}
      notFoundContent={sku.notFound}
      onChange={(next) => {
        onChange?.(next ?? null);
        sku.setTyped('');
      }}
      style={{ width: '100%' }}
    />
  );
}

export interface SkuListPickerProps {
  id?: string;
  value?: string[];
  onChange?: (skus: string[]) => void;
  disabled?: boolean;
  placeholder?: string;
}

/** A form control for a list of catalog SKUs (the products a coupon applies to, or never applies to). */
export function SkuListPicker({ id, value = [], onChange, disabled = false, placeholder = '输入 SKU 或商品名称搜索' }: SkuListPickerProps) {
  const sku = useSkuOptions(value, disabled);
  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      disabled={disabled}
      allowClear
      showSearch={{ filterOption: false, onSearch: sku.setTyped, searchValue: sku.typed }}
      placeholder={placeholder}
      loading={sku.loading}
      options={sku.options}
      notFoundContent={sku.notFound}
      onChange={(next) => {
        onChange?.(next);
        sku.setTyped('');
      }}
      style={{ width: '100%' }}
    />
  );
}
