import type { MemberSummary, Paged, TagSummary } from '@glow/contracts';
import { fireEvent, waitFor } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { MemberListPage } from './member-list.page';

const tags: TagSummary[] = [
  { id: 't-rule', key: 'sensitive-skin', label: '敏感肌', kind: 'rule', members: 12 },
  { id: 't-vip', key: null, label: '高潜客户', kind: 'manual', members: 3 },
];

const members: Paged<MemberSummary> = {
  items: [
    { id: 'm1', memberNo: 'GM2026000123', name: '王晓雯', nickname: null, phoneMasked: '138****8000', city: '上海', storeName: '上海静安店', advisorName: '林导购', joinedAt: '2026-10-01T02:00:00.000Z' },
  ],
  total: 1,
  page: 1,
  pageSize: 20,
};

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(20_000);

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('advisor');
  fetchMock.mockImplementation(async (input) => jsonResponse(200, String(input) === '/api/staff/tags' ? tags : members));
});

afterEach(() => sessionStore.clear());

describe(MemberListPage.name, () => {
  it('filters by the tag in the URL and names it with its member count', async () => {
    renderPage('/members?tagId=t-vip', '/members', <MemberListPage />);

    await waitFor(() => expect(element(document.body, '#tag-filter').closest('.ant-select')?.textContent).toBe('高潜客户（3）'));
    expect(requests(fetchMock)).toContain('GET /api/staff/members?tagId=t-vip&page=1&pageSize=20');
  });

  it('asks for the members of the tag chosen in the filter, from page 1', async () => {
    renderPage('/members?page=2', '/members', <MemberListPage />);

    await waitFor(() => expect(requests(fetchMock)).toContain('GET /api/staff/tags'));
    fireEvent.mouseDown(element(document.body, '.ant-select:has(#tag-filter)'));
    fireEvent.click(await waitFor(() => element(document.body, '.ant-select-item-option[title="敏感肌（12）"]')));

    await waitFor(() => expect(requests(fetchMock)).toContain('GET /api/staff/members?tagId=t-rule&page=1&pageSize=20'));
  });
});
