import type { BookingView } from '@glow/contracts';
import { Empty, Typography } from 'antd';
import type { CSSProperties, KeyboardEvent } from 'react';
import { BOOKING_STATUS_LABELS } from '../../shared/labels';
import { bookingBlockStyle } from './booking-colors';
import { memberLabel } from './booking-rules';
import { businessDate, businessMinutes, businessTime, minutesToHhmm } from './business-time';
import { dayRange, minutesToPixels, placeBookings, timeLines, type CalendarColumn, type TimeRange } from './calendar-layout';

const GUTTER_WIDTH = 56;
const COLUMN_MIN_WIDTH = 160;
const HEADER_HEIGHT = 40;
const LINE_COLOR = '#f0f0f0';
const HOUR_LINE_COLOR = '#d9d9d9';
/** Blocks shorter than this show time, member and service on one line. */
const TWO_LINE_HEIGHT = 40;

export interface CalendarDayViewProps {
  date: string;
  columns: CalendarColumn[];
  bookings: BookingView[];
  now: Date;
  onSelect: (booking: BookingView) => void;
}

/** The parts of `range` outside the shifts, shaded so staff see who is off. */
function offShift(shifts: TimeRange[], range: TimeRange): TimeRange[] {
  const gaps: TimeRange[] = [];
  let cursor = range.start;
  for (const shift of [...shifts].sort((a, b) => a.start - b.start)) {
    if (shift.start > cursor) gaps.push({ start: cursor, end: Math.min(shift.start, range.end) });
    cursor = Math.max(cursor, shift.end);
  }
  if (cursor < range.end) gaps.push({ start: cursor, end: range.end });
  return gaps.filter((gap) => gap.end > gap.start);
}

export function openOnKey(event: KeyboardEvent, open: () => void) {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    open();
  }
}

