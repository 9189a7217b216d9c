import type { BookingView } from '@glow/contracts';
import { Badge, Typography } from 'antd';
import { BOOKING_STATUS_LABELS, WEEKDAY_LABELS } from '../../shared/labels';
import { bookingBlockStyle } from './booking-colors';
import { memberLabel } from './booking-rules';
import { businessTime, isoWeekday, weekDays } from './business-time';
import { bookingsOn } from './calendar-layout';
import { openOnKey } from './calendar-day-view';

export interface CalendarWeekViewProps {
  /** Any day of the week shown. */
  date: string;
  today: string;
  bookings: BookingView[];
  onSelect: (booking: BookingView) => void;
  /** Opens that day in the day view. */
  onOpenDay: (date: string) => void;
}

/** Monday to Sunday side by side, each day's bookings listed by time. */
export function CalendarWeekView({ date, today, bookings, onSelect, onOpenDay }: CalendarWeekViewProps) {
  return (
    <div id="calendar-week" style={{ overflowX: 'auto' }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(140px, 1fr))', gap: 8, minWidth: 7 * 148 }}>
        {weekDays(date).map((day) => {
          const own = bookingsOn(bookings, day);
          const active = own.filter((booking) => booking.status !== 'cancelled').length;
          const [, month, dayOfMonth] = day.split('-').map(Number);
          return (
            <div
              key={day}
              className="calendar-week-day"
              data-date={day}
              style={{ border: '1px solid #f0f0f0', borderRadius: 6, minHeight: 320, background: day === today ? '#fff8fb' : undefined }}
            >
              <div
                role="button"
                tabIndex={0}
                title="查看当天日程"
                onClick={() => onOpenDay(day)}
                onKeyDown={(event) => openOnKey(event, () => onOpenDay(day))}
                style={{ padding: '8px 10px', borderBottom: '1px solid #f0f0f0', cursor: 'pointer', display: 'flex', justifyContent: 'space-between' }}
              >
                <Typography.Text strong style={{ color: day === today ? '#b0456b' : undefined }}>
                  {WEEKDAY_LABELS[isoWeekday(day)]} {month}/{dayOfMonth}
                </Typography.Text>
                <Badge count={active} showZero={false} color="#b0456b" />
              </div>
              <div style={{ padding: 6, display: 'flex', flexDirection: 'column', gap: 6 }}>
                {own.length === 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, padding: 4 }}>
                    无预约
                  </Typography.Text>
                )}
                {own.map((booking) => (
                  <div
                    key={booking.id}
                    className={`booking-block booking-status-${booking.status}`}
                    data-booking-id={booking.id}
                    data-start={businessTime(booking.startsAt)}
                    role="button"
                    tabIndex={0}
                    title={BOOKING_STATUS_LABELS[booking.status]}
                    onClick={() => onSelect(booking)}
                    onKeyDown={(event) => openOnKey(event, () => onSelect(booking))}
                    style={{ ...bookingBlockStyle(booking.status), borderRadius: 4, padding: '4px 6px', fontSize: 12, lineHeight: '17px', cursor: 'pointer' }}
                  >
                    <div style={{ fontWeight: 600 }}>
                      {businessTime(booking.startsAt)}–{businessTime(booking.endsAt)} {memberLabel(booking.member)}
                    </div>
                    <div>{booking.service.name}</div>
                    <div style={{ opacity: 0.75 }}>
                      {booking.advisor.name} · {BOOKING_STATUS_LABELS[booking.status]}
                    </div>
                  </div>
                ))}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
