import type { RedemptionView } from '@glow/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { couponAtTill, giftCoupon, memberCoupon } from '../../test/coupon.fixtures';
import { paged, redemption } from '../../test/loyalty-till.fixtures';
import { stores } from '../appointments/appointment.fixtures';
import { RedemptionPage } from './redemption.page';

const LIST_URL = '/api/staff/loyalty/redemptions?page=1&pageSize=20';
const PICKUP_URL = '/api/staff/loyalty/redemptions/pickup';
const CANCEL_URL = '/api/staff/loyalty/redemptions/rd-1/cancel';
const COUPON_RESOLVE_URL = '/api/staff/coupons/resolve';
const COUPON_REDEEM_URL = '/api/staff/coupons/redeem';

const fulfilled = redemption({ status: 'fulfilled', fulfilledAt: '2026-11-20T06:00:00.000Z', fulfilledStore: { id: 'store-1', name: '上海静安店' } });

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(30_000);

function serve(list: RedemptionView[], onWrite: (request: string) => Response = () => jsonResponse(500, {})) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method !== 'GET') return onWrite(`${method} ${url}`);
    if (url === '/api/staff/stores') return jsonResponse(200, stores);
    if (url.startsWith('/api/staff/loyalty/redemptions')) return jsonResponse(200, paged(list));
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderRedemptions(path = '/redemptions') {
  return renderPage(path, '/redemptions', <RedemptionPage />, {}, { detachStyles: true });
}

