import { Text } from '@tarojs/components';
import type { BookingStatusValue } from '@glow/contracts';
import { BOOKING_STATUS_LABELS } from '../../utils/booking';
import styles from './index.module.scss';

/** The booking's status as a coloured tag. */
export function BookingStatusTag({ id, status }: { id?: string; status: BookingStatusValue }) {
  return (
    <Text id={id} className={`booking-status ${styles.tag} ${styles[status] ?? ''}`} data-status={status}>
      {BOOKING_STATUS_LABELS[status]}
    </Text>
  );
}
