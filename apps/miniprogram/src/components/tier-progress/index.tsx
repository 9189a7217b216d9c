import { Text, View } from '@tarojs/components';
import type { TierProgressView } from '@glow/contracts';
import { downgradeNote, tierProgressPercent, tierProgressText } from '../../utils/loyalty';
import styles from './index.module.scss';

export interface TierProgressProps {
  progress: TierProgressView;
  /** `card` on the dark member card, `plain` on a light page. */
  tone?: 'card' | 'plain';
}

/** The bar from the member's tier to the next, what is still to spend, and the grace period when a downgrade looms. */
export function TierProgress({ progress, tone = 'plain' }: TierProgressProps) {
  const note = downgradeNote(progress);
  return (
    <View id='tier-progress' className={`${styles.progress} ${tone === 'card' ? styles.card : styles.plain}`}>
      <View className={styles.track}>
        <View id='tier-progress-bar' className={styles.fill} style={{ width: `${tierProgressPercent(progress)}%` }} />
      </View>
      <Text id='tier-progress-text' className={styles.text}>
        {tierProgressText(progress)}
      </Text>
      {note ? (
        <Text id='tier-downgrade' className={styles.note}>
          {note}
        </Text>
      ) : null}
    </View>
  );
}
