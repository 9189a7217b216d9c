import { Text, View } from '@tarojs/components';
import { Button } from '../../../../components/ui';
import { formatStamp } from '../../../../utils/shanghai-time';
import { RedemptionStatusTag } from '../../components/redemption-status-tag';
import { useRedemptions } from './use-redemptions';
import styles from './index.module.scss';

export default function RedemptionsPage() {
  const page = useRedemptions();
  const { state } = page;

  if (state.status === 'loading') {
    return (
      <View className={styles.page}>
        <Text className={styles.status}>加载中…</Text>
      </View>
    );
  }

  if (state.status === 'error') {
    return (
      <View className={styles.page}>
        <View className={styles.statusBox}>
          <Text id='redemptions-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='redemptions-retry' type='primary' fill='outline' onClick={page.retry}>
            重新加载
          </Button>
        </View>
      </View>
    );
  }

  if (state.redemptions.length === 0) {
    return (
      <View className={styles.page}>
        <View className={styles.statusBox}>
          <Text id='redemptions-empty' className={styles.empty}>
            还没有兑换记录
          </Text>
          <Button id='redemptions-mall' type='primary' onClick={page.goMall}>
            去积分商城看看
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View id='redemption-list' className={styles.page}>
      <View className={styles.list}>
        {state.redemptions.map((redemption) => (
          <View
            key={redemption.id}
            className={`redemption-item ${styles.item}`}
            data-redemption-id={redemption.id}
            onClick={() => void page.open(redemption.id)}
          >
            <View className={styles.itemHeader}>
              <Text className={`redemption-name ${styles.name}`}>{redemption.reward.name}</Text>
              <RedemptionStatusTag redemption={redemption} />
            </View>
            <View className={styles.itemFooter}>
              <Text className={`redemption-points ${styles.points}`}>-{redemption.points} 积分</Text>
              <Text className={styles.time}>{formatStamp(redemption.createdAt)}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
