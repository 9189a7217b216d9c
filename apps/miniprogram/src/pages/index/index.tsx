import { Text, View } from '@tarojs/components';
import { MemberCard } from '../../components/member-card';
import { ProfileCompleteness } from '../../components/profile-completeness';
import { Button } from '../../components/ui';
import { formatDateTime } from '../../utils/shanghai-time';
import { useHome } from './use-home';
import styles from './index.module.scss';

export default function HomePage() {
  const page = useHome();
  const { state, retry, hasSkinProfile, upcoming, toRate, goBooking, goUpcoming, goRate, goJoin, goProfile, goSkin, goComplete } = page;

  if (state.status === 'loading') {
    return (
      <View className={styles.page}>
        <Text id='home-loading' className={styles.status}>
          加载中…
        </Text>
      </View>
    );
  }

  if (state.status === 'error') {
    return (
      <View className={styles.page}>
        <View className={styles.errorBox}>
          <Text id='home-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='home-retry' type='primary' fill='outline' onClick={retry}>
            重新加载
          </Button>
        </View>
      </View>
    );
  }

  if (state.status === 'visitor') {
    return (
      <View className={styles.page}>
        <View className={styles.hero}>
          <Text className={styles.brand}>GLOW</Text>
          <Text className={styles.title}>加入 Glow 会员</Text>
          <Text className={styles.subtitle}>消费累积积分，专属顾问一对一护肤建议，生日礼遇与会员专享活动。</Text>
        </View>
        <View className={styles.actions}>
          <Button id='join-cta' type='primary' size='large' block onClick={goJoin}>
            立即加入会员
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className={styles.page}>
      <MemberCard home={state.home} summary={page.summary} onMemberCode={page.goMemberCode} />
      <View className={styles.shortcuts}>
        <Shortcut id='points-entry' title='积分明细' hint={page.summary && page.summary.pending > 0 ? `${page.summary.pending} 待生效` : '收支记录'} onTap={page.goPoints} />
        <Shortcut id='mall-entry' title='积分商城' hint='好礼兑换' onTap={page.goMall} />
        <Shortcut id='redemptions-entry' title='我的兑换' hint='提货码' onTap={page.goRedemptions} />
        <Shortcut id='orders-entry' title='我的订单' hint='门店与线上' onTap={page.goOrders} />
      </View>
      <View className={styles.shortcuts}>
        <Shortcut id='shop-entry' title='在线商城' hint='正装与礼盒' onTap={page.goShop} />
        <Shortcut id='claim-center-entry' title='领券中心' hint='会员专享券' onTap={page.goClaimCenter} />
        <Shortcut
          id='wallet-entry'
          title='我的券'
          hint={page.walletCounts ? `${page.walletCounts.available} 张可用` : '优惠券'}
          hintId='wallet-count'
          onTap={page.goWallet}
        />
      </View>
      {state.home.completeness.missing.length > 0 ? <ProfileCompleteness completeness={state.home.completeness} onTap={goComplete} /> : null}
      {upcoming ? (
        <View id='next-booking' className={styles.nextBooking} onClick={goUpcoming}>
          <View className={styles.entryText}>
            <Text className={styles.nextLabel}>下一次预约</Text>
            <Text id='next-booking-title' className={styles.entryTitle}>
              {upcoming.service.name}
            </Text>
            <Text id='next-booking-time' className={styles.entryHint}>
              {formatDateTime(upcoming.startsAt)} · {upcoming.store.name}
            </Text>
          </View>
          {upcoming.status === 'booked' ? (
            <View className={styles.nextCode}>
              <Text className={styles.nextCodeLabel}>签到码</Text>
              <Text id='next-booking-code' className={styles.nextCodeValue}>
                {upcoming.checkInCode}
              </Text>
            </View>
          ) : (
            <Text className={styles.entryGo}>已签到</Text>
          )}
        </View>
      ) : null}
      {toRate ? (
        <View id='feedback-request' className={styles.entry} onClick={goRate}>
          <View className={styles.entryText}>
            <Text className={styles.entryTitle}>这次到店体验如何？</Text>
            <Text id='feedback-request-text' className={styles.entryHint}>
              {toRate.service.name} · {toRate.advisor.name}，留下评价帮助我们做得更好
            </Text>
          </View>
          <Text className={styles.entryGo}>去评价 ›</Text>
        </View>
      ) : null}
      <View id='skin-test-entry' className={styles.entry} onClick={goSkin}>
        <View className={styles.entryText}>
          <Text className={styles.entryTitle}>肤质测试</Text>
          <Text id='skin-test-entry-text' className={styles.entryHint}>
            {hasSkinProfile ? '查看我的肤质报告与专属推荐' : '2 分钟了解你的肌肤，获取专属护肤推荐'}
          </Text>
        </View>
        <Text className={styles.entryGo}>{hasSkinProfile ? '查看报告 ›' : '开始测试 ›'}</Text>
      </View>
      <View id='booking-entry' className={styles.entry} onClick={goBooking}>
        <View className={styles.entryText}>
          <Text className={styles.entryTitle}>预约到店</Text>
          <Text className={styles.entryHint}>试妆、化妆、肤质检测与护理，专属顾问一对一服务</Text>
        </View>
        <Text className={styles.entryGo}>去预约 ›</Text>
      </View>
      <View className={styles.actions}>
        <Button id='go-profile' type='primary' fill='outline' block onClick={goProfile}>
          编辑个人资料
        </Button>
      </View>
    </View>
  );
}

function Shortcut({ id, title, hint, hintId, onTap }: { id: string; title: string; hint: string; hintId?: string; onTap: () => void }) {
  return (
    <View id={id} className={styles.shortcut} onClick={onTap}>
      <Text className={styles.shortcutTitle}>{title}</Text>
      <Text id={hintId} className={styles.shortcutHint}>
        {hint}
      </Text>
    </View>
  );
}
