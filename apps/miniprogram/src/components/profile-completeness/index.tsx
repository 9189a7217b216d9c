import { Text, View } from '@tarojs/components';
import type { ProfileCompletenessView } from '@glow/contracts';
import styles from './index.module.scss';

export interface ProfileCompletenessProps {
  completeness: ProfileCompletenessView;
  onTap: () => void;
}

/** How complete the member's profile is, with the API's nudge toward the next thing to fill in. */
export function ProfileCompleteness({ completeness, onTap }: ProfileCompletenessProps) {
  const percent = Math.min(Math.max(Math.round(completeness.percent), 0), 100);
  const nudge = completeness.nudge ?? `完善${completeness.missing.map((item) => item.label).join('、')}，享受更贴心的服务`;
  return (
    <View id='profile-completeness' className={styles.card} onClick={onTap}>
      <View className={styles.header}>
        <Text className={styles.title}>资料完整度</Text>
        <Text id='profile-completeness-percent' className={styles.percent}>
          {percent}%
        </Text>
      </View>
      <View className={styles.track}>
        <View className={styles.fill} style={{ width: `${percent}%` }} />
      </View>
      <View className={styles.footer}>
        <Text id='profile-completeness-nudge' className={styles.nudge}>
          {nudge}
        </Text>
        <Text className={styles.go}>去完善 ›</Text>
      </View>
    </View>
  );
}
