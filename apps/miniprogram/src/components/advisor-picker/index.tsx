import { Text, View } from '@tarojs/components';
import type { SlotView } from '@glow/contracts';
import styles from './index.module.scss';

export interface AdvisorPickerProps {
  advisors: SlotView['advisors'];
  /** null: any advisor. */
  value: string | null;
  onChange: (advisorId: string | null) => void;
}

/** "任意顾问" (the API assigns the least-loaded one) or one of the advisors free at the picked time. */
export function AdvisorPicker({ advisors, value, onChange }: AdvisorPickerProps) {
  const options = [{ id: null, name: '任意顾问' }, ...advisors];
  return (
    <View id='advisor-list' className={styles.list}>
      {options.map((advisor) => {
        const selected = advisor.id === value;
        return (
          <View
            key={advisor.id ?? 'any'}
            className={`advisor-item ${selected ? 'is-selected' : ''} ${styles.item} ${selected ? styles.selected : ''}`}
            data-advisor-id={advisor.id ?? ''}
            onClick={() => onChange(advisor.id)}
          >
            <Text>{advisor.name}</Text>
          </View>
        );
      })}
    </View>
  );
}
