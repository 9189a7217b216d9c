import type { CampaignReport } from '@glow/contracts';
import { fireEvent, waitFor } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { campaignReport, CAMPAIGN_ID } from '../../test/campaign.fixtures';
import { element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { CampaignReportPage } from './campaign-report.page';

// ECharts needs a canvas, which jsdom lacks: the chart component shows the option it was given instead.
jest.mock('echarts-for-react/lib/core', () => ({
  __esModule: true,
  default: ({ id, option }: { id?: string; option: unknown }) => (
    <pre id={id} className="echarts-option">
      {JSON.stringify(option)}
    </pre>
  ),
}));

const REPORT_URL = `/api/staff/campaigns/${CAMPAIGN_ID}/report`;
const EXPORT_URL = `${REPORT_URL}/export`;

interface ChartOption {
  xAxis?: { data: string[] };
  yAxis?: { name: string }[];
  series: { name: string; type: string; yAxisIndex?: number; sort?: string; data: (number | { name: string; value: number })[] }[];
}

let fetchMock: FetchMock;

jest.setTimeout(40_000);

function serve(report: CampaignReport = campaignReport()) {
  fetchMock.mockImplementation(async (input) => {
    const url = String(input);
    if (url === REPORT_URL) return jsonResponse(200, report);
    if (url === EXPORT_URL) return new Response(new Blob(['xlsx']), { status: 200, headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
    return jsonResponse(404, { code: 'CAMPAIGN_NOT_FOUND', message: '活动不存在' });
  });
}

function renderReport(id = CAMPAIGN_ID) {
  return renderPage(`/campaigns/${id}/report`, '/campaigns/:id/report', <CampaignReportPage />, {}, { detachStyles: true });
}

const stat = (id: string) => element(document.body, `#${id}`).textContent ?? '';
const option = (selector: string) => JSON.parse(element(document.body, selector).textContent ?? '') as ChartOption;

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('marketer');
});

afterEach(() => sessionStore.clear());

describe(CampaignReportPage.name, () => {
  it('shows the funnel figures, the rates against the holdout, money in yuan and the ROI', async () => {
    serve();
    renderReport();

    await waitFor(() => element(document.body, '#campaign-report #stat-audience'));
    expect(element(document.body, '#campaign-report-name').textContent).toBe('金卡唤醒');
    expect(stat('stat-audience')).toContain('1,280');
    expect(stat('stat-audience')).toContain('其中对照组 128 人');
    expect(stat('stat-touched')).toContain('1,100');
    expect(stat('stat-issued')).toContain('1,100');
    expect(stat('stat-claim-rate')).toContain('100.0%');
    expect(stat('stat-redemption-rate')).toContain('24.0%');
    expect(stat('stat-conversion')).toContain('18.0%');
    expect(stat('stat-conversion')).toContain('对照组转化率 6.3%');
    expect(stat('stat-orders')).toContain('210');
    expect(stat('stat-sales')).toContain('¥126,000.00');
    expect(stat('stat-incremental')).toContain('¥82,000.00');
    expect(stat('stat-cost')).toContain('¥13,200.00');
    expect(stat('stat-roi')).toContain('854.5%');
  });

  it('draws the funnel in stage order and the daily trend with sales in yuan on its own axis', async () => {
    serve();
    renderReport();

    await waitFor(() => element(document.body, '#campaign-funnel'));
    const funnel = option('#campaign-funnel').series[0];
    expect(funnel.sort).toBe('none');
    expect(funnel.data).toEqual([
      { name: '目标人数', value: 1280 },
      { name: '触达', value: 1100 },
      { name: '发券', value: 1100 },
      { name: '领取', value: 1100 },
      { name: '核销', value: 264 },
      { name: '下单', value: 198 },
    ]);
    const daily = option('#campaign-daily');
    expect(daily.xAxis?.data).toEqual(['2026-11-21', '2026-11-22']);
    expect(daily.series.map((series) => [series.name, series.data])).toEqual([
      ['触达', [1100, 0]],
      ['核销', [120, 144]],
      ['订单', [90, 120]],
      ['销售额', [54000, 72000]],
    ]);
    expect(daily.series[3].yAxisIndex).toBe(1);
  });

  it('shows — where a rate or the lift has no base', async () => {
    serve(campaignReport({ claimRate: null, holdoutConversionRate: null, incrementalSalesFen: null, roi: null }));
    renderReport();

    await waitFor(() => element(document.body, '#stat-roi'));
    expect(stat('stat-claim-rate')).toContain('—');
    expect(stat('stat-incremental')).toContain('—');
    expect(stat('stat-incremental')).toContain('未设置对照组');
    expect(stat('stat-roi')).toContain('—');
    expect(stat('stat-conversion')).toContain('对照组转化率 —');
  });

  it('downloads the report as Excel', async () => {
    serve();
    const created: Blob[] = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:report';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderReport();

    fireEvent.click(await waitFor(() => element(document.body, '#campaign-report-export')));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(requests(fetchMock)).toContain(`GET ${EXPORT_URL}`);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('活动数据-金卡唤醒.xlsx');
    expect(created).toHaveLength(1);
    click.mockRestore();
  });

  it('says so when the campaign does not exist', async () => {
    serve();
    renderReport('missing');
    await waitFor(() => expect(element(document.body, '#campaign-report-error').textContent).toContain('活动不存在'));
  });
});
