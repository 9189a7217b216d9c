import type { CampaignView } from '@glow/contracts';
import { act, fireEvent, waitFor } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { campaign, campaignRun, CAMPAIGN_ID } from '../../test/campaign.fixtures';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { CAMPAIGNS_REFRESH_MS, CampaignsPage } from './campaigns.page';

const LIST_URL = '/api/staff/campaigns';

const draft = campaign({ id: 'c-draft', name: '生日关怀', kind: 'journey', status: 'draft', segment: null, journey: { trigger: 'birthday', daysBefore: 7 }, actions: [{ kind: 'coupon', couponTemplateCode: 'BDAY-GOLD' }], launchedAt: null, touched: 0, lastRun: null, budgetTotal: null });
const running = campaign({
  id: 'c-running',
  name: '双12预热',
  status: 'running',
  budgetPerDay: 500,
  touched: 300,
  touchedToday: 120,
  lastRun: campaignRun({ id: 'run-2', status: 'running', audience: 2000, processed: 500, touched: 300 }),
});
const active = campaign({ id: 'c-active', name: '沉睡唤醒', kind: 'journey', status: 'active', journey: { trigger: 'dormant', days: 60 } });
const completed = campaign();

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(40_000);

function serve(list: () => CampaignView[] = () => [draft, running, active, completed], onWrite: (request: string) => Response = () => jsonResponse(500, {})) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method !== 'GET') return onWrite(`${method} ${url}`);
    if (url === LIST_URL) return jsonResponse(200, list());
    if (url === `${LIST_URL}/${CAMPAIGN_ID}/runs`) return jsonResponse(200, [campaignRun()]);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderCampaigns() {
  return renderPage('/campaigns', '/campaigns', <CampaignsPage />, { '/campaigns/:id/report': <div id="report-route">report</div> }, { detachStyles: true });
}

const row = (id: string) => element(document.body, `#campaign-table tr[data-campaign-id="${id}"]`);
const actionsOf = (id: string) => Array.from(row(id).querySelectorAll('[data-action]')).map((button) => button.getAttribute('data-action'));
const listReads = () => requests(fetchMock).filter((request) => request === `GET ${LIST_URL}`).length;

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('marketer');
});

afterEach(() => {
  sessionStore.clear();
  jest.useRealTimers();
});

