import { fireEvent, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { AppointmentSettingsPage } from './appointment-settings.page';
import { advisors, service, services, stores, storeSchedule } from './appointment.fixtures';

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(40_000);

function serve(onWrite: (request: string, init: RequestInit | undefined) => Response = () => jsonResponse(200, {})) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method !== 'GET') return onWrite(`${method} ${url}`, init);
    if (url === '/api/staff/stores') return jsonResponse(200, stores);
    if (url === '/api/staff/services') return jsonResponse(200, services);
    if (url === '/api/staff/stores/store-1/schedule') return jsonResponse(200, storeSchedule);
    if (url === '/api/staff/advisor-schedules?storeId=store-1') return jsonResponse(200, advisors);
    if (url === '/api/staff/appointment-policy') return jsonResponse(200, { noShowGraceMin: 30, noShowMax: 3, noShowWindowDays: 90, noShowPauseDays: 30, reminderHoursBefore: 24 });
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderSettings(path = '/appointments/settings') {
  return renderPage(path, '/appointments/settings', <AppointmentSettingsPage />, {}, { detachStyles: true });
}

const type = (selector: string, value: string) => fireEvent.change(element(document.body, selector), { target: { value } });

/** Types a time or date into an antd picker's input and commits it. */
function typeInPicker(selector: string, value: string) {
  const input = element<HTMLInputElement>(document.body, selector);
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.keyUp(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

async function pickOption(selectId: string, title: string) {
  fireEvent.mouseDown(element(document.body, `.ant-select:has(#${selectId})`));
  fireEvent.click(await waitFor(() => element(document.body, `.ant-select-item-option[title="${title}"]`)));
}

beforeEach(() => {
  fetchMock = mockFetch();
});

afterEach(() => sessionStore.clear());

describe(AppointmentSettingsPage.name, () => {
  describe('预约规则', () => {
    it('lets an admin change the no-show rule and sends the whole policy', async () => {
      signInAs('admin');
      serve((request, init) => (request === 'PUT /api/staff/appointment-policy' ? jsonResponse(200, JSON.parse(String(init?.body))) : jsonResponse(500, {})));
      renderSettings('/appointments/settings?tab=policy');

      await waitFor(() => element(document.body, '#policy-noShowMax'));
      type('#policy-noShowMax', '4');
      fireEvent.click(element(document.body, '#appointment-policy-save'));
      await waitFor(() => expect(requests(fetchMock).some((r) => r.startsWith('PUT /api/staff/appointment-policy'))).toBe(true));
      const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT');
      expect(JSON.parse(String(put?.[1]?.body))).toEqual({ noShowGraceMin: 30, noShowMax: 4, noShowWindowDays: 90, noShowPauseDays: 30, reminderHoursBefore: 24 });
    });

    it('shows the rules read-only to a store manager', async () => {
      signInAs('store_manager');
      serve();
      renderSettings('/appointments/settings?tab=policy');
      await waitFor(() => element(document.body, '#policy-noShowMax'));
      expect(element<HTMLInputElement>(document.body, '#policy-noShowMax').disabled).toBe(true);
      expect(document.body.querySelector('#appointment-policy-save')).toBeNull();
    });
  });

  describe('服务项目', () => {
    it('sends a new service’s price and deposit in fen and its notice periods in minutes', async () => {
      signInAs('admin');
      serve((request) => (request === 'POST /api/staff/services' ? jsonResponse(201, service({ id: 'svc-new', name: '新娘彩妆' })) : jsonResponse(500, {})));
      renderSettings();

      await waitFor(() => element(document.body, '#service-table tbody tr.ant-table-row'));
      fireEvent.click(element(document.body, '#service-create'));
      await waitFor(() => element(document.body, '#service-form'));
      type('#service_code', 'bridal-01');
      type('#service_name', '新娘彩妆');
      await pickOption('service_kind', '彩妆');
      type('#service_durationMin', '90');
      type('#service_priceYuan', '399.9');
      type('#service_depositYuan', '100');
      type('#service_minNoticeHours', '1.5');
      type('#service_bookingWindowDays', '30');
      type('#service_cancelCutoffHours', '24');
      await pickOption('service_storeIds', '北京国贸店（北京）');
      fireEvent.click(element(document.body, '#service-form-submit'));

      await waitFor(() => expect(requests(fetchMock)).toContain('POST /api/staff/services'));
      expect(bodyOf(fetchMock, 'POST', '/api/staff/services')).toEqual({
        code: 'BRIDAL-01',
        name: '新娘彩妆',
        description: '',
        kind: 'makeup',
        durationMin: 90,
        bufferAfterMin: 15,
        seats: 1,
        priceFen: 39990,
        depositFen: 10000,
        minNoticeMin: 90,
        bookingWindowDays: 30,
        cancelCutoffMin: 1440,
        storeIds: ['store-2'],
        active: true,
      });
    });

    it('lets a store manager switch only their own store, leaving the others to the admin', async () => {
      signInAs('store_manager');
      serve((request) => (request === 'PUT /api/staff/services/svc-try' ? jsonResponse(200, service()) : jsonResponse(500, {})));
      renderSettings();

      fireEvent.click(await waitFor(() => element(document.body, '#service-table .service-edit')));
      const price = await waitFor(() => element<HTMLInputElement>(document.body, '#service_priceYuan'));
      expect(price.value).toBe('0.00');
      expect(element<HTMLInputElement>(document.body, '#service_cancelCutoffHours').value).toBe('4.0');
      expect(element(document.body, '#service-form').textContent).toContain('另有 1 家门店提供此项目');
      fireEvent.click(element(document.body, '#service-form-submit'));

      await waitFor(() => expect(requests(fetchMock)).toContain('PUT /api/staff/services/svc-try'));
      expect(bodyOf(fetchMock, 'PUT', '/api/staff/services/svc-try')).toMatchObject({ storeIds: ['store-1'], minNoticeMin: 120, cancelCutoffMin: 240, priceFen: 0 });
    });

    it('puts a taken code next to the code field', async () => {
      signInAs('admin');
      serve(() => jsonResponse(409, { code: 'APPOINTMENT_SERVICE_CODE_TAKEN', message: '该项目编码已存在' }));
      renderSettings();

      fireEvent.click(await waitFor(() => element(document.body, '#service-table .service-edit')));
      fireEvent.click(await waitFor(() => element(document.body, '#service-form-submit')));

      await waitFor(() => expect(element(document.body, '#service-form-error').textContent).toContain('该项目编码已存在'));
      const codeField = element(document.body, '#service_code').closest('.ant-form-item') as HTMLElement;
      await waitFor(() => expect(codeField.querySelector('.ant-form-item-explain')?.textContent).toBe('该项目编码已存在'));
    });
  });

  describe('排班', () => {
    it('builds the advisor’s weekly rules, exceptions and skills into one save', async () => {
      signInAs('store_manager');
      serve((request) => (request === 'PUT /api/staff/advisor-schedules/adv-1' ? jsonResponse(200, advisors[0]) : jsonResponse(500, {})));
      renderSettings('/appointments/settings?tab=shifts');

      const monday = await waitFor(() => element<HTMLInputElement>(document.body, '#shift-1-0'));
      expect(monday.value).toBe('10:00');
      typeInPicker('#shift-1-0', '09:30');
      typeInPicker('#shift-1-0_end', '18:30');
      // A new range starts with the store's hours that day (Tuesday 10:00–22:00).
      fireEvent.click(element(document.body, '.shift-day[data-weekday="2"] .shift-add'));
      await waitFor(() => expect(element<HTMLInputElement>(document.body, '#shift-2-0_end').value).toBe('22:00'));
      // Friday's afternoon shift goes.
      fireEvent.click(within(element(document.body, '.shift-day[data-weekday="5"]')).getAllByLabelText('删除时段')[1]);
      // Working a changed day on New Year's Eve.
      fireEvent.click(element(document.body, '#exception-add'));
      typeInPicker('#exception-1-date', '2026-12-31');
      fireEvent.click(within(document.querySelectorAll<HTMLElement>('.shift-exception')[1]).getByText('上班'));
      await waitFor(() => element(document.body, '#exception-1-hours'));
      typeInPicker('#exception-1-hours', '12:00');
      typeInPicker('#exception-1-hours_end', '18:00');
      fireEvent.click(within(element(document.body, '#advisor-skills')).getByText('肤质检测（肤质检测）'));
      fireEvent.click(element(document.body, '#advisor-schedule-save'));

      await waitFor(() => expect(requests(fetchMock)).toContain('PUT /api/staff/advisor-schedules/adv-1'));
      expect(bodyOf(fetchMock, 'PUT', '/api/staff/advisor-schedules/adv-1')).toEqual({
        rules: [
          { weekday: 1, start: '09:30', end: '18:30' },
          { weekday: 2, start: '10:00', end: '22:00' },
          { weekday: 5, start: '10:00', end: '14:00' },
        ],
        exceptions: [
          { date: '2026-12-24', off: true },
          { date: '2026-12-31', off: false, start: '12:00', end: '18:00' },
        ],
        serviceIds: ['svc-try', 'svc-skin'],
      });
    });

    it('refuses overlapping ranges on one day without saving', async () => {
      signInAs('store_manager');
      serve();
      renderSettings('/appointments/settings?tab=shifts');

      // Friday has 10:00–14:00 and 15:00–22:00; a third range with the store's hours overlaps both.
      fireEvent.click(await waitFor(() => element(document.body, '.shift-day[data-weekday="5"] .shift-add')));
      fireEvent.click(element(document.body, '#advisor-schedule-save'));

      await waitFor(() => expect(element(document.body, '.shift-day[data-weekday="5"]').textContent).toContain('同一天的时段不能重叠'));
      expect(requests(fetchMock).some((request) => request.startsWith('PUT'))).toBe(false);
    });

    it('is read-only for advisors', async () => {
      signInAs('advisor');
      serve();
      renderSettings('/appointments/settings?tab=shifts');

      const monday = await waitFor(() => element<HTMLInputElement>(document.body, '#shift-1-0'));
      expect(monday.disabled).toBe(true);
      expect(document.querySelector('#advisor-schedule-save')).toBeNull();
      expect(document.querySelector('.shift-add')).toBeNull();
      expect(element(document.body, '#appointment-settings').textContent).toContain('您可以查看预约设置');
    });
  });

  describe('营业时间', () => {
    it('saves opened weekdays, special days and the location, and shows what the API refused', async () => {
      signInAs('store_manager');
      serve(() => jsonResponse(400, { code: 'APPOINTMENT_SCHEDULE_INVALID', message: '营业或排班时间不正确：结束时间须晚于开始时间' }));
      renderSettings('/appointments/settings?tab=hours');

      const sunday = await waitFor(() => element(document.body, '#store-hours-7-open'));
      expect(element<HTMLInputElement>(document.body, '#store-hours-6').value).toBe('09:30');
      fireEvent.click(sunday);
      await waitFor(() => expect(element<HTMLInputElement>(document.body, '#store-hours-7_end').value).toBe('22:00'));
      fireEvent.click(element(document.body, '#store-hours-1-open'));
      fireEvent.click(element(document.body, '#special-day-add'));
      typeInPicker('#special-day-1-date', '2027-02-17');
      fireEvent.click(element(document.body, '#schedule-hours-save'));

      await waitFor(() => expect(requests(fetchMock)).toContain('PUT /api/staff/stores/store-1/schedule'));
      expect(bodyOf(fetchMock, 'PUT', '/api/staff/stores/store-1/schedule')).toEqual({
        hours: [
          { weekday: 2, open: '10:00', close: '22:00' },
          { weekday: 3, open: '10:00', close: '22:00' },
          { weekday: 4, open: '10:00', close: '22:00' },
          { weekday: 5, open: '10:00', close: '22:30' },
          { weekday: 6, open: '09:30', close: '22:30' },
          { weekday: 7, open: '10:00', close: '22:00' },
        ],
        specialDays: [
          { date: '2026-12-31', closed: false, open: '10:00', close: '18:00', note: '跨年提前闭店' },
          { date: '2027-02-17', closed: true },
        ],
        latitude: 31.224361,
        longitude: 121.446235,
      });
      await waitFor(() => expect(element(document.body, '#schedule-hours-error').textContent).toContain('营业或排班时间不正确'));
    });
  });
});
