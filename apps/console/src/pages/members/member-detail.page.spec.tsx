import type { MemberPortraitResponse, MemberTagView, TagSummary } from '@glow/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { memberPoints } from '../../test/loyalty-till.fixtures';
import { MemberDetailPage } from './member-detail.page';

const MEMBER_ID = '0b6f3c1e-7d2a-4f5b-9c8d-1e2f3a4b5c6d';
const PORTRAIT_URL = `/api/staff/members/${MEMBER_ID}/portrait`;
const TAGS_URL = `/api/staff/members/${MEMBER_ID}/tags`;
const POINTS_URL = `/api/staff/members/${MEMBER_ID}/points`;

const ruleTag: MemberTagView = { tagId: 't-rule', key: 'sensitive-skin', label: '敏感肌', kind: 'rule', addedBy: null, addedAt: '2026-11-01T02:00:00.000Z' };
const manualTag: MemberTagView = { tagId: 't-vip', key: null, label: '高潜客户', kind: 'manual', addedBy: '林导购', addedAt: '2026-11-03T06:30:00.000Z' };

function portrait(overrides: Partial<MemberPortraitResponse> = {}): MemberPortraitResponse {
  return {
    member: {
      id: MEMBER_ID,
      memberNo: 'GM2026000123',
      name: '王晓雯',
      nickname: '小雯',
      avatarUrl: null,
      phone: '13800138000',
      gender: 'female',
      birthday: null,
      city: '上海',
      joinedAt: '2026-10-01T02:00:00.000Z',
      channel: 'wechat',
      store: { id: 'store-1', name: '上海静安店' },
      advisor: { id: 'staff-advisor', name: '林导购' },
      referralCode: 'ABC123',
      consents: [{ kind: 'privacy', version: '2026-10', grantedAt: '2026-10-01T02:00:00.000Z', revokedAt: null }],
      recentAccess: [{ staffName: '林导购', action: '查看会员画像（含肤质档案）', at: '2026-11-04T01:00:00.000Z' }],
      auditNote: '您的查看已记录在审计日志中',
    },
    status: 'active',
    completeness: { percent: 60, missing: [{ field: 'birthday', label: '生日' }], nudge: '补充生日可获得生日礼遇' },
    tags: [ruleTag, manualTag],
    sections: {
      skin: {
        consent: { version: '2026-11-skin-1', grantedAt: '2026-11-02T03:00:00.000Z', revokedAt: null },
        current: {
          resultId: 'r2',
          takenAt: '2026-11-02T03:10:00.000Z',
          skinType: 'combination',
          sensitive: true,
          sensitivity: 'medium',
          sensitivityScore: 4,
          concerns: ['pores', 'redness'],
          allergens: ['fragrance'],
          summary: '混合性肌肤，轻度敏感，关注毛孔与泛红',
          explanation: 'T 区出油、两颊偏干，换季时容易泛红。',
        },
        history: [
          { id: 'r2', takenAt: '2026-11-02T03:10:00.000Z', version: 2, summary: '混合性肌肤，轻度敏感', skinType: 'combination', sensitive: true, concerns: ['pores'] },
          { id: 'r1', takenAt: '2026-10-05T03:10:00.000Z', version: 1, summary: '干性肌肤', skinType: 'dry', sensitive: false, concerns: ['dehydration'] },
        ],
        latestAnswers: [
          { question: '洗脸后皮肤的感觉？', answer: 'T 区出油，两颊紧绷' },
          { question: '对哪些成分过敏？', answer: '香精' },
        ],
      },
    },
    ...overrides,
  };
}

const allTags: TagSummary[] = [
  { id: 't-rule', key: 'sensitive-skin', label: '敏感肌', kind: 'rule', members: 12 },
  { id: 't-vip', key: null, label: '高潜客户', kind: 'manual', members: 3 },
  { id: 't-gift', key: null, label: '爱礼盒', kind: 'manual', members: 5 },
];

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(40_000);

function serve(data: MemberPortraitResponse, onTags?: (init: RequestInit | undefined, url: string) => Response) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    if (url === PORTRAIT_URL) return jsonResponse(200, data);
    if (url === '/api/staff/tags') return jsonResponse(200, allTags);
    if (url.startsWith(TAGS_URL) && onTags) return onTags(init, url);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderDetail() {
  return renderPage(`/members/${MEMBER_ID}`, '/members/:id', <MemberDetailPage />);
}

const tagLabels = () => Array.from(document.querySelectorAll('#member-tag-list .member-tag')).map((tag) => tag.textContent);

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('advisor');
});

afterEach(() => sessionStore.clear());

