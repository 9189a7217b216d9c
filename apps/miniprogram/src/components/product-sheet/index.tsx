import { Text, View } from '@tarojs/components';
import type { ProductCard as Product } from '@glow/contracts';
import { PRODUCT_CATEGORY_LABELS } from '@glow/domain';
import { formatFen } from '../../utils/money';
import { ProductThumb } from '../product-card';
import { Button } from '../ui';
import styles from './index.module.scss';

export interface ProductSheetProps {
  product: Product;
  reason?: string;
  onClose: () => void;
}

/** A bottom sheet with the product's essentials, until product detail pages exist. */
export function ProductSheet({ product, reason, onClose }: ProductSheetProps) {
  return (
    <View className={styles.mask} onClick={onClose}>
      <View id='product-sheet' className={styles.sheet} onClick={(event) => event.stopPropagation()}>
        <ProductThumb product={product} size='large' />
        <Text id='product-sheet-name' className={styles.name}>
          {product.name}
        </Text>
        <Text className={styles.meta}>{[product.line, PRODUCT_CATEGORY_LABELS[product.category]].filter(Boolean).join(' · ')}</Text>
        <Text className={styles.price}>{formatFen(product.priceFen)}</Text>
        {reason ? <Text className={styles.reason}>{reason}</Text> : null}
        <Text className={styles.note}>商品详情即将上线，如需购买可咨询你的专属顾问或到店体验。</Text>
        <Button id='product-sheet-close' type='primary' fill='outline' block onClick={onClose}>
          知道了
        </Button>
      </View>
    </View>
  );
}
