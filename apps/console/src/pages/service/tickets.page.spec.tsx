import type { TicketDetailView } from '@glow/contracts';
import { fireEvent, waitFor } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { advisor, ME, ticket, ticketDetail } from './service.fixtures';
import { TicketDetailPage } from './ticket-detail.page';
import { TicketsPage } from './tickets.page';

const TICKETS = '/api/staff/tickets';
const TEMPLATE = { id: 'tpl-1', code: 'SORRY-50', name: '致歉券', face: { headline: '¥50', condition: '无门槛' } };

let fetchMock: FetchMock;

jest.setTimeout(40_000);

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

function serveList() {
  fetchMock.mockImplementation(async (input) => {
    const url = String(input);
    if (url.startsWith(TICKETS)) {
      return jsonResponse(200, [
        ticket({ id: 't-late', ticketNo: 'T2611200001', priority: 'urgent', status: 'in_progress', slaDueAt: hoursFromNow(-3), overdue: true }),
        ticket({ id: 't-soon', ticketNo: 'T2611200002', priority: 'low', status: 'new', slaDueAt: hoursFromNow(5) }),
        ticket({ id: 't-done', ticketNo: 'T2611200003', priority: 'normal', status: 'resolved', slaDueAt: hoursFromNow(-48) }),
      ]);
    }
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

const row = (id: string) => element(document.body, `#ticket-table tr[data-ticket-id="${id}"]`);

function serveDetail(initial: TicketDetailView, onWrite: (request: string, body: unknown) => TicketDetailView | Response) {
  let current = initial;
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method !== 'GET') {
      const answer = onWrite(`${method} ${url}`, init?.body ? JSON.parse(String(init.body)) : undefined);
      if (answer instanceof Response) return answer;
      current = answer;
      return jsonResponse(200, current);
    }
    if (url === `${TICKETS}/${initial.id}`) return jsonResponse(200, current);
    if (url === '/api/staff/advisors') return jsonResponse(200, [advisor({ staffId: ME, name: '测试advisor' }), advisor()]);
    if (url.startsWith('/api/staff/coupon-templates?')) return jsonResponse(200, { items: [TEMPLATE], total: 1, page: 1, pageSize: 100 });
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderDetail(id = 'ticket-1') {
  return renderPage(`/service/tickets/${id}`, '/service/tickets/:id', <TicketDetailPage />, {}, { detachStyles: true });
}

const actions = () => Array.from(document.querySelectorAll('#ticket-actions [data-ticket-action]')).map((button) => button.getAttribute('data-ticket-action'));

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('advisor');
});

afterEach(() => sessionStore.clear());

describe(TicketsPage.name, () => {
  it('shows each ticket’s priority and SLA: time left, overdue in red, nothing to count once resolved', async () => {
    serveList();
    renderPage('/service/tickets', '/service/tickets', <TicketsPage />, {}, { detachStyles: true });

    await waitFor(() => row('t-late'));
    expect(row('t-late').querySelector('.ticket-priority')?.textContent).toBe('紧急');
    expect(row('t-late').querySelector('.ticket-sla-overdue')?.textContent).toMatch(/^已超时 (2 小时 59 分钟|3 小时)$/);
    expect(row('t-soon').querySelector('.ticket-sla')?.textContent).toMatch(/^剩余 (4 小时 59 分钟|5 小时)$/);
    expect(row('t-soon').querySelector('.ticket-sla-overdue')).toBeNull();
    expect(row('t-done').querySelector('.ticket-sla')?.textContent).toBe('已解决');
    expect(row('t-done').querySelector('.ticket-status')?.textContent).toBe('已解决');
  });

  it('filters by status, mine and overdue through the query', async () => {
    serveList();
    renderPage('/service/tickets?status=in_progress', '/service/tickets', <TicketsPage />, {}, { detachStyles: true });

    await waitFor(() => expect(requests(fetchMock)).toContain(`GET ${TICKETS}?status=in_progress`));
    fireEvent.click(element(document.body, '#tickets-mine'));
    await waitFor(() => expect(requests(fetchMock)).toContain(`GET ${TICKETS}?status=in_progress&mine=true`));
    fireEvent.click(element(document.body, '#tickets-overdue'));
    await waitFor(() => expect(requests(fetchMock)).toContain(`GET ${TICKETS}?status=in_progress&mine=true&overdue=true`));
  });

  it('is closed to marketers', async () => {
    signInAs('marketer');
    serveList();
    renderPage('/service/tickets', '/service/tickets', <TicketsPage />, {}, { detachStyles: true });
    await waitFor(() => expect(document.body.textContent).toContain('没有权限处理工单'));
    expect(requests(fetchMock)).toEqual([]);
  });
});

describe(TicketDetailPage.name, () => {
  it.each([
    ['new', ['in_progress', 'resolved', 'closed']],
    ['in_progress', ['waiting_member', 'resolved']],
    ['waiting_member', ['in_progress', 'resolved']],
    ['resolved', ['closed', 'in_progress']],
    ['closed', []],
  ] as const)('offers only the moves a %s ticket allows', async (status, offered) => {
    serveDetail(ticketDetail({ status }), () => jsonResponse(500, {}));
    renderDetail();
    await waitFor(() => expect(element(document.body, '#ticket-status').textContent).not.toBe(''));
    expect(actions()).toEqual(offered);
    // A closed ticket takes no more notes, assignments or compensation.
    expect(document.querySelector('#ticket-notes') === null).toBe(status === 'closed');
  });

  it('resolves with a note for the member, and shows the history', async () => {
    serveDetail(ticketDetail({ status: 'in_progress' }), (request, body) => {
      if (request !== `POST ${TICKETS}/ticket-1/status`) return jsonResponse(500, {});
      const moved = (body as { status: 'resolved' }).status;
      const base = ticketDetail({ status: moved });
      return { ...base, events: [...base.events, { ...base.events[0], id: 'ev-2', kind: 'status', fromStatus: 'in_progress', toStatus: moved, note: '已为会员换货' }] };
    });
    renderDetail();

    fireEvent.click(await waitFor(() => element(document.body, '[data-ticket-action="resolved"]')));
    fireEvent.change(await waitFor(() => element(document.body, '#ticket-status-note')), { target: { value: '已为会员换货' } });
    fireEvent.click(element(document.body, '#ticket-status-submit'));

    await waitFor(() => expect(bodyOf(fetchMock, 'POST', `${TICKETS}/ticket-1/status`)).toEqual({ status: 'resolved', note: '已为会员换货' }));
    await waitFor(() => expect(element(document.body, '#ticket-status').textContent).toBe('已解决'));
    expect(actions()).toEqual(['closed', 'in_progress']);
    const events = Array.from(document.querySelectorAll('.ticket-event')).map((event) => event.textContent ?? '');
    expect(events[1]).toContain('处理中 → 已解决');
    expect(events[1]).toContain('已为会员换货');
  });

  it('adds an internal note or a reply to the member', async () => {
    serveDetail(ticketDetail({ status: 'in_progress' }), () => ticketDetail({ status: 'in_progress' }));
    renderDetail();

    fireEvent.change(await waitFor(() => element(document.body, '#ticket-note')), { target: { value: '已联系质检' } });
    fireEvent.click(element(document.body, '#ticket-note-submit'));
    await waitFor(() => expect(bodyOf(fetchMock, 'POST', `${TICKETS}/ticket-1/notes`)).toEqual({ note: '已联系质检', internal: true }));
  });

  it('compensates with a new idempotency key on every submit, after checking the form', async () => {
    serveDetail(ticketDetail({ status: 'in_progress' }), (request) =>
      request === `POST ${TICKETS}/ticket-1/compensations` ? jsonResponse(503, { code: 'INTERNAL_ERROR', message: '服务暂时不可用' }) : jsonResponse(500, {}),
    );
    renderDetail();

    fireEvent.click(await waitFor(() => element(document.body, '#ticket-comp-submit')));
    await waitFor(() => expect(element(document.body, '#ticket-comp-problem').textContent).toBe('请选择补偿的优惠券'));

    fireEvent.click(element(document.body, '#ticket-comp-kind input[value="points"]'));
    fireEvent.change(await waitFor(() => element(document.body, '#ticket-comp-points')), { target: { value: '500' } });
    fireEvent.change(element(document.body, '#ticket-comp-reason'), { target: { value: '过敏致歉' } });
    fireEvent.click(element(document.body, '#ticket-comp-submit'));
    await waitFor(() => element(document.body, '#ticket-comp-error'));
    fireEvent.click(element(document.body, '#ticket-comp-submit'));

    const posts = () => fetchMock.mock.calls.filter(([url, init]) => String(url) === `${TICKETS}/ticket-1/compensations` && init?.method === 'POST');
    await waitFor(() => expect(posts()).toHaveLength(2));
    const [first, second] = posts().map(([, init]) => JSON.parse(String(init?.body)) as { key: string });
    expect(first).toEqual({ kind: 'points', points: 500, reason: '过敏致歉', key: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) });
    expect(second.key).not.toBe(first.key);
  });

  it('shows the member’s rating once given', async () => {
    serveDetail(ticketDetail({ status: 'closed', csat: { score: 4, comment: '处理很及时' } }), () => jsonResponse(500, {}));
    renderDetail();
    await waitFor(() => expect(element(document.body, '#ticket-csat').textContent).toContain('满意'));
    expect(element(document.body, '#ticket-csat').textContent).toContain('处理很及时');
  });
});
