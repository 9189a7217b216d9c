import type { BookingView, Paged, ProductResponse } from '@glow/contracts';
import { fireEvent, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { AppointmentCalendarPage } from './appointment-calendar.page';
import { advisors, booking, stores } from './appointment.fixtures';

const DAY_URL = '/api/staff/appointments?from=2026-11-20&to=2026-11-20&storeId=store-1';
const CHECK_IN_URL = '/api/staff/appointments/check-in';

const products: Paged<ProductResponse> = {
  items: [
    { id: 'p-serum', sku: 'GLOW-SERUM-30', name: '水光精华', line: null, category: 'skincare', priceFen: 29900, images: [], description: null, suitableSkinTypes: [], concerns: [], allergens: [], usageDays: null, active: true, createdAt: '', updatedAt: '' },
    { id: 'p-cushion', sku: 'GLOW-CUSHION', name: '柔雾气垫', line: null, category: 'makeup', priceFen: 25900, images: [], description: null, suitableSkinTypes: [], concerns: [], allergens: [], usageDays: null, active: true, createdAt: '', updatedAt: '' },
  ],
  total: 2,
  page: 1,
  pageSize: 200,
};

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(30_000);

/** Answers the page's reads with `bookings`, and each write with `onWrite` (by `METHOD path`). */
function serve(bookings: BookingView[], onWrite: (request: string, init: RequestInit | undefined) => Response = () => jsonResponse(500, {})) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method !== 'GET') return onWrite(`${method} ${url}`, init);
    if (url === '/api/staff/stores') return jsonResponse(200, stores);
    if (url.startsWith('/api/staff/advisor-schedules')) return jsonResponse(200, advisors);
    if (url.startsWith('/api/staff/appointments')) return jsonResponse(200, bookings);
    if (url.startsWith('/api/staff/products')) return jsonResponse(200, products);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderCalendar(path = '/appointments?date=2026-11-20') {
  return renderPage(path, '/appointments', <AppointmentCalendarPage />, {}, { detachStyles: true });
}

