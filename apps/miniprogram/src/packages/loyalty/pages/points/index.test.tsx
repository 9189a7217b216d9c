import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Paged, PointsEntryView, PointsSummary } from '@glow/contracts';
import { ApiError } from '../../../../services/http';
import { getPointsSummary, listPointsHistory } from '../../../../services/loyalty.service';
import { askToSubscribe, type SubscribeAnswers } from '../../../../services/subscribe';
import PointsPage from './index';

jest.mock('../../../../services/loyalty.service', () => ({ getPointsSummary: jest.fn(), listPointsHistory: jest.fn() }));
jest.mock('../../../../services/subscribe', () => ({ askToSubscribe: jest.fn() }));

const SUMMARY: PointsSummary = {
  balance: 2360,
  pending: 399,
  debt: 0,
  expiringSoon: { points: 500, expiresAt: '2026-12-31T15:59:59.999Z' },
  tier: {
    tier: { code: 'silver', name: '银卡', rank: 1, multiplierPct: 110 },
    qualifyingSpendFen: 140000,
    next: { code: 'gold', name: '金卡', rank: 2, multiplierPct: 120, minSpendFen: 200000 },
    needFen: 60000,
    ratio: 0.4,
    downgradeOn: null,
    benefits: { birthdayCouponCode: null, bookingExtraDays: 0, description: '' },
  },
};

function entry(id: string, overrides: Partial<PointsEntryView>): PointsEntryView {
  return {
    id,
    kind: 'earn',
    label: '消费获得',
    delta: 0,
    pendingDelta: 0,
    reason: '',
    refType: 'order',
    refId: null,
    createdAt: '2026-12-01T06:00:00.000Z',
    ...overrides,
  };
}

const page = (items: PointsEntryView[], pageNo: number, total: number): Paged<PointsEntryView> => ({ items, total, page: pageNo, pageSize: 20 });

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;
const rows = (container: HTMLElement) => [...container.querySelectorAll('.points-entry')] as HTMLElement[];
const text = (row: HTMLElement, selector: string) => row.querySelector(selector)?.textContent ?? null;

