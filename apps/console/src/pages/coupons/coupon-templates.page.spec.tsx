import type { CouponTemplateView } from '@glow/contracts';
import { act, fireEvent, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { couponTemplate } from '../../test/coupon.fixtures';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { paged } from '../../test/loyalty-till.fixtures';
import { COUNTERS_REFRESH_MS, CouponTemplatesPage } from './coupon-templates.page';

const LIST_URL = '/api/staff/coupon-templates?page=1&pageSize=20';

const templates: CouponTemplateView[] = [
  couponTemplate(),
  couponTemplate({ id: 'tpl-draft', code: 'NEW-85', name: '新客8.5折', status: 'draft', kind: 'percent_off', amountOffFen: null, percentOff: 15, claimable: false, totalStock: null, face: { headline: '8.5折', condition: '无门槛，最高减¥100', rules: [], useTarget: 'shop' }, counters: { issued: 0, claimed: 0, redeemed: 0, expired: 0, held: 0, revoked: 0, remaining: null } }),
  couponTemplate({ id: 'tpl-paused', code: 'GIFT-SERUM', name: '精华小样赠品券', status: 'paused', kind: 'gift', amountOffFen: null, giftSku: 'GLOW-SERUM-5ML', face: { headline: '赠品', condition: '满¥199可用', rules: [], useTarget: 'store' } }),
  couponTemplate({ id: 'tpl-ended', code: 'DOUBLE11', name: '双11满减', status: 'ended' }),
];

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(40_000);

function serve(list: () => CouponTemplateView[] = () => templates, onWrite: (request: string, init: RequestInit | undefined) => Response = () => jsonResponse(500, {})) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method !== 'GET') return onWrite(`${method} ${url}`, init);
    if (url.startsWith('/api/staff/coupon-templates?')) return jsonResponse(200, paged(list()));
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderTemplates(path = '/coupons') {
  return renderPage(path, '/coupons', <CouponTemplatesPage />, {}, { detachStyles: true });
}

const row = (code: string) => element(document.body, `#coupon-template-table tr[data-template-code="${code}"]`);
const actionsOf = (code: string) => Array.from(row(code).querySelectorAll('[data-action]')).map((button) => button.getAttribute('data-action'));
const listReads = () => requests(fetchMock).filter((request) => request.startsWith('GET /api/staff/coupon-templates?')).length;

beforeEach(() => {
  fetchMock = mockFetch();
});

afterEach(() => {
  sessionStore.clear();
  jest.useRealTimers();
});