/** Advisors side by side, time downwards, each booking a block at its time in its advisor's column. */
export function CalendarDayView({ date, columns, bookings, now, onSelect }: CalendarDayViewProps) {
  const range = dayRange(bookings);
  const height = minutesToPixels(range.end - range.start);
  const lines = timeLines(range);
  const nowMinutes = businessDate(now) === date ? businessMinutes(now) : null;

  if (columns.length === 0) {
    return (
      <div id="calendar-day">
        <Empty description="该门店还没有美容顾问，请先在「预约设置 · 排班」中查看" />
      </div>
    );
  }

  const lineStyle = (minutes: number, hour: boolean): CSSProperties => ({
    position: 'absolute',
    left: 0,
    right: 0,
    top: minutesToPixels(minutes - range.start),
    borderTop: `1px ${hour ? 'solid' : 'dashed'} ${hour ? HOUR_LINE_COLOR : LINE_COLOR}`,
  });

  return (
    <div id="calendar-day" data-date={date} style={{ overflowX: 'auto' }}>
      <div style={{ minWidth: GUTTER_WIDTH + columns.length * COLUMN_MIN_WIDTH }}>
        <div style={{ display: 'flex', height: HEADER_HEIGHT, borderBottom: `1px solid ${HOUR_LINE_COLOR}` }}>
          <div style={{ width: GUTTER_WIDTH, flex: 'none' }} />
          {columns.map((column) => (
            <div
              key={column.advisorId}
              className="calendar-column-header"
              style={{ flex: 1, minWidth: COLUMN_MIN_WIDTH, display: 'flex', flexDirection: 'column', justifyContent: 'center', padding: '0 8px' }}
            >
              <Typography.Text strong ellipsis>
                {column.name}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {column.shifts.length > 0 ? column.shifts.map((shift) => `${minutesToHhmm(shift.start)}–${minutesToHhmm(shift.end)}`).join('、') : '休息'}
              </Typography.Text>
            </div>
          ))}
        </div>
        <div style={{ display: 'flex', position: 'relative', height: height + 12, paddingTop: 6 }}>
          <div style={{ width: GUTTER_WIDTH, flex: 'none', position: 'relative' }}>
            {lines
              .filter((line) => line.hour)
              .map((line) => (
                <Typography.Text
                  key={line.minutes}
                  type="secondary"
                  style={{ position: 'absolute', top: minutesToPixels(line.minutes - range.start) - 9, right: 8, fontSize: 12 }}
                >
                  {minutesToHhmm(line.minutes)}
                </Typography.Text>
              ))}
          </div>
          {columns.map((column) => {
            const own = bookings.filter((booking) => booking.advisor.id === column.advisorId);
            return (
              <div
                key={column.advisorId}
                className="calendar-column"
                data-advisor-id={column.advisorId}
                style={{ flex: 1, minWidth: COLUMN_MIN_WIDTH, position: 'relative', height, borderLeft: `1px solid ${LINE_COLOR}` }}
              >
                {offShift(column.shifts, range).map((gap) => (
                  <div
                    key={gap.start}
                    className="calendar-off-shift"
                    style={{
                      position: 'absolute',
                      left: 0,
                      right: 0,
                      top: minutesToPixels(gap.start - range.start),
                      height: minutesToPixels(gap.end - gap.start),
                      background: 'repeating-linear-gradient(135deg, #fafafa, #fafafa 6px, #f3f3f3 6px, #f3f3f3 12px)',
                    }}
                  />
                ))}
                {lines.map((line) => (
                  <div key={line.minutes} style={lineStyle(line.minutes, line.hour)} />
                ))}
                {placeBookings(own, range).map(({ booking, top, height: blockHeight, lane, lanes }) => (
                  <div
                    key={booking.id}
                    className={`booking-block booking-status-${booking.status}`}
                    data-booking-id={booking.id}
                    data-start={businessTime(booking.startsAt)}
                    role="button"
                    tabIndex={0}
                    title={`${businessTime(booking.startsAt)}–${businessTime(booking.endsAt)} ${memberLabel(booking.member)} · ${booking.service.name} · ${BOOKING_STATUS_LABELS[booking.status]}`}
                    onClick={() => onSelect(booking)}
                    onKeyDown={(event) => openOnKey(event, () => onSelect(booking))}
                    style={{
                      ...bookingBlockStyle(booking.status),
                      position: 'absolute',
                      top,
                      height: blockHeight - 2,
                      left: `calc(${(lane * 100) / lanes}% + 2px)`,
                      width: `calc(${100 / lanes}% - 4px)`,
                      borderRadius: 4,
                      padding: '2px 6px',
                      fontSize: 12,
                      lineHeight: '16px',
                      overflow: 'hidden',
                      cursor: 'pointer',
                      boxShadow: '0 1px 2px rgba(0, 0, 0, 0.06)',
                    }}
                  >
                    {blockHeight < TWO_LINE_HEIGHT ? (
                      // A half-hour block has room for one line.
                      <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                        <strong>
                          {businessTime(booking.startsAt)} {memberLabel(booking.member)}
                        </strong>{' '}
                        · {booking.service.name}
                      </div>
                    ) : (
                      <>
                        <div style={{ fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                          {businessTime(booking.startsAt)}–{businessTime(booking.endsAt)} {memberLabel(booking.member)}
                        </div>
                        <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{booking.service.name}</div>
                      </>
                    )}
                  </div>
                ))}
              </div>
            );
          })}
          {nowMinutes !== null && nowMinutes >= range.start && nowMinutes <= range.end && (
            <div
              className="calendar-now"
              aria-hidden
              style={{
                position: 'absolute',
                left: GUTTER_WIDTH,
                right: 0,
                top: 6 + minutesToPixels(nowMinutes - range.start),
                borderTop: '2px solid #ff4d4f',
                pointerEvents: 'none',
              }}
            />
          )}
        </div>
      </div>
    </div>
  );
}
