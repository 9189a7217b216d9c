import { Text, View } from '@tarojs/components';
import type { MemberCouponView } from '@glow/contracts';
import { formatYuan } from '@glow/domain';
import { CouponFace } from '../../../../components/coupon-face';
import { Button } from '../../../../components/ui';
import { COUPON_SOURCE_LABELS, WALLET_TABS, couponStatusTag, validityText } from '../../../../utils/coupon';
import { formatStamp } from '../../../../utils/shanghai-time';
import { useWallet } from './use-wallet';
import styles from './index.module.scss';

export default function WalletPage() {
  const page = useWallet();
  const { state, counts } = page;

  return (
    <View id='wallet' className={styles.page}>
      <View className={styles.tabs}>
        {WALLET_TABS.map(({ tab, label }) => (
          <View
            key={tab}
            id={`wallet-tab-${tab}`}
            className={`wallet-tab ${page.tab === tab ? 'is-selected' : ''} ${styles.tab} ${page.tab === tab ? styles.tabActive : ''}`}
            onClick={() => page.setTab(tab)}
          >
            <Text>{label}</Text>
            {counts ? <Text className={`wallet-tab-count ${styles.count}`}>{counts[tab]}</Text> : null}
          </View>
        ))}
      </View>

      {state.status === 'loading' ? <Text className={styles.status}>加载中…</Text> : null}

      {state.status === 'error' ? (
        <View className={styles.statusBox}>
          <Text id='wallet-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='wallet-retry' type='primary' fill='outline' onClick={page.retry}>
            重新加载
          </Button>
        </View>
      ) : null}

      {state.status === 'ready' && state.coupons.length === 0 ? (
        <View className={styles.statusBox}>
          <Text id='wallet-empty' className={styles.empty}>
            {page.tab === 'available' ? '暂无可使用的优惠券' : page.tab === 'used' ? '还没有使用过优惠券' : '没有过期的优惠券'}
          </Text>
          {page.tab === 'available' ? (
            <Button id='wallet-claim-center' type='primary' onClick={page.goClaimCenter}>
              去领券中心看看
            </Button>
          ) : null}
        </View>
      ) : null}

      {state.status === 'ready' && state.coupons.length > 0 ? (
        <View className={styles.list}>
          {state.coupons.map((coupon) => (
            <WalletCoupon
              key={coupon.id}
              coupon={coupon}
              onOpen={() => void page.open(coupon)}
              onUse={() => void page.use(coupon)}
              onPay={() => page.payHeld(coupon)}
            />
          ))}
          {page.tab === 'available' ? (
            <Text id='wallet-more' className={styles.more} onClick={page.goClaimCenter}>
              去领券中心领取更多 ›
            </Text>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

interface WalletCouponProps {
  coupon: MemberCouponView;
  onOpen: () => void;
  onUse: () => void;
  onPay: () => void;
}

function WalletCoupon({ coupon, onOpen, onUse, onPay }: WalletCouponProps) {
  const tag = couponStatusTag(coupon);
  const usable = coupon.status === 'available';
  const expiring = usable && coupon.expiringSoon;
  return (
    <View className={`wallet-coupon ${styles.item}`} data-coupon-id={coupon.id} data-status={coupon.status} onClick={onOpen}>
      <CouponFace face={coupon.face} muted={!usable && coupon.status !== 'held'}>
        <View className={styles.nameRow}>
          <Text className={`coupon-name ${styles.name}`}>{coupon.template.name}</Text>
          {tag ? (
            <Text className={`coupon-status ${styles.tag} ${styles[coupon.status] ?? ''}`} data-status={coupon.status}>
              {tag}
            </Text>
          ) : null}
        </View>
        {coupon.status === 'used' && coupon.usedAt ? (
          <Text className={`coupon-used ${styles.meta}`}>
            {formatStamp(coupon.usedAt)} 已使用{coupon.discountFen ? `，节省 ${formatYuan(coupon.discountFen)}` : ''}
          </Text>
        ) : (
          <View className={styles.validityRow}>
            <Text className={`coupon-validity ${styles.meta} ${expiring ? styles.expiringText : ''}`}>{validityText(coupon)}</Text>
            {expiring ? <Text className={`coupon-expiring ${styles.expiring}`}>即将过期</Text> : null}
          </View>
        )}
        <View className={styles.footer}>
          <Text className={`coupon-source ${styles.source}`}>{COUPON_SOURCE_LABELS[coupon.source]}</Text>
          {usable ? (
            <Button
              className='use-button'
              type='primary'
              size='small'
              onClick={(event) => {
                event.stopPropagation();
                onUse();
              }}
            >
              去使用
            </Button>
          ) : null}
          {coupon.status === 'held' && coupon.orderId ? (
            <Button
              className='pay-button'
              type='primary'
              size='small'
              fill='outline'
              onClick={(event) => {
                event.stopPropagation();
                onPay();
              }}
            >
              去支付
            </Button>
          ) : null}
        </View>
      </CouponFace>
    </View>
  );
}
