import type { CampaignView, SaveCampaignDto } from '@glow/contracts';
import { fireEvent, waitFor } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { campaign, segment, SEGMENT_ID } from '../../test/campaign.fixtures';
import { couponTemplate } from '../../test/coupon.fixtures';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { paged } from '../../test/loyalty-till.fixtures';
import { CampaignsPage } from './campaigns.page';

const LIST_URL = '/api/staff/campaigns';
const TEMPLATES_URL = '/api/staff/coupon-templates?status=active&page=1&pageSize=100';
const live = campaign({ id: 'c-live', name: '沉睡唤醒', kind: 'journey', status: 'active', journey: { trigger: 'dormant', days: 60 }, lastRun: null });

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(60_000);

function serve(onWrite: (request: string, body: SaveCampaignDto) => Response = (_, body) => jsonResponse(201, { ...campaign({ id: 'c-new', status: 'draft' }), ...body })) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method !== 'GET') return onWrite(`${method} ${url}`, JSON.parse(String(init?.body)) as SaveCampaignDto);
    if (url === LIST_URL) return jsonResponse(200, [live] satisfies CampaignView[]);
    if (url === '/api/staff/segments') return jsonResponse(200, [segment(), segment({ id: 'seg-2', name: '新客', count: 300 })]);
    if (url === TEMPLATES_URL) return jsonResponse(200, paged([couponTemplate(), couponTemplate({ id: 'tpl-2', code: 'BDAY-GOLD', name: '生日礼券' })]));
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderCampaigns() {
  return renderPage('/campaigns', '/campaigns', <CampaignsPage />, {}, { detachStyles: true });
}

const type = (selector: string, value: string) => fireEvent.change(element(document.body, selector), { target: { value } });
const choose = (group: string, value: string) => fireEvent.click(element(document.body, `#${group} input[value="${value}"]`));
const explain = (selector: string) => element(document.body, selector).closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? null;
const disabled = (selector: string) => element<HTMLInputElement | HTMLButtonElement>(document.body, selector).disabled;
const present = (selector: string) => document.querySelector(selector) !== null;

async function pickOption(selectId: string, title: string) {
  fireEvent.mouseDown(element(document.body, `.ant-select:has(#${selectId})`));
  fireEvent.click(await waitFor(() => element(document.body, `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`)));
}

async function openNew() {
  fireEvent.click(await waitFor(() => element(document.body, '#campaign-new')));
  return waitFor(() => element(document.body, '#campaign-form'));
}

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('marketer');
});

afterEach(() => sessionStore.clear());

