import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { OrderView } from '@glow/contracts';
import { formatYuan } from '@glow/domain';
import { Button } from '../../../../components/ui';
import { orderCouponText } from '../../../../utils/coupon';
import { ORDER_STATUS_LABELS, awaitingPayment, orderPointsText } from '../../../../utils/loyalty';
import { formatStamp } from '../../../../utils/shanghai-time';
import { SandboxPaySheet } from '../../components/sandbox-pay-sheet';
import { type PayPhase, useOrder } from './use-order';
import styles from './index.module.scss';

export default function OrderPage() {
  const page = useOrder();
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
          <Text id='order-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='order-retry' type='primary' fill='outline' onClick={page.retry}>
            重新加载
          </Button>
        </View>
      </View>
    );
  }

  const { order } = state;
  const paid = order.status !== 'created' && order.status !== 'cancelled';
  // Past its deadline an unpaid order is about to be closed by the API: paying it would be refused.
  const payable = awaitingPayment(order, new Date());
  return (
    <View id='order-page' className={styles.page} data-status={order.status}>
      {paid ? <Paid order={order} /> : null}
      {order.status === 'created' && (payable || page.phase !== 'idle') ? (
        <AwaitingPayment order={order} phase={page.phase} onRefresh={() => void page.refresh()} />
      ) : null}
      {order.status === 'created' && !payable && page.phase === 'idle' ? (
        <View id='order-expired' className={`${styles.hero} ${styles.closed}`}>
          <Text className={styles.heroTitle}>支付已超时</Text>
          <Text className={styles.heroHint}>订单即将自动取消{order.coupons.length > 0 ? '，优惠券将退回券包' : ''}</Text>
        </View>
      ) : null}
      {order.status === 'cancelled' ? (
        <View id='order-cancelled' className={`${styles.hero} ${styles.closed}`}>
          <Text className={styles.heroTitle}>订单已取消</Text>
          {order.coupons.length > 0 ? <Text className={styles.heroHint}>本单使用的优惠券已退回券包</Text> : null}
        </View>
      ) : null}

      <View className={styles.section}>
        {order.items.map((item) => (
          <View key={item.id} className={`order-line ${styles.line}`} data-sku={item.sku}>
            <Text className={styles.lineName}>
              {item.name} × {item.quantity}
            </Text>
            <Text className={styles.lineAmount}>{formatYuan(item.unitPriceFen * item.quantity)}</Text>
          </View>
        ))}
        <Row label='商品金额'>{formatYuan(order.subtotalFen)}</Row>
        {order.coupons.length > 0 ? (
          <View id='order-coupons' className={styles.row}>
            <Text className={styles.rowLabel}>优惠券</Text>
            <View className={styles.coupons}>
              {order.coupons.map((coupon) => (
                <Text key={coupon.id} className={`order-coupon ${styles.coupon}`}>
                  {orderCouponText(coupon)}
                </Text>
              ))}
            </View>
          </View>
        ) : null}
        {order.discountFen > couponsDiscount(order) ? <Row label='优惠'>-{formatYuan(order.discountFen)}</Row> : null}
        <View className={styles.totalRow}>
          <Text className={styles.rowLabel}>{paid ? '实付' : '应付'}</Text>
          <Text id='order-total' className={styles.total}>
            {formatYuan(order.totalFen)}
          </Text>
        </View>
      </View>

      <View className={styles.section}>
        <Row label='订单号'>{order.orderNo}</Row>
        <Row label='下单时间'>{formatStamp(order.createdAt)}</Row>
        {order.paidAt ? <Row label='支付时间'>{formatStamp(order.paidAt)}</Row> : null}
        <Row label='状态'>
          <Text id='order-status'>{ORDER_STATUS_LABELS[order.status]}</Text>
        </Row>
      </View>

      <View className={styles.actions}>
        {order.status === 'created' && payable && page.phase !== 'confirming' ? (
          <>
            <Button id='order-pay' type='primary' block loading={page.phase === 'paying'} disabled={page.cancelling} onClick={page.pay}>
              继续支付 {formatYuan(order.totalFen)}
            </Button>
            <View className={styles.secondary}>
              <Button id='order-cancel' type='default' fill='outline' block loading={page.cancelling} disabled={page.phase === 'paying'} onClick={page.cancel}>
                取消订单
              </Button>
            </View>
          </>
        ) : null}
        {paid ? (
          <View className={styles.links}>
            <View className={styles.link}>
              <Button id='go-orders' type='primary' fill='outline' block onClick={page.goOrders}>
                我的订单
              </Button>
            </View>
            <View className={styles.link}>
              <Button id='go-wallet' type='primary' fill='outline' block onClick={page.goWallet}>
                我的券
              </Button>
            </View>
          </View>
        ) : null}
        {order.status !== 'created' ? (
          <View className={styles.secondary}>
            <Button id='go-shop' type='default' fill='none' block onClick={page.goShop}>
              继续逛逛
            </Button>
          </View>
        ) : null}
      </View>

      {page.sandboxSheet ? <SandboxPaySheet order={order} onConfirm={page.confirmSandboxPay} onCancel={page.cancelSandboxPay} /> : null}
    </View>
  );
}

function Paid({ order }: { order: OrderView }) {
  return (
    <View id='pay-success' className={`${styles.hero} ${styles.success}`}>
      <Text className={styles.heroTitle}>支付成功</Text>
      <Text id='paid-amount' className={styles.heroAmount}>
        {formatYuan(order.totalFen)}
      </Text>
      <Text id='order-points' className={styles.heroHint}>
        {orderPointsText(order.points)}
      </Text>
    </View>
  );
}

function AwaitingPayment({ order, phase, onRefresh }: { order: OrderView; phase: PayPhase; onRefresh: () => void }) {
  if (phase === 'confirming') {
    return (
      <View id='pay-confirming' className={styles.hero}>
        <Text className={styles.heroTitle}>正在确认支付结果…</Text>
        <Text className={styles.heroHint}>请稍候，不要重复支付</Text>
      </View>
    );
  }
  if (phase === 'unconfirmed') {
    return (
      <View id='pay-unconfirmed' className={styles.hero}>
        <Text className={styles.heroTitle}>支付结果确认中</Text>
        <Text className={styles.heroHint}>如已付款，微信支付的通知可能稍有延迟，请稍后刷新查看</Text>
        <View className={styles.heroAction}>
          <Button id='order-refresh' type='primary' fill='outline' size='small' onClick={onRefresh}>
            刷新
          </Button>
        </View>
      </View>
    );
  }
  return (
    <View id='order-pending' className={`${styles.hero} ${styles.pending}`}>
      <Text className={styles.heroTitle}>待支付</Text>
      <Text id='order-pending-amount' className={styles.heroAmount}>
        {formatYuan(order.totalFen)}
      </Text>
      {order.payBefore ? (
        <Text id='order-pay-before' className={styles.heroHint}>
          请在 {formatStamp(order.payBefore)} 前完成支付，超时订单将自动取消{order.coupons.length > 0 ? '，优惠券退回券包' : ''}
        </Text>
      ) : null}
    </View>
  );
}

/** What the coupons listed above already account for of the order's discount. */
function couponsDiscount(order: OrderView): number {
  return order.coupons.reduce((sum, coupon) => sum + coupon.discountFen, 0);
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className={styles.row}>
      <Text className={styles.rowLabel}>{label}</Text>
      <Text className={styles.rowValue}>{children}</Text>
    </View>
  );
}
