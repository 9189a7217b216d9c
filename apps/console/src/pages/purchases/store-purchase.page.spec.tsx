import type { CouponAtTill, MemberCouponView, Paged, ProductResponse, StorePurchaseDto } from '@glow/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { couponAtTill, giftCoupon, memberCoupon } from '../../test/coupon.fixtures';
import { MEMBER_ID, memberAtTill, paged, receiptOrder, order } from '../../test/loyalty-till.fixtures';
import { stores } from '../appointments/appointment.fixtures';
import { StorePurchasePage } from './store-purchase.page';

const RESOLVE_URL = '/api/staff/member-code/resolve';
const PURCHASE_URL = '/api/staff/orders/store-purchase';
const COUPONS_URL = `/api/staff/members/${MEMBER_ID}/coupons`;
const COUPON_RESOLVE_URL = '/api/staff/coupons/resolve';
const CODE = 'GM2026000112345678';
/** The contract's IDEMPOTENCY_KEY_PATTERN. */
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,64}$/;

const serum: ProductResponse = {
  id: 'p-serum',
  sku: 'GLOW-SERUM-30',
  name: '水光精华',
  line: null,
  category: 'skincare',
  priceFen: 29900,
  images: [],
  description: null,
  suitableSkinTypes: [],
  concerns: [],
  allergens: [],
  usageDays: null,
  active: true,
  createdAt: '',
  updatedAt: '',
};

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(30_000);

/**
 * Answers reads, the member code, and each purchase with the next of `purchases` (the last one repeats); the member's
 * coupons with `coupons`, and a scanned coupon code with `scanCoupon`.
 */
function serve(
  purchases: Response[] = [jsonResponse(201, receiptOrder())],
  resolve: () => Response = () => jsonResponse(200, memberAtTill()),
  coupons: () => Response = () => jsonResponse(200, [] satisfies MemberCouponView[]),
  scanCoupon: (code: string) => Response = () => jsonResponse(404, { code: 'COUPON_NOT_FOUND', message: '优惠券不存在或已失效' }),
) {
  let purchase = 0;
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method === 'POST' && url === RESOLVE_URL) return resolve();
    if (method === 'GET' && url === COUPONS_URL) return coupons();
    if (method === 'POST' && url === COUPON_RESOLVE_URL) return scanCoupon((JSON.parse(String(init?.body)) as { code: string }).code);
    if (method === 'POST' && url === PURCHASE_URL) return purchases[Math.min(purchase++, purchases.length - 1)].clone();
    if (url === '/api/staff/stores') return jsonResponse(200, stores);
    if (url.startsWith('/api/staff/products')) return jsonResponse(200, paged<ProductResponse>([serum]) satisfies Paged<ProductResponse>);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderTill() {
  return renderPage('/purchases', '/purchases', <StorePurchasePage />, {}, { detachStyles: true });
}

