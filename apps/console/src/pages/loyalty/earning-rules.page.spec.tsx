import { fireEvent, waitFor } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { EarningRulesPage } from './earning-rules.page';
import { earningRules, tiers } from './loyalty.fixtures';

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(40_000);

function serve(onWrite: (request: string, init: RequestInit | undefined) => Response = () => jsonResponse(500, {})) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method !== 'GET') return onWrite(`${method} ${url}`, init);
    if (url === '/api/staff/loyalty/earning-rules') return jsonResponse(200, earningRules);
    if (url === '/api/staff/loyalty/tiers') return jsonResponse(200, tiers);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderRules() {
  return renderPage('/loyalty/rules', '/loyalty/rules', <EarningRulesPage />, {}, { detachStyles: true });
}

const type = (selector: string, value: string) => fireEvent.change(element(document.body, selector), { target: { value } });

async function pickOption(selectId: string, title: string) {
  fireEvent.mouseDown(element(document.body, `.ant-select:has(#${selectId})`));
  fireEvent.click(await waitFor(() => element(document.body, `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`)));
}

beforeEach(() => {
  fetchMock = mockFetch();
});

afterEach(() => sessionStore.clear());

describe(EarningRulesPage.name, () => {
  it('saves every rule in one PUT, with a new category bonus and without the view’s updatedAt', async () => {
    signInAs('marketer');
    serve((request, init) => (request === 'PUT /api/staff/loyalty/earning-rules' ? jsonResponse(200, { ...JSON.parse(String(init?.body)), updatedAt: '2026-11-03T00:00:00.000Z' }) : jsonResponse(500, {})));
    renderRules();

    const perYuan = await waitFor(() => element<HTMLInputElement>(document.body, '#rules_pointsPerYuan'));
    expect(perYuan.value).toBe('1');
    type('#rules_pointsPerYuan', '2');
    type('#rules_monthlyCap', '5000');
    type('#rules_tierGraceDays', '60');
    fireEvent.click(element(document.body, '#bonus-rule-add'));
    await waitFor(() => element(document.body, '#rules_bonusRules_1_value'));
    await pickOption('rules_bonusRules_1_value', '彩妆');
    type('#rules_bonusRules_1_multiplierPct', '150');
    fireEvent.click(element(document.body, '#earning-rules-save'));

    await waitFor(() => expect(requests(fetchMock)).toContain('PUT /api/staff/loyalty/earning-rules'));
    expect(bodyOf(fetchMock, 'PUT', '/api/staff/loyalty/earning-rules')).toEqual({
      pointsPerYuan: 2,
      birthdayMultiplierPct: 200,
      bonusRules: [
        { kind: 'sku', value: 'GLOW-SERUM-30', multiplierPct: 300 },
        { kind: 'category', value: 'makeup', multiplierPct: 150 },
      ],
      monthlyCap: 5000,
      returnWindowDays: 7,
      validityDays: 365,
      expiryReminderDays: 30,
      profileBonus: 50,
      skinTestBonus: 30,
      referralBonus: 100,
      bonusMonthlyCap: 500,
      tierGraceDays: 60,
    });
  });

  it('shows a live example computed from the values being edited', async () => {
    signInAs('marketer');
    serve();
    renderRules();

    const example = await waitFor(() => element(document.body, '#earning-example'));
    await waitFor(() => expect(example.textContent).toContain('消费 ¥399 可得 957 积分（银卡 ×1.2，生日月 ×2）'));
    type('#rules_pointsPerYuan', '2');
    await waitFor(() => expect(example.textContent).toContain('消费 ¥399 可得 1,915 积分（银卡 ×1.2，生日月 ×2）'));
  });

  it('refuses two rules on one category before sending', async () => {
    signInAs('admin');
    serve();
    renderRules();

    await waitFor(() => element(document.body, '#rules_pointsPerYuan'));
    fireEvent.click(element(document.body, '#bonus-rule-add'));
    await waitFor(() => element(document.body, '#rules_bonusRules_1_value'));
    await pickOption('rules_bonusRules_1_value', '护肤');
    fireEvent.click(element(document.body, '#bonus-rule-add'));
    await waitFor(() => element(document.body, '#rules_bonusRules_2_value'));
    await pickOption('rules_bonusRules_2_value', '护肤');
    fireEvent.click(element(document.body, '#earning-rules-save'));

    await waitFor(() => expect(element(document.body, '#bonus-rules').textContent).toContain('同一商品或分类只能设置一条规则：护肤'));
    expect(requests(fetchMock).some((request) => request.startsWith('PUT'))).toBe(false);
  });

  it('shows what the API refused, in the form’s words and next to the field', async () => {
    signInAs('admin');
    serve(() =>
      jsonResponse(400, { code: 'VALIDATION_FAILED', message: '提交的信息有误，请检查后重试', details: [{ field: 'bonusRules.0.multiplierPct', problems: ['max'] }] }),
    );
    renderRules();

    fireEvent.click(await waitFor(() => element(document.body, '#earning-rules-save')));

    const alert = await waitFor(() => element(document.body, '#earning-rules-error'));
    expect(alert.textContent).toContain('提交的信息有误，请检查后重试');
    expect(alert.textContent).toContain('加倍规则第 1 行 · 倍数：大于允许的最大值');
    const field = element(document.body, '#rules_bonusRules_0_multiplierPct').closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(field.querySelector('.ant-form-item-explain')?.textContent).toBe('大于允许的最大值'));
  });

  it('is read-only for store staff', async () => {
    signInAs('advisor');
    serve();
    renderRules();

    const perYuan = await waitFor(() => element<HTMLInputElement>(document.body, '#rules_pointsPerYuan'));
    expect(perYuan.disabled).toBe(true);
    expect(document.querySelector('#earning-rules-save')).toBeNull();
    expect(document.querySelector('#bonus-rule-add')).toBeNull();
    expect(element(document.body, '#earning-rules').textContent).toContain('您可以查看积分规则');
  });
});
