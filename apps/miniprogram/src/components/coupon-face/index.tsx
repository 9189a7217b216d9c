import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { CouponFace as Face } from '@glow/contracts';
import styles from './index.module.scss';

export interface CouponFaceProps {
  face: Pick<Face, 'headline' | 'condition'>;
  /** Greyed out: sold out, used, expired, or not usable on this cart. */
  muted?: boolean;
  /** The right-hand side: name, validity, actions. */
  children: ReactNode;
}

/** A coupon as a ticket: the value big on the left stub (¥50, 8.5折, 赠品), its condition under it, details on the right. */
export function CouponFace({ face, muted = false, children }: CouponFaceProps) {
  return (
    <View className={`${styles.ticket} ${muted ? styles.muted : ''}`}>
      <View className={styles.stub}>
        <Text className={`coupon-headline ${styles.headline}`}>{face.headline}</Text>
        <Text className={`coupon-condition ${styles.condition}`}>{face.condition}</Text>
      </View>
      <View className={styles.body}>{children}</View>
    </View>
  );
}
