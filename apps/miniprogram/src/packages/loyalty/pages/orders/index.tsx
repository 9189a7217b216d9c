import { Text, View } from '@tarojs/components';
import type { OrderView } from '@glow/contracts';
import { formatYuan } from '@glow/domain';
import { Button } from '../../../../components/ui';
import { ORDER_CHANNEL_LABELS, ORDER_STATUS_LABELS, orderItemsText, orderPointsText } from '../../../../utils/loyalty';
import { formatStamp } from '../../../../utils/shanghai-time';
import { useOrders } from './use-orders';
import styles from './index.module.scss';

export default function OrdersPage() {
  const page = useOrders();
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
          <Text id='orders-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='orders-retry' type='primary' fill='outline' onClick={page.retry}>
            重新加载
          </Button>
        </View>
      </View>
    );
  }

  if (state.orders.length === 0) {
    return (
      <View className={styles.page}>
        <View className={styles.statusBox}>
          <Text id='orders-empty' className={styles.empty}>
            暂无订单。门店消费时出示会员码，订单和积分会出现在这里
          </Text>
        </View>
      </View>
    );
  }

  return (
    <View id='order-list' className={styles.page}>
      <View className={styles.list}>
        {state.orders.map((order) => (
          <OrderItem key={order.id} order={order} />
        ))}
      </View>
    </View>
  );
}

function OrderItem({ order }: { order: OrderView }) {
  const pending = order.points.status === 'pending';
  return (
    <View className={`order-item ${styles.item}`} data-order-id={order.id}>
      <View className={styles.itemHeader}>
        <Text className={`order-channel ${styles.channel}`}>
          {ORDER_CHANNEL_LABELS[order.channel]}
          {order.store ? ` · ${order.store.name}` : ''}
        </Text>
        <Text className={`order-status ${styles.statusTag} ${styles[order.status] ?? ''}`} data-status={order.status}>
          {ORDER_STATUS_LABELS[order.status]}
        </Text>
      </View>
      <Text className={`order-items ${styles.items}`}>{orderItemsText(order)}</Text>
      <View className={styles.amountRow}>
        <Text className={styles.meta}>
          {order.orderNo} · {formatStamp(order.paidAt ?? order.createdAt)}
        </Text>
        <Text className={`order-total ${styles.total}`}>{formatYuan(order.totalFen)}</Text>
      </View>
      {order.refundedFen > 0 ? <Text className={`order-refunded ${styles.refunded}`}>已退款 {formatYuan(order.refundedFen)}</Text> : null}
      <Text className={`order-points ${styles.points} ${pending ? styles.pointsPending : ''}`} data-points-status={order.points.status ?? 'none'}>
        {orderPointsText(order.points)}
      </Text>
    </View>
  );
}
