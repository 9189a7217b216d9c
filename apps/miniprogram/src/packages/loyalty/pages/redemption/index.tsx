import { Text, View } from '@tarojs/components';
import type { RedemptionView } from '@glow/contracts';
import { QrCode } from '../../../../components/qr-code';
import { Button } from '../../../../components/ui';
import { REWARD_KIND_LABELS } from '../../../../utils/loyalty';
import { formatStamp } from '../../../../utils/shanghai-time';
import { RedemptionStatusTag } from '../../components/redemption-status-tag';
import { useRedemption } from './use-redemption';
import styles from './index.module.scss';

export default function RedemptionPage() {
  const page = useRedemption();
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
          <Text id='redemption-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='redemption-retry' type='primary' fill='outline' onClick={page.retry}>
            重新加载
          </Button>
          <Text className={styles.link} onClick={page.goRedemptions}>
            查看我的兑换
          </Text>
        </View>
      </View>
    );
  }

  const { redemption } = state;
  return (
    <View id='redemption-detail' className={styles.page}>
      <View className={styles.hero}>
        <View className={styles.heroHeader}>
          <Text id='redemption-name' className={styles.name}>
            {redemption.reward.name}
          </Text>
          <RedemptionStatusTag id='redemption-status' redemption={redemption} />
        </View>
        <Text className={styles.heroHint}>
          {REWARD_KIND_LABELS[redemption.reward.kind]} · 使用 {redemption.points} 积分 · {formatStamp(redemption.createdAt)}
        </Text>
      </View>

      <Outcome redemption={redemption} onWallet={page.goWallet} />

      <View className={styles.actions}>
        <Button id='redemption-list-link' type='default' fill='outline' block onClick={page.goRedemptions}>
          查看我的兑换
        </Button>
      </View>
    </View>
  );
}

/** What the member does next, or what already happened. */
function Outcome({ redemption, onWallet }: { redemption: RedemptionView; onWallet: () => void }) {
  if (redemption.status === 'cancelled') {
    return (
      <Text id='redemption-cancelled' className={styles.notice}>
        兑换已取消{redemption.cancelledAt ? `（${formatStamp(redemption.cancelledAt)}）` : ''}，{redemption.points} 积分已退回
      </Text>
    );
  }

  if (redemption.reward.kind === 'coupon') {
    return (
      <View className={styles.notice}>
        <Text id='redemption-coupon-note'>优惠券已发放至「我的券」，可在券包中查看和使用</Text>
        <Text id='redemption-wallet-link' className={styles.walletLink} onClick={onWallet}>
          查看我的券 ›
        </Text>
      </View>
    );
  }

  if (redemption.status === 'fulfilled') {
    const where = redemption.fulfilledStore ? `在 ${redemption.fulfilledStore.name} ` : '';
    const when = redemption.fulfilledAt ? `${formatStamp(redemption.fulfilledAt)} ` : '';
    return (
      <Text id='redemption-fulfilled' className={styles.done}>
        已于 {when}
        {where}
        {redemption.reward.kind === 'service' ? '核销' : '领取'}
      </Text>
    );
  }

  if (!redemption.pickupCode) return null;
  return (
    <View className={styles.pickup}>
      <Text className={styles.pickupLabel}>{redemption.reward.kind === 'service' ? '到店核销码' : '到店提货码'}</Text>
      <Text id='pickup-code' className={styles.code}>
        {redemption.pickupCode}
      </Text>
      <QrCode id='pickup-qr' text={redemption.pickupCode} />
      <Text className={styles.pickupHint}>到店后出示提货码或二维码，顾问扫码或输入后为你{redemption.reward.kind === 'service' ? '安排服务' : '发放礼品'}</Text>
    </View>
  );
}
