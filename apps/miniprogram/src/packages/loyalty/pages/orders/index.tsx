import { Text, View } from '@tarojs/components';
import type { OrderView } from '@glow/contracts';
import { formatYuan } from '@glow/domain';
import { Button } from '../../../../components/ui';
import { orderCouponText } from '../../../../utils/coupon';
import { ORDER_CHANNEL_LABELS, ORDER_STATUS_LABELS, awaitingPayment, orderItemsText, orderPointsText } from '../../../../utils/loyalty';
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
            暂无订单。门店消费时出示会员码或在线上商城下单，订单和积分会出现在这里
          </Text>
        </View>
      </View>
    );
  }

  return (
    <View id='order-list' className={styles.page}>
      <View className={styles.list}>
        {state.orders.map((order) => (
          <OrderItem
            key={order.id}
            order={order}
            cancelling={page.cancelling === order.id}
            onPay={() => void page.pay(order)}
            onCancel={() => page.cancel(order)}
          />
        ))}
      </View>
    </View>
  );
}

interface OrderItemProps {
  order: OrderView;
  cancelling: boolean;
  onPay: () => void;
  onCancel: () => void;
}

function OrderItem({ order, cancelling, onPay, onCancel }: OrderItemProps) {
  const pending = order.points.status === 'pending';
  const unpaid = awaitingPayment(order, new Date());
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
      {order.coupons.length > 0 ? (
        <View className={`order-coupons ${styles.coupons}`}>
          {order.coupons.map((coupon) => (
            <Text key={coupon.id} className={`order-coupon ${styles.coupon}`}>
              {orderCouponText(coupon)}
            </Text>
          ))}
        </View>
      ) : null}
      {order.refundedFen > 0 ? <Text className={`order-refunded ${styles.refunded}`}>已退款 {formatYuan(order.refundedFen)}</Text> : null}
      {unpaid ? (
        <View className={styles.unpaid}>
          {order.payBefore ? <Text className={`order-pay-before ${styles.payBefore}`}>请在 {formatStamp(order.payBefore)} 前支付</Text> : null}
          <View className={styles.unpaidActions}>
            <View className={styles.unpaidAction}>
              <Button className='order-cancel' type='default' fill='outline' size='small' loading={cancelling} onClick={onCancel}>
                取消订单
              </Button>
            </View>
            <Button className='order-pay' type='primary' size='small' disabled={cancelling} onClick={onPay}>
              继续支付
            </Button>
          </View>
        </View>
      ) : order.status === 'created' || order.status === 'cancelled' ? null : (
        <Text className={`order-points ${styles.points} ${pending ? styles.pointsPending : ''}`} data-points-status={order.points.status ?? 'none'}>
          {orderPointsText(order.points)}
        </Text>
      )}
    </View>
  );
}
