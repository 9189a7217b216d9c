import type { SaveSegmentDto, SegmentRuleDto, SegmentView } from '@glow/contracts';
import { fireEvent, waitFor } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { segment, segmentPreview } from '../../test/campaign.fixtures';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { tiers } from '../loyalty/loyalty.fixtures';
import { SegmentsPage } from './segments.page';

const LIST_URL = '/api/staff/segments';
const PREVIEW_URL = '/api/staff/segments/preview';

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(60_000);

/**
 * Answers like the API: the list, the tier ladder and the stores, and a preview that counts 320 members per gold
 * tier chosen and refuses a tier condition with no tier (SEGMENT_INVALID, with the path of the condition).
 */
function serve(onWrite: (request: string, init: RequestInit | undefined) => Response = () => jsonResponse(500, {}), list: SegmentView[] = [segment()]) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method === 'POST' && url === PREVIEW_URL) {
      const { rule } = JSON.parse(String(init?.body)) as SegmentRuleDto;
      const conditions = 'children' in rule ? rule.children : [];
      const emptyTier = conditions.findIndex((condition) => 'field' in condition && condition.field === 'tier' && condition.values.length === 0);
      if (emptyTier >= 0) {
        return jsonResponse(400, { code: 'SEGMENT_INVALID', message: '人群规则有误，请检查后重试', details: [{ field: `rule.children.${emptyTier}.values`, problems: ['请至少选择一个会员等级'] }] });
      }
      return jsonResponse(200, segmentPreview({ count: 320 * conditions.length, summary: `共 ${conditions.length} 个条件` }));
    }
    if (method !== 'GET') return onWrite(`${method} ${url}`, init);
    if (url === LIST_URL) return jsonResponse(200, list);
    if (url === '/api/staff/loyalty/tiers') return jsonResponse(200, tiers);
    if (url === '/api/staff/stores') return jsonResponse(200, [{ id: 'store-1', code: 'SH01', name: '上海静安店', city: '上海', address: '' }]);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderSegments() {
  return renderPage('/segments', '/segments', <SegmentsPage />, {}, { detachStyles: true });
}

const type = (selector: string, value: string) => fireEvent.change(element(document.body, selector), { target: { value } });
const previewBodies = () => fetchMock.mock.calls.filter(([url, init]) => String(url) === PREVIEW_URL && init?.method === 'POST').map(([, init]) => (JSON.parse(String(init?.body)) as SegmentRuleDto).rule);
const conditionKeys = () => Array.from(document.querySelectorAll('[data-segment-condition]')).map((row) => row.getAttribute('data-segment-condition') ?? '');

async function pickOption(selectId: string, title: string) {
  fireEvent.mouseDown(element(document.body, `.ant-select:has(#${selectId})`));
  fireEvent.click(await waitFor(() => element(document.body, `.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`)));
}

async function openNew() {
  fireEvent.click(await waitFor(() => element(document.body, '#segment-new')));
  return waitFor(() => element(document.body, '#segment-form'));
}

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('marketer');
});

afterEach(() => sessionStore.clear());

