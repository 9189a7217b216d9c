import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import type { BookingView } from '@glow/contracts';
import { create } from 'qrcode';
import { cancelBooking, getBooking, listSlots, rescheduleBooking, sendBookingFeedback } from '../../services/appointment.service';
import { ApiError } from '../../services/http';
import BookingDetailPage from './index';

jest.mock('../../services/appointment.service', () => ({
  ...jest.requireActual('../../services/appointment.service'),
  getBooking: jest.fn(),
  cancelBooking: jest.fn(),
  rescheduleBooking: jest.fn(),
  sendBookingFeedback: jest.fn(),
  listSlots: jest.fn(),
}));

const NOW = new Date('2026-11-29T17:00:00.000Z');

const BOOKED: BookingView = {
  id: 'bk-1',
  status: 'booked',
  checkInCode: '482913',
  store: { id: 'st-1', name: '上海静安嘉里中心店', address: '南京西路 1515 号 B1' },
  service: { id: 'svc-1', name: '新品试妆', kind: 'try_on', durationMin: 45 },
  advisor: { id: 'adv-1', name: '王丽' },
  member: null,
  startsAt: '2026-12-01T06:00:00.000Z',
  endsAt: '2026-12-01T06:45:00.000Z',
  products: [{ id: 'p-1', name: '水光精华' }],
  note: '想试秋冬底妆',
  canCancel: true,
  productsTried: [],
  skinObservations: null,
  feedback: null,
  createdAt: '2026-11-28T08:00:00.000Z',
};

const COMPLETED: BookingView = {
  ...BOOKED,
  status: 'completed',
  canCancel: false,
  productsTried: [
    { id: 'p-1', name: '水光精华' },
    { id: 'p-3', name: '柔光粉底液' },
  ],
  skinObservations: 'T 区略油，两颊轻微干燥。',
};

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;
const all = (container: HTMLElement, selector: string) => [...container.querySelectorAll(selector)] as HTMLElement[];

async function renderDetail(booking: BookingView) {
  jest.mocked(getBooking).mockResolvedValue(booking);
  const view = render(<BookingDetailPage />);
  await waitFor(() => expect(byId(view.container, 'booking-detail')).not.toBeNull());
  return view.container;
}

/** Reads the drawn QR code back into rows of 0/1 from the runs' pixel offsets. */
function readQr(container: HTMLElement, modulePx = 7): number[][] {
  return all(container, '#check-in-qr .qr-row').map((row, _, rows) => {
    const bits = new Array<number>(rows.length).fill(0);
    for (const run of all(row, '.qr-dark')) {
      const start = parseInt(run.style.left, 10) / modulePx;
      const length = parseInt(run.style.width, 10) / modulePx;
      for (let col = start; col < start + length; col += 1) bits[col] = 1;
    }
    return bits;
  });
}

