import { fireEvent, waitFor } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, signInAs, type FetchMock } from '../../test/console-test-kit';
import { CannedRepliesPage, canEditReply } from './canned-replies.page';
import { cannedReply, ME } from './service.fixtures';

const CANNED = '/api/staff/canned-replies';

let fetchMock: FetchMock;

jest.setTimeout(40_000);

const shared = cannedReply();
const mine = cannedReply({ id: 'cr-mine', title: '敏感肌建议', body: '建议先在耳后试用', ownerId: ME, shared: false });

function serve(onWrite: (request: string) => Response = () => jsonResponse(500, {})) {
  fetchMock.mockImplementation(async (input, init) => {
    const method = init?.method ?? 'GET';
    if (method !== 'GET') return onWrite(`${method} ${String(input)}`);
    if (String(input) === CANNED) return jsonResponse(200, [shared, mine]);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

const row = (id: string) => element(document.body, `#canned-table tr[data-canned-id="${id}"]`);

beforeEach(() => {
  fetchMock = mockFetch();
});

afterEach(() => sessionStore.clear());

describe(canEditReply.name, () => {
  it('lets owners change their own replies and the keepers of shared replies the shared ones', () => {
    expect(canEditReply(mine, ME, false)).toBe(true);
    expect(canEditReply(mine, 'someone-else', true)).toBe(false);
    expect(canEditReply(shared, ME, false)).toBe(false);
    expect(canEditReply(shared, ME, true)).toBe(true);
  });
});

describe(CannedRepliesPage.name, () => {
  it('is closed to marketers (canned replies are a chat tool)', async () => {
    signInAs('marketer');
    serve();
    renderPage('/service/canned-replies', '/service/canned-replies', <CannedRepliesPage />, {}, { detachStyles: true });
    await waitFor(() => expect(document.body.textContent).toContain('没有权限管理快捷回复'));
  });

  it('lets an advisor edit only their own replies, and creates personal ones', async () => {
    signInAs('advisor');
    serve((request) => (request === `POST ${CANNED}` ? jsonResponse(201, cannedReply({ id: 'cr-new', ownerId: ME, shared: false })) : jsonResponse(500, {})));
    renderPage('/service/canned-replies', '/service/canned-replies', <CannedRepliesPage />, {}, { detachStyles: true });

    await waitFor(() => row('cr-mine'));
    expect(row('cr-1').querySelector('.canned-scope')?.textContent).toBe('共享');
    expect(row('cr-1').querySelector('.canned-edit')).toBeNull();
    expect(row('cr-mine').querySelector('.canned-edit')).not.toBeNull();

    fireEvent.click(element(document.body, '#canned-new'));
    await waitFor(() => element(document.body, '#canned-form'));
    expect(document.querySelector('#canned-shared')).toBeNull();
    fireEvent.change(element(document.body, '#canned-title'), { target: { value: '到店提醒' } });
    fireEvent.change(element(document.body, '#canned-body'), { target: { value: '到店前请提前告诉我哦' } });
    fireEvent.click(element(document.body, '#canned-submit'));
    await waitFor(() => expect(bodyOf(fetchMock, 'POST', CANNED)).toEqual({ title: '到店提醒', body: '到店前请提前告诉我哦', shared: false }));
  });

  it('lets store managers keep the shared replies and share new ones', async () => {
    signInAs('store_manager');
    serve((request) => (request === `POST ${CANNED}` ? jsonResponse(201, cannedReply({ id: 'cr-new' })) : jsonResponse(500, {})));
    renderPage('/service/canned-replies', '/service/canned-replies', <CannedRepliesPage />, {}, { detachStyles: true });

    await waitFor(() => row('cr-1'));
    expect(row('cr-1').querySelector('.canned-edit')).not.toBeNull();
    fireEvent.click(element(document.body, '#canned-new'));
    fireEvent.change(await waitFor(() => element(document.body, '#canned-title')), { target: { value: '节日问候' } });
    fireEvent.change(element(document.body, '#canned-body'), { target: { value: '节日快乐！' } });
    fireEvent.click(element(document.body, '#canned-shared'));
    fireEvent.click(element(document.body, '#canned-submit'));
    await waitFor(() => expect(bodyOf(fetchMock, 'POST', CANNED)).toEqual({ title: '节日问候', body: '节日快乐！', shared: true }));
  });
});
