import { fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { BookingView } from '@glow/contracts';
import { listMyBookings } from '../../services/appointment.service';
import BookingsPage from './index';

jest.mock('../../services/appointment.service', () => ({ listMyBookings: jest.fn() }));

const NOW = new Date('2026-12-01T04:00:00.000Z');

function booking(id: string, status: BookingView['status'], startsAt: string, endsAt: string, service = '新品试妆'): BookingView {
  return {
    id,
    status,
    checkInCode: '123456',
    store: { id: 'st-1', name: '上海静安嘉里中心店', address: '南京西路 1515 号' },
    service: { id: 'svc-1', name: service, kind: 'try_on', durationMin: 45 },
    advisor: { id: 'adv-1', name: '王丽' },
    member: null,
    startsAt,
    endsAt,
    products: [],
    note: null,
    canCancel: status === 'booked',
    productsTried: [],
    skinObservations: null,
    feedback: null,
    createdAt: '2026-11-20T08:00:00.000Z',
  };
}

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;
const items = (container: HTMLElement) => [...container.querySelectorAll('.booking-item')] as HTMLElement[];

describe('BookingsPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.useFakeTimers({ now: NOW, doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'queueMicrotask', 'nextTick'] });
    jest.mocked(listMyBookings).mockResolvedValue([
      booking('later', 'booked', '2026-12-05T06:00:00.000Z', '2026-12-05T06:45:00.000Z', '底妆小课堂'),
      booking('soon', 'booked', '2026-12-01T06:00:00.000Z', '2026-12-01T06:45:00.000Z'),
      booking('done', 'completed', '2026-11-20T06:00:00.000Z', '2026-11-20T06:45:00.000Z', '肤质检测'),
      booking('cancelled', 'cancelled', '2026-12-03T06:00:00.000Z', '2026-12-03T06:45:00.000Z', '面部护理'),
    ]);
  });

  afterEach(() => jest.useRealTimers());

  it('lists upcoming bookings soonest first with status, store, service, time and advisor', async () => {
    const { container } = render(<BookingsPage />);

    await waitFor(() => expect(byId(container, 'booking-list')).not.toBeNull());
    expect(byId(container, 'bookings-tab-upcoming')?.className).toContain('is-selected');
    const upcoming = items(container);
    expect(upcoming.map((item) => item.dataset.bookingId)).toEqual(['soon', 'later']);
    expect(upcoming[0].querySelector('.booking-status')?.textContent).toBe('待到店');
    expect(upcoming[0].querySelector('.booking-service')?.textContent).toBe('新品试妆');
    expect(upcoming[0].querySelector('.booking-store')?.textContent).toBe('上海静安嘉里中心店');
    expect(upcoming[0].querySelector('.booking-time')?.textContent).toBe('12月1日 周二 14:00–14:45');
    expect(upcoming[0].querySelector('.booking-advisor')?.textContent).toBe('顾问：王丽');

    fireEvent.click(upcoming[1]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/booking-detail/index?id=later' });
  });

  it('puts completed and cancelled bookings under history, latest first', async () => {
    const { container } = render(<BookingsPage />);
    await waitFor(() => expect(byId(container, 'booking-list')).not.toBeNull());

    fireEvent.click(byId(container, 'bookings-tab-history') as Element);

    const history = items(container);
    expect(history.map((item) => item.dataset.bookingId)).toEqual(['cancelled', 'done']);
    expect(history.map((item) => item.querySelector('.booking-status')?.textContent)).toEqual(['已取消', '已完成']);
  });

  it('invites a member without upcoming bookings to book', async () => {
    jest.mocked(listMyBookings).mockResolvedValue([]);
    const { container } = render(<BookingsPage />);

    await waitFor(() => expect(byId(container, 'bookings-empty')).not.toBeNull());
    fireEvent.click(byId(container, 'bookings-book') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/booking/index' });
  });
});
