import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import { ApiError } from '../../../../services/http';
import { getReward, redeemReward } from '../../../../services/loyalty.service';
import { memberReward, redemption } from '../../test-fixtures';
import RewardPage from './index';

jest.mock('../../../../services/loyalty.service', () => ({ getReward: jest.fn(), redeemReward: jest.fn() }));

/** The contract's IDEMPOTENCY_KEY_PATTERN. */
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,64}$/;

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;
const click = async (container: HTMLElement, id: string) => {
  await act(async () => {
    fireEvent.click(byId(container, id) as Element);
  });
};
const offline = () => new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0);

async function renderReward(reward = memberReward()) {
  jest.mocked(getReward).mockResolvedValue(reward);
  const view = render(<RewardPage />);
  await waitFor(() => expect(byId(view.container, 'reward-page')).not.toBeNull());
  return view.container;
}

describe('RewardPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(useRouter).mockReturnValue({ params: { id: 'rw-1' } } as unknown as ReturnType<typeof useRouter>);
  });

  it('shows the reward with its rules', async () => {
    const container = await renderReward(
      memberReward({ minTier: { code: 'gold', name: '金卡' }, redeemedByMe: 1, startsAt: '2026-11-30T16:00:00.000Z', endsAt: '2026-12-31T15:59:00.000Z' }),
    );

    expect(getReward).toHaveBeenCalledWith('rw-1');
    expect(byId(container, 'reward-name')?.textContent).toBe('水光精华旅行装');
    expect(byId(container, 'reward-cost')?.textContent).toBe('1200 积分');
    expect(byId(container, 'reward-stock')?.textContent).toBe('剩余 12 份');
    expect(byId(container, 'reward-tier')?.textContent).toBe('金卡及以上会员');
    expect(byId(container, 'reward-limit')?.textContent).toBe('每人限兑 2 次，已兑 1 次');
    expect(byId(container, 'reward-window')?.textContent).toBe('2026-12-01 00:00 至 2026-12-31 23:59');
    expect(byId(container, 'reward-how-to')?.textContent).toBe('兑换后凭提货码到门店领取');
  });

  it('asks for confirmation and redeems once with an idempotency key, however often confirm is tapped', async () => {
    let answer: (value: ReturnType<typeof redemption>) => void = () => undefined;
    jest.mocked(redeemReward).mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const container = await renderReward();

    await click(container, 'redeem-button');
    expect(byId(container, 'redeem-summary')?.textContent).toBe('将使用 1200 积分兑换「水光精华旅行装」');
    expect(redeemReward).not.toHaveBeenCalled();

    await click(container, 'redeem-confirm');
    await click(container, 'redeem-confirm');
    await act(async () => answer(redemption({ id: 'rd-9' })));

    expect(redeemReward).toHaveBeenCalledTimes(1);
    const [rewardId, key] = jest.mocked(redeemReward).mock.calls[0];
    expect(rewardId).toBe('rw-1');
    expect(key).toMatch(KEY_PATTERN);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/loyalty/pages/redemption/index?id=rd-9' });
  });

  it('repeats the same key when retrying after no answer, even after closing the dialog', async () => {
    jest.mocked(redeemReward).mockRejectedValueOnce(offline()).mockRejectedValueOnce(offline()).mockResolvedValueOnce(redemption({ id: 'rd-1' }));
    const container = await renderReward();

    await click(container, 'redeem-button');
    await click(container, 'redeem-confirm');
    expect(byId(container, 'redeem-retry-notice')?.textContent).toContain('兑换结果未知');
    expect(byId(container, 'redeem-confirm')?.textContent).toBe('重试');

    await click(container, 'redeem-confirm');
    await click(container, 'redeem-cancel');
    expect(byId(container, 'redeem-dialog')).toBeNull();
    await click(container, 'redeem-button');
    await click(container, 'redeem-confirm');

    const keys = jest.mocked(redeemReward).mock.calls.map(([, key]) => key);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/loyalty/pages/redemption/index?id=rd-1' });
  });

  it('repeats the same key after leaving the page without an answer and coming back', async () => {
    jest.mocked(redeemReward).mockRejectedValueOnce(offline()).mockResolvedValueOnce(redemption({ id: 'rd-1' }));
    const first = await renderReward();
    await click(first, 'redeem-button');
    await click(first, 'redeem-confirm');
    cleanup();

    const again = await renderReward();
    await click(again, 'redeem-button');
    await click(again, 'redeem-confirm');

    const [one, two] = jest.mocked(redeemReward).mock.calls.map(([, key]) => key);
    expect(two).toBe(one);
  });

  it('shows the API refusal, reloads the reward and uses a new key for the next attempt', async () => {
    jest.mocked(redeemReward)
      .mockRejectedValueOnce(new ApiError('REWARD_SOLD_OUT', '该商品已兑完', 409))
      .mockRejectedValueOnce(new ApiError('POINTS_INSUFFICIENT', '积分不足', 409));
    const container = await renderReward();

    await click(container, 'redeem-button');
    await click(container, 'redeem-confirm');

    expect(Taro.showToast).toHaveBeenCalledWith({ title: '该商品已兑完', icon: 'none' });
    expect(byId(container, 'redeem-error')?.textContent).toBe('该商品已兑完');
    expect(byId(container, 'redeem-dialog')).toBeNull();
    await waitFor(() => expect(getReward).toHaveBeenCalledTimes(2));

    await click(container, 'redeem-button');
    await click(container, 'redeem-confirm');
    expect(byId(container, 'redeem-error')?.textContent).toBe('积分不足');
    const [first, second] = jest.mocked(redeemReward).mock.calls.map(([, key]) => key);
    expect(second).not.toBe(first);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  it('shows why a reward cannot be redeemed and keeps the button disabled', async () => {
    const container = await renderReward(memberReward({ redeemable: false, blockedReason: '积分不足，还差 300 积分' }));

    expect(byId(container, 'reward-blocked')?.textContent).toBe('积分不足，还差 300 积分');
    expect((byId(container, 'redeem-button') as HTMLButtonElement).disabled).toBe(true);
    await click(container, 'redeem-button');
    expect(byId(container, 'redeem-dialog')).toBeNull();
    expect(redeemReward).not.toHaveBeenCalled();
  });

  it('shows the API message when the reward does not exist', async () => {
    jest.mocked(getReward).mockRejectedValue(new ApiError('REWARD_NOT_FOUND', '兑换商品不存在', 404));
    const { container } = render(<RewardPage />);

    await waitFor(() => expect(byId(container, 'reward-error')?.textContent).toBe('兑换商品不存在'));
  });
});
