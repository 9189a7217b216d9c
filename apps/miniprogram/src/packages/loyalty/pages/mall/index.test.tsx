import { fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { PointsSummary } from '@glow/contracts';
import { ApiError } from '../../../../services/http';
import { getPointsSummary, listRewards } from '../../../../services/loyalty.service';
import { memberReward } from '../../test-fixtures';
import MallPage from './index';

jest.mock('../../../../services/loyalty.service', () => ({ getPointsSummary: jest.fn(), listRewards: jest.fn() }));

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;
const items = (container: HTMLElement) => [...container.querySelectorAll('.reward-item')] as HTMLElement[];
const text = (item: HTMLElement, selector: string) => item.querySelector(selector)?.textContent ?? null;

describe('MallPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(getPointsSummary).mockResolvedValue({ balance: 2360 } as PointsSummary);
  });

  it('lists rewards with cost, stock and tier restriction, and blocked ones with their reason', async () => {
    jest.mocked(listRewards).mockResolvedValue([
      memberReward(),
      memberReward({
        id: 'rw-2',
        name: '黑金专享护理',
        kind: 'service',
        pointsCost: 5000,
        stockLeft: 3,
        minTier: { code: 'black', name: '黑金' },
        redeemable: false,
        blockedReason: '仅黑金及以上会员可兑换',
      }),
      memberReward({ id: 'rw-3', name: '限量唇釉', stockLeft: 0, redeemable: false, blockedReason: '已兑完' }),
    ]);
    const { container } = render(<MallPage />);

    await waitFor(() => expect(items(container)).toHaveLength(3));
    expect(byId(container, 'mall-balance')?.textContent).toBe('2360');
    const [open, tier, soldOut] = items(container);

    expect(text(open, '.reward-name')).toBe('水光精华旅行装');
    expect(text(open, '.reward-cost')).toBe('1200 积分');
    expect(text(open, '.reward-stock')).toBe('剩余 12');
    expect(open.querySelector('.reward-tier')).toBeNull();
    expect(open.querySelector('.reward-blocked')).toBeNull();
    expect(open.className).not.toContain('is-blocked');

    expect(text(tier, '.reward-tier')).toBe('黑金及以上');
    expect(text(tier, '.reward-blocked')).toBe('仅黑金及以上会员可兑换');
    expect(tier.className).toContain('is-blocked');

    expect(text(soldOut, '.reward-stock')).toBe('已兑完');
    expect(text(soldOut, '.reward-blocked')).toBe('已兑完');

    fireEvent.click(tier);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/loyalty/pages/reward/index?id=rw-2' });
    fireEvent.click(byId(container, 'my-redemptions') as Element);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/loyalty/pages/redemptions/index' });
  });

  it('still lists the rewards when the balance cannot be loaded', async () => {
    jest.mocked(getPointsSummary).mockRejectedValue(new ApiError('NETWORK_ERROR', '网络连接失败', 0));
    jest.mocked(listRewards).mockResolvedValue([memberReward()]);
    const { container } = render(<MallPage />);

    await waitFor(() => expect(items(container)).toHaveLength(1));
    expect(byId(container, 'mall-balance')?.textContent).toBe('—');
  });

  it('shows the API message and loads again on retry', async () => {
    jest.mocked(listRewards).mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0));
    const { container } = render(<MallPage />);

    await waitFor(() => expect(byId(container, 'mall-error')?.textContent).toBe('网络连接失败，请检查网络后重试'));
    jest.mocked(listRewards).mockResolvedValueOnce([]);
    fireEvent.click(byId(container, 'mall-retry') as Element);
    await waitFor(() => expect(byId(container, 'mall-empty')).not.toBeNull());
  });
});