describe(SegmentsPage.name, () => {
  it('lists each segment with its rule in words, its last count and the campaigns using it', async () => {
    serve();
    renderSegments();

    const row = await waitFor(() => element(document.body, `#segment-table tr[data-segment-id="${segment().id}"]`));
    expect(row.querySelector('.segment-name')?.textContent).toBe('沉睡金卡会员');
    expect(row.querySelector('.segment-summary')?.textContent).toBe('会员等级为金卡 且 距上次购买≥90天');
    expect(row.querySelector('.segment-count')?.textContent).toBe('1,280 人');
    expect(row.textContent).toContain('统计于 2026-11-20');
    expect(row.querySelector('.segment-campaigns')?.textContent).toBe('1');
  });

  it('counts the audience live as conditions are added and changed, and names what the API refuses', async () => {
    serve();
    renderSegments();
    await openNew();

    // Nothing to count before the first condition.
    expect(element(document.body, '#segment-preview').textContent).toContain('添加条件后显示预计覆盖人数');
    fireEvent.click(element(document.body, '[data-segment-add-condition]'));
    const [first] = conditionKeys();
    // A tier condition without a tier is refused, and the refusal shows beside that condition.
    await waitFor(() => expect(element(document.body, '#segment-preview-error').textContent).toContain('人群规则有误，请检查后重试'));
    await waitFor(() => expect(element(document.body, `[data-segment-condition="${first}"] .segment-row-problem`).textContent).toBe('请至少选择一个会员等级'));

    await pickOption(`segment-condition-${first}-values`, '金卡');
    await waitFor(() => expect(element(document.body, '#segment-count').textContent).toBe('320'));
    expect(element(document.body, '#segment-summary').textContent).toBe('共 1 个条件');
    expect(element(document.body, '#segment-sample').textContent).toContain('GM20260001');
    expect(element(document.body, '#segment-sample').textContent).toContain('沉睡');
    expect(previewBodies().at(-1)).toEqual({ op: 'and', children: [{ field: 'tier', values: ['gold'] }] });
    expect(document.querySelector('.segment-row-problem')).toBeNull();

    // A second condition, switched to spend: its default window and amount go in fen.
    fireEvent.click(element(document.body, '[data-segment-add-condition]'));
    const second = conditionKeys()[1];
    expect(element(document.body, `[data-segment-field="${second}"]`).classList.contains('ant-select')).toBe(true);
    await pickOption(`segment-field-${second}`, '消费金额');
    type(`#segment-condition-${second}-min`, '800');
    await waitFor(() => expect(element(document.body, '#segment-count').textContent).toBe('640'));
    expect(previewBodies().at(-1)).toEqual({ op: 'and', children: [{ field: 'tier', values: ['gold'] }, { field: 'spend', windowDays: 365, minFen: 80000 }] });
    // Changes are counted once editing pauses, not once per change.
    expect(previewBodies().length).toBeLessThanOrEqual(4);
  });

  it('saves the name, description and rule, negated groups as not', async () => {
    serve((request) => (request === `POST ${LIST_URL}` ? jsonResponse(201, segment({ id: 'seg-new', name: '非金卡' })) : jsonResponse(500, {})));
    renderSegments();
    await openNew();

    type('#segment-name', ' 非金卡 ');
    fireEvent.click(element(document.body, '#segment-save'));
    await waitFor(() => element(document.body, '#segment-rule-empty'));
    expect(requests(fetchMock)).not.toContain(`POST ${LIST_URL}`);

    fireEvent.click(element(document.body, '[data-segment-add-group]'));
    const [condition] = conditionKeys();
    await pickOption(`segment-condition-${condition}-values`, '金卡');
    const sub = document.querySelectorAll('[data-segment-group]')[1]?.getAttribute('data-segment-group');
    const not = element(document.body, `[data-segment-not="${sub}"]`);
    fireEvent.click(not.tagName === 'INPUT' ? not : element(not, 'input'));
    fireEvent.click(element(document.body, '#segment-save'));

    await waitFor(() => expect(requests(fetchMock)).toContain(`POST ${LIST_URL}`));
    expect(bodyOf(fetchMock, 'POST', LIST_URL)).toEqual({
      name: '非金卡',
      description: '',
      rule: { op: 'and', children: [{ op: 'not', child: { op: 'and', children: [{ field: 'tier', values: ['gold'] }] } }] },
    } satisfies SaveSegmentDto);
    await waitFor(() => expect(document.querySelector('#segment-form')).toBeNull());
  });

  it('edits a saved segment in place', async () => {
    serve((request, init) => (request === `PUT ${LIST_URL}/${segment().id}` ? jsonResponse(200, { ...segment(), ...JSON.parse(String(init?.body)) }) : jsonResponse(500, {})));
    renderSegments();

    fireEvent.click(await waitFor(() => element(document.body, `tr[data-segment-id="${segment().id}"] [data-action="edit"]`)));
    await waitFor(() => expect(element<HTMLInputElement>(document.body, '#segment-name').value).toBe('沉睡金卡会员'));
    expect(conditionKeys()).toHaveLength(2);
    await waitFor(() => expect(element(document.body, '#segment-count').textContent).toBe('640'));
    type('#segment-name', '沉睡金卡');
    fireEvent.click(element(document.body, '#segment-save'));
    await waitFor(() => expect(requests(fetchMock)).toContain(`PUT ${LIST_URL}/${segment().id}`));
    expect(bodyOf(fetchMock, 'PUT', `${LIST_URL}/${segment().id}`)).toEqual({ name: '沉睡金卡', description: '90天未购的金卡', rule: segment().rule });
  });

  it('says why a segment in use cannot be deleted', async () => {
    serve((request) =>
      request === `DELETE ${LIST_URL}/${segment().id}` ? jsonResponse(409, { code: 'SEGMENT_IN_USE', message: '该人群正被活动使用，无法删除' }) : jsonResponse(500, {}),
    );
    renderSegments();

    fireEvent.click(await waitFor(() => element(document.body, `tr[data-segment-id="${segment().id}"] [data-action="delete"]`)));
    fireEvent.click(await waitFor(() => element(document.body, '#segment-confirm-delete')));
    await waitFor(() => expect(requests(fetchMock)).toContain(`DELETE ${LIST_URL}/${segment().id}`));
    await waitFor(() => expect(document.querySelector('.ant-message')?.textContent).toContain('该人群正被活动使用，无法删除'));
  });

  it('is closed to store staff', async () => {
    signInAs('store_manager');
    serve();
    renderSegments();
    await waitFor(() => expect(document.body.textContent).toContain('没有权限管理人群'));
    expect(requests(fetchMock)).toEqual([]);
  });
});
