import type { MemberOverviewResponse } from '@glow/contracts';
import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { createQueryClient } from '../../api/query-client';
import { sessionStore } from '../../api/session.store';
import { ConsoleProviders, ConsoleRoutes } from '../../app';
import { OverviewPage } from './overview.page';

// ECharts needs a canvas, which jsdom lacks: the chart component shows the option it was given instead.
jest.mock('echarts-for-react/lib/core', () => ({
  __esModule: true,
  default: ({ id, option, echarts }: { id?: string; option: unknown; echarts?: { use?: unknown } }) => (
    <pre id={id} className="echarts-option" data-has-echarts={typeof echarts?.use === 'function'}>
      {JSON.stringify(option)}
    </pre>
  ),
}));

interface BarSeries {
  name: string;
  type: string;
  stack?: string;
  data: number[];
}

interface ChartOption {
  xAxis: { type: string; data?: string[] };
  yAxis: { type: string; data?: string[] };
  series: BarSeries[];
}

const overview: MemberOverviewResponse = {
  total: 1234,
  joinedLast30Days: 56,
  // 823 / 1234 = 66.69…%: shown rounded, 66.7%, never cut to 66.6%.
  wechatLinked: 823,
  byStore: [
    { storeId: 'st1', storeName: '上海静安嘉里中心店', members: 700 },
    { storeId: 'st2', storeName: '北京国贸店', members: 400 },
    { storeId: 'st3', storeName: '杭州湖滨店', members: 134 },
  ],
  joinsByMonth: Array.from({ length: 12 }, (_, index) => {
    const month = index < 2 ? `2025-${11 + index}` : `2026-${String(index - 1).padStart(2, '0')}`;
    return { month, wechat: 10 + index, store: 100 - index * 3 };
  }),
};

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function renderOverview() {
  return render(
    <ConsoleProviders queryClient={createQueryClient()}>
      <MemoryRouter initialEntries={['/overview']}>
        <OverviewPage />
      </MemoryRouter>
    </ConsoleProviders>,
  );
}