describe('CampaignDrawer', () => {
  it('requires a segment for a one-off before sending anything', async () => {
    serve();
    renderCampaigns();
    await openNew();

    type('#campaign-name', '金卡唤醒');
    await pickOption('campaign-action-coupon', '满300减50（CPN-300-50）');
    fireEvent.click(element(document.body, '#campaign-save'));
    await waitFor(() => expect(explain('#campaign-segment')).toBe('单次活动须选择目标人群'));
    expect(requests(fetchMock)).not.toContain(`POST ${LIST_URL}`);
  });

  it('saves a one-off with its segment, actions, budgets, quiet hours, cap and holdout', async () => {
    serve();
    renderCampaigns();
    await openNew();

    type('#campaign-name', ' 金卡唤醒 ');
    await pickOption('campaign-segment', '沉睡金卡会员（1,280 人）');
    await pickOption('campaign-action-coupon', '满300减50（CPN-300-50）');
    fireEvent.click(element(document.body, '#campaign-add-action'));
    await waitFor(() => expect(present('#campaign-action-message-text')).toBe(true));
    await pickOption('campaign-action-message-template', '优惠券到账提醒');
    type('#campaign-action-message-text', '金卡专享券已到账');
    expect(element(document.body, '#campaign-action-message-text').closest('.ant-input-affix-wrapper')?.textContent).toContain('8 / 20');
    type('#campaign-budget-total', '2000');
    type('#campaign-budget-per-day', '500');
    fireEvent.click(element(document.body, '#campaign-cap'));
    await waitFor(() => expect(present('#campaign-cap-touches')).toBe(true));
    type('#campaign-cap-touches', '3');
    type('#campaign-holdout', '20');
    type('#campaign-attribution', '14');
    fireEvent.click(element(document.body, '#campaign-save'));

    await waitFor(() => expect(requests(fetchMock)).toContain(`POST ${LIST_URL}`));
    expect(bodyOf(fetchMock, 'POST', LIST_URL)).toEqual({
      name: '金卡唤醒',
      kind: 'one-off',
      segmentId: SEGMENT_ID,
      journey: null,
      scheduledAt: null,
      actions: [
        { kind: 'coupon', couponTemplateCode: 'CPN-300-50' },
        { kind: 'message', messageTemplate: 'coupon-arrival', messageText: '金卡专享券已到账' },
      ],
      budgetTotal: 2000,
      budgetPerDay: 500,
      quietFrom: '21:00',
      quietUntil: '09:00',
      frequencyCap: { touches: 3, days: 7 },
      holdoutPct: 20,
      attributionDays: 14,
      endsAt: null,
    } satisfies SaveCampaignDto);
    await waitFor(() => expect(present('#campaign-form')).toBe(false));
  });

  it('saves a journey with its trigger’s parameter and an optional segment', async () => {
    serve();
    renderCampaigns();
    await openNew();

    type('#campaign-name', '沉睡唤醒90天');
    choose('campaign-kind', 'journey');
    await waitFor(() => expect(present('#campaign-trigger')).toBe(true));
    expect(present('#campaign-run-at')).toBe(false);
    // Birthdays are the default trigger, counted 7 days ahead.
    expect(element<HTMLInputElement>(document.body, '#campaign-trigger-days').value).toBe('7');
    await pickOption('campaign-trigger', '沉睡唤醒');
    await waitFor(() => expect(element<HTMLInputElement>(document.body, '#campaign-trigger-days').value).toBe('60'));
    fireEvent.click(element(document.body, '[data-dormant-days="90"]'));
    await pickOption('campaign-action-coupon', '生日礼券（BDAY-GOLD）');
    fireEvent.click(element(document.body, '#campaign-quiet'));
    fireEvent.click(element(document.body, '#campaign-save'));

    await waitFor(() => expect(requests(fetchMock)).toContain(`POST ${LIST_URL}`));
    expect(bodyOf(fetchMock, 'POST', LIST_URL)).toMatchObject({
      name: '沉睡唤醒90天',
      kind: 'journey',
      segmentId: null,
      journey: { trigger: 'dormant', days: 90 },
      scheduledAt: null,
      actions: [{ kind: 'coupon', couponTemplateCode: 'BDAY-GOLD' }],
      quietFrom: null,
      quietUntil: null,
      endsAt: null,
    });
  });

  it('locks what a launched campaign can no longer change, and shows the API’s refusal', async () => {
    serve(() => jsonResponse(409, { code: 'CAMPAIGN_LOCKED', message: '活动已启动，只能修改名称、预算和结束时间' }));
    renderCampaigns();

    fireEvent.click(await waitFor(() => element(document.body, '[data-campaign-id="c-live"] [data-action="edit"]')));
    await waitFor(() => element(document.body, '#campaign-form'));
    expect(element(document.body, '#campaign-lock-hint').textContent).toContain('只能修改名称、预算和结束时间');
    for (const locked of ['#campaign-kind input[value="one-off"]', '#campaign-segment', '#campaign-trigger-days', '#campaign-action-coupon', '#campaign-holdout', '#campaign-attribution', '#campaign-quiet']) {
      expect([locked, disabled(locked)]).toEqual([locked, true]);
    }
    for (const open of ['#campaign-name', '#campaign-budget-total', '#campaign-budget-per-day', '#campaign-ends-at']) expect([open, disabled(open)]).toEqual([open, false]);
    expect(present('#campaign-add-action')).toBe(false);

    type('#campaign-name', '沉睡唤醒（加预算）');
    type('#campaign-budget-total', '5000');
    fireEvent.click(element(document.body, '#campaign-save'));
    await waitFor(() => expect(element(document.body, '#campaign-form-error').textContent).toContain('活动已启动，只能修改名称、预算和结束时间'));
    expect(bodyOf(fetchMock, 'PUT', `${LIST_URL}/c-live`)).toMatchObject({ name: '沉睡唤醒（加预算）', budgetTotal: 5000, journey: { trigger: 'dormant', days: 60 }, segmentId: SEGMENT_ID });
  });
});