describe(CampaignsPage.name, () => {
  it('lists each campaign with its status, audience, timing, actions, reach against budget and last run', async () => {
    serve();
    renderCampaigns();

    await waitFor(() => row(CAMPAIGN_ID));
    const done = row(CAMPAIGN_ID);
    expect(done.querySelector('.campaign-name')?.textContent).toBe('金卡唤醒');
    expect(done.textContent).toContain('单次活动');
    expect(done.querySelector('.campaign-status')?.textContent).toBe('已完成');
    expect(done.querySelector('.campaign-segment')?.textContent).toBe('沉睡金卡会员');
    expect(done.querySelector('.campaign-schedule')?.textContent).toBe('单次 · 启动后立即执行');
    expect(done.querySelector('.campaign-actions')?.textContent).toBe('发放优惠券（CPN-300-50）发送订阅消息');
    expect(done.querySelector('.campaign-touched')?.textContent).toBe('1,100 / 2,000');
    expect(done.querySelector('.campaign-touched-today')?.textContent).toBe('今日 0 / 不限');
    expect(done.querySelector('.campaign-run-progress')?.textContent).toBe('已处理 1,152 / 1,280');

    expect(row('c-draft').querySelector('.campaign-schedule')?.textContent).toBe('生日关怀 · 生日前 7 天');
    expect(row('c-draft').querySelector('.campaign-segment')?.textContent).toBe('全部会员');
    expect(row('c-running').querySelector('.ant-progress')?.textContent).toBe('25%');
    expect(row('c-running').querySelector('.campaign-touched-today')?.textContent).toBe('今日 120 / 500');
    expect(row('c-active').querySelector('.campaign-schedule')?.textContent).toBe('沉睡唤醒 · 60 天未购买');

    expect(actionsOf('c-draft')).toEqual(['edit', 'launch']);
    expect(actionsOf('c-running')).toEqual(['edit', 'pause', 'end', 'report']);
    expect(actionsOf('c-active')).toEqual(['edit', 'pause', 'end', 'report']);
    expect(actionsOf(CAMPAIGN_ID)).toEqual(['view', 'report']);
  });

  it('launches a draft only after saying what will happen', async () => {
    serve(undefined, (request) => (request === `POST ${LIST_URL}/c-draft/status` ? jsonResponse(200, { ...draft, status: 'active' }) : jsonResponse(500, {})));
    renderCampaigns();

    fireEvent.click(await waitFor(() => element(document.body, '[data-campaign-launch="c-draft"]')));
    const dialog = await waitFor(() => element(document.body, '.ant-modal-confirm'));
    expect(dialog.textContent).toContain('启动「生日关怀」？');
    expect(dialog.textContent).toContain('只能修改名称、预算和结束时间');
    expect(requests(fetchMock).some((request) => request.startsWith('POST'))).toBe(false);
    fireEvent.click(element(document.body, '#campaign-confirm-launch'));

    await waitFor(() => expect(requests(fetchMock)).toContain(`POST ${LIST_URL}/c-draft/status`));
    expect(bodyOf(fetchMock, 'POST', `${LIST_URL}/c-draft/status`)).toEqual({ action: 'launch' });
    await waitFor(() => expect(listReads()).toBeGreaterThanOrEqual(2));
  });

  it('shows why the API refused a status change', async () => {
    serve(undefined, () => jsonResponse(409, { code: 'CAMPAIGN_STATUS_INVALID', message: '活动当前状态不允许该操作' }));
    renderCampaigns();

    fireEvent.click(await waitFor(() => element(row('c-active'), '[data-action="pause"]')));
    fireEvent.click(await waitFor(() => element(document.body, '#campaign-confirm-pause')));
    await waitFor(() => expect(bodyOf(fetchMock, 'POST', `${LIST_URL}/c-active/status`)).toEqual({ action: 'pause' }));
    await waitFor(() => expect(document.querySelector('.ant-message')?.textContent).toContain('活动当前状态不允许该操作'));
  });

  it('opens the report, and lists the runs of a campaign with why members were not reached', async () => {
    serve();
    renderCampaigns();

    fireEvent.click(await waitFor(() => element(row(CAMPAIGN_ID), '.ant-table-row-expand-icon')));
    const runs = await waitFor(() => element(document.body, '.campaign-runs .ant-table-row'));
    expect(runs.textContent).toContain('单次执行');
    expect(runs.textContent).toContain('已完成');
    expect(element(runs, '.campaign-run-skipped').textContent).toBe('超出预算 40未绑定微信 12');

    fireEvent.click(element(document.body, `[data-campaign-report="${CAMPAIGN_ID}"]`));
    await waitFor(() => element(document.body, '#report-route'));
  });

  it('reads the list again every 5 seconds while a run is in progress, and stops once none is', async () => {
    jest.useFakeTimers();
    let current = running;
    serve(() => [current]);
    renderCampaigns();

    await waitFor(() => expect(row('c-running').querySelector('.campaign-run-progress')?.textContent).toBe('已处理 500 / 2,000'));
    current = campaign({ ...running, status: 'completed', lastRun: campaignRun({ id: 'run-2', status: 'done', audience: 2000, processed: 1800 }) });
    await act(async () => {
      await jest.advanceTimersByTimeAsync(CAMPAIGNS_REFRESH_MS);
    });
    await waitFor(() => expect(row('c-running').querySelector('.campaign-run-progress')?.textContent).toBe('已处理 1,800 / 2,000'));
    const reads = listReads();
    await act(async () => {
      await jest.advanceTimersByTimeAsync(CAMPAIGNS_REFRESH_MS * 3);
    });
    expect(listReads()).toBe(reads);
  });

  it('is closed to store staff', async () => {
    signInAs('advisor');
    serve();
    renderCampaigns();
    await waitFor(() => expect(document.body.textContent).toContain('没有权限管理活动'));
    expect(requests(fetchMock)).toEqual([]);
  });
});