function renderConsoleAt(path: string) {
  return render(
    <ConsoleProviders queryClient={createQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <ConsoleRoutes />
      </MemoryRouter>
    </ConsoleProviders>,
  );
}

function element(container: HTMLElement, selector: string): Element {
  const found = container.querySelector(selector);
  if (!found) throw new Error(`${selector} not rendered`);
  return found;
}

function text(container: HTMLElement, selector: string): string {
  return element(container, selector).textContent ?? '';
}

function chartOption(container: HTMLElement, selector: string): ChartOption {
  return JSON.parse(text(container, selector)) as ChartOption;
}

const fetchMock = jest.fn<Promise<Response>, [RequestInfo | URL, RequestInit | undefined]>();
const staff = { id: 's1', username: 'chen.marketer', name: '陈思琪', role: 'marketer', storeId: null, storeName: null } as const;

beforeEach(() => {
  fetchMock.mockReset();
  globalThis.fetch = fetchMock;
  sessionStore.set({ accessToken: 'a'.repeat(32), refreshToken: 'r'.repeat(32), staff });
});

afterEach(() => sessionStore.clear());

describe(OverviewPage.name, () => {
  it('shows the totals and charts the API’s months and stores', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, overview));
    const { container } = renderOverview();

    // Loading until the API answers.
    expect(container.querySelector('.ant-spin')).not.toBeNull();
    await screen.findByText('会员总数');

    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/staff/members/overview');
    expect(new Headers(init?.headers).get('Authorization')).toBe(`Bearer ${'a'.repeat(32)}`);

    expect(text(container, '#stat-total')).toBe('会员总数1,234人');
    expect(text(container, '#stat-new-30d')).toBe('近30天新增56人');
    expect(text(container, '#stat-wechat-share')).toContain('微信会员占比66.7%');
    expect(text(container, '#stat-wechat-share')).toContain('微信会员 823 人');

    const joins = chartOption(container, '#chart-joins');
    expect(joins.xAxis).toMatchObject({ type: 'category', data: overview.joinsByMonth.map((row) => row.month) });
    expect(joins.xAxis.data).toHaveLength(12);
    expect(joins.xAxis.data?.slice(0, 3)).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(joins.series).toEqual([
      expect.objectContaining({ name: '小程序入会', type: 'bar', stack: 'joins', data: overview.joinsByMonth.map((row) => row.wechat) }),
      expect.objectContaining({ name: '门店入会', type: 'bar', stack: 'joins', data: overview.joinsByMonth.map((row) => row.store) }),
    ]);

    const stores = chartOption(container, '#chart-stores');
    expect(stores.yAxis).toMatchObject({ type: 'category', data: ['上海静安嘉里中心店', '北京国贸店', '杭州湖滨店'] });
    expect(stores.series).toEqual([expect.objectContaining({ type: 'bar', data: [700, 400, 134] })]);

    // Both charts get the ECharts core the page registered its chart types on.
    container.querySelectorAll('.echarts-option').forEach((chart) => expect(chart.getAttribute('data-has-echarts')).toBe('true'));
    expect(screen.getByText('近12个月入会趋势')).not.toBeNull();
    expect(screen.getByText('各门店会员数')).not.toBeNull();
    expect(container.querySelector('#overview-error')).toBeNull();
  });

  it('shows no percentage when there are no members yet', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(200, { ...overview, total: 0, joinedLast30Days: 0, wechatLinked: 0, byStore: [], joinsByMonth: overview.joinsByMonth.map((row) => ({ ...row, wechat: 0, store: 0 })) }),
    );
    const { container } = renderOverview();

    await screen.findByText('会员总数');

    expect(text(container, '#stat-total')).toBe('会员总数0人');
    expect(text(container, '#stat-wechat-share')).toContain('微信会员占比—');
    expect(text(container, '#stat-wechat-share')).not.toContain('%');
    expect(screen.getByText('暂无门店')).not.toBeNull();
    expect(chartOption(container, '#chart-joins').series.map((series) => series.data)).toEqual([Array(12).fill(0), Array(12).fill(0)]);
  });

  it('shows the API’s Chinese message when the overview cannot be loaded', async () => {
    fetchMock.mockResolvedValue(jsonResponse(403, { code: 'AUTH_FORBIDDEN', message: '没有权限查看会员概览' }));
    const { container } = renderOverview();

    const message = await screen.findByText('没有权限查看会员概览');

    expect(message.closest('#overview-error')).not.toBeNull();
    expect(container.querySelector('#stat-total')).toBeNull();
    expect(container.querySelector('#chart-joins')).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('the console’s landing page', () => {
  // The lazy layout and page modules load on first use, which can take longer than findBy's default second.
  const LAZY_LOAD = { timeout: 15_000 };
  // The whole console renders here (layout, menu, page): allow for a busy machine, as the page specs do.
  jest.setTimeout(40_000);

  beforeEach(() => {
    fetchMock.mockImplementation(async (input) => (String(input) === '/api/staff/me' ? jsonResponse(200, staff) : jsonResponse(200, overview)));
  });

  it('opens / on the overview, the first and selected menu item', async () => {
    const { container } = renderConsoleAt('/');

    await screen.findByText('会员总数', undefined, LAZY_LOAD);

    expect(text(container, '#stat-total')).toBe('会员总数1,234人');
    const items = Array.from(container.querySelectorAll('.ant-menu-item'));
    expect(items.map((item) => item.textContent)).toEqual([
      '概览',
      '会员',
      '订单',
      '预约',
      '预约设置',
      '商品管理',
      '肤质问卷',
      '推荐效果',
      '积分规则',
      '会员等级',
      '积分商城',
      '门店',
      '知识库',
      '服务数据',
      '人群',
      '活动',
      '优惠券',
      '数据分析',
    ]);
    // The service and marketing pages sit under their own headings.
    expect(Array.from(container.querySelectorAll('.ant-menu-item-group-title')).map((title) => title.textContent)).toEqual(['服务', '营销']);
    expect(items[0].classList.contains('ant-menu-item-selected')).toBe(true);
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain('/api/staff/members/overview');
  });

  it('sends a signed-out visitor of / to the login page, and from there to the overview', async () => {
    sessionStore.clear();
    const session = { kind: 'staff', accessToken: 'b'.repeat(32), expiresIn: 900, refreshToken: 's'.repeat(32), staff };
    fetchMock.mockImplementation(async (input) => {
      const url = String(input);
      if (url === '/api/auth/staff/login') return jsonResponse(200, session);
      return url === '/api/staff/me' ? jsonResponse(200, staff) : jsonResponse(200, overview);
    });
    const { container } = renderConsoleAt('/');

    await screen.findByText('Glow 会员运营平台', undefined, LAZY_LOAD);
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.change(element(container, '#username'), { target: { value: 'chen.marketer' } });
    fireEvent.change(element(container, '#password'), { target: { value: 'glow1234' } });
    fireEvent.click(element(container, '#login-submit'));

    await screen.findByText('会员总数', undefined, LAZY_LOAD);
    expect(text(container, '#stat-total')).toBe('会员总数1,234人');
  });
});
