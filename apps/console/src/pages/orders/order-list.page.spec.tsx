import type { OrderView, RefundOrderDto } from '@glow/contracts';
import { fireEvent, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { MEMBER_ID, order, paged, receiptOrder } from '../../test/loyalty-till.fixtures';
import { stores } from '../appointments/appointment.fixtures';
import { OrderListPage } from './order-list.page';

const LIST_URL = '/api/staff/orders?page=1&pageSize=20';
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,64}$/;

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(30_000);

/** Answers the list with `orders`, and each refund with the next of `refunds` (the last one repeats). */
function serve(orders: OrderView[], refunds: Response[] = []) {
  let refund = 0;
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method === 'POST' && /^\/api\/staff\/orders\/[^/]+\/refunds$/.test(url)) return refunds[Math.min(refund++, refunds.length - 1)].clone();
    if (url === '/api/staff/stores') return jsonResponse(200, stores);
    if (url.startsWith('/api/staff/orders')) return jsonResponse(200, paged(orders));
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderOrders(path = '/orders') {
  return renderPage(path, '/orders', <OrderListPage />, {}, { detachStyles: true });
}

function refundBodies(id: string): RefundOrderDto[] {
  return fetchMock.mock.calls.filter(([url, init]) => String(url) === `/api/staff/orders/${id}/refunds` && init?.method === 'POST').map(([, init]) => JSON.parse(String(init?.body)));
}

async function openRefund(orderNo: string) {
  const row = await waitFor(() => element(document.body, '#order-table tbody tr.ant-table-row'));
  expect(row.textContent).toContain(orderNo);
  fireEvent.click(element(row, '.order-view'));
  fireEvent.click(await waitFor(() => element(document.body, '#order-refund')));
  return waitFor(() => element(document.body, '#refund-modal'));
}

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('advisor');
});

afterEach(() => sessionStore.clear());