function pressEnter(target: Element) {
  fireEvent.keyDown(target, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.keyUp(target, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

const listReads = () => requests(fetchMock).filter((request) => request === `GET ${LIST_URL}`).length;

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('advisor');
});

afterEach(() => sessionStore.clear());

describe(RedemptionPage.name, () => {
  it('hands a reward over by its pickup code and shows what was handed over', async () => {
    serve([redemption()], (request) => (request === `POST ${PICKUP_URL}` ? jsonResponse(200, fulfilled) : jsonResponse(500, {})));
    renderRedemptions();

    const input = await waitFor(() => element<HTMLInputElement>(document.body, '#pickup-code-input'));
    await waitFor(() => expect(listReads()).toBe(1));
    fireEvent.change(input, { target: { value: '提货码 AB12 CD34' } });
    pressEnter(input);

    const result = await waitFor(() => element(document.body, '#pickup-result'));
    // Store staff hand over in their own store: no storeId is sent.
    expect(bodyOf(fetchMock, 'POST', PICKUP_URL)).toEqual({ code: 'AB12CD34' });
    expect(result.textContent).toContain('核销成功：旅行装精华（实物）');
    expect(result.textContent).toContain('王晓雯（GM20260001） · 220 积分 · 核销门店 上海静安店');
    expect(input.value).toBe('');
    await waitFor(() => expect(listReads()).toBe(2));
  });

  it('says why a code was refused, and never sends a malformed one', async () => {
    serve([], () => jsonResponse(404, { code: 'REDEMPTION_PICKUP_CODE_INVALID', message: '提货码无效或已使用' }));
    renderRedemptions();

    const input = await waitFor(() => element<HTMLInputElement>(document.body, '#pickup-code-input'));
    fireEvent.change(input, { target: { value: 'AB12' } });
    fireEvent.click(element(document.body, '#pickup-submit'));
    expect((await waitFor(() => element(document.body, '#pickup-error'))).textContent).toContain('请输入 8 位提货码');
    expect(requests(fetchMock).some((request) => request.startsWith('POST'))).toBe(false);

    fireEvent.change(input, { target: { value: 'ZZ99ZZ99' } });
    fireEvent.click(element(document.body, '#pickup-submit'));
    await waitFor(() => expect(element(document.body, '#pickup-error').textContent).toContain('提货码无效或已使用'));
    expect(document.querySelector('#pickup-result')).toBeNull();
  });

  it('has an admin name the store the reward is handed over in', async () => {
    signInAs('admin');
    serve([], () => jsonResponse(200, fulfilled));
    renderRedemptions();

    const input = await waitFor(() => element<HTMLInputElement>(document.body, '#pickup-code-input'));
    fireEvent.change(input, { target: { value: 'AB12CD34' } });
    fireEvent.click(element(document.body, '#pickup-submit'));
    expect((await waitFor(() => element(document.body, '#pickup-error'))).textContent).toContain('请先选择核销门店');

    fireEvent.mouseDown(element(document.body, '.ant-select:has(#pickup-store)'));
    fireEvent.click(await waitFor(() => element(document.body, '.ant-select-item-option[title="北京国贸店（北京）"]')));
    fireEvent.click(element(document.body, '#pickup-submit'));
    await waitFor(() => element(document.body, '#pickup-result'));
    expect(bodyOf(fetchMock, 'POST', PICKUP_URL)).toEqual({ code: 'AB12CD34', storeId: 'store-2' });
  });

  it('lists redemptions by status', async () => {
    serve([redemption(), { ...fulfilled, id: 'rd-2' }]);
    renderRedemptions();

    await waitFor(() => expect(document.querySelectorAll('#redemption-table tbody tr.ant-table-row')).toHaveLength(2));
    const [issuedRow, fulfilledRow] = Array.from(document.querySelectorAll('#redemption-table tbody tr.ant-table-row'));
    expect(issuedRow.textContent).toContain('待领取');
    expect(issuedRow.querySelector('.redemption-cancel')).not.toBeNull();
    expect(fulfilledRow.textContent).toContain('已领取');
    expect(fulfilledRow.textContent).toContain('2026-11-20 06:00 · 上海静安店');
    expect(fulfilledRow.querySelector('.redemption-cancel')).toBeNull();
    // The pickup code is the member's to show, never listed for staff.
    expect(element(document.body, '#redemption-table').textContent).not.toContain('AB12CD34');

    fireEvent.click(within(element(document.body, '#redemption-status-filter')).getByText('已取消'));
    await waitFor(() => expect(requests(fetchMock)).toContain('GET /api/staff/loyalty/redemptions?status=cancelled&page=1&pageSize=20'));
  });

  it('cancels a redemption with a reason', async () => {
    serve([redemption()], (request) =>
      request === `POST ${CANCEL_URL}` ? jsonResponse(200, redemption({ status: 'cancelled', cancelledAt: '2026-11-20T06:00:00.000Z' })) : jsonResponse(500, {}),
    );
    renderRedemptions();

    fireEvent.click(await waitFor(() => element(document.body, '.redemption-cancel')));
    await waitFor(() => element(document.body, '#redemption-cancel-reason'));
    fireEvent.click(element(document.body, '#redemption-cancel-submit'));
    expect(await screen.findByText('请填写取消原因（至少 2 个字）')).not.toBeNull();
    expect(requests(fetchMock).some((request) => request.startsWith('POST'))).toBe(false);

    fireEvent.change(element(document.body, '#redemption-cancel-reason'), { target: { value: ' 顾客改选其他礼品 ' } });
    fireEvent.click(element(document.body, '#redemption-cancel-submit'));
    expect(await screen.findByText('已取消兑换「旅行装精华」，积分已退回')).not.toBeNull();
    expect(bodyOf(fetchMock, 'POST', CANCEL_URL)).toEqual({ reason: '顾客改选其他礼品' });
    await waitFor(() => expect(listReads()).toBe(2));
  });

  it('redeems a gift coupon by its code after showing whose it is and what it gives', async () => {
    serve([], (request) => {
      if (request === `POST ${COUPON_RESOLVE_URL}`) return jsonResponse(200, couponAtTill(giftCoupon()));
      if (request === `POST ${COUPON_REDEEM_URL}`) return jsonResponse(200, giftCoupon({ status: 'used', usedAt: '2026-11-25T06:00:00.000Z' }));
      return jsonResponse(500, {});
    });
    renderRedemptions();

    const input = await waitFor(() => element<HTMLInputElement>(document.body, '#coupon-redeem-code'));
    fireEvent.change(input, { target: { value: 'gift 2345 mnpq' } });
    pressEnter(input);

    const found = await waitFor(() => element(document.body, '#coupon-redeem-found'));
    expect(bodyOf(fetchMock, 'POST', COUPON_RESOLVE_URL)).toEqual({ code: 'GIFT2345MNPQ' });
    for (const shown of ['王晓雯', 'GM20260001', '可使用', '赠品券', '精华小样赠品券', '赠送：水光精华小样', '2026-11-20 至 2026-12-20']) expect(found.textContent).toContain(shown);
    expect(requests(fetchMock)).not.toContain(`POST ${COUPON_REDEEM_URL}`);
    fireEvent.click(element(found, '#coupon-redeem-submit'));

    const result = await waitFor(() => element(document.body, '#coupon-redeem-result'));
    // Store staff redeem in their own store: no storeId is sent.
    expect(bodyOf(fetchMock, 'POST', COUPON_REDEEM_URL)).toEqual({ code: 'GIFT2345MNPQ' });
    expect(result.textContent).toContain('核销成功：精华小样赠品券（赠品券）');
    expect(result.textContent).toContain('王晓雯（GM20260001）');
    expect(input.value).toBe('');
    expect(document.querySelector('#coupon-redeem-found')).toBeNull();
  });

  it('sends money-off coupons to the till, and shows why the API refused a coupon', async () => {
    let scanned = couponAtTill(memberCoupon());
    serve([], (request) => {
      if (request === `POST ${COUPON_RESOLVE_URL}`) return jsonResponse(200, scanned);
      if (request === `POST ${COUPON_REDEEM_URL}`) return jsonResponse(409, { code: 'COUPON_NOT_APPLICABLE', message: '该券仅限周一至周五使用' });
      return jsonResponse(500, {});
    });
    renderRedemptions();

    const input = await waitFor(() => element<HTMLInputElement>(document.body, '#coupon-redeem-code'));
    fireEvent.change(input, { target: { value: 'ABC' } });
    pressEnter(input);
    expect(element(document.body, '#coupon-redeem-error').textContent).toContain('请输入 12 位券码');

    fireEvent.change(input, { target: { value: 'ABCD2345EFGH' } });
    pressEnter(input);
    await waitFor(() => expect(element(document.body, '#coupon-redeem-refusal').textContent).toBe('满减券和折扣券请在门店收银时随消费使用'));
    expect(element<HTMLButtonElement>(document.body, '#coupon-redeem-submit').disabled).toBe(true);

    scanned = couponAtTill(giftCoupon());
    fireEvent.change(input, { target: { value: 'GIFT2345MNPQ' } });
    fireEvent.click(element(document.body, '#coupon-redeem-resolve'));
    await waitFor(() => expect(element<HTMLButtonElement>(document.body, '#coupon-redeem-submit').disabled).toBe(false));
    fireEvent.click(element(document.body, '#coupon-redeem-submit'));
    await waitFor(() => expect(element(document.body, '#coupon-redeem-error').textContent).toContain('该券仅限周一至周五使用'));
    expect(document.querySelector('#coupon-redeem-result')).toBeNull();
  });

  it('has an admin name the store a coupon is redeemed in', async () => {
    signInAs('admin');
    serve([], (request) => {
      if (request === `POST ${COUPON_RESOLVE_URL}`) return jsonResponse(200, couponAtTill(giftCoupon()));
      if (request === `POST ${COUPON_REDEEM_URL}`) return jsonResponse(200, giftCoupon({ status: 'used' }));
      return jsonResponse(500, {});
    });
    renderRedemptions();

    const input = await waitFor(() => element<HTMLInputElement>(document.body, '#coupon-redeem-code'));
    fireEvent.change(input, { target: { value: 'GIFT2345MNPQ' } });
    pressEnter(input);
    fireEvent.click(await waitFor(() => element(document.body, '#coupon-redeem-submit')));
    expect((await waitFor(() => element(document.body, '#coupon-redeem-error'))).textContent).toContain('请先选择核销门店');

    fireEvent.mouseDown(element(document.body, '.ant-select:has(#coupon-redeem-store)'));
    fireEvent.click(await waitFor(() => element(document.body, '.ant-select-item-option[title="北京国贸店（北京）"]')));
    fireEvent.click(element(document.body, '#coupon-redeem-submit'));
    await waitFor(() => element(document.body, '#coupon-redeem-result'));
    expect(bodyOf(fetchMock, 'POST', COUPON_REDEEM_URL)).toEqual({ code: 'GIFT2345MNPQ', storeId: 'store-2' });
  });

  it('is refused to marketers', async () => {
    signInAs('marketer');
    serve([]);
    renderRedemptions();

    expect(await screen.findByText('没有权限核销兑换')).not.toBeNull();
    expect(requests(fetchMock).filter((request) => request.includes('/redemptions'))).toEqual([]);
  });
});
