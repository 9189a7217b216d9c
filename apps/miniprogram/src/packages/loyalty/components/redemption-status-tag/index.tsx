import { Text } from '@tarojs/components';
import type { RedemptionView } from '@glow/contracts';
import { redemptionStatusLabel } from '../../../../utils/loyalty';
import styles from './index.module.scss';

/** A redemption's status as a coloured tag: 待领取, 已领取, 已取消 (a coupon: 已兑换). */
export function RedemptionStatusTag({ id, redemption }: { id?: string; redemption: Pick<RedemptionView, 'status' | 'reward'> }) {
  return (
    <Text id={id} className={`redemption-status ${styles.tag} ${styles[redemption.status] ?? ''}`} data-status={redemption.status}>
      {redemptionStatusLabel(redemption)}
    </Text>
  );
}
