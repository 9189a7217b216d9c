import type { AdvisorScheduleView, BookingView, ServiceAdminView, StoreScheduleView, StoreSummary } from '@glow/contracts';

/* Fixtures shared by the appointment specs. Instants are UTC; the comments give the Shanghai time staff see. */

export const stores: StoreSummary[] = [
  { id: 'store-1', code: 'SH01', name: '上海静安店', city: '上海', address: '南京西路 1 号' },
  { id: 'store-2', code: 'BJ01', name: '北京国贸店', city: '北京', address: '建国门外大街 1 号' },
];

export function booking(overrides: Partial<BookingView> = {}): BookingView {
  return {
    id: 'b-1',
    status: 'booked',
    checkInCode: '482913',
    store: { id: 'store-1', name: '上海静安店', address: '南京西路 1 号' },
    service: { id: 'svc-try', name: '专业试妆', kind: 'try_on', durationMin: 60 },
    advisor: { id: 'adv-2', name: '周美琳' },
    member: { id: 'm-1', memberNo: 'GM2026000123', name: '王晓雯', nickname: '小雯' },
    // 2026-11-20 10:30–11:30 in Shanghai.
    startsAt: '2026-11-20T02:30:00.000Z',
    endsAt: '2026-11-20T03:30:00.000Z',
    products: [{ id: 'p-serum', name: '水光精华' }],
    note: '想试秋冬底妆',
    canCancel: true,
    productsTried: [],
    skinObservations: null,
    feedback: null,
    createdAt: '2026-11-18T08:00:00.000Z',
    ...overrides,
  };
}

export function advisorSchedule(overrides: Partial<AdvisorScheduleView> = {}): AdvisorScheduleView {
  return {
    advisorId: 'adv-1',
    advisorName: '林可欣',
    rules: [
      { advisorId: 'adv-1', weekday: 1, start: '10:00', end: '18:00' },
      { advisorId: 'adv-1', weekday: 5, start: '10:00', end: '14:00' },
      { advisorId: 'adv-1', weekday: 5, start: '15:00', end: '22:00' },
    ],
    exceptions: [{ date: '2026-12-24', off: true, start: null, end: null }],
    serviceIds: ['svc-try'],
    ...overrides,
  };
}

export const advisors: AdvisorScheduleView[] = [
  advisorSchedule(),
  advisorSchedule({
    advisorId: 'adv-2',
    advisorName: '周美琳',
    rules: [{ advisorId: 'adv-2', weekday: 5, start: '12:00', end: '21:00' }],
    exceptions: [],
    serviceIds: ['svc-try', 'svc-skin'],
  }),
];

export function service(overrides: Partial<ServiceAdminView> = {}): ServiceAdminView {
  return {
    id: 'svc-try',
    code: 'TRY-ON',
    name: '专业试妆',
    description: '一对一底妆试妆',
    kind: 'try_on',
    durationMin: 60,
    bufferAfterMin: 15,
    seats: 1,
    priceFen: 0,
    depositFen: 0,
    minNoticeMin: 120,
    bookingWindowDays: 14,
    cancelCutoffMin: 240,
    active: true,
    storeIds: ['store-1', 'store-2'],
    advisorIds: ['adv-1', 'adv-2'],
    ...overrides,
  };
}

export const services: ServiceAdminView[] = [
  service(),
  service({ id: 'svc-skin', code: 'SKIN-TEST', name: '肤质检测', kind: 'skin_test', durationMin: 30, storeIds: ['store-1'] }),
  service({ id: 'svc-class', code: 'CLASS-BASE', name: '底妆课', kind: 'class', seats: 6, storeIds: ['store-2'], advisorIds: [] }),
];

export const storeSchedule: StoreScheduleView = {
  storeId: 'store-1',
  hours: {
    '1': { open: '10:00', close: '22:00' },
    '2': { open: '10:00', close: '22:00' },
    '3': { open: '10:00', close: '22:00' },
    '4': { open: '10:00', close: '22:00' },
    '5': { open: '10:00', close: '22:30' },
    '6': { open: '09:30', close: '22:30' },
    '7': null,
  },
  specialDays: [{ date: '2026-12-31', closed: false, open: '10:00', close: '18:00', note: '跨年提前闭店' }],
  latitude: 31.224361,
  longitude: 121.446235,
};
