import type { IssueCouponDto, MemberCouponView } from '@glow/contracts';
import { fireEvent, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { couponTemplate, giftCoupon, memberCoupon } from '../../test/coupon.fixtures';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { MEMBER_ID, paged } from '../../test/loyalty-till.fixtures';
import { MemberCouponsCard } from './member-coupons.card';

const COUPONS_URL = `/api/staff/members/${MEMBER_ID}/coupons`;
const ACTIVE_TEMPLATES_URL = '/api/staff/coupon-templates?status=active&page=1&pageSize=100';
const REVOKE_URL = '/api/staff/coupons/mc-1/revoke';
/** The contract's IDEMPOTENCY_KEY_PATTERN. */
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,64}$/;

const coupons: MemberCouponView[] = [
  memberCoupon({ expiringSoon: true }),
  giftCoupon({ status: 'used', source: 'mall', usedAt: '2026-11-22T06:00:00.000Z', discountFen: 0 }),
  memberCoupon({ id: 'mc-old', code: 'OLD02345ABCD', status: 'used', usedAt: '2026-11-21T06:00:00.000Z', discountFen: 5000, source: 'campaign' }),
  memberCoupon({ id: 'mc-void', code: 'VOID2345ABCD', status: 'revoked', source: 'compensation' }),
];
const sorry = couponTemplate({ id: 'tpl-sorry', code: 'SORRY-30', name: '致歉券30元', claimable: false, face: { headline: '¥30', condition: '无门槛', rules: [], useTarget: 'shop' } });

let fetchMock: FetchMock;

jest.setTimeout(30_000);

/** Answers the coupon list, the active templates, and each write with the next of `writes` (the last one repeats). */
function serve(writes: Response[] = []) {
  let write = 0;
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method !== 'GET') return writes[Math.min(write++, writes.length - 1)].clone();
    if (url === COUPONS_URL) return jsonResponse(200, coupons);
    if (url === ACTIVE_TEMPLATES_URL) return jsonResponse(200, paged([couponTemplate(), sorry]));
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderCard(canIssue: boolean, canRevoke: boolean) {
  return renderPage(`/members/${MEMBER_ID}`, '/members/:id', <MemberCouponsCard memberId={MEMBER_ID} canIssue={canIssue} canRevoke={canRevoke} />, {}, { detachStyles: true });
}

const row = (code: string) => element(document.body, `#member-coupon-table tr[data-coupon-code="${code}"]`);

function issueBodies(): IssueCouponDto[] {
  return fetchMock.mock.calls.filter(([url, init]) => String(url) === COUPONS_URL && init?.method === 'POST').map(([, init]) => JSON.parse(String(init?.body)));
}

async function fillIssueForm(reason: string) {
  fireEvent.click(await waitFor(() => element(document.body, '#coupon-issue')));
  fireEvent.mouseDown(await waitFor(() => element(document.body, '.ant-select:has(#coupon-issue-template)')));
  fireEvent.click(await waitFor(() => element(document.body, '.ant-select-item-option[title="致歉券30元（SORRY-30）· ¥30 无门槛"]')));
  fireEvent.change(element(document.body, '#coupon-issue-reason'), { target: { value: reason } });
}

beforeEach(() => {
  fetchMock = mockFetch();
});

afterEach(() => sessionStore.clear());

