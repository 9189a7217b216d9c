import type { ReactNode } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import type { BookingView } from '@glow/contracts';
import { BookingStatusTag } from '../../components/booking-status-tag';
import { QrCode } from '../../components/qr-code';
import { ReschedulePanel } from '../../components/reschedule-panel';
import { StarRating } from '../../components/star-rating';
import { Button } from '../../components/ui';
import { SERVICE_KIND_LABELS } from '../../utils/booking';
import { formatTimeRange } from '../../utils/shanghai-time';
import { FEEDBACK_MAX_LENGTH, useBookingDetail } from './use-booking-detail';
import styles from './index.module.scss';

export default function BookingDetailPage() {
  const page = useBookingDetail();
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
          <Text id='booking-detail-error' className={styles.error}>
            {state.message}
          </Text>
          <Button id='booking-detail-retry' type='primary' fill='outline' onClick={page.retry}>
            重新加载
          </Button>
          <Text className={styles.link} onClick={page.goBookings}>
            查看我的预约
          </Text>
        </View>
      </View>
    );
  }

  const { booking } = state;
  const completed = booking.status === 'completed';
  return (
    <View id='booking-detail' className={styles.page}>
      <View className={styles.hero}>
        <View className={styles.heroHeader}>
          <Text id='booking-service' className={styles.serviceName}>
            {booking.service.name}
          </Text>
          <BookingStatusTag id='booking-status' status={booking.status} />
        </View>
        <Text id='booking-time' className={styles.time}>
          {formatTimeRange(booking.startsAt, booking.endsAt)}
        </Text>
        <Text className={styles.heroHint}>
          {SERVICE_KIND_LABELS[booking.service.kind]} · {booking.service.durationMin} 分钟
        </Text>
      </View>

      {booking.status === 'booked' ? <CheckIn code={booking.checkInCode} /> : null}
      {booking.status === 'checked_in' ? <Text className={styles.notice}>已签到，顾问马上为你服务</Text> : null}

      <View className={styles.section}>
        <Row label='门店'>
          <Text id='booking-store' className={styles.value}>
            {booking.store.name}
          </Text>
          <Text id='booking-address' className={styles.sub}>
            {booking.store.address}
          </Text>
        </Row>
        <Row label='顾问'>
          <Text id='booking-advisor' className={styles.value}>
            {booking.advisor.name}
          </Text>
        </Row>
        {booking.products.length > 0 ? (
          <Row label='想试用'>
            <Text id='booking-products' className={styles.value}>
              {booking.products.map((product) => product.name).join('、')}
            </Text>
          </Row>
        ) : null}
        {booking.note ? (
          <Row label='备注'>
            <Text id='booking-note' className={styles.value}>
              {booking.note}
            </Text>
          </Row>
        ) : null}
      </View>

      <View className={styles.askRow}>
        <Text id='booking-ask-advisor' className={styles.askLink} onClick={() => void page.askAdvisor(booking.id)}>
          对预约有疑问？咨询顾问 ›
        </Text>
      </View>

      {completed ? <VisitRecord booking={booking} /> : null}
      {completed ? <Feedback page={page} booking={booking} /> : null}

      {booking.canCancel ? (
        <View className={styles.actions}>
          <View className={styles.action}>
            <Button id='booking-cancel' type='default' block loading={page.cancelling} onClick={() => void page.cancel()}>
              取消预约
            </Button>
          </View>
          <View className={styles.action}>
            <Button id='booking-reschedule' type='primary' block disabled={page.cancelling} onClick={page.openReschedule}>
              改约
            </Button>
          </View>
        </View>
      ) : null}

      {page.rescheduling ? <ReschedulePanel booking={booking} onDone={page.rescheduled} onClose={page.closeReschedule} /> : null}
    </View>
  );
}

function CheckIn({ code }: { code: string }) {
  return (
    <View className={styles.checkIn}>
      <Text className={styles.checkInLabel}>到店签到码</Text>
      <Text id='check-in-code' className={styles.code}>
        {code}
      </Text>
      <QrCode id='check-in-qr' text={code} />
      <Text className={styles.checkInHint}>到店后出示签到码或二维码，顾问输入或扫码为你签到</Text>
    </View>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className={styles.row}>
      <Text className={styles.label}>{label}</Text>
      <View className={styles.values}>{children}</View>
    </View>
  );
}

function VisitRecord({ booking }: { booking: BookingView }) {
  if (booking.productsTried.length === 0 && !booking.skinObservations) return null;
  return (
    <View className={styles.section}>
      <Text className={styles.sectionTitle}>本次服务记录</Text>
      {booking.productsTried.length > 0 ? (
        <View id='products-tried' className={styles.tags}>
          {booking.productsTried.map((product) => (
            <Text key={product.id} className={`product-tried ${styles.tag}`}>
              {product.name}
            </Text>
          ))}
        </View>
      ) : null}
      {booking.skinObservations ? (
        <View className={styles.observations}>
          <Text className={styles.label}>顾问的肌肤观察</Text>
          <Text id='skin-observations' className={styles.paragraph}>
            {booking.skinObservations}
          </Text>
        </View>
      ) : null}
    </View>
  );
}

function Feedback({ page, booking }: { page: ReturnType<typeof useBookingDetail>; booking: BookingView }) {
  if (booking.feedback) {
    return (
      <View id='feedback-result' className={styles.section}>
        <Text className={styles.sectionTitle}>我的评价</Text>
        <StarRating value={booking.feedback.rating} />
        {booking.feedback.comment ? <Text className={styles.paragraph}>{booking.feedback.comment}</Text> : null}
      </View>
    );
  }
  return (
    <View id='booking-feedback' className={styles.section}>
      <Text className={styles.sectionTitle}>评价本次服务</Text>
      <StarRating id='feedback-rating' value={page.rating} onChange={page.setRating} />
      <Textarea
        id='feedback-comment'
        className={styles.textarea}
        value={page.comment}
        placeholder='说说你的体验（选填）'
        maxlength={FEEDBACK_MAX_LENGTH}
        onInput={(event) => page.setComment(event.detail.value)}
      />
      {page.feedbackError ? (
        <Text id='feedback-error' className={styles.error}>
          {page.feedbackError}
        </Text>
      ) : null}
      <Button id='feedback-submit' type='primary' block disabled={page.rating < 1} loading={page.sendingFeedback} onClick={() => void page.submitFeedback()}>
        提交评价
      </Button>
    </View>
  );
}
