import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { BookableService, BookableStore, BookingView, ClientConfigResponse, SkinRecommendations, SlotView } from '@glow/contracts';
import { createBooking, listBookableServices, listBookableStores, listSlots } from '../../services/appointment.service';
import { ApiError } from '../../services/http';
import { getSkinRecommendations } from '../../services/skin.service';
import BookingPage from './index';

// The real slotsOfSlotTaken reads the 409 body; only the calls to the API are stubbed.
jest.mock('../../services/appointment.service', () => ({
  ...jest.requireActual('../../services/appointment.service'),
  listBookableStores: jest.fn(),
  listBookableServices: jest.fn(),
  listSlots: jest.fn(),
  createBooking: jest.fn(),
}));
jest.mock('../../services/skin.service', () => ({ getSkinRecommendations: jest.fn() }));
// The template ids have arrived (at launch), outside the H5 demo.
jest.mock('../../services/client-config.service', () => {
  const config: Partial<ClientConfigResponse> = { demoMode: false, sandboxUrl: null, subscribeTemplates: { 'booking-reminder': 'tmpl-booking-reminder' } as ClientConfigResponse['subscribeTemplates'] };
  return { loadedClientConfig: () => config, preloadClientConfig: jest.fn(), getClientConfig: () => Promise.resolve(config) };
});

// 01:00 on Monday 30 November in Shanghai, still Sunday in UTC: the strip must start on the Shanghai day.
const NOW = new Date('2026-11-29T17:00:00.000Z');

const STORES: BookableStore[] = [
  {
    id: 'st-1',
    name: '上海静安嘉里中心店',
    city: '上海',
    address: '南京西路 1515 号 B1',
    phone: null,
    latitude: 31.22,
    longitude: 121.45,
    distanceM: 1234,
    todayHours: '10:00–22:00',
  },
  { id: 'st-2', name: '上海徐汇港汇店', city: '上海', address: '虹桥路 1 号', phone: null, latitude: null, longitude: null, distanceM: 8420, todayHours: null },
];

const SERVICES: BookableService[] = [
  {
    id: 'svc-1',
    code: 'TRY-ON',
    name: '新品试妆',
    description: '顾问为你试用当季新品',
    kind: 'try_on',
    durationMin: 45,
    seats: 1,
    priceFen: 0,
    depositFen: 0,
    cancelCutoffMin: 120,
    bookingWindowDays: 30,
  },
  {
    id: 'svc-2',
    code: 'CLASS',
    name: '底妆小课堂',
    description: '',
    kind: 'class',
    durationMin: 90,
    seats: 6,
    priceFen: 9900,
    depositFen: 2000,
    cancelCutoffMin: 1440,
    bookingWindowDays: 14,
  },
];

const ADVISORS = [
  { id: 'adv-1', name: '王丽' },
  { id: 'adv-2', name: '陈晨' },
];

const slot = (startsAt: string, endsAt: string, seatsLeft = 1, advisors = ADVISORS): SlotView => ({ startsAt, endsAt, seatsLeft, advisors });
// 10:00, 11:00 (full) and 14:00 on 1 December in Shanghai.
const SLOTS: SlotView[] = [
  slot('2026-12-01T02:00:00.000Z', '2026-12-01T02:45:00.000Z'),
  slot('2026-12-01T03:00:00.000Z', '2026-12-01T03:45:00.000Z', 0, []),
  slot('2026-12-01T06:00:00.000Z', '2026-12-01T06:45:00.000Z'),
];

const RECOMMENDATIONS: SkinRecommendations = {
  servedId: 'srv-1',
  items: [
    { product: { id: 'p-1', sku: 'GL-SER-01', name: '水光精华', line: null, category: 'skincare', priceFen: 26800, image: null }, rank: 1, reason: '保湿' },
    { product: { id: 'p-2', sku: 'GL-LIP-02', name: '柔雾唇釉', line: null, category: 'makeup', priceFen: 8990, image: null }, rank: 2, reason: '显白' },
  ],
};

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;
const all = (container: HTMLElement, selector: string) => [...container.querySelectorAll(selector)] as HTMLElement[];
const slotTimes = (container: HTMLElement) => all(container, '#slot-grid .slot-item').map((item) => item.textContent);

/** Renders the page and walks through store, service and the second day of the strip. */
async function renderUpToSlots() {
  const view = render(<BookingPage />);
  const { container } = view;
  await waitFor(() => expect(all(container, '.store-item')).toHaveLength(2));

  fireEvent.click(all(container, '.store-item')[0]);
  await waitFor(() => expect(all(container, '.service-item')).toHaveLength(2));
  const services = all(container, '.service-item');
  expect(services[0].textContent).toContain('45 分钟');
  expect(services[0].textContent).toContain('顾问为你试用当季新品');
  expect(services[1].querySelector('.service-price')?.textContent).toBe('¥99 · 定金 ¥20');
  fireEvent.click(services[0]);
  await waitFor(() => expect(listSlots).toHaveBeenCalledWith('st-1', 'svc-1', '2026-11-30'));
  expect(byId(container, 'chosen-service')?.textContent).toContain('新品试妆');

  fireEvent.click(all(container, '#date-strip .date-item')[1]);
  await waitFor(() => expect(slotTimes(container)).toEqual(['10:00', '11:00已约满', '14:00']));
  return container;
}

