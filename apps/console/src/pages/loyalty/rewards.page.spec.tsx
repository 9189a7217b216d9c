import type { Paged, ProductResponse } from '@glow/contracts';
import { fireEvent, waitFor } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { reward, tiers } from './loyalty.fixtures';
import { RewardsPage } from './rewards.page';

const lipstickProduct: ProductResponse = {
  id: reward().productId ?? '',
  sku: 'GLOW-LIP-01',
  name: '丝绒口红',
  line: null,
  category: 'makeup',
  priceFen: 19900,
  images: [],
  description: null,
  suitableSkinTypes: [],
  concerns: [],
  allergens: [],
  usageDays: null,
  active: true,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};
const maskProduct: ProductResponse = { ...lipstickProduct, id: '0d5e8f3a-7b2c-4d1e-8f6a-9b0c1d2e3f4a', sku: 'GLOW-MASK-01', name: '水光面膜' };

const rewards = [reward(), reward({ id: 'rw-coupon', kind: 'coupon', name: '50 元券', imageUrl: null, productId: null, couponTemplateCode: 'CPN-50', stockLeft: 0, stockTotal: 10, minTier: null, startsAt: null, active: false, redeemedCount: 10 })];

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(40_000);

function serve(onWrite: (request: string, init: RequestInit | undefined) => Response = (_, init) => jsonResponse(200, { ...reward(), ...JSON.parse(String(init?.body)) })) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method !== 'GET') return onWrite(`${method} ${url}`, init);
    if (url === '/api/staff/loyalty/rewards') return jsonResponse(200, rewards);
    if (url === '/api/staff/loyalty/tiers') return jsonResponse(200, tiers);
    if (url === `/api/staff/products/${lipstickProduct.id}`) return jsonResponse(200, lipstickProduct);
    if (url.startsWith('/api/staff/products?')) {
      const page: Paged<ProductResponse> = { items: [maskProduct], total: 1, page: 1, pageSize: 20 };
      return jsonResponse(200, page);
    }
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderRewards() {
  return renderPage('/loyalty/rewards', '/loyalty/rewards', <RewardsPage />, {}, { detachStyles: true });
}

const type = (selector: string, value: string) => fireEvent.change(element(document.body, selector), { target: { value } });