describe('PointsPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(getPointsSummary).mockResolvedValue(SUMMARY);
  });

  it('shows the balance, pending points, points about to expire and the tier progress', async () => {
    jest.mocked(listPointsHistory).mockResolvedValue(page([], 1, 0));
    const { container } = render(<PointsPage />);

    await waitFor(() => expect(byId(container, 'points-page')).not.toBeNull());
    expect(byId(container, 'points-summary-balance')?.textContent).toBe('2360');
    expect(byId(container, 'points-pending')?.textContent).toBe('399');
    expect(byId(container, 'points-debt')).toBeNull();
    expect(byId(container, 'points-expiring')?.textContent).toBe('500 积分将于 2026-12-31 过期，记得及时兑换');
    expect(byId(container, 'tier-progress-text')?.textContent).toBe('再消费 ¥600.00 升级为金卡');
    expect(byId(container, 'points-empty')).not.toBeNull();
  });

  it('shows a debt left by a refund', async () => {
    jest.mocked(getPointsSummary).mockResolvedValue({ ...SUMMARY, balance: 0, debt: 120, expiringSoon: null });
    jest.mocked(listPointsHistory).mockResolvedValue(page([], 1, 0));
    const { container } = render(<PointsPage />);

    await waitFor(() => expect(byId(container, 'points-debt')?.textContent).toBe('120'));
    expect(byId(container, 'points-debt-note')?.textContent).toContain('差额 120 将从之后获得的积分中抵扣');
    expect(byId(container, 'points-expiring')).toBeNull();
  });

  it('lists the history with label, reason, signed change, pending mark and time', async () => {
    jest.mocked(listPointsHistory).mockResolvedValue(
      page(
        [
          entry('e-earn', { pendingDelta: 399, reason: '门店消费 ¥399.00（小票 A1001）', createdAt: '2026-12-01T06:00:00.000Z' }),
          entry('e-spend', { kind: 'spend', label: '积分兑换', delta: -1200, reason: '兑换 旅行装精华', refType: 'redemption', createdAt: '2026-11-30T02:30:00.000Z' }),
          entry('e-open', { kind: 'opening', label: '期初积分', delta: 500, reason: '会员系统迁移', refType: 'import', createdAt: '2025-12-31T16:00:00.000Z' }),
        ],
        1,
        3,
      ),
    );
    const { container } = render(<PointsPage />);

    await waitFor(() => expect(rows(container)).toHaveLength(3));
    const [earn, spend, opening] = rows(container);

    expect(text(earn, '.points-entry-label')).toBe('消费获得');
    expect(text(earn, '.points-entry-reason')).toBe('门店消费 ¥399.00（小票 A1001）');
    expect(text(earn, '.points-entry-delta')).toBe('+399');
    expect(earn.querySelector('.points-entry-delta')?.getAttribute('data-direction')).toBe('gain');
    expect(text(earn, '.points-entry-pending')).toBe('待生效');
    expect(text(earn, '.points-entry-time')).toBe('2026-12-01 14:00');

    expect(text(spend, '.points-entry-label')).toBe('积分兑换');
    expect(text(spend, '.points-entry-delta')).toBe('-1200');
    expect(spend.querySelector('.points-entry-delta')?.getAttribute('data-direction')).toBe('loss');
    expect(spend.querySelector('.points-entry-pending')).toBeNull();

    expect(text(opening, '.points-entry-delta')).toBe('+500');
    expect(text(opening, '.points-entry-time')).toBe('2026-01-01 00:00');
    expect(byId(container, 'points-more')).toBeNull();
    expect(byId(container, 'points-end')).not.toBeNull();
  });

  it('loads the next page on demand, without repeating rows', async () => {
    const first = Array.from({ length: 20 }, (_, i) => entry(`e-${i}`, { delta: i + 1, kind: 'bonus', label: '奖励积分' }));
    jest.mocked(listPointsHistory)
      .mockResolvedValueOnce(page(first, 1, 22))
      .mockResolvedValueOnce(page([first[19], entry('e-20', { delta: -5, kind: 'expire', label: '过期' }), entry('e-21', { delta: 8 })], 2, 23));
    const { container } = render(<PointsPage />);

    await waitFor(() => expect(rows(container)).toHaveLength(20));
    expect(listPointsHistory).toHaveBeenLastCalledWith(1, 20);

    await act(async () => {
      fireEvent.click(byId(container, 'points-more') as Element);
    });

    expect(listPointsHistory).toHaveBeenLastCalledWith(2, 20);
    expect(rows(container).map((row) => row.dataset.entryId)).toEqual([...first.map((e) => e.id), 'e-20', 'e-21']);
    expect(text(rows(container)[20], '.points-entry-label')).toBe('过期');
    expect(text(rows(container)[20], '.points-entry-delta')).toBe('-5');
    expect(byId(container, 'points-end')).not.toBeNull();
  });

  it('keeps the rows shown when the next page fails', async () => {
    const first = Array.from({ length: 20 }, (_, i) => entry(`e-${i}`, { delta: 10 }));
    jest.mocked(listPointsHistory)
      .mockResolvedValueOnce(page(first, 1, 25))
      .mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0));
    const { container } = render(<PointsPage />);
    await waitFor(() => expect(rows(container)).toHaveLength(20));

    await act(async () => {
      fireEvent.click(byId(container, 'points-more') as Element);
    });

    expect(rows(container)).toHaveLength(20);
    expect(byId(container, 'points-more-error')?.textContent).toBe('网络连接失败，请检查网络后重试');
    expect(byId(container, 'points-more')).not.toBeNull();
  });

  it.each<[SubscribeAnswers, object]>([
    [{ 'points-expiring': 'accept', 'tier-change': 'reject' }, { title: '订阅成功', icon: 'success' }],
    [{}, { title: '暂时无法订阅，请稍后再试', icon: 'none' }],
  ])('asks for points-expiry and tier-change messages on 订阅 (answers %j)', async (answers, toast) => {
    jest.mocked(askToSubscribe).mockResolvedValue(answers);
    jest.mocked(listPointsHistory).mockResolvedValue(page([], 1, 0));
    const { container } = render(<PointsPage />);
    await waitFor(() => expect(byId(container, 'points-subscribe')).not.toBeNull());

    await act(async () => {
      fireEvent.click(byId(container, 'points-subscribe') as Element);
    });

    expect(askToSubscribe).toHaveBeenCalledWith(['points-expiring', 'tier-change']);
    expect(Taro.showToast).toHaveBeenCalledWith(toast);
  });

  it('says nothing when the member declines the messages', async () => {
    jest.mocked(askToSubscribe).mockResolvedValue({ 'points-expiring': 'reject', 'tier-change': 'reject' });
    jest.mocked(listPointsHistory).mockResolvedValue(page([], 1, 0));
    const { container } = render(<PointsPage />);
    await waitFor(() => expect(byId(container, 'points-subscribe')).not.toBeNull());

    await act(async () => {
      fireEvent.click(byId(container, 'points-subscribe') as Element);
    });

    expect(askToSubscribe).toHaveBeenCalledTimes(1);
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('shows the API message when the points cannot be loaded', async () => {
    jest.mocked(getPointsSummary).mockRejectedValue(new ApiError('MEMBER_NOT_JOINED', '请先注册成为会员', 403));
    jest.mocked(listPointsHistory).mockResolvedValue(page([], 1, 0));
    const { container } = render(<PointsPage />);

    await waitFor(() => expect(byId(container, 'points-error')?.textContent).toBe('请先注册成为会员'));
  });
});