describe(OrderListPage.name, () => {
  it('lists orders with amounts in yuan, and opens one with its items and points', async () => {
    serve([order({ status: 'partially_refunded' })]);
    renderOrders();

    const row = await waitFor(() => element(document.body, '#order-table tbody tr.ant-table-row'));
    expect(requests(fetchMock)).toContain(`GET ${LIST_URL}`);
    const cells = Array.from(row.querySelectorAll('td')).map((td) => td.textContent);
    expect(cells.slice(0, 8)).toEqual(['SO202611200001', '2026-11-20 02:00', '上海静安店', '王晓雯GM20260001', '门店', '¥1,310.00', '¥246.67', '部分退款']);
    // Store staff see their own store only: no store filter.
    expect(document.querySelector('#order-store-filter')).toBeNull();

    fireEvent.click(row);
    const drawer = await waitFor(() => element(document.body, '#order-drawer'));
    expect(element(drawer, '#order-points').textContent).toBe('1,572 分待生效2026-12-04 02:00 生效');
    const items = Array.from(element(drawer, '#order-items').querySelectorAll('tbody tr.ant-table-row')).map((tr) => tr.textContent);
    expect(items).toEqual(['水光精华GLOW-SERUM-30¥299.002¥570.00—', '柔雾气垫GLOW-CUSHION¥259.003¥740.001']);
  });

  it('refunds chosen units, sends them by item id and shows the points taken back', async () => {
    const refunded = order({
      status: 'partially_refunded',
      refundedFen: 74000,
      refunds: [
        { id: 'rf-1', amountFen: 24667, items: [{ itemId: 'i-cushion', quantity: 1 }], reason: '色号不合适', points: { cancelled: 296, clawedBack: 0, debt: 0 }, createdAt: '2026-11-20T03:00:00.000Z' },
        { id: 'rf-2', amountFen: 49333, items: [{ itemId: 'i-cushion', quantity: 2 }], reason: '顾客不喜欢', points: { cancelled: 0, clawedBack: 500, debt: 92 }, createdAt: '2026-11-21T03:00:00.000Z' },
      ],
    });
    serve([order()], [jsonResponse(201, refunded)]);
    renderOrders();

    const modal = await openRefund('SO202611200001');
    // An order with items is refunded whole or by item, never by a free amount.
    expect(within(element(modal, '#refund-mode')).queryByText('按金额')).toBeNull();
    fireEvent.click(within(element(modal, '#refund-mode')).getByText('按商品'));
    const cushion = await waitFor(() => element<HTMLInputElement>(document.body, '#refund-qty-i-cushion'));
    // Bought 3, one already refunded.
    expect(cushion.getAttribute('aria-valuemax')).toBe('2');
    fireEvent.change(cushion, { target: { value: '2' } });
    fireEvent.change(element(modal, '#refund-reason'), { target: { value: '  顾客不喜欢  ' } });
    fireEvent.click(element(document.body, '#refund-submit'));

    const result = await waitFor(() => element(document.body, '#refund-result'));
    expect(refundBodies('o-1')).toEqual([{ items: [{ itemId: 'i-cushion', quantity: 2 }], reason: '顾客不喜欢', idempotencyKey: expect.stringMatching(KEY_PATTERN) }]);
    expect(result.textContent).toContain('已退款 ¥493.33');
    expect(result.textContent).toContain('扣回积分 500 分 · 已使用的 92 分记为欠分');
    expect(element(document.body, '#order-refunds').textContent).toContain('柔雾气垫 ×2');
    expect(document.querySelector('#refund-modal')).toBeNull();
  });

  it('does not send more units than are left, nor a refund without a reason', async () => {
    serve([order()], [jsonResponse(500, {})]);
    renderOrders();

    const modal = await openRefund('SO202611200001');
    fireEvent.click(within(element(modal, '#refund-mode')).getByText('按商品'));
    fireEvent.click(element(document.body, '#refund-submit'));
    expect((await waitFor(() => element(modal, '#refund-error'))).textContent).toContain('请填写退款原因');
    fireEvent.change(element(modal, '#refund-reason'), { target: { value: '顾客退货' } });
    fireEvent.click(element(document.body, '#refund-submit'));
    await waitFor(() => expect(element(modal, '#refund-error').textContent).toContain('请选择要退的商品和数量'));
    expect(requests(fetchMock).some((request) => request.startsWith('POST'))).toBe(false);
  });

  it('refunds an amount of a receipt-only order, repeating the key after a refusal', async () => {
    serve(
      [receiptOrder()],
      [
        jsonResponse(400, { code: 'ORDER_REFUND_INVALID', message: '退款数量或金额超出可退范围' }),
        jsonResponse(201, receiptOrder({ status: 'partially_refunded', refundedFen: 10000, refunds: [{ id: 'rf-1', amountFen: 10000, items: [], reason: '差价补退', points: { cancelled: 0, clawedBack: 119, debt: 0 }, createdAt: '2026-11-21T03:00:00.000Z' }] })),
      ],
    );
    renderOrders();

    const modal = await openRefund('SO202611200002');
    expect(within(element(modal, '#refund-mode')).queryByText('按商品')).toBeNull();
    fireEvent.click(within(element(modal, '#refund-mode')).getByText('按金额'));
    const amount = await waitFor(() => element(modal, '#refund-amount-yuan'));
    fireEvent.change(amount, { target: { value: '399.01' } });
    fireEvent.change(element(modal, '#refund-reason'), { target: { value: '差价补退' } });
    fireEvent.click(element(document.body, '#refund-submit'));
    expect((await waitFor(() => element(modal, '#refund-error'))).textContent).toContain('金额不能超过 399.00 元');

    fireEvent.change(amount, { target: { value: '100' } });
    fireEvent.click(element(document.body, '#refund-submit'));
    await waitFor(() => expect(element(modal, '#refund-error').textContent).toContain('退款数量或金额超出可退范围'));
    fireEvent.click(element(document.body, '#refund-submit'));

    await waitFor(() => expect(element(document.body, '#refund-result').textContent).toContain('扣回积分 119 分'));
    const [refused, retried] = refundBodies('o-2');
    expect(refused).toEqual({ amountFen: 10000, reason: '差价补退', idempotencyKey: expect.stringMatching(KEY_PATTERN) });
    expect(retried.idempotencyKey).toBe(refused.idempotencyKey);
  });

  it('filters by status, store and member from the URL', async () => {
    signInAs('admin');
    serve([order()]);
    renderOrders(`/orders?status=paid&storeId=store-2&memberId=${MEMBER_ID}`);

    await waitFor(() => element(document.body, '#order-table tbody tr.ant-table-row'));
    expect(requests(fetchMock)).toContain(`GET /api/staff/orders?status=paid&storeId=store-2&memberId=${MEMBER_ID}&page=1&pageSize=20`);
    expect(element(document.body, '#order-member-filter').textContent).toContain('仅看该会员的订单');

    const search = element<HTMLInputElement>(document.body, '#order-search');
    fireEvent.change(search, { target: { value: 'A1001' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() =>
      expect(requests(fetchMock)).toContain(`GET /api/staff/orders?q=A1001&status=paid&storeId=store-2&memberId=${MEMBER_ID}&page=1&pageSize=20`),
    );
  });

  it('shows marketers orders without the refund action', async () => {
    signInAs('marketer');
    serve([order()]);
    renderOrders();

    fireEvent.click(await waitFor(() => element(document.body, '#order-table tbody tr.ant-table-row')));
    await waitFor(() => element(document.body, '#order-drawer'));
    expect(document.querySelector('#order-refund')).toBeNull();
    expect(document.querySelector('#order-store-filter')).not.toBeNull();
  });
});
