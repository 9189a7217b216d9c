import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BookingView } from '@glow/contracts';
import { rescheduleBooking, slotsOfSlotTaken } from '../../services/appointment.service';
import { errorMessage, isApiError } from '../../services/http';
import { businessDate, formatDateTime } from '../../utils/shanghai-time';
import { AdvisorPicker } from '../advisor-picker';
import { SlotPicker, useSlotPicker } from '../slot-picker';
import { Button } from '../ui';
import styles from './index.module.scss';

export interface ReschedulePanelProps {
  booking: BookingView;
  onDone: (booking: BookingView) => void;
  onClose: () => void;
}

/**
 * Another time for the same store and service. The API moves the booking atomically: if the new slot was taken
 * meanwhile (409, with the day's fresh slots) the old booking stays as it was and the member picks again.
 */
export function ReschedulePanel({ booking, onDone, onClose }: ReschedulePanelProps) {
  const picker = useSlotPicker(booking.store.id, booking.service.id, {
    initialDate: businessDate(booking.startsAt),
    preferredAdvisorId: booking.advisor.id,
  });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    if (!picker.slot || saving) return;
    setSaving(true);
    setError(null);
    try {
      onDone(await rescheduleBooking(booking.id, { startsAt: picker.slot.startsAt, ...(picker.advisorId ? { advisorId: picker.advisorId } : {}) }));
    } catch (failure) {
      const fresh = slotsOfSlotTaken(failure);
      if (fresh) {
        void Taro.showToast({ title: '该时段已被预约', icon: 'none' });
        picker.replaceSlots(fresh);
      } else if (isApiError(failure) && failure.code === 'APPOINTMENT_SLOT_UNAVAILABLE') {
        void Taro.showToast({ title: failure.message, icon: 'none' });
        picker.reload();
      } else {
        setError(errorMessage(failure));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className={styles.mask} onClick={onClose}>
      <View id='reschedule-panel' className={styles.sheet} onClick={(event) => event.stopPropagation()}>
        <Text className={styles.title}>改约</Text>
        <Text className={styles.current}>当前：{formatDateTime(booking.startsAt)} · {booking.advisor.name}</Text>
        <SlotPicker picker={picker} showSeats={booking.service.kind === 'class'} />
        {picker.slot ? (
          <View className={styles.advisors}>
            <Text className={styles.label}>顾问</Text>
            <AdvisorPicker advisors={picker.slot.advisors} value={picker.advisorId} onChange={picker.chooseAdvisor} />
          </View>
        ) : null}
        {error ? (
          <Text id='reschedule-error' className={styles.error}>
            {error}
          </Text>
        ) : null}
        <View className={styles.actions}>
          <View className={styles.action}>
            <Button id='reschedule-cancel' type='default' block disabled={saving} onClick={onClose}>
              取消
            </Button>
          </View>
          <View className={styles.action}>
            <Button id='reschedule-confirm' type='primary' block disabled={!picker.slot} loading={saving} onClick={() => void confirm()}>
              确认改约
            </Button>
          </View>
        </View>
      </View>
    </View>
  );
}
