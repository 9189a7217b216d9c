import { fireEvent, waitFor } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { KbPage } from './kb.page';
import { kbArticle } from './service.fixtures';

const KB = '/api/staff/kb';

let fetchMock: FetchMock;

jest.setTimeout(40_000);

function serve(match: unknown = null, onWrite: (request: string) => Response = () => jsonResponse(500, {})) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (url === `${KB}/match` && method === 'POST') return jsonResponse(200, match);
    if (method !== 'GET') return onWrite(`${method} ${url}`);
    if (url === KB) return jsonResponse(200, [kbArticle(), kbArticle({ id: 'kb-2', question: '积分怎么用？', category: 'member', keywords: ['积分'], synonyms: [], answeredCount: 0, handoverCount: 0, enabled: false })]);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

const row = (id: string) => element(document.body, `#kb-table tr[data-article-id="${id}"]`);

beforeEach(() => {
  fetchMock = mockFetch();
});

afterEach(() => sessionStore.clear());

describe(KbPage.name, () => {
  it('lists the articles with how often the bot answered and handed over', async () => {
    signInAs('store_manager');
    serve();
    renderPage('/service/kb', '/service/kb', <KbPage />, {}, { detachStyles: true });

    await waitFor(() => row('kb-1'));
    expect(row('kb-1').querySelector('.kb-answered')?.textContent).toBe('120');
    expect(row('kb-1').querySelector('.kb-handover')?.textContent).toBe('12（10.0%）');
    expect(row('kb-2').querySelector('.kb-handover')?.textContent).toBe('0（—）');
    expect(row('kb-1').textContent).toContain('物流');
    expect(row('kb-1').textContent).toContain('到哪了');
    expect(document.querySelector('#kb-new')).not.toBeNull();
  });

  it('tests a question: the best match, every candidate with its score and the words that matched', async () => {
    signInAs('advisor');
    serve({
      best: { articleId: 'kb-1', question: '怎么查询物流？', score: 0.86, matched: ['快递', '到哪了'] },
      candidates: [
        { articleId: 'kb-1', question: '怎么查询物流？', score: 0.86, matched: ['快递', '到哪了'] },
        { articleId: 'kb-3', question: '多久发货？', score: 0.31, matched: ['发货'] },
      ],
    });
    renderPage('/service/kb', '/service/kb', <KbPage />, {}, { detachStyles: true });

    fireEvent.change(await waitFor(() => element(document.body, '#kb-test-question')), { target: { value: '我的快递到哪了' } });
    fireEvent.click(element(document.body, '#kb-test-submit'));

    await waitFor(() => element(document.body, '#kb-test-best'));
    expect(bodyOf(fetchMock, 'POST', `${KB}/match`)).toEqual({ question: '我的快递到哪了' });
    expect(element(document.body, '#kb-test-best').textContent).toContain('智能助手会回答：怎么查询物流？');
    expect(element(document.body, '#kb-test-best').textContent).toContain('得分 0.86');
    const candidates = Array.from(document.querySelectorAll('#kb-test-candidates .kb-candidate'));
    expect(candidates.map((candidate) => candidate.getAttribute('data-article-id'))).toEqual(['kb-1', 'kb-3']);
    expect(candidates[1].querySelector('.kb-candidate-score')?.textContent).toBe('0.31');
    expect(candidates[1].querySelector('.kb-matched')?.textContent).toBe('发货');
  });

  it('says when nothing matched well enough (the bot offers a person)', async () => {
    signInAs('advisor');
    serve({ best: null, candidates: [] });
    renderPage('/service/kb', '/service/kb', <KbPage />, {}, { detachStyles: true });

    fireEvent.change(await waitFor(() => element(document.body, '#kb-test-question')), { target: { value: '你好' } });
    fireEvent.click(element(document.body, '#kb-test-submit'));
    await waitFor(() => expect(element(document.body, '#kb-test-best').textContent).toContain('提供转人工'));
  });

  it('lets advisors read and test but not edit', async () => {
    signInAs('advisor');
    serve();
    renderPage('/service/kb', '/service/kb', <KbPage />, {}, { detachStyles: true });
    await waitFor(() => row('kb-1'));
    expect(document.querySelector('#kb-new')).toBeNull();
    expect(document.querySelector('.kb-edit')).toBeNull();
    expect(document.querySelector('.kb-enabled')).toBeNull();
  });

  it('creates an article from the form after checking it', async () => {
    signInAs('marketer');
    serve(null, (request) => (request === `POST ${KB}` ? jsonResponse(201, kbArticle({ id: 'kb-9', question: '怎么退货？' })) : jsonResponse(500, {})));
    renderPage('/service/kb', '/service/kb', <KbPage />, {}, { detachStyles: true });

    fireEvent.click(await waitFor(() => element(document.body, '#kb-new')));
    fireEvent.change(await waitFor(() => element(document.body, '#kb-question')), { target: { value: '怎么退货？' } });
    fireEvent.click(element(document.body, '#kb-submit'));
    await waitFor(() => expect(element(document.body, '#kb-form').textContent).toContain('回答须为 2–1000 个字'));
    expect(requests(fetchMock)).not.toContain(`POST ${KB}`);

    const keywords = element(document.body, '#kb-keywords');
    fireEvent.change(keywords, { target: { value: '退货' } });
    fireEvent.keyDown(keywords, { key: 'Enter' });
    fireEvent.change(element(document.body, '#kb-answer'), { target: { value: '收货 7 天内可在「我的订单」申请退货。' } });
    fireEvent.click(element(document.body, '#kb-submit'));

    await waitFor(() =>
      expect(bodyOf(fetchMock, 'POST', KB)).toEqual({ question: '怎么退货？', keywords: ['退货'], synonyms: [], answer: '收货 7 天内可在「我的订单」申请退货。', category: 'other', enabled: true }),
    );
  });
});
