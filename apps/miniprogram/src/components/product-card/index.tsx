import { Image, Text, View } from '@tarojs/components';
import type { ProductCard as Product } from '@glow/contracts';
import { PRODUCT_CATEGORY_LABELS } from '@glow/domain';
import { assetUrl } from '../../utils/asset-url';
import { formatFen } from '../../utils/money';
import styles from './index.module.scss';

export interface ProductThumbProps {
  product: Product;
  size?: 'small' | 'large';
}

/** The product's first image, or a block in its category's colour while the catalog has no photo. */
export function ProductThumb({ product, size = 'small' }: ProductThumbProps) {
  const sizeClass = size === 'large' ? styles.thumbLarge : styles.thumb;
  const image = assetUrl(product.image);
  if (image) return <Image className={sizeClass} src={image} mode='aspectFill' />;
  return (
    <View className={`product-placeholder ${sizeClass} ${styles.placeholder} ${styles[product.category] ?? ''}`}>
      <Text className={styles.placeholderText}>{PRODUCT_CATEGORY_LABELS[product.category] ?? 'Glow'}</Text>
    </View>
  );
}

export interface ProductCardProps {
  product: Product;
  /** Why it is recommended, e.g. "适合混合性肌肤，改善毛孔". */
  reason?: string;
  onTap?: () => void;
}

/** A recommended product: picture, name, line, price and the reason it suits the member. */
export function ProductCard({ product, reason, onTap }: ProductCardProps) {
  return (
    <View className={`recommend-item ${styles.card}`} data-product-id={product.id} onClick={onTap}>
      <ProductThumb product={product} />
      <View className={styles.info}>
        <Text className={`recommend-name ${styles.name}`}>{product.name}</Text>
        {product.line ? <Text className={styles.line}>{product.line}</Text> : null}
        {reason ? <Text className={`recommend-reason ${styles.reason}`}>{reason}</Text> : null}
        <Text className={`recommend-price ${styles.price}`}>{formatFen(product.priceFen)}</Text>
      </View>
    </View>
  );
}
