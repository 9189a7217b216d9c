import type { ProductResponse } from '@glow/contracts';
import { Select, type RefSelectProps } from 'antd';
import type { Ref } from 'react';
import { useProductSearch } from '../../shared/use-product-search';

export interface ProductPickerProps {
  onPick: (product: ProductResponse) => void;
  selectRef?: Ref<RefSelectProps>;
}

/** Finds active catalog products by SKU or name as staff type (or scan a SKU) and hands the chosen one over. */
export function ProductPicker({ onPick, selectRef }: ProductPickerProps) {
  const { typed, setTyped, products, options, isFetching, notFoundContent } = useProductSearch('请输入 SKU 或商品名称');

  return (
    <Select<string | null>
      id="product-search"
      ref={selectRef}
      value={null}
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      placeholder="输入 SKU 或商品名称搜索，选择后加入清单"
      loading={isFetching}
      options={options}
      notFoundContent={notFoundContent}
      onSelect={(id) => {
        const product = products.find((candidate) => candidate.id === id);
        if (product) onPick(product);
        setTyped('');
      }}
      style={{ width: '100%', maxWidth: 520 }}
    />
  );
}