/** Types a date and time into an antd picker's input and commits it. */
function typeInPicker(selector: string, value: string) {
  const input = element<HTMLInputElement>(document.body, selector);
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.keyUp(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.blur(input);
}

async function pickOption(selectId: string, title: string) {
  fireEvent.mouseDown(element(document.body, `.ant-select:has(#${selectId})`));
  fireEvent.click(await waitFor(() => element(document.body, `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`)));
}

function cells(row: Element): string[] {
  return Array.from(row.querySelectorAll('td')).map((td) => td.textContent ?? '');
}

beforeEach(() => {
  fetchMock = mockFetch();
});

afterEach(() => sessionStore.clear());

describe(RewardsPage.name, () => {
  it('lists rewards with their stock as a bar, window, tier and redemptions', async () => {
    signInAs('marketer');
    serve();
    renderRewards();

    await waitFor(() => expect(document.querySelectorAll('#reward-table tbody tr.ant-table-row')).toHaveLength(2));
    const [lipstick, coupon] = Array.from(document.querySelectorAll('#reward-table tbody tr.ant-table-row'));
    expect(cells(lipstick).slice(1, 7)).toEqual(['实物', '800', '25 / 100', '2 次', '2026-11-01 00:00 起', '银卡']);
    expect(cells(lipstick)[8]).toBe('75');
    expect(element<HTMLElement>(lipstick, '.reward-stock .ant-progress').getAttribute('aria-valuenow')).toBe('25');
    expect(cells(coupon).slice(1, 7)).toEqual(['优惠券', '800', '0 / 10', '2 次', '长期有效', '全部会员']);
    expect(element<HTMLButtonElement>(coupon, '.reward-active').getAttribute('aria-checked')).toBe('false');
  });

  it('builds a coupon reward from the drawer: its template, a window to the minute and a minimum tier', async () => {
    signInAs('marketer');
    serve();
    renderRewards();

    fireEvent.click(await waitFor(() => element(document.body, '#reward-create')));
    await waitFor(() => element(document.body, '#reward-form'));
    fireEvent.click(element(document.body, '#reward_kind input[value="coupon"]'));
    await waitFor(() => element(document.body, '#reward_couponTemplateCode'));
    expect(document.querySelector('#reward_productId')).toBeNull();
    type('#reward_name', ' 满 300 减 50 券 ');
    type('#reward_couponTemplateCode', 'CPN-300-50');
    type('#reward_pointsCost', '1500');
    type('#reward_stockTotal', '200');
    type('#reward_perMemberLimit', '1');
    typeInPicker('#reward_startsAt', '2026-12-01 10:00');
    typeInPicker('#reward_endsAt', '2026-12-31 22:30');
    await pickOption('reward_minTierCode', '金卡');
    fireEvent.click(element(document.body, '#reward-form-submit'));

    await waitFor(() => expect(requests(fetchMock)).toContain('POST /api/staff/loyalty/rewards'));
    expect(bodyOf(fetchMock, 'POST', '/api/staff/loyalty/rewards')).toEqual({
      kind: 'coupon',
      name: '满 300 减 50 券',
      description: '',
      imageUrl: null,
      pointsCost: 1500,
      stockTotal: 200,
      perMemberLimit: 1,
      // The tests run in UTC, so the typed times are the instants sent.
      startsAt: '2026-12-01T10:00:00.000Z',
      endsAt: '2026-12-31T22:30:00.000Z',
      minTierCode: 'gold',
      productId: null,
      couponTemplateCode: 'CPN-300-50',
      active: true,
    });
  });

  it('refuses a window that ends before it starts, before sending', async () => {
    signInAs('admin');
    serve();
    renderRewards();

    fireEvent.click(await waitFor(() => element(document.body, '.reward-edit')));
    await waitFor(() => element(document.body, '#reward_endsAt'));
    typeInPicker('#reward_endsAt', '2026-10-01 00:00');
    fireEvent.click(element(document.body, '#reward-form-submit'));

    const field = element(document.body, '#reward_endsAt').closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(field.querySelector('.ant-form-item-explain')?.textContent).toBe('结束时间须晚于开始时间'));
    expect(requests(fetchMock).some((request) => request.startsWith('PUT'))).toBe(false);
  });

  it('edits a product reward: names its product, swaps it for a searched one and sends the whole reward', async () => {
    signInAs('admin');
    serve();
    renderRewards();

    fireEvent.click(await waitFor(() => element(document.body, '.reward-edit')));
    const picker = await waitFor(() => element(document.body, '.ant-select:has(#reward_productId)'));
    await waitFor(() => expect(picker.textContent).toContain('丝绒口红（GLOW-LIP-01）'));
    await pickOption('reward_productId', '水光面膜（GLOW-MASK-01）');
    type('#reward_stockTotal', '120');
    fireEvent.click(element(document.body, '#reward-form-submit'));

    await waitFor(() => expect(requests(fetchMock)).toContain('PUT /api/staff/loyalty/rewards/rw-lipstick'));
    expect(bodyOf(fetchMock, 'PUT', '/api/staff/loyalty/rewards/rw-lipstick')).toEqual({
      kind: 'product',
      name: '丝绒口红小样',
      description: '到店领取',
      imageUrl: 'https://cdn.example.com/lipstick.jpg',
      pointsCost: 800,
      stockTotal: 120,
      perMemberLimit: 2,
      startsAt: '2026-11-01T00:00:00.000Z',
      endsAt: null,
      minTierCode: 'silver',
      productId: maskProduct.id,
      couponTemplateCode: null,
      active: true,
    });
  });

  it('shows the API’s REWARD_INVALID message in the drawer', async () => {
    signInAs('admin');
    serve(() => jsonResponse(400, { code: 'REWARD_INVALID', message: '兑换商品设置不正确：结束时间须晚于开始时间，实物须关联商品，券须填写券模板' }));
    renderRewards();

    fireEvent.click(await waitFor(() => element(document.body, '.reward-edit')));
    fireEvent.click(await waitFor(() => element(document.body, '#reward-form-submit')));

    await waitFor(() => expect(element(document.body, '#reward-form-error').textContent).toContain('实物须关联商品'));
  });

  it('puts a reward on sale with the switch, sending it whole', async () => {
    signInAs('marketer');
    serve();
    renderRewards();

    await waitFor(() => expect(document.querySelectorAll('#reward-table .reward-active')).toHaveLength(2));
    fireEvent.click(document.querySelectorAll('#reward-table .reward-active')[1]);

    await waitFor(() => expect(requests(fetchMock)).toContain('PUT /api/staff/loyalty/rewards/rw-coupon'));
    expect(bodyOf(fetchMock, 'PUT', '/api/staff/loyalty/rewards/rw-coupon')).toMatchObject({ kind: 'coupon', couponTemplateCode: 'CPN-50', productId: null, active: true });
  });

  it('is read-only for store staff', async () => {
    signInAs('advisor');
    serve();
    renderRewards();

    fireEvent.click(await waitFor(() => element(document.body, '.reward-view')));
    const name = await waitFor(() => element<HTMLInputElement>(document.body, '#reward_name'));
    expect(name.disabled).toBe(true);
    expect(document.querySelector('#reward-form-submit')).toBeNull();
    expect(document.querySelector('#reward-create')).toBeNull();
    expect(element<HTMLButtonElement>(document.body, '#reward-table .reward-active').disabled).toBe(true);
  });
});
