import { Text, View } from '@tarojs/components';
import type { PointsEntryView, PointsSummary } from '@glow/contracts';
import { TierProgress } from '../../../../components/tier-progress';
import { Button } from '../../../../components/ui';
// After the two above, so the stylesheets keep the order the home page gives them (one CSS order for both chunks).
import { SubscribeButton } from '../../../../components/subscribe-button';
import { entryAmount } from '../../../../utils/loyalty';
import { businessDate, formatStamp } from '../../../../utils/shanghai-time';
import { usePoints } from './use-points';
import styles from './index.module.scss';

export default function PointsPage() {
  const page = usePoints();
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
          <Text id='points-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='points-retry' type='primary' fill='outline' onClick={page.retry}>
            重新加载
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View id='points-page' className={styles.page}>
      <Summary summary={state.summary} onMall={page.goMall} />

      <View id='points-reminders' className={styles.reminders}>
        <View className={styles.remindersText}>
          <Text className={styles.remindersTitle}>积分过期提醒</Text>
          <Text className={styles.remindersHint}>积分即将过期或会员等级变更时，通过微信通知你</Text>
        </View>
        <SubscribeButton id='points-subscribe' keys={['points-expiring', 'tier-change']}>
          订阅
        </SubscribeButton>
      </View>

      <View className={styles.section}>
        <Text className={styles.sectionTitle}>积分明细</Text>
        {state.entries.length === 0 ? (
          <Text id='points-empty' className={styles.empty}>
            暂无积分记录，消费或完善资料即可获得积分
          </Text>
        ) : (
          <View id='points-history'>
            {state.entries.map((entry) => (
              <Entry key={entry.id} entry={entry} />
            ))}
          </View>
        )}
        {page.moreError ? (
          <Text id='points-more-error' className={styles.error}>
            {page.moreError}
          </Text>
        ) : null}
        {page.hasMore ? (
          <View className={styles.more}>
            <Button id='points-more' type='default' fill='outline' loading={page.loadingMore} onClick={page.loadMore}>
              加载更多
            </Button>
          </View>
        ) : state.entries.length > 0 ? (
          <Text id='points-end' className={styles.end}>
            没有更多了
          </Text>
        ) : null}
      </View>
    </View>
  );
}

function Summary({ summary, onMall }: { summary: PointsSummary; onMall: () => void }) {
  return (
    <View className={styles.summary}>
      <View className={styles.balanceRow}>
        <View className={styles.balanceBox}>
          <Text className={styles.balanceLabel}>可用积分</Text>
          <Text id='points-summary-balance' className={styles.balance}>
            {summary.balance}
          </Text>
        </View>
        <View id='points-mall-link' className={styles.mallLink} onClick={onMall}>
          <Text>去兑换 ›</Text>
        </View>
      </View>
      <View className={styles.figures}>
        <View className={styles.figure}>
          <Text className={styles.figureLabel}>待生效</Text>
          <Text id='points-pending' className={styles.figureValue}>
            {summary.pending}
          </Text>
        </View>
        {summary.debt > 0 ? (
          <View className={styles.figure}>
            <Text className={styles.figureLabel}>待抵扣</Text>
            <Text id='points-debt' className={styles.figureValue}>
              {summary.debt}
            </Text>
          </View>
        ) : null}
        <View className={styles.figure}>
          <Text className={styles.figureLabel}>当前等级</Text>
          <Text id='points-tier' className={styles.figureValue}>
            {summary.tier.tier.name}
          </Text>
        </View>
      </View>
      {summary.pending > 0 ? <Text className={styles.note}>待生效积分在退货期结束后到账</Text> : null}
      {summary.debt > 0 ? (
        <Text id='points-debt-note' className={styles.note}>
          退款需扣回的积分已超过可用积分，差额 {summary.debt} 将从之后获得的积分中抵扣
        </Text>
      ) : null}
      {summary.expiringSoon ? (
        <Text id='points-expiring' className={styles.expiring}>
          {summary.expiringSoon.points} 积分将于 {businessDate(summary.expiringSoon.expiresAt)} 过期，记得及时兑换
        </Text>
      ) : null}
      <View className={styles.progress}>
        <TierProgress progress={summary.tier} />
      </View>
    </View>
  );
}

function Entry({ entry }: { entry: PointsEntryView }) {
  const amount = entryAmount(entry);
  return (
    <View className={`points-entry ${styles.entry}`} data-entry-id={entry.id}>
      <View className={styles.entryText}>
        <View className={styles.entryTitleRow}>
          <Text className={`points-entry-label ${styles.entryLabel}`}>{entry.label}</Text>
          {amount.pending ? <Text className={`points-entry-pending ${styles.pendingTag}`}>待生效</Text> : null}
        </View>
        {entry.reason ? <Text className={`points-entry-reason ${styles.entryReason}`}>{entry.reason}</Text> : null}
        <Text className={`points-entry-time ${styles.entryTime}`}>{formatStamp(entry.createdAt)}</Text>
      </View>
      <Text
        className={`points-entry-delta ${styles.delta} ${amount.direction === 'gain' ? styles.gain : styles.loss}`}
        data-direction={amount.direction}
      >
        {amount.text}
      </Text>
    </View>
  );
}