describe(MemberCouponsCard.name, () => {
  it('lists every coupon of the member with its status, source, dates and use', async () => {
    signInAs('advisor');
    serve();
    renderCard(false, false);

    await waitFor(() => row('ABCD2345EFGH'));
    expect(element(document.body, '#member-coupon-counts').textContent).toBe('可使用 1 张 · 已使用 2 张 · 已过期或作废 1 张');
    const available = row('ABCD2345EFGH').textContent ?? '';
    for (const shown of ['满300减50', '¥50 · 满¥300可用', '可使用', '即将过期', '领券中心', '2026-11-20 至 2026-12-20']) expect(available).toContain(shown);
    expect(row('OLD02345ABCD').textContent).toContain('2026-11-21 06:00 · 抵扣 ¥50.00');
    expect(row('GIFT2345MNPQ').textContent).toContain('积分兑换');
    expect(element(row('VOID2345ABCD'), '.member-coupon-status').textContent).toBe('已作废');
    expect(document.querySelector('#coupon-issue')).toBeNull();
    expect(document.querySelector('.member-coupon-revoke')).toBeNull();
  });

  it('says so when the member has no coupons, or they cannot be read', async () => {
    signInAs('advisor');
    fetchMock.mockResolvedValueOnce(jsonResponse(200, [])).mockResolvedValueOnce(jsonResponse(403, { code: 'STAFF_OUT_OF_SCOPE', message: '该会员不属于您的门店' }));
    const { unmount } = renderCard(false, false);
    await waitFor(() => expect(element(document.body, '#member-coupons').textContent).toContain('暂无优惠券'));
    unmount();

    renderCard(false, false);
    await waitFor(() => expect(element(document.body, '#member-coupons-error').textContent).toContain('优惠券加载失败：该会员不属于您的门店'));
  });

  it('issues a compensation coupon with the key of the opened form, repeating it on retry and renewing it on the next form', async () => {
    signInAs('store_manager');
    serve([
      jsonResponse(503, { code: 'INTERNAL_ERROR', message: '服务暂时不可用，请稍后再试' }),
      jsonResponse(201, memberCoupon({ id: 'mc-sorry', code: 'SRRY2345ABCD' })),
      jsonResponse(201, memberCoupon({ id: 'mc-sorry-2', code: 'SRRY2345ABCE' })),
    ]);
    renderCard(true, false);

    await fillIssueForm('等候过久，致歉');
    expect(requests(fetchMock)).toContain(`GET ${ACTIVE_TEMPLATES_URL}`);
    fireEvent.click(element(document.body, '#coupon-issue-submit'));
    await waitFor(() => expect(element(document.body, '#coupon-issue-error').textContent).toContain('服务暂时不可用'));
    fireEvent.click(element(document.body, '#coupon-issue-submit'));
    await waitFor(() => expect(document.querySelector('#coupon-issue-form')).toBeNull());

    const [failed, retried] = issueBodies();
    expect(failed).toEqual({ templateCode: 'SORRY-30', source: 'compensation', reason: '等候过久，致歉', idempotencyKey: expect.stringMatching(KEY_PATTERN) });
    expect(retried.idempotencyKey).toBe(failed.idempotencyKey);

    await fillIssueForm('活动补发');
    fireEvent.click(within(element(document.body, '#coupon-issue-source')).getByText('人工发放'));
    fireEvent.click(element(document.body, '#coupon-issue-submit'));
    await waitFor(() => expect(issueBodies()).toHaveLength(3));
    expect(issueBodies()[2]).toMatchObject({ source: 'manual', reason: '活动补发' });
    expect(issueBodies()[2].idempotencyKey).not.toBe(failed.idempotencyKey);
  });

  it('asks for a template and a reason before issuing', async () => {
    signInAs('marketer');
    serve();
    renderCard(true, true);

    fireEvent.click(await waitFor(() => element(document.body, '#coupon-issue')));
    fireEvent.click(await waitFor(() => element(document.body, '#coupon-issue-submit')));
    expect(element(document.body, '#coupon-issue-error').textContent).toContain('请选择要发放的优惠券');
    expect(issueBodies()).toEqual([]);
  });

  it('revokes an available coupon with a reason', async () => {
    signInAs('marketer');
    serve([jsonResponse(200, memberCoupon({ status: 'revoked' }))]);
    renderCard(true, true);

    await waitFor(() => row('ABCD2345EFGH'));
    // Only coupons still available can be revoked.
    expect(document.querySelectorAll('.member-coupon-revoke')).toHaveLength(1);
    fireEvent.click(element(row('ABCD2345EFGH'), '.member-coupon-revoke'));
    fireEvent.click(await waitFor(() => element(document.body, '#coupon-revoke-submit')));
    await waitFor(() => expect(document.body.textContent).toContain('请填写作废原因（至少 2 个字）'));
    expect(requests(fetchMock)).not.toContain(`POST ${REVOKE_URL}`);

    fireEvent.change(element(document.body, '#coupon-revoke-reason'), { target: { value: ' 误发 ' } });
    fireEvent.click(element(document.body, '#coupon-revoke-submit'));
    await waitFor(() => expect(requests(fetchMock)).toContain(`POST ${REVOKE_URL}`));
    expect(bodyOf(fetchMock, 'POST', REVOKE_URL)).toEqual({ reason: '误发' });
    // The list is read again.
    await waitFor(() => expect(requests(fetchMock).filter((request) => request === `GET ${COUPONS_URL}`)).toHaveLength(2));
  });
});