describe('BookingDetailPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.useFakeTimers({ now: NOW, doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'queueMicrotask', 'nextTick'] });
    jest.mocked(useRouter).mockReturnValue({ params: { id: 'bk-1' } } as unknown as ReturnType<typeof useRouter>);
  });

  afterEach(() => jest.useRealTimers());

  it('shows the booking with its check-in code as digits and as a scannable QR code', async () => {
    const container = await renderDetail(BOOKED);

    expect(getBooking).toHaveBeenCalledWith('bk-1');
    expect(byId(container, 'booking-status')?.textContent).toBe('待到店');
    expect(byId(container, 'booking-time')?.textContent).toBe('12月1日 周二 14:00–14:45');
    expect(byId(container, 'booking-store')?.textContent).toBe('上海静安嘉里中心店');
    expect(byId(container, 'booking-address')?.textContent).toBe('南京西路 1515 号 B1');
    expect(byId(container, 'booking-advisor')?.textContent).toBe('王丽');
    expect(byId(container, 'booking-products')?.textContent).toBe('水光精华');
    expect(byId(container, 'booking-note')?.textContent).toBe('想试秋冬底妆');
    expect(byId(container, 'check-in-code')?.textContent).toBe('482913');

    const { modules } = create('482913', { errorCorrectionLevel: 'M' });
    const expected = Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, col) => (modules.get(row, col) ? 1 : 0)));
    expect(readQr(container)).toEqual(expected);

    expect(byId(container, 'booking-cancel')).not.toBeNull();
    expect(byId(container, 'booking-reschedule')).not.toBeNull();
    expect(byId(container, 'booking-feedback')).toBeNull();
  });

  it('hides cancel and reschedule when the booking can no longer be cancelled', async () => {
    const container = await renderDetail({ ...BOOKED, canCancel: false });

    expect(byId(container, 'check-in-code')?.textContent).toBe('482913');
    expect(byId(container, 'booking-cancel')).toBeNull();
    expect(byId(container, 'booking-reschedule')).toBeNull();
  });

  it('opens the advisor chat offering this booking as a card', async () => {
    const container = await renderDetail(BOOKED);

    fireEvent.click(byId(container, 'booking-ask-advisor') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/service/pages/chat/index?bookingId=bk-1' });
  });

  it('cancels only after the member confirms', async () => {
    jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true } as Taro.showModal.SuccessCallbackResult);
    jest.mocked(cancelBooking).mockResolvedValue({ ...BOOKED, status: 'cancelled', canCancel: false });
    const container = await renderDetail(BOOKED);

    await act(async () => {
      fireEvent.click(byId(container, 'booking-cancel') as Element);
    });
    expect(cancelBooking).not.toHaveBeenCalled();

    await act(async () => {
      fireEvent.click(byId(container, 'booking-cancel') as Element);
    });
    expect(cancelBooking).toHaveBeenCalledWith('bk-1');
    expect(byId(container, 'booking-status')?.textContent).toBe('已取消');
    expect(byId(container, 'check-in-code')).toBeNull();
    expect(byId(container, 'booking-cancel')).toBeNull();
  });

  it('reschedules to a slot of the same store and service, keeping the advisor when free', async () => {
    jest.mocked(listSlots).mockImplementation(async (_store, _service, date) => ({
      date,
      slots: [{ startsAt: '2026-12-01T08:00:00.000Z', endsAt: '2026-12-01T08:45:00.000Z', seatsLeft: 1, advisors: [{ id: 'adv-2', name: '陈晨' }, { id: 'adv-1', name: '王丽' }] }],
    }));
    const moved = { ...BOOKED, startsAt: '2026-12-01T08:00:00.000Z', endsAt: '2026-12-01T08:45:00.000Z' };
    jest.mocked(rescheduleBooking).mockResolvedValue(moved);
    const container = await renderDetail(BOOKED);

    fireEvent.click(byId(container, 'booking-reschedule') as Element);
    // Opens on the booking's own day.
    await waitFor(() => expect(listSlots).toHaveBeenCalledWith('st-1', 'svc-1', '2026-12-01'));
    expect(all(container, '#date-strip .date-item.is-selected')[0].textContent).toBe('明天12/1');
    await waitFor(() => expect(all(container, '#slot-grid .slot-item')).toHaveLength(1));

    fireEvent.click(all(container, '.slot-item')[0]);
    expect(all(container, '.advisor-item.is-selected')[0].textContent).toBe('王丽');
    await act(async () => {
      fireEvent.click(byId(container, 'reschedule-confirm') as Element);
    });

    expect(rescheduleBooking).toHaveBeenCalledWith('bk-1', { startsAt: '2026-12-01T08:00:00.000Z', advisorId: 'adv-1' });
    expect(byId(container, 'reschedule-panel')).toBeNull();
    expect(byId(container, 'booking-time')?.textContent).toBe('12月1日 周二 16:00–16:45');
  });

  it('shows what was tried and observed after the visit, and posts the rating', async () => {
    jest.mocked(sendBookingFeedback).mockResolvedValue({ ...COMPLETED, feedback: { rating: 4, comment: '顾问很专业' } });
    const container = await renderDetail(COMPLETED);

    expect(byId(container, 'check-in-code')).toBeNull();
    expect(all(container, '#products-tried .product-tried').map((tag) => tag.textContent)).toEqual(['水光精华', '柔光粉底液']);
    expect(byId(container, 'skin-observations')?.textContent).toBe('T 区略油，两颊轻微干燥。');

    const submit = byId(container, 'feedback-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.click(all(container, '#feedback-rating .rating-star')[3]);
    expect(all(container, '#feedback-rating .rating-star.is-on')).toHaveLength(4);
    fireEvent.change(byId(container, 'feedback-comment') as Element, { target: { value: ' 顾问很专业 ' } });
    await act(async () => {
      fireEvent.click(submit);
    });

    expect(sendBookingFeedback).toHaveBeenCalledWith('bk-1', { rating: 4, comment: '顾问很专业' });
    expect(byId(container, 'booking-feedback')).toBeNull();
    expect(byId(container, 'feedback-result')?.textContent).toContain('顾问很专业');
  });

  it('shows the API message when the booking is not the member’s', async () => {
    jest.mocked(getBooking).mockRejectedValue(new ApiError('APPOINTMENT_NOT_FOUND', '预约不存在', 404));
    const { container } = render(<BookingDetailPage />);

    await waitFor(() => expect(byId(container, 'booking-detail-error')?.textContent).toBe('预约不存在'));
  });
});
