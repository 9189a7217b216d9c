import { ScrollView, Text, View } from '@tarojs/components';
import type { SlotView } from '@glow/contracts';
import { formatClock } from '../../utils/shanghai-time';
import { isBookable, type SlotPicker as SlotPickerState } from './use-slot-picker';
import styles from './index.module.scss';

export { DATE_STRIP_DAYS, isBookable, useSlotPicker, type SlotPicker as SlotPickerState, type SlotsLoad } from './use-slot-picker';

export interface SlotPickerProps {
  picker: SlotPickerState;
  /** Show seats left (classes share seats; a private booking always has one). */
  showSeats: boolean;
}

/** The date strip and the free slots of the chosen day. */
export function SlotPicker({ picker, showSeats }: SlotPickerProps) {
  return (
    <View className={styles.picker}>
      <ScrollView id='date-strip' className={styles.strip} scrollX enhanced showScrollbar={false}>
        <View className={styles.stripInner}>
          {picker.days.map((day) => {
            const selected = day.date === picker.date;
            return (
              <View
                key={day.date}
                className={`date-item ${selected ? 'is-selected' : ''} ${styles.day} ${selected ? styles.daySelected : ''}`}
                data-date={day.date}
                onClick={() => picker.chooseDate(day.date)}
              >
                <Text className={styles.dayLabel}>{day.label}</Text>
                <Text className={styles.dayDate}>{day.monthDay}</Text>
              </View>
            );
          })}
        </View>
      </ScrollView>
      <SlotGrid picker={picker} showSeats={showSeats} />
    </View>
  );
}

function SlotGrid({ picker, showSeats }: SlotPickerProps) {
  const { load } = picker;
  if (load.status === 'loading' || load.status === 'idle') {
    return (
      <View id='slot-grid' className={styles.grid}>
        <Text className={styles.muted}>加载中…</Text>
      </View>
    );
  }
  if (load.status === 'error') {
    return (
      <View id='slot-grid' className={styles.grid}>
        <Text id='slot-error' className={styles.error}>
          {load.message}
        </Text>
        <Text id='slot-retry' className={styles.link} onClick={picker.reload}>
          重新加载
        </Text>
      </View>
    );
  }
  if (load.slots.length === 0) {
    return (
      <View id='slot-grid' className={styles.grid}>
        <Text id='slot-empty' className={styles.muted}>
          当天暂无可预约时段，换一天看看吧
        </Text>
      </View>
    );
  }
  return (
    <View id='slot-grid' className={styles.grid}>
      {load.slots.map((slot) => (
        <SlotItem key={slot.startsAt} slot={slot} selected={picker.slot?.startsAt === slot.startsAt} showSeats={showSeats} onTap={() => picker.chooseSlot(slot)} />
      ))}
    </View>
  );
}

function SlotItem({ slot, selected, showSeats, onTap }: { slot: SlotView; selected: boolean; showSeats: boolean; onTap: () => void }) {
  const bookable = isBookable(slot);
  const marker = `slot-item ${selected ? 'is-selected' : ''} ${bookable ? '' : 'is-disabled'}`;
  const look = `${styles.slot} ${selected ? styles.slotSelected : ''} ${bookable ? '' : styles.slotDisabled}`;
  return (
    <View className={`${marker} ${look}`} data-starts-at={slot.startsAt} onClick={bookable ? onTap : undefined}>
      <Text className={styles.slotTime}>{formatClock(slot.startsAt)}</Text>
      {showSeats ? <Text className={styles.slotSeats}>{bookable ? `余 ${slot.seatsLeft} 位` : '已满'}</Text> : !bookable ? <Text className={styles.slotSeats}>已约满</Text> : null}
    </View>
  );
}
