import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { MemberCouponView } from '@glow/contracts';
import { CouponFace } from '../../../../components/coupon-face';
import { QrCode } from '../../../../components/qr-code';
import { Button } from '../../../../components/ui';
import { COUPON_KIND_LABELS, COUPON_SOURCE_LABELS, COUPON_STATUS_LABELS, validityRangeText } from '../../../../utils/coupon';
import { useCouponDetail } from './use-coupon-detail';
import styles from './index.module.scss';

/** What "去使用" says for each place a coupon is used. */
const USE_TEXT: Record<MemberCouponView['face']['useTarget'], string> = {
  shop: '去商城使用',
  store: '到店出示会员码',
  booking: '去预约',
};

export default function CouponDetailPage() {
  const page = useCouponDetail();
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
          <Text id='coupon-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='coupon-retry' type='primary' fill='outline' onClick={page.retry}>
            重新加载
          </Button>
          <Text className={styles.link} onClick={page.goWallet}>
            查看我的券
          </Text>
        </View>
      </View>
    );
  }

  const { coupon } = state;
  const usable = coupon.status === 'available';
  return (
    <View id='coupon-detail' className={styles.page} data-status={coupon.status}>
      <View className={styles.hero}>
        <CouponFace face={coupon.face} muted={!usable && coupon.status !== 'held'}>
          <Text id='coupon-name' className={styles.name}>
            {coupon.template.name}
          </Text>
          <Text className={styles.meta}>{COUPON_KIND_LABELS[coupon.template.kind]}</Text>
          <Text id='coupon-status' className={`${styles.statusTag} ${styles[coupon.status] ?? ''}`}>
            {COUPON_STATUS_LABELS[coupon.status]}
          </Text>
        </CouponFace>
      </View>

      {usable ? (
        <View className={styles.codeBox}>
          <Text className={styles.codeLabel}>到店使用时出示券码，顾问扫码核销</Text>
          <QrCode id='coupon-qr' text={coupon.code} />
          <Text id='coupon-code' className={styles.code}>
            {coupon.code}
          </Text>
        </View>
      ) : null}

      {coupon.status === 'held' ? (
        <View id='coupon-held' className={styles.notice}>
          <Text>该券已用于一笔待支付订单，支付后即完成使用；取消订单或超时未支付，券将退回券包。</Text>
          {coupon.orderId ? (
            <View className={styles.noticeAction}>
              <Button id='coupon-pay' type='primary' fill='outline' size='small' onClick={page.pay}>
                去支付
              </Button>
            </View>
          ) : null}
        </View>
      ) : null}

      <View className={styles.section}>
        <Row label='有效期' id='coupon-validity'>
          {validityRangeText(coupon)}
        </Row>
        <Row label='来源'>{COUPON_SOURCE_LABELS[coupon.source]}</Row>
      </View>

      <View className={styles.section}>
        <Text className={styles.sectionTitle}>使用规则</Text>
        <View id='coupon-rules'>
          {coupon.face.rules.map((rule) => (
            <Text key={rule} className={`coupon-rule ${styles.rule}`}>
              · {rule}
            </Text>
          ))}
        </View>
        {coupon.template.description ? (
          <Text id='coupon-description' className={styles.description}>
            {coupon.template.description}
          </Text>
        ) : null}
      </View>

      {usable ? (
        <View className={styles.actions}>
          <Button id='coupon-use' type='primary' block onClick={page.use}>
            {USE_TEXT[coupon.face.useTarget]}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function Row({ id, label, children }: { id?: string; label: string; children: ReactNode }) {
  return (
    <View className={styles.row}>
      <Text className={styles.rowLabel}>{label}</Text>
      <Text id={id} className={styles.rowValue}>
        {children}
      </Text>
    </View>
  );
}
