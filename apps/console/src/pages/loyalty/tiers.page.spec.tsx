import { fireEvent, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { tiers } from './loyalty.fixtures';
import { TiersPage } from './tiers.page';

// ECharts needs a canvas, which jsdom lacks: the chart component shows the option it was given instead.
jest.mock('echarts-for-react/lib/core', () => ({
  __esModule: true,
  default: ({ id, option }: { id?: string; option: unknown }) => (
    <pre id={id} className="echarts-option">
      {JSON.stringify(option)}
    </pre>
  ),
}));

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(40_000);

function serve(onWrite: (request: string, init: RequestInit | undefined) => Response = () => jsonResponse(500, {})) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method !== 'GET') return onWrite(`${method} ${url}`, init);
    if (url === '/api/staff/loyalty/tiers') return jsonResponse(200, tiers);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderTiers() {
  return renderPage('/loyalty/tiers', '/loyalty/tiers', <TiersPage />, {}, { detachStyles: true });
}

const type = (selector: string, value: string) => fireEvent.change(element(document.body, selector), { target: { value } });
const rows = () => Array.from(document.querySelectorAll('#tier-table tbody tr.ant-table-row'));
const puts = () => requests(fetchMock).filter((request) => request.startsWith('PUT'));

beforeEach(() => {
  fetchMock = mockFetch();
});

afterEach(() => sessionStore.clear());

describe(TiersPage.name, () => {
  it('charts how many members hold each tier, lowest first', async () => {
    signInAs('marketer');
    serve();
    renderTiers();

    const chart = await waitFor(() => element(document.body, '#chart-tier-members'));
    const option = JSON.parse(chart.textContent ?? '{}') as { xAxis: { data: string[] }; series: { data: number[] }[] };
    expect(option.xAxis.data).toEqual(['粉卡', '银卡', '金卡', '黑金']);
    expect(option.series[0].data).toEqual([1200, 300, 45, 0]);
  });

  it('refuses a threshold that does not rise, before sending anything', async () => {
    signInAs('marketer');
    serve();
    renderTiers();

    const gold = await waitFor(() => element<HTMLInputElement>(document.body, '#ladder_tiers_2_minSpendYuan'));
    expect(gold.value).toBe('8000.00');
    type('#ladder_tiers_2_minSpendYuan', '1500');
    fireEvent.click(element(document.body, '#tiers-save'));

    const problems = await waitFor(() => element(document.body, '#tier-ladder-problems'));
    expect(problems.textContent).toContain('「金卡」的消费门槛必须高于上一等级');
    expect(puts()).toEqual([]);
  });

  it('replaces the whole ladder: a new tier, one removed and one moved, thresholds in fen', async () => {
    signInAs('admin');
    serve((request, init) => {
      if (request !== 'PUT /api/staff/loyalty/tiers') return jsonResponse(500, {});
      const sent = JSON.parse(String(init?.body)) as { tiers: { code: string; name: string; minSpendFen: number; multiplierPct: number }[] };
      return jsonResponse(
        200,
        sent.tiers.map((tier, rank) => ({ ...tier, rank, benefits: { birthdayCouponCode: null, bookingExtraDays: 0, description: '' }, memberCount: 0 })),
      );
    });
    renderTiers();

    await waitFor(() => expect(rows()).toHaveLength(4));
    // 黑金 has no members yet and goes.
    fireEvent.click(within(rows()[3] as HTMLElement).getByLabelText('删除等级'));
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.click(element(document.body, '#tier-add'));
    await waitFor(() => expect(rows()).toHaveLength(4));
    type('#ladder_tiers_3_code', 'diamond');
    type('#ladder_tiers_3_name', '钻石');
    type('#ladder_tiers_3_minSpendYuan', '5000.5');
    type('#ladder_tiers_3_multiplierPct', '130');
    // 钻石 sits between 银卡 and 金卡.
    fireEvent.click(within(rows()[3] as HTMLElement).getByLabelText('上移'));
    await waitFor(() => expect(element<HTMLInputElement>(document.body, '#ladder_tiers_2_code').value).toBe('diamond'));
    fireEvent.click(element(document.body, '#tiers-save'));

    await waitFor(() => expect(puts()).toEqual(['PUT /api/staff/loyalty/tiers']));
    expect(bodyOf(fetchMock, 'PUT', '/api/staff/loyalty/tiers')).toEqual({
      tiers: [
        { code: 'pink', name: '粉卡', minSpendFen: 0, multiplierPct: 100, benefits: { birthdayCouponCode: null, bookingExtraDays: 0, description: '' } },
        { code: 'silver', name: '银卡', minSpendFen: 200000, multiplierPct: 120, benefits: { birthdayCouponCode: null, bookingExtraDays: 0, description: '' } },
        { code: 'diamond', name: '钻石', minSpendFen: 500050, multiplierPct: 130, benefits: { birthdayCouponCode: null, bookingExtraDays: 0, description: '' } },
        { code: 'gold', name: '金卡', minSpendFen: 800000, multiplierPct: 150, benefits: { birthdayCouponCode: 'BDAY-GOLD', bookingExtraDays: 7, description: '生日礼券、优先预约' } },
      ],
    });
  });

  it('refuses removing a tier members still hold, before sending anything', async () => {
    signInAs('admin');
    serve();
    renderTiers();

    await waitFor(() => expect(rows()).toHaveLength(4));
    fireEvent.click(within(rows()[2] as HTMLElement).getByLabelText('删除等级'));
    fireEvent.click(element(document.body, '#tiers-save'));

    await waitFor(() => expect(element(document.body, '#tier-ladder-problems').textContent).toContain('「金卡」仍有 45 名会员，不能删除或修改代码'));
    expect(puts()).toEqual([]);
  });

  it('shows the API’s TIER_IN_USE message for what only it knows: a reward still requires the tier', async () => {
    signInAs('admin');
    serve(() => jsonResponse(409, { code: 'TIER_IN_USE', message: '该等级下仍有会员或兑换商品，不能删除' }));
    renderTiers();

    await waitFor(() => expect(rows()).toHaveLength(4));
    fireEvent.click(within(rows()[3] as HTMLElement).getByLabelText('删除等级'));
    fireEvent.click(element(document.body, '#tiers-save'));

    const error = await waitFor(() => element(document.body, '#tiers-error'));
    expect(error.textContent).toContain('该等级下仍有会员或兑换商品，不能删除');
    expect(puts()).toEqual(['PUT /api/staff/loyalty/tiers']);
    expect(document.querySelector('#tier-ladder-problems')).toBeNull();
  });

  it('is read-only for store staff', async () => {
    signInAs('store_manager');
    serve();
    renderTiers();

    const code = await waitFor(() => element<HTMLInputElement>(document.body, '#ladder_tiers_0_code'));
    expect(code.disabled).toBe(true);
    expect(document.querySelector('#tiers-save')).toBeNull();
    expect(document.querySelector('#tier-add')).toBeNull();
    expect(document.querySelector('[aria-label="删除等级"]')).toBeNull();
  });
});