describe(CouponTemplatesPage.name, () => {
  it('lists each template with its face, status, validity, stock, live counters and the actions its status allows', async () => {
    signInAs('marketer');
    serve();
    renderTemplates();

    await waitFor(() => row('CPN-300-50'));
    expect(requests(fetchMock)).toContain(`GET ${LIST_URL}`);
    const active = row('CPN-300-50');
    expect(active.querySelector('.coupon-template-name')?.textContent).toBe('满300减50');
    const text = active.textContent ?? '';
    for (const shown of ['CPN-300-50', '满减券', '¥50', '满¥300可用', '进行中', '领取后 30 天内有效', '580 / 1,000', '领券中心可领']) expect(text).toContain(shown);
    expect(['issued', 'claimed', 'redeemed', 'expired'].map((counter) => active.querySelector(`.counter-${counter}`)?.textContent)).toEqual(['420', '400', '105', '12']);
    expect(element(active, '.coupon-redemption-rate').textContent).toBe('25%');
    expect(row('NEW-85').textContent).toContain('不限量');
    expect(row('NEW-85').textContent).toContain('8.5折');

    expect(actionsOf('NEW-85')).toEqual(['edit', 'publish', 'end']);
    expect(actionsOf('CPN-300-50')).toEqual(['edit', 'pause', 'end']);
    expect(actionsOf('GIFT-SERUM')).toEqual(['edit', 'resume', 'end']);
    expect(actionsOf('DOUBLE11')).toEqual(['view']);
    expect(element(document.body, '#coupon-create').textContent).toContain('新建优惠券');
  });

  it('publishes a draft only after saying what becomes locked', async () => {
    signInAs('admin');
    serve(undefined, (request) => (request === 'POST /api/staff/coupon-templates/tpl-draft/status' ? jsonResponse(200, { ...templates[1], status: 'active' }) : jsonResponse(500, {})));
    renderTemplates();

    fireEvent.click(await waitFor(() => element(row('NEW-85'), '[data-action="publish"]')));
    const dialog = await waitFor(() => element(document.body, '.ant-modal-confirm'));
    expect(dialog.textContent).toContain('发布「新客8.5折」？');
    expect(dialog.textContent).toContain('券面规则将锁定');
    expect(requests(fetchMock).some((request) => request.startsWith('POST'))).toBe(false);
    fireEvent.click(element(document.body, '#coupon-confirm-publish'));

    await waitFor(() => expect(requests(fetchMock)).toContain('POST /api/staff/coupon-templates/tpl-draft/status'));
    expect(bodyOf(fetchMock, 'POST', '/api/staff/coupon-templates/tpl-draft/status')).toEqual({ status: 'active' });
    // The list is read again for the new status and counters.
    await waitFor(() => expect(listReads()).toBe(2));
  });

  it('pauses at once and ends only after confirming, showing why the API refused', async () => {
    signInAs('marketer');
    serve(undefined, (request) => {
      if (request === 'POST /api/staff/coupon-templates/tpl-300-50/status') return jsonResponse(200, { ...templates[0], status: 'paused' });
      return jsonResponse(409, { code: 'COUPON_TEMPLATE_STATUS_INVALID', message: '优惠券当前状态不能执行此操作' });
    });
    renderTemplates();

    fireEvent.click(await waitFor(() => element(row('CPN-300-50'), '[data-action="pause"]')));
    await waitFor(() => expect(bodyOf(fetchMock, 'POST', '/api/staff/coupon-templates/tpl-300-50/status')).toEqual({ status: 'paused' }));
    expect(document.querySelector('.ant-modal-confirm')).toBeNull();

    fireEvent.click(element(row('GIFT-SERUM'), '[data-action="end"]'));
    const dialog = await waitFor(() => element(document.body, '.ant-modal-confirm'));
    expect(dialog.textContent).toContain('不能再领取或发放');
    fireEvent.click(element(document.body, '#coupon-confirm-end'));
    await waitFor(() => expect(bodyOf(fetchMock, 'POST', '/api/staff/coupon-templates/tpl-paused/status')).toEqual({ status: 'ended' }));
    await waitFor(() => expect(document.querySelector('.ant-message')?.textContent).toContain('优惠券当前状态不能执行此操作'));
  });

  it('filters by status and searches by name or code', async () => {
    signInAs('marketer');
    serve();
    renderTemplates();

    await waitFor(() => row('CPN-300-50'));
    fireEvent.click(within(element(document.body, '#coupon-status-filter')).getByText('草稿'));
    await waitFor(() => expect(requests(fetchMock)).toContain('GET /api/staff/coupon-templates?status=draft&page=1&pageSize=20'));
    const search = element<HTMLInputElement>(document.body, '#coupon-search');
    fireEvent.change(search, { target: { value: ' 8.5 ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(requests(fetchMock)).toContain('GET /api/staff/coupon-templates?status=draft&q=8.5&page=1&pageSize=20'));
  });

  it('reads the counters again every 10 seconds while open', async () => {
    jest.useFakeTimers();
    signInAs('advisor');
    let redeemed = 105;
    serve(() => [couponTemplate({ counters: { ...couponTemplate().counters, redeemed } })]);
    renderTemplates();

    await waitFor(() => expect(row('CPN-300-50').querySelector('.counter-redeemed')?.textContent).toBe('105'));
    redeemed = 131;
    await act(async () => {
      await jest.advanceTimersByTimeAsync(COUNTERS_REFRESH_MS);
    });
    await waitFor(() => expect(row('CPN-300-50').querySelector('.counter-redeemed')?.textContent).toBe('131'));
    expect(listReads()).toBe(2);
  });

  it('lets store staff read the coupons but not change them', async () => {
    signInAs('advisor');
    serve();
    renderTemplates();

    await waitFor(() => row('CPN-300-50'));
    expect(document.querySelector('#coupon-create')).toBeNull();
    for (const code of ['CPN-300-50', 'NEW-85', 'GIFT-SERUM', 'DOUBLE11']) expect(actionsOf(code)).toEqual(['view']);

    fireEvent.click(element(row('CPN-300-50'), '[data-action="view"]'));
    const preview = await waitFor(() => element(document.body, '#coupon-preview'));
    // The face the API drew for the template; nothing is asked of the preview endpoint.
    await waitFor(() => expect(preview.textContent).toContain('¥50'));
    expect(preview.textContent).toContain('领取后30天内有效');
    expect(element<HTMLInputElement>(document.body, '#coupon-name').disabled).toBe(true);
    expect(document.querySelector('#coupon-save')).toBeNull();
    expect(requests(fetchMock).some((request) => request.includes('/preview'))).toBe(false);
  });
});
