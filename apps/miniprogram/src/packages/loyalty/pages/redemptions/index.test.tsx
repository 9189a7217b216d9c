import { fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { listMyRedemptions } from '../../../../services/loyalty.service';
import { redemption } from '../../test-fixtures';
import RedemptionsPage from './index';

jest.mock('../../../../services/loyalty.service', () => ({ listMyRedemptions: jest.fn() }));

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;
const items = (container: HTMLElement) => [...container.querySelectorAll('.redemption-item')] as HTMLElement[];

describe('RedemptionsPage', () => {
  beforeEach(() => jest.clearAllMocks());

  it('lists the member’s redemptions with points and status, and opens one', async () => {
    jest.mocked(listMyRedemptions).mockResolvedValue([
      redemption({ id: 'rd-2', status: 'fulfilled' }),
      redemption({ id: 'rd-1' }),
      redemption({ id: 'rd-0', status: 'cancelled' }),
    ]);
    const { container } = render(<RedemptionsPage />);

    await waitFor(() => expect(items(container)).toHaveLength(3));
    expect(items(container).map((item) => item.querySelector('.redemption-status')?.textContent)).toEqual(['已领取', '待领取', '已取消']);
    expect(items(container)[1].querySelector('.redemption-points')?.textContent).toBe('-1200 积分');

    fireEvent.click(items(container)[1]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/loyalty/pages/redemption/index?id=rd-1' });
  });

  it('sends a member without redemptions to the mall', async () => {
    jest.mocked(listMyRedemptions).mockResolvedValue([]);
    const { container } = render(<RedemptionsPage />);

    await waitFor(() => expect(byId(container, 'redemptions-empty')).not.toBeNull());
    fireEvent.click(byId(container, 'redemptions-mall') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/loyalty/pages/mall/index' });
  });
});