describe(MemberDetailPage.name, () => {
  it('renders the portrait: profile, skin profile and tags', async () => {
    serve(portrait());
    renderDetail();

    const skin = await waitFor(() => element(document.body, '#skin-profile'));
    expect(requests(fetchMock)).toContain(`GET ${PORTRAIT_URL}`);
    expect(requests(fetchMock)).not.toContain(`GET /api/staff/members/${MEMBER_ID}`);

    // What the browser test relies on stays where it was.
    expect(element(document.body, '#member-phone').textContent).toBe('13800138000');
    expect(element(document.body, '#audit-note').textContent).toContain('审计日志');
    expect(element(document.body, '#member-detail').textContent).toContain('王晓雯');
    expect(element(document.body, '#member-completeness').textContent).toContain('60%');
    expect(element(document.body, '#member-completeness').textContent).toContain('生日');

    expect(element(skin, '#skin-consent').textContent).toBe('已授权版本 2026-11-skin-1 · 2026-11-02 03:00');
    const current = element(skin, '#skin-current').textContent ?? '';
    expect(current).toContain('混合性肌肤');
    expect(current).toContain('轻度敏感（敏感度 4）');
    expect(current).toContain('毛孔泛红');
    expect(current).toContain('混合性肌肤，轻度敏感，关注毛孔与泛红');
    expect(current).toContain('T 区出油、两颊偏干，换季时容易泛红。');
    const allergen = within(element(skin, '#skin-allergens')).getByText('香精');
    expect(allergen.closest('.ant-tag')?.className).toContain('ant-tag-red');
    const history = element(skin, '#skin-history').textContent ?? '';
    expect(history).toContain('2026-10-05 03:10');
    expect(history).toContain('问卷第 1 版');
    const answers = Array.from(element(skin, '#skin-latest-answers').querySelectorAll('tr')).map((row) => row.textContent);
    expect(answers).toEqual(['洗脸后皮肤的感觉？T 区出油，两颊紧绷', '对哪些成分过敏？香精']);

    expect(tagLabels()).toEqual(['敏感肌', '高潜客户']);
    // Rule tags are kept by their rules: only manual ones can be removed.
    expect(element(document.body, '.member-tag-rule').querySelector('.ant-tag-close-icon')).toBeNull();
    expect(element(document.body, '.member-tag-manual').querySelector('.ant-tag-close-icon')).not.toBeNull();
    expect(element(document.body, '.member-tag-rule').className).not.toBe(element(document.body, '.member-tag-manual').className);

    expect(document.querySelector('#member-deleted')).toBeNull();
  });

  it('adds a tag with the input and shows the member’s tags the API answers, without reading the portrait again', async () => {
    const added: MemberTagView = { tagId: 't-gift', key: null, label: '爱礼盒', kind: 'manual', addedBy: '测试advisor', addedAt: '2026-11-05T01:00:00.000Z' };
    serve(portrait(), (init) => (init?.method === 'POST' ? jsonResponse(201, [ruleTag, manualTag, added]) : jsonResponse(405, {})));
    renderDetail();

    const input = await waitFor(() => element<HTMLInputElement>(document.body, '#tag-input'));
    fireEvent.change(input, { target: { value: ' 爱礼盒 ' } });
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });

    await waitFor(() => expect(tagLabels()).toEqual(['敏感肌', '高潜客户', '爱礼盒']));
    expect(bodyOf(fetchMock, 'POST', TAGS_URL)).toEqual({ label: '爱礼盒' });
    expect(input.value).toBe('');
    expect(requests(fetchMock).filter((request) => request === `GET ${PORTRAIT_URL}`)).toHaveLength(1);
  });

  it('removes a manual tag through the API', async () => {
    serve(portrait(), (init) => (init?.method === 'DELETE' ? jsonResponse(200, [ruleTag]) : jsonResponse(405, {})));
    renderDetail();

    fireEvent.click(element(await waitFor(() => element(document.body, '.member-tag-manual')), '.ant-tag-close-icon'));

    await waitFor(() => expect(tagLabels()).toEqual(['敏感肌']));
    expect(requests(fetchMock)).toContain(`DELETE ${TAGS_URL}/t-vip`);
  });

  it('does not send a tag the API would refuse', async () => {
    serve(portrait());
    renderDetail();

    const input = await waitFor(() => element<HTMLInputElement>(document.body, '#tag-input'));
    fireEvent.change(input, { target: { value: '<b>' } });
    fireEvent.click(element(document.body, '#tag-add'));

    expect(await screen.findByText('标签不能包含 < 或 >')).not.toBeNull();
    expect(requests(fetchMock).some((request) => request.startsWith('POST'))).toBe(false);
  });

  it('lets marketers read tags but not change them', async () => {
    signInAs('marketer');
    serve(portrait());
    renderDetail();

    await waitFor(() => element(document.body, '#member-tags'));
    expect(tagLabels()).toEqual(['敏感肌', '高潜客户']);
    expect(document.querySelector('#tag-input')).toBeNull();
    expect(document.querySelector('.ant-tag-close-icon')).toBeNull();
  });

  it('shows a deleted member as 已注销, without a skin profile or tag editing', async () => {
    serve(
      portrait({
        status: 'deleted',
        tags: [],
        sections: { skin: { consent: { version: '2026-11-skin-1', grantedAt: '2026-11-02T03:00:00.000Z', revokedAt: '2026-11-06T03:00:00.000Z' }, current: null, history: [], latestAnswers: [] } },
      }),
    );
    renderDetail();

    const banner = await waitFor(() => element(document.body, '#member-deleted'));
    expect(banner.textContent).toContain('已注销');
    expect(document.querySelector('#tag-input')).toBeNull();
    expect(element(document.body, '#skin-consent').textContent).toContain('已撤回');
    expect(element(document.body, '#skin-profile-empty').textContent).toContain('会员未授权肤质数据');
  });

  it('shows 未授权 when the member never agreed to the skin notice', async () => {
    serve(portrait({ sections: { skin: { consent: null, current: null, history: [], latestAnswers: [] } } }));
    renderDetail();

    expect((await waitFor(() => element(document.body, '#skin-consent'))).textContent).toBe('未授权');
  });

  it('renders sections of other modules generically, one card each', async () => {
    const loyalty = { points: 1200, tier: '金卡', history: [{ at: '2026-11-01T04:00:00.000Z', points: 100, reason: '消费' }] };
    serve(portrait({ sections: { ...portrait().sections, loyalty, wishlist: ['GLOW-SERUM-30'], coupons: [{ code: 'ABCD2345EFGH', status: 'available' }] } }));
    renderDetail();

    const card = await waitFor(() => element(document.body, '#portrait-section-loyalty'));
    expect(card.querySelector('.ant-card-head')?.textContent).toBe('会员积分');
    expect(card.textContent).toContain('1,200');
    expect(card.textContent).toContain('金卡');
    const table = element(card, '.ant-table');
    expect(Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent)).toEqual(['时间', '积分', '原因']);
    expect(Array.from(table.querySelectorAll('tbody tr.ant-table-row td')).map((td) => td.textContent)).toEqual(['2026-11-01 04:00', '100', '消费']);
    // A section the console has no title for is shown under its key.
    expect(element(document.body, '#portrait-section-wishlist').textContent).toContain('wishlist');
    // Coupons have their own card (read from their own endpoint), not a generic copy of the section.
    expect(document.querySelector('#portrait-section-coupons')).toBeNull();
    expect(element(document.body, '#member-coupons').querySelector('.ant-card-head')?.textContent).toContain('优惠券');
  });

  it('shows the member’s points and ledger, with the adjustment for admins only', async () => {
    signInAs('admin');
    fetchMock.mockImplementation(async (input) => {
      const url = String(input);
      if (url === PORTRAIT_URL) return jsonResponse(200, portrait());
      if (url === POINTS_URL) return jsonResponse(200, memberPoints());
      return jsonResponse(200, []);
    });
    // The points card's tables and tabs are many antd styles: keep them out of jsdom's style matching.
    renderPage(`/members/${MEMBER_ID}`, '/members/:id', <MemberDetailPage />, {}, { detachStyles: true });

    // The points are read after the portrait has rendered, beside the coupons card; on a busy machine (CI runs four projects' tests at once) that took over five seconds in jsdom.
    const ledger = await waitFor(() => element(document.body, '#member-points #points-ledger'), { timeout: 15_000 });
    expect(Array.from(ledger.querySelectorAll('.points-entry-label')).map((label) => label.textContent)).toEqual(['消费获得', '积分兑换', '期初积分']);
    expect(within(element(document.body, '#member-points')).getByText('调整积分')).not.toBeNull();
  });

  it('shows the API’s message when the member is out of the staff member’s scope', async () => {
    fetchMock.mockResolvedValue(jsonResponse(403, { code: 'STAFF_OUT_OF_SCOPE', message: '该会员不属于您的门店' }));
    renderDetail();

    expect((await waitFor(() => element(document.body, '#member-detail-error'))).textContent).toContain('该会员不属于您的门店');
  });
});
