import { TimePicker } from 'antd';
import dayjs from 'dayjs';

const FORMAT = 'HH:mm';

export interface TimeFieldProps {
  id?: string;
  /** 'HH:mm' as the API takes it; null when not set. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabled?: boolean;
}

/**
 * One time of day over the API's 'HH:mm' strings. Quiet hours usually run across midnight (21:00 to 09:00), which a
 * range picker would put back in order, so the two ends are picked separately.
 */
export function TimeField({ id, value, onChange, disabled }: TimeFieldProps) {
  return (
    <TimePicker
      id={id}
      format={FORMAT}
      minuteStep={5}
      allowClear={false}
      disabled={disabled}
      value={value ? dayjs(`2000-01-01T${value}`) : null}
      onChange={(picked) => onChange?.(picked ? picked.format(FORMAT) : null)}
      style={{ width: 110 }}
    />
  );
}
