import { fireEvent, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { lastDays } from '../../shared/date-range';
import { ServiceMetricsPage } from './metrics.page';
import { formatSeconds, toMinutes } from './service-charts';
import { serviceMetrics } from './service.fixtures';

// ECharts needs a canvas, which jsdom lacks: the chart component shows the option it was given instead.
jest.mock('echarts-for-react/lib/core', () => ({
  __esModule: true,
  default: ({ id, option }: { id?: string; option: unknown }) => (
    <pre id={id} className="echarts-option">
      {JSON.stringify(option)}
    </pre>
  ),
}));

const METRICS = '/api/staff/service-metrics';
const STORES = [
  { id: 'store-1', code: 'SH01', name: '上海静安店', city: '上海', address: '' },
  { id: 'store-2', code: 'BJ01', name: '北京国贸店', city: '北京', address: '' },
];

interface ChartOption {
  xAxis: { data?: string[] };
  yAxis: { data?: string[] } | { name: string }[];
  series: { name: string; type: string; data: unknown[] }[];
}

let fetchMock: FetchMock;

jest.setTimeout(40_000);

function serve() {
  fetchMock.mockImplementation(async (input) => {
    const url = String(input);
    if (url.startsWith(`${METRICS}?`)) return jsonResponse(200, serviceMetrics());
    if (url === '/api/staff/stores') return jsonResponse(200, STORES);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

const option = (id: string) => JSON.parse(element(document.body, `#${id}`).textContent ?? '') as ChartOption;
const metricsReads = () => requests(fetchMock).filter((request) => request.startsWith(`GET ${METRICS}?`));

beforeEach(() => {
  fetchMock = mockFetch();
});

afterEach(() => sessionStore.clear());

describe(ServiceMetricsPage.name, () => {
  it('reads the last 30 days and shows the charts first: response time and CSAT per advisor, workload, the daily line and the stores', async () => {
    signInAs('admin');
    serve();
    renderPage('/service/metrics', '/service/metrics', <ServiceMetricsPage />, {}, { detachStyles: true });
    const { from, to } = lastDays(30, new Date());

    await waitFor(() => element(document.body, '#service-metrics-first-response'));
    expect(metricsReads()).toEqual([`GET ${METRICS}?from=${from}&to=${to}`]);

    const firstResponse = option('service-metrics-first-response');
    expect((firstResponse.yAxis as { data: string[] }).data).toEqual(['林可欣', '周美琳']);
    expect(firstResponse.series[0].data).toEqual([1.5, 5]);
    const csat = option('service-metrics-csat');
    expect((csat.yAxis as { data: string[] }).data).toEqual(['林可欣', '周美琳']);
    expect(csat.series[0].data).toEqual([4.6, 4.1]);
    expect(option('service-metrics-workload').series.map((series) => [series.name, series.data])).toEqual([
      ['会话数', [40, 25]],
      ['完成跟进', [30, 12]],
    ]);
    const daily = option('service-metrics-daily');
    expect(daily.xAxis.data).toEqual(['2026-11-19', '2026-11-20']);
    expect(daily.series.map((series) => [series.name, series.type, series.data])).toEqual([
      ['会话数', 'line', [10, 12]],
      ['首次响应（分钟）', 'line', [2, null]],
      ['满意度', 'line', [4.5, null]],
    ]);
    const stores = option('service-metrics-stores');
    expect(stores.xAxis.data).toEqual(['上海静安店', '北京国贸店']);
    expect(stores.series[2].data).toEqual([4.6, null]);

    // The table comes after the charts.
    const page = element(document.body, '#service-metrics-page');
    const chart = element(page, '#service-metrics-first-response');
    const table = element(page, '#service-metrics-table');
    expect(chart.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(table.querySelector('.ant-table-row')?.textContent).toContain('1分30秒');
  });

  it('sends the store and range chosen', async () => {
    signInAs('marketer');
    serve();
    renderPage('/service/metrics', '/service/metrics', <ServiceMetricsPage />, {}, { detachStyles: true });
    const last7 = lastDays(7, new Date());

    await waitFor(() => element(document.body, '#service-metrics-daily'));
    fireEvent.mouseDown(element(document.body, '.ant-select:has(#service-metrics-store)'));
    fireEvent.click(await waitFor(() => element(document.body, '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="北京国贸店（北京）"]')));
    fireEvent.click(within(element(document.body, '#service-metrics-quick-range')).getByText('近7天'));
    await waitFor(() => expect(metricsReads()).toContain(`GET ${METRICS}?from=${last7.from}&to=${last7.to}&storeId=store-2`));
    // One store: no store comparison.
    await waitFor(() => expect(document.querySelector('#service-metrics-stores')).toBeNull());
  });

  it.each(['store_manager', 'advisor'] as const)('keeps a %s to their own store, without a store comparison', async (role) => {
    signInAs(role);
    serve();
    renderPage('/service/metrics?storeId=store-2', '/service/metrics', <ServiceMetricsPage />, {}, { detachStyles: true });
    await waitFor(() => element(document.body, '#service-metrics-daily'));
    expect(metricsReads()[0]).toMatch(/storeId=store-1$/);
    expect(requests(fetchMock)).not.toContain('GET /api/staff/stores');
    expect(element(document.body, '.ant-select:has(#service-metrics-store)').classList.contains('ant-select-disabled')).toBe(true);
    expect(document.querySelector('#service-metrics-stores')).toBeNull();
  });
});

describe(formatSeconds.name, () => {
  it.each([
    [null, '—'],
    [45, '45秒'],
    [90, '1分30秒'],
    [120, '2分'],
    [3900, '1小时5分'],
  ])('%s → %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
    expect(toMinutes(null)).toBeNull();
  });
});
