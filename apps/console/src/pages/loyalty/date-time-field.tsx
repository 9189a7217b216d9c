import { DatePicker } from 'antd';
import dayjs from 'dayjs';

const FORMAT = 'YYYY-MM-DD HH:mm';

export interface DateTimeFieldProps {
  id?: string;
  /** An ISO instant, as the API sends and takes it; null when not set. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabled?: boolean;
  placeholder?: string;
}

/**
 * A date and time to the minute over the API's ISO instants, so the form holds exactly what is sent and the picker's
 * Dayjs value (in the browser's zone) never leaks into a request.
 */
export function DateTimeField({ id, value, onChange, disabled, placeholder = '选择时间' }: DateTimeFieldProps) {
  return (
    <DatePicker
      id={id}
      showTime={{ format: 'HH:mm' }}
      format={FORMAT}
      disabled={disabled}
      placeholder={placeholder}
      value={value ? dayjs(value) : null}
      onChange={(picked) => onChange?.(picked ? picked.second(0).millisecond(0).toISOString() : null)}
      style={{ width: '100%' }}
    />
  );
}