/** A real key press: antd's input ignores a second Enter until the first is released. */
function pressEnter(target: Element) {
  fireEvent.keyDown(target, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.keyUp(target, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

const block = (id: string) => waitFor(() => element(document.body, `.booking-block[data-booking-id="${id}"]`));
const drawer = () => waitFor(() => element(document.body, '#booking-drawer'));

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('advisor');
});

afterEach(() => sessionStore.clear());

describe(AppointmentCalendarPage.name, () => {
  it('places a booking in its advisor’s column at its Shanghai time', async () => {
    serve([booking(), booking({ id: 'b-2', advisor: { id: 'adv-1', name: '林可欣' }, status: 'checked_in', startsAt: '2026-11-20T06:00:00.000Z', endsAt: '2026-11-20T06:30:00.000Z', member: { id: 'm-2', memberNo: 'GM2', name: null, nickname: '糖糖' } })]);
    renderCalendar();

    const placed = await block('b-1');
    expect(requests(fetchMock)).toContain(`GET ${DAY_URL}`);
    const columns = Array.from(document.querySelectorAll('#calendar-day .calendar-column')).map((column) => column.getAttribute('data-advisor-id'));
    expect(columns).toEqual(['adv-1', 'adv-2']);
    // 10:30 is three 28-pixel lines below 09:00; an hour is two lines.
    expect(placed.closest('.calendar-column')?.getAttribute('data-advisor-id')).toBe('adv-2');
    expect(placed.style.top).toBe('84px');
    expect(placed.style.height).toBe('54px');
    expect(placed.textContent).toContain('10:30–11:30 王晓雯');
    expect(placed.textContent).toContain('专业试妆');
    expect(placed.className).toContain('booking-status-booked');

    const other = await block('b-2');
    expect(other.closest('.calendar-column')?.getAttribute('data-advisor-id')).toBe('adv-1');
    expect(other.style.top).toBe(`${((14 * 60 - 9 * 60) / 30) * 28}px`);
    // A half-hour block reads on one line.
    expect(other.textContent).toContain('14:00 糖糖 · 专业试妆');
    // Column headers show who works when.
    expect(element(document.body, '#calendar-day').textContent).toContain('10:00–14:00、15:00–22:00');
  });

  it('checks a typed code in and shows whose booking it was', async () => {
    serve([], (request) => (request === `POST ${CHECK_IN_URL}` ? jsonResponse(200, booking({ status: 'checked_in' })) : jsonResponse(500, {})));
    renderCalendar();

    const input = await waitFor(() => element<HTMLInputElement>(document.body, '#check-in-code'));
    // A pasted code keeps only its digits.
    fireEvent.change(input, { target: { value: '签到码 482 913' } });
    expect(input.value).toBe('482913');
    fireEvent.click(element(document.body, '#check-in-submit'));

    const result = await waitFor(() => element(document.body, '#check-in-result'));
    expect(bodyOf(fetchMock, 'POST', CHECK_IN_URL)).toEqual({ code: '482913' });
    expect(result.textContent).toContain('签到成功：王晓雯 · 专业试妆');
    expect(result.textContent).toContain('2026-11-20 周五 10:30–11:30');
    expect(input.value).toBe('');
    // The calendar is read again to show the new status.
    await waitFor(() => expect(requests(fetchMock).filter((request) => request === `GET ${DAY_URL}`).length).toBeGreaterThan(1));
  });

  it('shows why a code was refused, and never sends a short one', async () => {
    serve([], () => jsonResponse(404, { code: 'APPOINTMENT_CHECK_IN_CODE_INVALID', message: '签到码无效，请核对后重试' }));
    renderCalendar();

    const input = await waitFor(() => element<HTMLInputElement>(document.body, '#check-in-code'));
    fireEvent.change(input, { target: { value: '123' } });
    pressEnter(input);
    expect((await waitFor(() => element(document.body, '#check-in-error'))).textContent).toContain('请输入 6 位数字签到码');
    expect(requests(fetchMock).some((request) => request.startsWith('POST'))).toBe(false);

    fireEvent.change(input, { target: { value: '123456' } });
    pressEnter(input);
    await waitFor(() => expect(element(document.body, '#check-in-error').textContent).toContain('签到码无效，请核对后重试'));
    expect(document.querySelector('#check-in-result')).toBeNull();
  });

  it('opens a booking in the drawer without its code, and checks it in from there', async () => {
    serve([booking({ startsAt: '2099-11-20T02:30:00.000Z', endsAt: '2099-11-20T03:30:00.000Z' })], (request) =>
      request === `POST ${CHECK_IN_URL}` ? jsonResponse(200, booking({ status: 'checked_in' })) : jsonResponse(500, {}),
    );
    renderCalendar('/appointments?date=2099-11-20');

    fireEvent.click(await block('b-1'));
    const panel = await drawer();
    expect(panel.textContent).toContain('王晓雯');
    expect(panel.textContent).toContain('水光精华');
    expect(panel.textContent).toContain('想试秋冬底妆');
    expect(panel.textContent).not.toContain('482913');
    // Not started yet: no no-show; not checked in: no completion.
    expect(panel.querySelector('#booking-no-show')).toBeNull();
    expect(panel.querySelector('#booking-complete')).toBeNull();
    expect(panel.querySelector('#booking-cancel')).not.toBeNull();
    fireEvent.click(element(panel, '#booking-check-in'));

    await waitFor(() => expect(within(panel).getByText('已签到')).not.toBeNull());
    expect(bodyOf(fetchMock, 'POST', CHECK_IN_URL)).toEqual({ code: '482913', storeId: 'store-1' });
    expect(panel.querySelector('#booking-complete')).not.toBeNull();
  });

  it('completes a checked-in visit with the products tried and what was observed', async () => {
    const checkedIn = booking({ status: 'checked_in' });
    serve([checkedIn], (request) =>
      request === 'POST /api/staff/appointments/b-1/complete'
        ? jsonResponse(200, { ...checkedIn, status: 'completed', productsTried: [{ id: 'p-serum', name: '水光精华' }], skinObservations: 'T 区出油' })
        : jsonResponse(500, {}),
    );
    renderCalendar();

    fireEvent.click(await block('b-1'));
    fireEvent.click(await waitFor(() => element(document.body, '#booking-complete')));
    await waitFor(() => expect(requests(fetchMock)).toContain('GET /api/staff/products?active=true&page=1&pageSize=200'));
    fireEvent.mouseDown(await waitFor(() => element(document.body, '#booking-complete-form .ant-select')));
    fireEvent.click(await waitFor(() => element(document.body, '.ant-select-item-option[title="柔雾气垫（GLOW-CUSHION）"]')));
    fireEvent.change(element(document.body, '#complete_skinObservations'), { target: { value: '  T 区出油  ' } });
    fireEvent.click(element(document.body, '#booking-complete-submit'));

    await waitFor(() => expect(requests(fetchMock)).toContain('POST /api/staff/appointments/b-1/complete'));
    // The products the member asked to try start ticked.
    expect(bodyOf(fetchMock, 'POST', '/api/staff/appointments/b-1/complete')).toEqual({ productsTried: ['p-serum', 'p-cushion'], skinObservations: 'T 区出油' });
    await waitFor(() => expect(element(document.body, '#booking-drawer').textContent).toContain('已完成'));
  });

  it('offers a no-show once the start has passed, after a confirmation', async () => {
    serve([booking()], (request) =>
      request === 'POST /api/staff/appointments/b-1/no-show' ? jsonResponse(200, booking({ status: 'no_show' })) : jsonResponse(500, {}),
    );
    renderCalendar();

    fireEvent.click(await block('b-1'));
    fireEvent.click(await waitFor(() => element(document.body, '#booking-no-show')));
    const confirm = await waitFor(() => element(document.body, '.ant-modal-confirm'));
    expect(confirm.textContent).toContain('王晓雯 · 专业试妆 · 10:30');
    fireEvent.click(element(confirm, '.ant-modal-confirm-btns .ant-btn-dangerous'));

    await waitFor(() => expect(requests(fetchMock)).toContain('POST /api/staff/appointments/b-1/no-show'));
  });

  it('lists the week Monday to Sunday', async () => {
    serve([booking()]);
    renderCalendar();

    fireEvent.click(await waitFor(() => element(document.body, '#calendar-week-button')));

    await waitFor(() => expect(requests(fetchMock)).toContain('GET /api/staff/appointments?from=2026-11-16&to=2026-11-22&storeId=store-1'));
    const friday = await waitFor(() => element(document.body, '#calendar-week .calendar-week-day[data-date="2026-11-20"]'));
    await waitFor(() => expect(friday.querySelector('.booking-block[data-booking-id="b-1"]')).not.toBeNull());
    expect(friday.textContent).toContain('周五 11/20');
    expect(document.querySelectorAll('#calendar-week .calendar-week-day')).toHaveLength(7);
  });

  it('shows the same bookings as a table', async () => {
    serve([booking()]);
    renderCalendar('/appointments?date=2026-11-20&tab=list');

    const row = await waitFor(() => element(document.body, '#appointment-table tbody tr.ant-table-row'));
    const cells = Array.from(row.querySelectorAll('td')).map((td) => td.textContent);
    expect(cells.slice(0, 6)).toEqual(['2026-11-20 周五', '10:30–11:30', '王晓雯GM2026000123', '专业试妆', '周美琳', '已预约']);
  });

  it('lets marketers pick a store and read, without check-in or actions', async () => {
    signInAs('marketer');
    serve([booking({ store: { id: 'store-2', name: '北京国贸店', address: '' } })]);
    renderCalendar('/appointments?date=2026-11-20&storeId=store-2');

    fireEvent.click(await block('b-1'));
    expect(requests(fetchMock)).toContain('GET /api/staff/appointments?from=2026-11-20&to=2026-11-20&storeId=store-2');
    const panel = await drawer();
    expect(panel.querySelector('#booking-check-in')).toBeNull();
    expect(panel.querySelector('#booking-cancel')).toBeNull();
    expect(document.querySelector('#check-in-code')).toBeNull();
  });
});
