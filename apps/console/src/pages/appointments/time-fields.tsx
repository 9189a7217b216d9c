import { DatePicker, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

/*
 * Form controls over the API's plain strings ('HH:mm' times, 'YYYY-MM-DD' business days), so the forms hold exactly
 * what is sent and the pickers' Dayjs values (in the browser's zone) never leak into a request.
 */

export type TimeRangeValue = [string, string];

const TIME_FORMAT = 'HH:mm';
const DATE_FORMAT = 'YYYY-MM-DD';

/** The API may answer 'HH:mm:ss' for a database time; the forms work in 'HH:mm'. */
export function toHhmm(value: string): string {
  return value.slice(0, 5);
}

function timeToDayjs(hhmm: string): Dayjs {
  // The picker has no 24:00; a day that ends at midnight shows as 23:59 and is kept as 24:00 unless edited.
  const [hours, minutes] = (hhmm === '24:00' ? '23:59' : hhmm).split(':').map(Number);
  return dayjs('2000-01-01').hour(hours).minute(minutes).second(0).millisecond(0);
}

export interface TimeRangeFieldProps {
  id?: string;
  value?: TimeRangeValue | null;
  onChange?: (value: TimeRangeValue | null) => void;
  disabled?: boolean;
  /** Whether the range may be emptied (null); a shift always has one. */
  allowClear?: boolean;
}

export function TimeRangeField({ id, value, onChange, disabled, allowClear = false }: TimeRangeFieldProps) {
  return (
    <TimePicker.RangePicker
      id={id ? { start: id, end: `${id}_end` } : undefined}
      format={TIME_FORMAT}
      minuteStep={5}
      allowClear={allowClear}
      // A range that may be cleared may also be shown empty while disabled.
      allowEmpty={allowClear}
      disabled={disabled}
      placeholder={['开始', '结束']}
      value={value ? [timeToDayjs(value[0]), timeToDayjs(value[1])] : null}
      onChange={(range) => {
        const [start, end] = range ?? [];
        if (!start || !end) return onChange?.(null);
        // The picker can hand the ends back swapped (Enter on an unchanged end after editing the start); a shift
        // never runs backwards, so keep them in order ('HH:mm' sorts as text).
        const ends = [start.format(TIME_FORMAT), end.format(TIME_FORMAT)].sort();
        onChange?.([ends[0], ends[1]]);
      }}
      style={{ width: 200 }}
    />
  );
}

export interface DateFieldProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabled?: boolean;
}

export function DateField({ id, value, onChange, disabled }: DateFieldProps) {
  return (
    <DatePicker
      id={id}
      format={DATE_FORMAT}
      disabled={disabled}
      placeholder="选择日期"
      value={value ? dayjs(value) : null}
      onChange={(picked) => onChange?.(picked ? picked.format(DATE_FORMAT) : null)}
      style={{ width: 150 }}
    />
  );
}
