import { fireEvent, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { storeAnalytics } from '../../test/campaign.fixtures';
import { element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { lastDays } from '../../shared/date-range';
import { AnalyticsPage } from './analytics.page';

// ECharts needs a canvas, which jsdom lacks: the chart component shows the option it was given instead.
jest.mock('echarts-for-react/lib/core', () => ({
  __esModule: true,
  default: ({ id, option }: { id?: string; option: unknown }) => (
    <pre id={id} className="echarts-option">
      {JSON.stringify(option)}
    </pre>
  ),
}));

const STORES = [
  { id: 'store-1', code: 'SH01', name: '上海静安店', city: '上海', address: '' },
  { id: 'store-2', code: 'BJ01', name: '北京国贸店', city: '北京', address: '' },
];

interface ChartOption {
  xAxis: { data: string[] };
  yAxis: { data?: string[] };
  series: { name: string; data: unknown[] }[];
}

let fetchMock: FetchMock;

jest.setTimeout(40_000);

function serve() {
  fetchMock.mockImplementation(async (input) => {
    const url = String(input);
    if (url.startsWith('/api/staff/analytics/export?')) return new Response(new Blob(['xlsx']), { status: 200 });
    if (url.startsWith('/api/staff/analytics?')) return jsonResponse(200, storeAnalytics());
    if (url === '/api/staff/stores') return jsonResponse(200, STORES);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderAnalytics(path = '/analytics') {
  return renderPage(path, '/analytics', <AnalyticsPage />, {}, { detachStyles: true });
}

const kpi = (id: string) => element(document.body, `#${id}`).textContent ?? '';
const option = (selector: string) => JSON.parse(element(document.body, selector).textContent ?? '') as ChartOption;
const analyticsReads = () => requests(fetchMock).filter((request) => request.startsWith('GET /api/staff/analytics?'));

async function pickOption(selectId: string, title: string) {
  fireEvent.mouseDown(element(document.body, `.ant-select:has(#${selectId})`));
  fireEvent.click(await waitFor(() => element(document.body, `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`)));
}

beforeEach(() => {
  fetchMock = mockFetch();
});

afterEach(() => sessionStore.clear());

describe(AnalyticsPage.name, () => {
  it('reads the last 90 days of every store, and shows the KPIs, the charts and the leaderboard', async () => {
    signInAs('marketer');
    serve();
    renderAnalytics();
    const { from, to } = lastDays(90, new Date());

    await waitFor(() => element(document.body, '#analytics-page #kpi-members'));
    expect(analyticsReads()).toEqual([`GET /api/staff/analytics?from=${from}&to=${to}`]);
    expect(kpi('kpi-members')).toContain('12,800');
    expect(kpi('kpi-buyers')).toContain('3,200');
    expect(kpi('kpi-orders')).toContain('5,100');
    expect(kpi('kpi-sales')).toContain('¥2,040,000.00');
    expect(kpi('kpi-aov')).toContain('¥400.00');
    expect(kpi('kpi-active-share')).toContain('25.0%');
    expect(kpi('kpi-churn')).toContain('31.0%');
    expect(kpi('kpi-clv')).toContain('¥1,860.00');
    expect(kpi('kpi-repurchase-30')).toContain('12.0%');
    expect(kpi('kpi-repurchase-90')).toContain('27.0%');
    expect(kpi('kpi-repurchase-180')).toContain('—');
    expect(kpi('kpi-new-returning')).toContain('1,100 / 2,100');
    expect(element(document.body, '#analytics-refreshed').textContent).toBe('数据更新于 2026-11-21 19:00');

    expect(option('#analytics-sales').series.map((series) => [series.name, series.data])).toEqual([
      ['销售额', [24000, 31500]],
      ['订单数', [60, 75]],
    ]);
    const cohorts = option('#analytics-cohorts');
    expect(cohorts.xAxis.data).toEqual(['当月', '第1月', '第2月']);
    expect(cohorts.yAxis.data).toEqual(['2026-09（500人）', '2026-10（420人）']);
    expect(cohorts.series[0].data).toEqual([
      [0, 0, 40],
      [1, 0, 20],
      [2, 0, 15],
      [0, 1, 38],
      [1, 1, 21],
    ]);
    expect(option('#analytics-new-returning').series.map((series) => series.data)).toEqual([
      [400, 350],
      [700, 760],
    ]);
    expect(option('#analytics-tiers').series[0].data).toEqual([
      { name: '粉卡', value: 10000 },
      { name: '金卡', value: 2800 },
    ]);
    // The leaderboard is ordered by sales, best first, in the chart and the table below it.
    expect(option('#analytics-advisors').yAxis.data).toEqual(['林导购', '陈导购']);
    const rows = Array.from(element(document.body, '#analytics-advisor-table').querySelectorAll('.ant-table-row')).map((row) => row.textContent);
    expect(rows).toEqual(['1林导购上海静安店120¥52,000.0095', '2陈导购北京国贸店80¥30,000.0060']);
  });

  it('sends the store and range chosen, and exports with the same filters', async () => {
    signInAs('admin');
    serve();
    URL.createObjectURL = jest.fn(() => 'blob:analytics');
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderAnalytics();
    const last90 = lastDays(90, new Date());
    const last30 = lastDays(30, new Date());

    await waitFor(() => element(document.body, '#kpi-members'));
    await pickOption('analytics-store', '北京国贸店（北京）');
    await waitFor(() => expect(analyticsReads()).toContain(`GET /api/staff/analytics?from=${last90.from}&to=${last90.to}&storeId=store-2`));
    fireEvent.click(within(element(document.body, '#analytics-quick-range')).getByText('近30天'));
    await waitFor(() => expect(analyticsReads()).toContain(`GET /api/staff/analytics?from=${last30.from}&to=${last30.to}&storeId=store-2`));

    fireEvent.click(element(document.body, '#analytics-export'));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(requests(fetchMock)).toContain(`GET /api/staff/analytics/export?from=${last30.from}&to=${last30.to}&storeId=store-2`);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe(`数据分析-${last30.from}至${last30.to}.xlsx`);
    click.mockRestore();
  });

  it('keeps a store manager to their own store', async () => {
    signInAs('store_manager');
    serve();
    renderAnalytics('/analytics?from=2026-01-01&to=2026-03-31&storeId=store-2');

    await waitFor(() => element(document.body, '#kpi-members'));
    expect(analyticsReads()).toEqual(['GET /api/staff/analytics?from=2026-01-01&to=2026-03-31&storeId=store-1']);
    expect(element(document.body, '.ant-select:has(#analytics-store)').classList.contains('ant-select-disabled')).toBe(true);
    expect(element(document.body, '.ant-select:has(#analytics-store)').textContent).toContain('上海静安店');
    expect(requests(fetchMock)).not.toContain('GET /api/staff/stores');
  });

  it('is closed to advisors', async () => {
    signInAs('advisor');
    serve();
    renderAnalytics();
    await waitFor(() => expect(document.body.textContent).toContain('没有权限查看数据分析'));
    expect(requests(fetchMock)).toEqual([]);
  });
});
