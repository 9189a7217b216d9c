import { Text, View } from '@tarojs/components';
import type { OrderView } from '@glow/contracts';
import { formatYuan } from '@glow/domain';
import { Button } from '../../../../components/ui';
import styles from './index.module.scss';

export interface SandboxPaySheetProps {
  order: Pick<OrderView, 'orderNo' | 'totalFen'>;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * H5 demo mode only: stands in for WeChat's payment sheet, which does not exist in a browser. Confirming asks the
 * WeChat sandbox to pay the order, and the sandbox notifies the API as WeChat Pay would.
 */
export function SandboxPaySheet({ order, onConfirm, onCancel }: SandboxPaySheetProps) {
  return (
    <View className={styles.mask}>
      <View id='sandbox-pay-sheet' className={styles.sheet}>
        <Text className={styles.badge}>演示环境 · 模拟支付</Text>
        <Text className={styles.label}>微信支付</Text>
        <Text id='sandbox-pay-amount' className={styles.amount}>
          {formatYuan(order.totalFen)}
        </Text>
        <Text className={styles.orderNo}>订单号 {order.orderNo}</Text>
        <Text className={styles.hint}>这是演示环境，不会产生真实扣款。</Text>
        <Button id='sandbox-pay-confirm' type='primary' block onClick={onConfirm}>
          确认支付
        </Button>
        <View className={styles.cancel}>
          <Button id='sandbox-pay-cancel' type='default' fill='none' block onClick={onCancel}>
            暂不支付
          </Button>
        </View>
      </View>
    </View>
  );
}
