import type { AdjustPointsDto } from '@glow/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { MEMBER_ID, memberPoints } from '../../test/loyalty-till.fixtures';
import { MemberPointsCard } from './member-points.card';

const POINTS_URL = `/api/staff/members/${MEMBER_ID}/points`;
const ADJUST_URL = `/api/staff/members/${MEMBER_ID}/points/adjustments`;
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,64}$/;

let fetchMock: FetchMock;

jest.setTimeout(30_000);

/** Answers the points read, and each adjustment with the next of `adjustments` (the last one repeats). */
function serve(adjustments: Response[] = []) {
  let adjustment = 0;
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    if (url === ADJUST_URL && init?.method === 'POST') return adjustments[Math.min(adjustment++, adjustments.length - 1)].clone();
    if (url === POINTS_URL) return jsonResponse(200, memberPoints());
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderCard(adjustable: boolean) {
  return renderPage(`/members/${MEMBER_ID}`, '/members/:id', <MemberPointsCard memberId={MEMBER_ID} adjustable={adjustable} />, {}, { detachStyles: true });
}

function rows(tableId: string): string[][] {
  return Array.from(element(document.body, tableId).querySelectorAll('tbody tr.ant-table-row')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? ''));
}

function adjustBodies(): AdjustPointsDto[] {
  return fetchMock.mock.calls.filter(([url, init]) => String(url) === ADJUST_URL && init?.method === 'POST').map(([, init]) => JSON.parse(String(init?.body)));
}

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('advisor');
});

afterEach(() => sessionStore.clear());

describe(MemberPointsCard.name, () => {
  it('shows the balance, tier progress, the ledger with its labels, the lots and the tier history', async () => {
    serve();
    renderCard(false);

    const card = await waitFor(() => element(document.body, '#points-ledger'));
    const summary = element(document.body, '#member-points').textContent ?? '';
    for (const shown of ['可用积分1,280', '待生效积分399', '欠分20', '即将过期300', '2026-12-31 到期', '银卡', '近 12 个月消费 ¥3,800.00']) expect(summary).toContain(shown);
    expect(element(document.body, '#tier-next').textContent).toBe('再消费 ¥1,200.00 升级为 金卡');
    expect(element(document.body, '#member-tier .ant-progress').getAttribute('aria-valuenow')).toBe('60');

    expect(rows('#points-ledger')).toEqual([
      ['2026-11-20 02:00', '消费获得', '—', '+399', '门店消费 ¥399.00（小票 A1001）'],
      ['2026-11-01 02:00', '积分兑换', '-220', '—', '兑换 旅行装精华'],
      ['2026-10-01 02:00', '期初积分', '+1,500', '—', '期初积分导入'],
    ]);
    // Gains read green, deductions red.
    expect(within(card).getByText('+1,500').className).toContain('ant-typography-success');
    expect(within(card).getByText('-220').className).toContain('ant-typography-danger');

    fireEvent.click(screen.getByText('积分批次'));
    await waitFor(() => element(document.body, '#points-lots'));
    expect(rows('#points-lots').map((row) => [row[1], row[3], row[4]])).toEqual([
      ['门店消费 ¥399.00（小票 A1001）', '399', '待生效'],
      ['期初积分', '1,280', '可用'],
      ['奖励积分', '0', '已过期'],
    ]);

    fireEvent.click(screen.getByText('等级变动'));
    await waitFor(() => element(document.body, '#tier-history'));
    expect(rows('#tier-history')).toEqual([['2026-11-20 02:00', '粉卡 → 银卡', '¥3,800.00', '消费升级']]);
    expect(screen.queryByText('调整积分')).toBeNull();
  });

  it('lets an admin adjust points with a reason, repeating the key when retried', async () => {
    signInAs('admin');
    const adjusted = memberPoints({ summary: { ...memberPoints().summary, balance: 1230 } });
    serve([jsonResponse(409, { code: 'POINTS_INSUFFICIENT', message: '积分不足' }), jsonResponse(201, adjusted)]);
    renderCard(true);

    fireEvent.click(await screen.findByText('调整积分'));
    const delta = await waitFor(() => element<HTMLInputElement>(document.body, '#points-adjust-delta'));
    fireEvent.change(delta, { target: { value: '-50' } });
    fireEvent.click(element(document.body, '#points-adjust-submit'));
    expect((await waitFor(() => element(document.body, '#points-adjust-error'))).textContent).toContain('请填写调整原因');
    expect(requests(fetchMock)).not.toContain(`POST ${ADJUST_URL}`);

    fireEvent.change(element(document.body, '#points-adjust-reason'), { target: { value: '误发扣回' } });
    fireEvent.click(element(document.body, '#points-adjust-submit'));
    await waitFor(() => expect(element(document.body, '#points-adjust-error').textContent).toContain('积分不足'));
    fireEvent.click(element(document.body, '#points-adjust-submit'));

    await waitFor(() => expect(element(document.body, '#member-points').textContent).toContain('可用积分1,230'));
    const [refused, retried] = adjustBodies();
    expect(refused).toEqual({ delta: -50, reason: '误发扣回', idempotencyKey: expect.stringMatching(KEY_PATTERN) });
    expect(retried.idempotencyKey).toBe(refused.idempotencyKey);
    expect(element<HTMLInputElement>(document.body, '#points-adjust-reason').value).toBe('');
  });

  it('says so when the points cannot be read', async () => {
    fetchMock.mockResolvedValue(jsonResponse(403, { code: 'STAFF_OUT_OF_SCOPE', message: '该会员不属于您的门店' }));
    renderCard(false);

    expect((await waitFor(() => element(document.body, '#member-points-error'))).textContent).toContain('该会员不属于您的门店');
  });
});
