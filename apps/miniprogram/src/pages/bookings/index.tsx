import { Text, View } from '@tarojs/components';
import { BookingStatusTag } from '../../components/booking-status-tag';
import { Button } from '../../components/ui';
import { formatTimeRange } from '../../utils/shanghai-time';
import { type BookingsTab, useBookings } from './use-bookings';
import styles from './index.module.scss';

const TABS: { key: BookingsTab; label: string }[] = [
  { key: 'upcoming', label: '即将到来' },
  { key: 'history', label: '历史' },
];

export default function BookingsPage() {
  const page = useBookings();
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
          <Text id='bookings-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='bookings-retry' type='primary' fill='outline' onClick={page.retry}>
            重新加载
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View id='booking-list' className={styles.page}>
      <View className={styles.tabs}>
        {TABS.map(({ key, label }) => (
          <View
            key={key}
            id={`bookings-tab-${key}`}
            className={`bookings-tab ${page.tab === key ? 'is-selected' : ''} ${styles.tab} ${page.tab === key ? styles.tabActive : ''}`}
            onClick={() => page.setTab(key)}
          >
            <Text>
              {label}
              {page.counts[key] > 0 ? ` ${page.counts[key]}` : ''}
            </Text>
          </View>
        ))}
      </View>

      {page.shown.length === 0 ? (
        <View className={styles.statusBox}>
          <Text id='bookings-empty' className={styles.empty}>
            {page.tab === 'upcoming' ? '暂无即将到来的预约' : '暂无历史预约'}
          </Text>
          {page.tab === 'upcoming' ? (
            <Button id='bookings-book' type='primary' onClick={page.book}>
              预约到店
            </Button>
          ) : null}
        </View>
      ) : (
        <View className={styles.list}>
          {page.shown.map((booking) => (
            <View key={booking.id} className={`booking-item ${styles.item}`} data-booking-id={booking.id} onClick={() => page.open(booking.id)}>
              <View className={styles.itemHeader}>
                <Text className={`booking-service ${styles.service}`}>{booking.service.name}</Text>
                <BookingStatusTag status={booking.status} />
              </View>
              <Text className={`booking-time ${styles.line}`}>{formatTimeRange(booking.startsAt, booking.endsAt)}</Text>
              <Text className={`booking-store ${styles.line}`}>{booking.store.name}</Text>
              <Text className={`booking-advisor ${styles.line}`}>顾问：{booking.advisor.name}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
