import { Image, Text, View } from '@tarojs/components';
import type { MemberHomeResponse } from '@glow/contracts';
import { assetUrl } from '../../utils/asset-url';
import styles from './index.module.scss';

export interface MemberCardProps {
  home: MemberHomeResponse;
}

/** The member's card: who they are, their tier and points, and the store and advisor they belong to. */
export function MemberCard({ home }: MemberCardProps) {
  const { profile, tier, points } = home;
  const avatar = assetUrl(profile.avatarUrl);
  const name = profile.nickname ?? '会员';
  return (
    <View id='member-card' className={styles.card}>
      <View className={styles.header}>
        {avatar ? (
          <Image className={styles.avatar} src={avatar} mode='aspectFill' />
        ) : (
          <View className={styles.avatarPlaceholder}>
            <Text>{name.slice(0, 1)}</Text>
          </View>
        )}
        <View className={styles.identity}>
          <Text id='member-nickname' className={styles.nickname}>
            {name}
          </Text>
          <Text className={styles.phone}>{profile.phoneMasked}</Text>
        </View>
        <Text id='member-tier' className={styles.tier}>
          {tier.name}
        </Text>
      </View>

      <View className={styles.points}>
        <Text className={styles.label}>积分</Text>
        <Text id='member-points' className={styles.pointsValue}>
          {points.balance}
        </Text>
      </View>

      <View className={styles.footer}>
        <View className={styles.row}>
          <Text className={styles.label}>会员号</Text>
          <Text id='member-no' className={styles.memberNo}>
            {profile.memberNo}
          </Text>
        </View>
        <View className={styles.row}>
          <Text className={styles.label}>所属门店</Text>
          <Text id='member-store'>{profile.store?.name ?? '暂未绑定'}</Text>
        </View>
        <View className={styles.row}>
          <Text className={styles.label}>专属顾问</Text>
          <Text id='member-advisor'>{profile.advisor?.name ?? '暂未绑定'}</Text>
        </View>
      </View>
    </View>
  );
}
