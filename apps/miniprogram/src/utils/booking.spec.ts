import type { BookingView } from '@glow/contracts';
import { awaitingFeedback, formatServicePrice, isUpcoming, nextBooking } from './booking';

const NOW = new Date('2026-12-01T06:00:00.000Z');

function booking(id: string, status: BookingView['status'], startsAt: string, endsAt: string): BookingView {
  return { id, status, startsAt, endsAt } as BookingView;
}

describe('booking helpers', () => {
  it.each([
    ['booked later today', booking('a', 'booked', '2026-12-01T08:00:00.000Z', '2026-12-01T09:00:00.000Z'), true],
    ['checked in and still running', booking('b', 'checked_in', '2026-12-01T05:30:00.000Z', '2026-12-01T06:30:00.000Z'), true],
    ['booked but already over', booking('c', 'booked', '2026-12-01T04:00:00.000Z', '2026-12-01T05:00:00.000Z'), false],
    ['cancelled in the future', booking('d', 'cancelled', '2026-12-02T08:00:00.000Z', '2026-12-02T09:00:00.000Z'), false],
    ['completed', booking('e', 'completed', '2026-11-30T08:00:00.000Z', '2026-11-30T09:00:00.000Z'), false],
    ['no-show', booking('f', 'no_show', '2026-11-30T08:00:00.000Z', '2026-11-30T09:00:00.000Z'), false],
  ])('%s → upcoming %p', (_, subject, expected) => {
    expect(isUpcoming(subject, NOW)).toBe(expected);
  });

  it('picks the earliest upcoming booking as the next one', () => {
    const list = [
      booking('later', 'booked', '2026-12-05T08:00:00.000Z', '2026-12-05T09:00:00.000Z'),
      booking('cancelled', 'cancelled', '2026-12-02T08:00:00.000Z', '2026-12-02T09:00:00.000Z'),
      booking('sooner', 'booked', '2026-12-03T08:00:00.000Z', '2026-12-03T09:00:00.000Z'),
    ];

    expect(nextBooking(list, NOW)?.id).toBe('sooner');
    expect(nextBooking([list[1]], NOW)).toBeNull();
  });

  it('asks about the latest unrated visit of the last two weeks only', () => {
    const done = (id: string, startsAt: string, rated = false) => ({ ...booking(id, 'completed', startsAt, startsAt), feedback: rated ? { rating: 4, comment: null } : null }) as BookingView;
    const list = [done('old', '2026-11-10T08:00:00.000Z'), done('recent', '2026-11-28T08:00:00.000Z'), done('latest-rated', '2026-11-30T08:00:00.000Z', true)];
    expect(awaitingFeedback(list, NOW)?.id).toBe('recent');
    expect(awaitingFeedback([list[0], list[2]], NOW)).toBeNull();
  });

  it('formats price and deposit', () => {
    expect(formatServicePrice({ priceFen: 26800, depositFen: 5000 })).toBe('¥268 · 定金 ¥50');
    expect(formatServicePrice({ priceFen: 0, depositFen: 0 })).toBe('免费');
  });
});
