import { Text, View } from '@tarojs/components';
import type { ClaimCenterItem } from '@glow/contracts';
import { CouponFace } from '../../../../components/coupon-face';
import { Button } from '../../../../components/ui';
import { CLAIM_BUTTON_TEXT, COUPON_KIND_LABELS, claimLimitText, remainingText } from '../../../../utils/coupon';
import { useClaimCenter } from './use-claim-center';
import styles from './index.module.scss';

export default function ClaimCenterPage() {
  const page = useClaimCenter();
  const { state } = page;

  return (
    <View id='claim-center' className={styles.page}>
      <View className={styles.header}>
        <View className={styles.headerText}>
          <Text className={styles.title}>领券中心</Text>
          <Text className={styles.subtitle}>会员专享优惠，领取后在「我的券」查看</Text>
        </View>
        <View id='claim-center-wallet' className={styles.link} onClick={page.goWallet}>
          <Text>我的券 ›</Text>
        </View>
      </View>

      {state.status === 'loading' ? <Text className={styles.status}>加载中…</Text> : null}

      {state.status === 'error' ? (
        <View className={styles.statusBox}>
          <Text id='claim-center-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='claim-center-retry' type='primary' fill='outline' onClick={page.retry}>
            重新加载
          </Button>
        </View>
      ) : null}

      {state.status === 'ready' && state.items.length === 0 ? (
        <Text id='claim-center-empty' className={styles.status}>
          暂无可领取的优惠券，敬请期待
        </Text>
      ) : null}

      {state.status === 'ready' && state.items.length > 0 ? (
        <View className={styles.list}>
          {state.items.map((item) => (
            <Ticket
              key={item.templateId}
              item={item}
              claiming={page.claiming === item.templateId}
              busy={page.claiming !== null}
              unfolded={page.isUnfolded(item.templateId)}
              onClaim={() => page.claim(item)}
              onToggleRules={() => page.toggleRules(item.templateId)}
            />
          ))}
        </View>
      ) : null}
    </View>
  );
}

interface TicketProps {
  item: ClaimCenterItem;
  claiming: boolean;
  busy: boolean;
  unfolded: boolean;
  onClaim: () => void;
  onToggleRules: () => void;
}

function Ticket({ item, claiming, busy, unfolded, onClaim, onToggleRules }: TicketProps) {
  const remaining = remainingText(item);
  const claimable = item.state === 'claimable';
  return (
    <View className={`claim-ticket ${styles.item}`} data-template-id={item.templateId} data-state={item.state}>
      <CouponFace face={item.face} muted={item.state === 'sold_out'}>
        <Text className={`coupon-name ${styles.name}`}>{item.name}</Text>
        <Text className={styles.meta}>
          {COUPON_KIND_LABELS[item.kind]} · {claimLimitText(item)}
        </Text>
        {remaining ? <Text className={`coupon-remaining ${styles.remaining}`}>{remaining}</Text> : null}
        <View className={styles.actions}>
          <Text className={`rules-toggle ${styles.rulesToggle}`} onClick={onToggleRules}>
            使用规则 {unfolded ? '▴' : '▾'}
          </Text>
          <Button
            className='claim-button'
            type='primary'
            size='small'
            fill={claimable ? 'solid' : 'outline'}
            disabled={!claimable || (busy && !claiming)}
            loading={claiming}
            onClick={onClaim}
          >
            {CLAIM_BUTTON_TEXT[item.state]}
          </Button>
        </View>
      </CouponFace>
      {unfolded ? (
        <View className={`coupon-rules ${styles.rules}`}>
          {item.face.rules.map((rule) => (
            <Text key={rule} className={styles.rule}>
              · {rule}
            </Text>
          ))}
          {item.description ? <Text className={styles.description}>{item.description}</Text> : null}
        </View>
      ) : null}
    </View>
  );
}
