import { Image, Text, View } from '@tarojs/components';
import type { MemberHomeResponse, PointsSummary } from '@glow/contracts';
import { assetUrl } from '../../utils/asset-url';
import { TierProgress } from '../tier-progress';
import styles from './index.module.scss';

export interface MemberCardProps {
  home: MemberHomeResponse;
  /** The loyalty summary, once loaded: the live tier, balance and the progress to the next tier. */
  summary?: PointsSummary | null;
  /** Opens the member code shown at the till. */
  onMemberCode?: () => void;
}

/** The member's card: who they are, their tier, points and progress, and the store and advisor they belong to. */
export function MemberCard({ home, summary = null, onMemberCode }: MemberCardProps) {
  const { profile } = home;
  const tierName = summary?.tier.tier.name ?? home.tier.name;
  const balance = summary?.balance ?? home.points.balance;
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
          {tierName}
        </Text>
      </View>

      <View className={styles.pointsRow}>
        <View className={styles.points}>
          <Text className={styles.label}>积分</Text>
          <View id='member-points' className={styles.pointsValue}>
            <Text id='points-balance'>{balance}</Text>
          </View>
        </View>
        {onMemberCode ? (
          <View id='member-code-entry' className={styles.codeEntry} onClick={onMemberCode}>
            <View className={styles.codeIcon}>
              <View className={styles.codeDot} />
              <View className={styles.codeDot} />
              <View className={styles.codeDot} />
              <View className={styles.codeDot} />
            </View>
            <Text className={styles.codeLabel}>会员码</Text>
          </View>
        ) : null}
      </View>
      {summary ? (
        <View className={styles.progress}>
          <TierProgress progress={summary.tier} tone='card' />
        </View>
      ) : null}

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
