import { Text, View } from '@tarojs/components';
import type { ProductCard } from '@glow/contracts';
import { PRODUCT_CATEGORIES, PRODUCT_CATEGORY_LABELS } from '@glow/domain';
import { ProductThumb } from '../../../../components/product-card';
import { Button } from '../../../../components/ui';
import { formatFen } from '../../../../utils/money';
import { type ShopCategory, useShop } from './use-shop';
import styles from './index.module.scss';

const TABS: { key: ShopCategory; label: string }[] = [
  { key: 'all', label: '全部' },
  ...PRODUCT_CATEGORIES.map((key) => ({ key, label: PRODUCT_CATEGORY_LABELS[key] })),
];

export default function ShopPage() {
  const page = useShop();
  const { state } = page;

  return (
    <View id='shop' className={styles.page}>
      <View className={styles.tabs}>
        {TABS.map(({ key, label }) => (
          <View
            key={key}
            id={`shop-tab-${key}`}
            className={`shop-tab ${page.category === key ? 'is-selected' : ''} ${styles.tab} ${page.category === key ? styles.tabActive : ''}`}
            onClick={() => page.setCategory(key)}
          >
            <Text>{label}</Text>
          </View>
        ))}
      </View>

      {state.status === 'loading' ? <Text className={styles.status}>加载中…</Text> : null}

      {state.status === 'error' ? (
        <View className={styles.statusBox}>
          <Text id='shop-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='shop-retry' type='primary' fill='outline' onClick={page.retry}>
            重新加载
          </Button>
        </View>
      ) : null}

      {state.status === 'ready' && state.products.length === 0 ? (
        <Text id='shop-empty' className={styles.status}>
          该分类暂无商品
        </Text>
      ) : null}

      {state.status === 'ready' && state.products.length > 0 ? (
        <View className={styles.grid}>
          {state.products.map((product) => (
            <ProductTile
              key={product.id}
              product={product}
              quantity={page.quantityOf(product.sku)}
              onAdd={() => page.add(product)}
              onDecrease={() => page.decrease(product.sku)}
            />
          ))}
        </View>
      ) : null}

      {page.hasMore ? (
        <View className={styles.more}>
          <Button id='shop-more' type='default' fill='outline' loading={page.loadingMore} onClick={page.loadMore}>
            加载更多
          </Button>
        </View>
      ) : null}

      <View className={styles.bar}>
        <View className={styles.barText}>
          <Text id='cart-total' className={styles.barTotal}>
            {formatFen(page.subtotalFen)}
          </Text>
          <Text id='cart-count' className={styles.barCount}>
            {page.count > 0 ? `已选 ${page.count} 件` : '购物车是空的'}
          </Text>
        </View>
        <Button id='go-checkout' type='primary' disabled={page.count === 0} onClick={page.goCheckout}>
          去结算
        </Button>
      </View>
    </View>
  );
}

interface ProductTileProps {
  product: ProductCard;
  quantity: number;
  onAdd: () => void;
  onDecrease: () => void;
}

function ProductTile({ product, quantity, onAdd, onDecrease }: ProductTileProps) {
  return (
    <View className={`shop-product ${styles.tile}`} data-sku={product.sku}>
      <View className={styles.thumb}>
        <ProductThumb product={product} size='large' />
      </View>
      <View className={styles.info}>
        <Text className={`product-name ${styles.name}`}>{product.name}</Text>
        {product.line ? <Text className={styles.line}>{product.line}</Text> : null}
        <View className={styles.priceRow}>
          <Text className={`product-price ${styles.price}`}>{formatFen(product.priceFen)}</Text>
          <View className={styles.stepper}>
            {quantity > 0 ? (
              <>
                <View className={`remove-from-cart ${styles.step} ${styles.stepMinus}`} onClick={onDecrease}>
                  <Text>−</Text>
                </View>
                <Text className={`cart-quantity ${styles.quantity}`}>{quantity}</Text>
              </>
            ) : null}
            <View className={`add-to-cart ${styles.step}`} onClick={onAdd}>
              <Text>+</Text>
            </View>
          </View>
        </View>
      </View>
    </View>
  );
}