describe('BookingPage', () => {
  const originalPlatform = process.env.TARO_ENV;

  beforeEach(() => {
    jest.clearAllMocks();
    jest.useFakeTimers({ now: NOW, doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'queueMicrotask', 'nextTick'] });
    jest.mocked(Taro.getLocation).mockRejectedValue({ errMsg: 'getLocation:fail auth deny' });
    jest.mocked(listBookableStores).mockResolvedValue(STORES);
    jest.mocked(listBookableServices).mockResolvedValue(SERVICES);
    jest.mocked(listSlots).mockImplementation(async (_store, _service, date) => ({ date, slots: date === '2026-12-01' ? SLOTS : [] }));
    jest.mocked(getSkinRecommendations).mockRejectedValue(new ApiError('SKIN_PROFILE_MISSING', '请先完成肤质测试', 404));
    jest.mocked(createBooking).mockResolvedValue({ id: 'bk-1' } as BookingView);
  });

  afterEach(() => {
    jest.useRealTimers();
    process.env.TARO_ENV = originalPlatform;
  });

  it('lists stores nearest first with the distance when the member shares the location', async () => {
    jest.mocked(Taro.getLocation).mockResolvedValue({ latitude: 31.2, longitude: 121.4 } as Taro.getLocation.SuccessCallbackResult);
    const { container } = render(<BookingPage />);

    await waitFor(() => expect(all(container, '.store-item')).toHaveLength(2));
    expect(Taro.getLocation).toHaveBeenCalledWith({ type: 'gcj02' });
    expect(listBookableStores).toHaveBeenCalledWith({ latitude: 31.2, longitude: 121.4 });
    const first = all(container, '.store-item')[0];
    expect(first.textContent).toContain('上海静安嘉里中心店');
    expect(first.querySelector('.store-distance')?.textContent).toBe('1.2 km');
    expect(first.textContent).toContain('今日营业 10:00–22:00');
    expect(all(container, '.store-item')[1].textContent).toContain('今日休息');
  });

  it('still lists the stores, without distances, when the location is refused', async () => {
    const { container } = render(<BookingPage />);

    await waitFor(() => expect(all(container, '.store-item')).toHaveLength(2));
    expect(listBookableStores).toHaveBeenCalledWith(null);
  });

  it('loads stores, services and slots, and books the chosen slot with any advisor by default', async () => {
    const container = await renderUpToSlots();

    // The strip starts today in Shanghai and covers two weeks.
    const days = all(container, '#date-strip .date-item');
    expect(days).toHaveLength(14);
    expect(days.slice(0, 3).map((day) => day.textContent)).toEqual(['今天11/30', '明天12/1', '周三12/2']);
    expect(listBookableServices).toHaveBeenCalledWith('st-1');
    expect(listSlots).toHaveBeenLastCalledWith('st-1', 'svc-1', '2026-12-01');

    const confirm = byId(container, 'booking-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    // A full slot cannot be picked.
    fireEvent.click(all(container, '.slot-item')[1]);
    expect(byId(container, 'advisor-list')).toBeNull();

    fireEvent.click(all(container, '.slot-item')[2]);
    expect(all(container, '.slot-item')[2].className).toContain('is-selected');
    const advisors = all(container, '.advisor-item');
    expect(advisors.map((item) => item.textContent)).toEqual(['任意顾问', '王丽', '陈晨']);
    expect(advisors[0].className).toContain('is-selected');
    // Without a skin profile there are no products to pick, only the note.
    expect(byId(container, 'product-list')).toBeNull();
    fireEvent.change(byId(container, 'booking-note') as Element, { target: { value: '  想试试秋冬底妆  ' } });
    expect(byId(container, 'booking-summary')?.textContent).toContain('12月1日 周二 14:00');

    await act(async () => {
      fireEvent.click(confirm);
    });

    // H5 outside the demo has no subscribe messages: no prompt, and no reminder asked for.
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(Taro.showModal).not.toHaveBeenCalled();
    expect(createBooking).toHaveBeenCalledTimes(1);
    expect(createBooking).toHaveBeenCalledWith({
      storeId: 'st-1',
      serviceId: 'svc-1',
      startsAt: '2026-12-01T06:00:00.000Z',
      note: '想试试秋冬底妆',
      reminderOptIn: false,
    });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/booking-detail/index?id=bk-1' });
  });

  it('in WeChat asks for the reminder first and sends the chosen advisor and products', async () => {
    process.env.TARO_ENV = 'weapp';
    jest.mocked(Taro.requestSubscribeMessage).mockResolvedValue({
      errMsg: 'requestSubscribeMessage:ok',
      'tmpl-booking-reminder': 'accept',
    } as unknown as Taro.requestSubscribeMessage.SuccessCallbackResult);
    jest.mocked(getSkinRecommendations).mockResolvedValue(RECOMMENDATIONS);
    const container = await renderUpToSlots();

    fireEvent.click(all(container, '.slot-item')[0]);
    fireEvent.click(all(container, '.advisor-item')[2]);
    fireEvent.click(all(container, '#product-list .product-item')[1]);
    await act(async () => {
      fireEvent.click(byId(container, 'booking-confirm') as Element);
    });

    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['tmpl-booking-reminder'] });
    expect(createBooking).toHaveBeenCalledWith({
      storeId: 'st-1',
      serviceId: 'svc-1',
      startsAt: '2026-12-01T02:00:00.000Z',
      advisorId: 'adv-2',
      productIds: ['p-2'],
      reminderOptIn: true,
    });
  });

  it('replaces the grid with the fresh slots when the slot was just taken, and books another one', async () => {
    const fresh = [slot('2026-12-01T07:00:00.000Z', '2026-12-01T07:45:00.000Z'), slot('2026-12-01T08:00:00.000Z', '2026-12-01T08:45:00.000Z')];
    jest
      .mocked(createBooking)
      .mockRejectedValueOnce(new ApiError('APPOINTMENT_SLOT_TAKEN', '该时段已被预约', 409, { code: 'APPOINTMENT_SLOT_TAKEN', message: '该时段已被预约', slots: fresh }));
    const container = await renderUpToSlots();

    fireEvent.click(all(container, '.slot-item')[2]);
    await act(async () => {
      fireEvent.click(byId(container, 'booking-confirm') as Element);
    });

    expect(Taro.showToast).toHaveBeenCalledWith({ title: '该时段已被预约', icon: 'none' });
    expect(slotTimes(container)).toEqual(['15:00', '16:00']);
    expect(all(container, '.slot-item.is-selected')).toHaveLength(0);
    expect((byId(container, 'booking-confirm') as HTMLButtonElement).disabled).toBe(true);
    expect(byId(container, 'booking-error')).toBeNull();
    // The fresh slots come from the error body, not from another request.
    expect(listSlots).toHaveBeenCalledTimes(2);

    fireEvent.click(all(container, '.slot-item')[1]);
    await act(async () => {
      fireEvent.click(byId(container, 'booking-confirm') as Element);
    });

    expect(createBooking).toHaveBeenCalledTimes(2);
    expect(jest.mocked(createBooking).mock.calls[1][0]).toMatchObject({ startsAt: '2026-12-01T08:00:00.000Z' });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/booking-detail/index?id=bk-1' });
  });

  it('shows why booking is paused', async () => {
    jest.mocked(createBooking).mockRejectedValue(new ApiError('APPOINTMENT_BOOKING_PAUSED', '您近期多次预约未到店，预约功能暂停使用', 403));
    const container = await renderUpToSlots();

    fireEvent.click(all(container, '.slot-item')[0]);
    await act(async () => {
      fireEvent.click(byId(container, 'booking-confirm') as Element);
    });

    expect(byId(container, 'booking-error')?.textContent).toBe('您近期多次预约未到店，预约功能暂停使用');
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  it('shows seats left for a class and lets the member change the store', async () => {
    jest.mocked(listSlots).mockResolvedValue({ date: '2026-11-30', slots: [slot('2026-11-30T11:00:00.000Z', '2026-11-30T12:30:00.000Z', 4)] });
    const { container } = render(<BookingPage />);
    await waitFor(() => expect(all(container, '.store-item')).toHaveLength(2));
    fireEvent.click(all(container, '.store-item')[0]);
    await waitFor(() => expect(all(container, '.service-item')).toHaveLength(2));
    fireEvent.click(all(container, '.service-item')[1]);

    await waitFor(() => expect(slotTimes(container)).toEqual(['19:00余 4 位']));
    // The class's 14-day window fits the strip.
    expect(all(container, '.date-item')).toHaveLength(14);

    fireEvent.click(byId(container, 'change-store') as Element);
    expect(all(container, '.store-item')).toHaveLength(2);
    expect(byId(container, 'date-strip')).toBeNull();
  });

  it('sends a visitor who has not joined to the join page', async () => {
    jest.mocked(listBookableStores).mockRejectedValue(new ApiError('MEMBER_NOT_JOINED', '请先注册成为会员', 403));
    const { container } = render(<BookingPage />);

    await waitFor(() => expect(byId(container, 'stores-error')?.textContent).toBe('请先注册成为会员'));
    fireEvent.click(byId(container, 'booking-join') as Element);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/join/index' });
  });
});
