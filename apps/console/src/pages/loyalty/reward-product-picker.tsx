import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { getRewardProduct, loyaltyConfigKeys } from '../../api/loyalty-config.service';
import { listProducts, productKeys, type ProductSearch } from '../../api/product.service';
import { useDebounced } from '../../shared/use-debounced';

/** The product list accepts a query of 1 to 40 characters. */
const MAX_QUERY_LENGTH = 40;
const SEARCH_DELAY_MS = 250;
const RESULTS = 20;

const productLabel = (product: { name: string; sku: string }) => `${product.name}（${product.sku}）`;

export interface RewardProductPickerProps {
  id?: string;
  value?: string | null;
  onChange?: (productId: string | null) => void;
  disabled?: boolean;
}

/** A form control for the catalog product a reward hands over: searches active products by SKU or name as staff type. */
export function RewardProductPicker({ id, value, onChange, disabled }: RewardProductPickerProps) {
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
  // The chosen product may be outside this page of results (or inactive by now): name it from its own record.
  const chosenListed = !value || products.some((product) => product.id === value);
  const chosen = useQuery({
    queryKey: loyaltyConfigKeys.rewardProduct(value ?? ''),
    queryFn: ({ signal }) => getRewardProduct(value ?? '', signal),
    enabled: !chosenListed,
  });
  const options = products.map((product) => ({ value: product.id, label: productLabel(product) }));
  if (value && !chosenListed) options.unshift({ value, label: chosen.data ? productLabel(chosen.data) : chosen.error ? '已关联的商品（无法读取）' : '加载中…' });

  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      disabled={disabled}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      placeholder="输入 SKU 或商品名称搜索"
      loading={found.isFetching}
      options={options}
      notFoundContent={found.error ? `商品搜索失败：${found.error.message}` : found.isFetching ? '搜索中…' : '没有找到该商品'}
      onChange={(next) => {
        onChange?.(next ?? null);
        setTyped('');
      }}
      style={{ width: '100%' }}
    />
  );
}
