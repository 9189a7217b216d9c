import type { RecommendationReport } from '@glow/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { topProductsByClicks } from './recommendation-charts';
import { RecommendationReportPage } from './recommendation-report.page';

// ECharts needs a canvas, which jsdom lacks: the chart component shows the option it was given instead.
jest.mock('echarts-for-react/lib/core', () => ({
  __esModule: true,
  default: ({ id, option }: { id?: string; option: unknown }) => (
    <pre id={id} className="echarts-option">
      {JSON.stringify(option)}
    </pre>
  ),
}));

interface Series {
  name: string;
  type: string;
  yAxisIndex?: number;
  data: (number | { value: number; label: { formatter: string } })[];
}

interface ChartOption {
  xAxis: { data?: string[] };
  yAxis: { data?: string[] } | { name: string }[];
  series: Series[];
}

const product = (n: number, clicks: number, impressions: number) => ({
  productId: `p${n}`,
  sku: `GLOW-${n}`,
  name: `商品${n}`,
  impressions,
  clicks,
  ctr: impressions === 0 ? 0 : Math.round((clicks / impressions) * 10_000) / 10_000,
});

const report: RecommendationReport = {
  days: 30,
  // Twelve products: the chart keeps the ten most clicked.
  byProduct: Array.from({ length: 12 }, (_, index) => product(index + 1, index * 2, 100)),
  byPosition: [
    { position: 2, impressions: 400, clicks: 20, ctr: 0.05 },
    { position: 1, impressions: 400, clicks: 50, ctr: 0.125 },
    { position: 3, impressions: 400, clicks: 6, ctr: 0.015 },
  ],
  totals: { impressions: 1200, clicks: 76, ctr: 0.0633 },
};

let fetchMock: FetchMock;

function option(selector: string): ChartOption {
  return JSON.parse(element(document.body, selector).textContent ?? '') as ChartOption;
}

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('marketer');
});

afterEach(() => sessionStore.clear());

describe(RecommendationReportPage.name, () => {
  it('shows the totals, click-through by position and the ten most clicked products', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, report));
    renderPage('/recommendations', '/recommendations', <RecommendationReportPage />);

    await waitFor(() => element(document.body, '#stat-impressions'));
    expect(requests(fetchMock)).toEqual(['GET /api/staff/recommendations/report?days=30']);
    expect(element(document.body, '#stat-impressions').textContent).toBe('曝光1,200次');
    expect(element(document.body, '#stat-clicks').textContent).toBe('点击76次');
    expect(element(document.body, '#stat-ctr').textContent).toBe('点击率6.3%');

    const byPosition = option('#chart-ctr-position');
    expect(byPosition.xAxis.data).toEqual(['第1位', '第2位', '第3位']);
    expect(byPosition.series.map((s) => [s.name, s.type, s.data])).toEqual([
      ['曝光', 'bar', [400, 400, 400]],
      ['点击', 'bar', [50, 20, 6]],
      ['点击率', 'line', [12.5, 5, 1.5]],
    ]);
    expect(byPosition.series[2].yAxisIndex).toBe(1);

    const top = option('#chart-top-products');
    expect((top.yAxis as { data: string[] }).data).toEqual(['商品12', '商品11', '商品10', '商品9', '商品8', '商品7', '商品6', '商品5', '商品4', '商品3']);
    expect(top.series[0].data[0]).toEqual({ value: 22, label: { formatter: '22 · 22.0%' } });

    const rows = element(document.body, '#recommendation-products').querySelectorAll('tbody tr.ant-table-row');
    expect(rows).toHaveLength(12);
    expect(Array.from(rows[0].querySelectorAll('td')).map((td) => td.textContent)).toEqual(['GLOW-12', '商品12', '100', '22', '22.0%']);
  });

  it('asks for another period when one is chosen', async () => {
    fetchMock.mockImplementation(async (input) => jsonResponse(200, { ...report, days: Number(new URL(String(input), 'http://x').searchParams.get('days')) }));
    renderPage('/recommendations', '/recommendations', <RecommendationReportPage />);

    await waitFor(() => element(document.body, '#stat-impressions'));
    fireEvent.click(screen.getByText('近7天'));

    await waitFor(() => expect(requests(fetchMock)).toContain('GET /api/staff/recommendations/report?days=7'));
  });

  it('says there is nothing to show when no recommendation was served', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { days: 30, byProduct: [], byPosition: [], totals: { impressions: 0, clicks: 0, ctr: 0 } }));
    renderPage('/recommendations', '/recommendations', <RecommendationReportPage />);

    expect(await screen.findByText('近30天没有推荐曝光')).not.toBeNull();
    expect(document.querySelector('#chart-ctr-position')).toBeNull();
  });

  it('is not available to advisors, and asks the API nothing', async () => {
    signInAs('advisor');
    renderPage('/recommendations', '/recommendations', <RecommendationReportPage />);

    expect(await screen.findByText('没有权限查看推荐效果')).not.toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe(topProductsByClicks.name, () => {
  it('orders by clicks, then by click-through', () => {
    const rows = [product(1, 5, 100), product(2, 9, 100), product(3, 5, 10)];
    expect(topProductsByClicks(rows, 2).map((row) => row.productId)).toEqual(['p2', 'p3']);
  });
});
