import { Image, Text, View } from '@tarojs/components';
import type { MemberRewardView } from '@glow/contracts';
import { Button } from '../../../../components/ui';
import { assetUrl } from '../../../../utils/asset-url';
import { REWARD_KIND_LABELS } from '../../../../utils/loyalty';
import { useMall } from './use-mall';
import styles from './index.module.scss';

export default function MallPage() {
  const page = useMall();
  const { state } = page;

  return (
    <View id='mall-page' className={styles.page}>
      <View className={styles.header}>
        <View className={styles.balanceBox} onClick={page.goPoints}>
          <Text className={styles.balanceLabel}>我的积分</Text>
          <Text id='mall-balance' className={styles.balance}>
            {page.balance ?? '—'}
          </Text>
        </View>
        <View id='my-redemptions' className={styles.link} onClick={page.goRedemptions}>
          <Text>我的兑换 ›</Text>
        </View>
      </View>

      {state.status === 'loading' ? <Text className={styles.status}>加载中…</Text> : null}

      {state.status === 'error' ? (
        <View className={styles.statusBox}>
          <Text id='mall-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='mall-retry' type='primary' fill='outline' onClick={page.retry}>
            重新加载
          </Button>
        </View>
      ) : null}

      {state.status === 'ready' && state.rewards.length === 0 ? (
        <Text id='mall-empty' className={styles.status}>
          好礼正在上架，敬请期待
        </Text>
      ) : null}

      {state.status === 'ready' && state.rewards.length > 0 ? (
        <View id='reward-list' className={styles.list}>
          {state.rewards.map((reward) => (
            <RewardItem key={reward.id} reward={reward} onOpen={() => void page.open(reward.id)} />
          ))}
        </View>
      ) : null}
    </View>
  );
}

function RewardItem({ reward, onOpen }: { reward: MemberRewardView; onOpen: () => void }) {
  const image = assetUrl(reward.imageUrl);
  const blocked = !reward.redeemable;
  return (
    <View
      className={`reward-item ${blocked ? 'is-blocked' : ''} ${styles.item} ${blocked ? styles.blocked : ''}`}
      data-reward-id={reward.id}
      onClick={onOpen}
    >
      {image ? (
        <Image className={styles.image} src={image} mode='aspectFill' />
      ) : (
        <View className={styles.imagePlaceholder}>
          <Text>{REWARD_KIND_LABELS[reward.kind]}</Text>
        </View>
      )}
      <View className={styles.body}>
        <View className={styles.nameRow}>
          <Text className={`reward-name ${styles.name}`}>{reward.name}</Text>
        </View>
        <View className={styles.badges}>
          <Text className={styles.kind}>{REWARD_KIND_LABELS[reward.kind]}</Text>
          {reward.minTier ? <Text className={`reward-tier ${styles.tier}`}>{reward.minTier.name}及以上</Text> : null}
        </View>
        <View className={styles.footer}>
          <Text className={`reward-cost ${styles.cost}`}>{reward.pointsCost} 积分</Text>
          <Text className={`reward-stock ${styles.stock}`}>{reward.stockLeft > 0 ? `剩余 ${reward.stockLeft}` : '已兑完'}</Text>
        </View>
        {blocked && reward.blockedReason ? <Text className={`reward-blocked ${styles.blockedReason}`}>{reward.blockedReason}</Text> : null}
      </View>
    </View>
  );
}