/** A real key press, as a barcode scanner sends after the code. */
function pressEnter(target: Element) {
  fireEvent.keyDown(target, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.keyUp(target, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

async function scan(code = CODE) {
  const input = await waitFor(() => element<HTMLInputElement>(document.body, '#member-code-input'));
  fireEvent.change(input, { target: { value: code } });
  pressEnter(input);
  return waitFor(() => element(document.body, '#till-member'));
}

function typeReceipt(receiptNo: string, yuan: string) {
  fireEvent.click(within(element(document.body, '#purchase-mode')).getByText('仅小票'));
  fireEvent.change(element(document.body, '#receipt-no'), { target: { value: receiptNo } });
  fireEvent.change(element(document.body, '#total-yuan'), { target: { value: yuan } });
}

/** The bodies of every purchase sent so far. */
function purchaseBodies(): StorePurchaseDto[] {
  return fetchMock.mock.calls.filter(([url, init]) => String(url) === PURCHASE_URL && init?.method === 'POST').map(([, init]) => JSON.parse(String(init?.body)));
}

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('advisor');
});

afterEach(() => sessionStore.clear());

describe(StorePurchasePage.name, () => {
  it('resolves a scanned code, records a receipt and tells when the points arrive', async () => {
    serve([jsonResponse(201, receiptOrder({ points: { earned: 478, status: 'pending', activatesAt: '2026-12-04T02:00:00.000Z' } }))]);
    renderTill();

    expect(document.activeElement?.id).toBe('member-code-input');
    const card = await scan(` ${CODE}\n`);
    expect(bodyOf(fetchMock, 'POST', RESOLVE_URL)).toEqual({ code: CODE });
    const text = card.textContent ?? '';
    for (const shown of ['王晓雯', 'GM20260001', '138****8000', '银卡', '1,280', '399']) expect(text).toContain(shown);
    expect(element<HTMLInputElement>(document.body, '#member-code-input').value).toBe('');

    typeReceipt('B2002', '399');
    expect(element(document.body, '#purchase-total').textContent).toBe('¥399.00');
    fireEvent.click(element(document.body, '#purchase-submit'));

    const result = await waitFor(() => element(document.body, '#purchase-result'));
    const [body] = purchaseBodies();
    // Store staff record for their own store: no storeId is sent.
    expect(body).toEqual({ memberCode: CODE, receiptNo: 'B2002', totalFen: 39900, idempotencyKey: expect.stringMatching(KEY_PATTERN) });
    expect(result.textContent).toContain('订单号 SO202611200002');
    expect(element(result, '#purchase-result-total').textContent).toBe('¥399.00');
    expect(element(result, '#purchase-result-points').textContent).toBe('478');
    expect(element(result, '#purchase-result-arrival').textContent).toBe('退货期后生效，预计 2026-12-04 02:00 到账');

    fireEvent.click(screen.getByText('录入下一单'));
    const input = await waitFor(() => element<HTMLInputElement>(document.body, '#member-code-input'));
    expect(input.value).toBe('');
    expect(document.querySelector('#till-member')).toBeNull();
    expect(document.querySelector('#purchase-result')).toBeNull();
    // The advisor keeps the mode they work in, with an empty receipt.
    expect(element<HTMLInputElement>(document.body, '#receipt-no').value).toBe('');
  });

  it('repeats the idempotency key when a refused purchase is retried, and starts a new one after success', async () => {
    serve([
      jsonResponse(409, { code: 'ORDER_RECEIPT_USED', message: '该小票号已在本门店登记过' }),
      jsonResponse(201, receiptOrder()),
      jsonResponse(201, receiptOrder({ id: 'o-3', orderNo: 'SO202611200003' })),
    ]);
    renderTill();

    await scan();
    typeReceipt('B2002', '399');
    fireEvent.click(element(document.body, '#purchase-submit'));

    const error = await waitFor(() => element(document.body, '#purchase-error'));
    expect(error.textContent).toContain('该小票号已在本门店登记过');
    // Next to the receipt number as well.
    expect(element(document.body, '#receipt-no').closest('.ant-input-affix-wrapper, .ant-input')?.className).toContain('status-error');
    fireEvent.change(element(document.body, '#receipt-no'), { target: { value: 'B2003' } });
    fireEvent.click(element(document.body, '#purchase-submit'));
    await waitFor(() => element(document.body, '#purchase-result'));

    fireEvent.click(screen.getByText('录入下一单'));
    await scan();
    typeReceipt('B2004', '88.8');
    fireEvent.click(element(document.body, '#purchase-submit'));
    await waitFor(() => expect(element(document.body, '#purchase-result').textContent).toContain('SO202611200003'));

    const [refused, retried, next] = purchaseBodies();
    expect(retried.idempotencyKey).toBe(refused.idempotencyKey);
    expect(retried.receiptNo).toBe('B2003');
    expect(next.idempotencyKey).not.toBe(refused.idempotencyKey);
    expect(next).toMatchObject({ receiptNo: 'B2004', totalFen: 8880 });
  });

  it('says why a member code was refused, and shows no member', async () => {
    serve(undefined, () => jsonResponse(400, { code: 'MEMBER_CODE_INVALID', message: '会员码无效或已过期，请让顾客刷新会员码后重试' }));
    renderTill();

    const input = await waitFor(() => element<HTMLInputElement>(document.body, '#member-code-input'));
    fireEvent.change(input, { target: { value: CODE } });
    fireEvent.click(element(document.body, '#member-code-resolve'));

    expect((await waitFor(() => element(document.body, '#member-code-error'))).textContent).toContain('会员码无效或已过期，请让顾客刷新会员码后重试');
    expect(document.querySelector('#till-member')).toBeNull();
    // Without a member nothing is sent.
    fireEvent.click(element(document.body, '#purchase-submit'));
    expect(element(document.body, '#purchase-error').textContent).toContain('请先扫描或输入会员码');
    expect(requests(fetchMock)).not.toContain(`POST ${PURCHASE_URL}`);
  });

  it('records items found by SKU with a whole-order discount, for the store an admin picks', async () => {
    signInAs('admin');
    serve([jsonResponse(201, order())]);
    renderTill();

    await scan();
    const search = element<HTMLInputElement>(document.body, '#product-search');
    fireEvent.mouseDown(element(document.body, '.ant-select:has(#product-search)'));
    fireEvent.change(search, { target: { value: 'SERUM' } });
    await waitFor(() => expect(requests(fetchMock)).toContain('GET /api/staff/products?q=SERUM&active=true&page=1&pageSize=20'));
    fireEvent.click(await waitFor(() => element(document.body, '.ant-select-item-option[title="水光精华（GLOW-SERUM-30） ¥299.00"]')));

    const quantity = await waitFor(() => element<HTMLInputElement>(document.body, '#purchase-lines .line-quantity input'));
    fireEvent.change(quantity, { target: { value: '3' } });
    fireEvent.change(element(document.body, '#discount-yuan'), { target: { value: '97' } });
    await waitFor(() => expect(element(document.body, '#purchase-totals').textContent).toContain('商品合计 ¥897.00'));
    expect(element(document.body, '#purchase-total').textContent).toBe('¥800.00');

    // An admin has no store of their own and must name one.
    fireEvent.click(element(document.body, '#purchase-submit'));
    expect(element(document.body, '#purchase-error').textContent).toContain('请选择门店');
    fireEvent.mouseDown(element(document.body, '.ant-select:has(#purchase-store)'));
    fireEvent.click(await waitFor(() => element(document.body, '.ant-select-item-option[title="北京国贸店（北京）"]')));
    fireEvent.click(element(document.body, '#purchase-submit'));

    await waitFor(() => element(document.body, '#purchase-result'));
    expect(purchaseBodies()).toEqual([
      {
        memberCode: CODE,
        storeId: 'store-2',
        items: [{ sku: 'GLOW-SERUM-30', quantity: 3 }],
        discountFen: 9700,
        idempotencyKey: expect.stringMatching(KEY_PATTERN),
      },
    ]);
  });

  it('asks for a fresh member code when it expired while the order was typed', async () => {
    serve([jsonResponse(400, { code: 'MEMBER_CODE_INVALID', message: '会员码无效或已过期，请让顾客刷新会员码后重试' })]);
    renderTill();

    await scan();
    typeReceipt('B2002', '399');
    fireEvent.click(element(document.body, '#purchase-submit'));

    await waitFor(() => expect(element(document.body, '#purchase-error').textContent).toContain('请让顾客刷新会员码后重试'));
    expect(element(document.body, '#till-member').textContent).toContain('会员码已失效');
    await waitFor(() => expect(document.activeElement?.id).toBe('member-code-input'));
  });

  it('offers the member’s available coupons, sends the ticked ones and shows what each took off', async () => {
    const used = memberCoupon({ id: 'mc-used', code: 'USED2345ABCD', status: 'used' });
    serve(
      [jsonResponse(201, receiptOrder({ totalFen: 34900, coupons: [{ id: 'mc-1', code: 'ABCD2345EFGH', name: '满300减50', kind: 'amount_off', discountFen: 5000 }] }))],
      undefined,
      () => jsonResponse(200, [giftCoupon(), memberCoupon(), used]),
    );
    renderTill();

    await scan();
    const box = await waitFor(() => element(document.body, '#till-coupons'));
    await waitFor(() => expect(box.querySelectorAll('[data-coupon-code]')).toHaveLength(2));
    expect(box.querySelector('[data-coupon-code="USED2345ABCD"]')).toBeNull();
    const card = element(box, '[data-coupon-code="ABCD2345EFGH"]');
    for (const shown of ['¥50', '满300减50', '满¥300可用', '有效期至 2026-12-20']) expect(card.textContent).toContain(shown);
    fireEvent.click(card);
    expect(card.getAttribute('aria-checked')).toBe('true');
    // A second click unticks, a third ticks again.
    fireEvent.click(card);
    expect(card.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(card);
    expect(element(box, '#till-coupons-count').textContent).toContain('已选 1 张');

    typeReceipt('B2002', '399');
    fireEvent.click(element(document.body, '#purchase-submit'));

    const result = await waitFor(() => element(document.body, '#purchase-result'));
    expect(purchaseBodies()).toEqual([
      { memberCode: CODE, receiptNo: 'B2002', totalFen: 39900, couponCodes: ['ABCD2345EFGH'], idempotencyKey: expect.stringMatching(KEY_PATTERN) },
    ]);
    expect(element(result, '#purchase-result-coupons').textContent).toBe('满300减50（ABCD2345EFGH） -¥50.00');
    expect(element(result, '#purchase-result-total').textContent).toBe('¥349.00');

    // The next customer starts with no coupons picked.
    fireEvent.click(screen.getByText('录入下一单'));
    await scan();
    await waitFor(() => expect(element(document.body, '#till-coupons-count').textContent).toContain('已选 0 张'));
  });

  it('ticks a coupon by its scanned code, and warns of a code that is not this member’s', async () => {
    const other = couponAtTill(memberCoupon({ id: 'mc-other', code: 'OTHR2345ABCD' }), { id: 'member-2', name: '李娜', memberNo: 'GM20260002' });
    serve(
      [jsonResponse(201, receiptOrder())],
      undefined,
      // Store staff may not read the coupons of a member of another store; the code still works.
      () => jsonResponse(403, { code: 'STAFF_OUT_OF_SCOPE', message: '该会员不属于您的门店' }),
      (code): Response => (code === 'OTHR2345ABCD' ? jsonResponse(200, other) : jsonResponse(200, couponAtTill(giftCoupon()) satisfies CouponAtTill)),
    );
    renderTill();

    await scan();
    const box = await waitFor(() => element(document.body, '#till-coupons'));
    await waitFor(() => expect(box.textContent).toContain('无法读取会员的优惠券：该会员不属于您的门店'));
    const input = element<HTMLInputElement>(box, '#till-coupon-code');

    fireEvent.change(input, { target: { value: 'othr 2345 abcd' } });
    pressEnter(input);
    await waitFor(() => expect(element(box, '#till-coupon-error').textContent).toContain('该券属于其他会员（李娜，GM20260002），不能用于本单'));
    expect(bodyOf(fetchMock, 'POST', COUPON_RESOLVE_URL)).toEqual({ code: 'OTHR2345ABCD' });
    expect(box.querySelector('[data-coupon-code]')).toBeNull();

    fireEvent.change(input, { target: { value: 'ABC' } });
    pressEnter(input);
    expect(element(box, '#till-coupon-error').textContent).toContain('请输入 12 位券码');

    fireEvent.change(input, { target: { value: 'GIFT2345MNPQ' } });
    pressEnter(input);
    await waitFor(() => expect(element(box, '[data-coupon-code="GIFT2345MNPQ"]').getAttribute('aria-checked')).toBe('true'));
    expect(input.value).toBe('');
    typeReceipt('B2002', '399');
    fireEvent.click(element(document.body, '#purchase-submit'));
    await waitFor(() => element(document.body, '#purchase-result'));
    expect(purchaseBodies()[0].couponCodes).toEqual(['GIFT2345MNPQ']);
  });

  it('shows why the API refused a coupon, and keeps the pick for another try', async () => {
    serve(
      [jsonResponse(409, { code: 'COUPON_NOT_APPLICABLE', message: '满减券「满300减50」还差¥20可用' }), jsonResponse(201, receiptOrder())],
      undefined,
      () => jsonResponse(200, [memberCoupon()]),
    );
    renderTill();

    await scan();
    fireEvent.click(await waitFor(() => element(document.body, '[data-coupon-code="ABCD2345EFGH"]')));
    typeReceipt('B2002', '280');
    fireEvent.click(element(document.body, '#purchase-submit'));

    await waitFor(() => expect(element(document.body, '#purchase-error').textContent).toContain('满减券「满300减50」还差¥20可用'));
    expect(element(document.body, '[data-coupon-code="ABCD2345EFGH"]').getAttribute('aria-checked')).toBe('true');
    // Untick it and record the purchase without it, under the same key.
    fireEvent.click(element(document.body, '[data-coupon-code="ABCD2345EFGH"]'));
    fireEvent.click(element(document.body, '#purchase-submit'));
    await waitFor(() => element(document.body, '#purchase-result'));
    const [refused, recorded] = purchaseBodies();
    expect(refused.couponCodes).toEqual(['ABCD2345EFGH']);
    expect(recorded.couponCodes).toBeUndefined();
    expect(recorded.idempotencyKey).toBe(refused.idempotencyKey);
  });

  it('is refused to marketers', async () => {
    signInAs('marketer');
    serve();
    renderTill();

    expect((await screen.findByText('没有权限录入消费')).textContent).toBe('没有权限录入消费');
    expect(document.querySelector('#member-code-input')).toBeNull();
  });
});
