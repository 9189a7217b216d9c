import { Text, View } from '@tarojs/components';
import { SubscribeButton } from '../../components/subscribe-button';
import { Button } from '../../components/ui';
import { useSubscriptions } from './use-subscriptions';
import styles from './index.module.scss';

export default function SubscriptionsPage() {
  const page = useSubscriptions();
  const { state } = page;

  return (
    <View id='subscriptions' className={styles.page}>
      <Text className={styles.intro}>每次点「允许」，我们可以在相应事项发生时给你发送一条微信通知；多次订阅可累计次数。</Text>

      {state.status === 'loading' ? <Text className={styles.status}>加载中…</Text> : null}

      {state.status === 'error' ? (
        <View className={styles.statusBox}>
          <Text id='subscriptions-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='subscriptions-retry' type='primary' fill='outline' onClick={page.retry}>
            重新加载
          </Button>
        </View>
      ) : null}

      {state.status === 'ready' ? (
        <View className={styles.list}>
          {state.items.map((item) => (
            <View key={item.key} className={`subscription-item ${styles.item}`} data-key={item.key}>
              <View className={styles.itemText}>
                <Text className={`subscription-label ${styles.label}`}>{item.label}</Text>
                <Text className={`subscription-credits ${styles.credits}`}>剩余 {item.credits} 次</Text>
              </View>
              <SubscribeButton className='subscribe-button' keys={[item.key]} onAnswered={page.refresh}>
                订阅
              </SubscribeButton>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
