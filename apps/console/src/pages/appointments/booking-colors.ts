import type { BookingStatusValue } from '@glow/contracts';
import type { CSSProperties } from 'react';

/** Block colours on the calendar, one family per status (the same hues as the status tags). */
const PALETTE: Record<BookingStatusValue, { background: string; border: string; color: string }> = {
  booked: { background: '#e6f4ff', border: '#1677ff', color: '#0b3a75' },
  checked_in: { background: '#fff7e6', border: '#fa8c16', color: '#7a3e00' },
  completed: { background: '#f6ffed', border: '#52c41a', color: '#23520b' },
  cancelled: { background: '#fafafa', border: '#bfbfbf', color: '#8c8c8c' },
  no_show: { background: '#fff1f0', border: '#ff4d4f', color: '#871418' },
};

export function bookingBlockStyle(status: BookingStatusValue): CSSProperties {
  const { background, border, color } = PALETTE[status];
  return {
    background,
    color,
    borderLeft: `3px solid ${border}`,
    // A cancelled booking stays visible for the record but reads as struck out.
    textDecoration: status === 'cancelled' ? 'line-through' : undefined,
  };
}
