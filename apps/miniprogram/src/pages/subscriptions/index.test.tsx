import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { SubscriptionView } from '@glow/contracts';
import { ApiError } from '../../services/http';
import { askToSubscribe } from '../../services/subscribe';
import { listSubscriptions } from '../../services/subscription.service';
import SubscriptionsPage from './index';

jest.mock('../../services/subscription.service', () => ({ listSubscriptions: jest.fn() }));
jest.mock('../../services/subscribe', () => ({ askToSubscribe: jest.fn() }));

const VIEWS: SubscriptionView[] = [
  { key: 'coupon-arrival', templateId: 'tmpl-arrival', label: '优惠券到账提醒', credits: 2 },
  { key: 'points-expiring', templateId: 'tmpl-points', label: '积分过期提醒', credits: 0 },
];

const item = (container: HTMLElement, key: string) => container.querySelector(`.subscription-item[data-key="${key}"]`) as HTMLElement;
const text = (element: Element, selector: string) => element.querySelector(selector)?.textContent ?? null;

async function renderPage() {
  const view = render(<SubscriptionsPage />);
  await waitFor(() => expect(view.container.querySelectorAll('.subscription-item')).toHaveLength(2));
  return view.container;
}

describe('SubscriptionsPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(listSubscriptions).mockResolvedValue(VIEWS);
  });

  it('lists each message with the sends left', async () => {
    const container = await renderPage();

    expect(text(item(container, 'coupon-arrival'), '.subscription-label')).toBe('优惠券到账提醒');
    expect(text(item(container, 'coupon-arrival'), '.subscription-credits')).toBe('剩余 2 次');
    expect(text(item(container, 'points-expiring'), '.subscription-label')).toBe('积分过期提醒');
    expect(text(item(container, 'points-expiring'), '.subscription-credits')).toBe('剩余 0 次');
  });

  it('asks for one message on its 订阅 and shows the credits after the answer', async () => {
    jest.mocked(askToSubscribe).mockResolvedValue({ 'points-expiring': 'accept' });
    const container = await renderPage();
    jest.mocked(listSubscriptions).mockResolvedValue([VIEWS[0], { ...VIEWS[1], credits: 1 }]);

    await act(async () => {
      fireEvent.click(item(container, 'points-expiring').querySelector('.subscribe-button') as Element);
    });

    expect(askToSubscribe).toHaveBeenCalledWith(['points-expiring']);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '订阅成功', icon: 'success' });
    await waitFor(() => expect(text(item(container, 'points-expiring'), '.subscription-credits')).toBe('剩余 1 次'));
  });

  it('shows the API message when the list cannot be loaded, and loads again on retry', async () => {
    jest.mocked(listSubscriptions).mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0));
    const { container } = render(<SubscriptionsPage />);

    await waitFor(() => expect(container.querySelector('#subscriptions-error')?.textContent).toBe('网络连接失败，请检查网络后重试'));
    fireEvent.click(container.querySelector('#subscriptions-retry') as Element);
    await waitFor(() => expect(container.querySelectorAll('.subscription-item')).toHaveLength(2));
  });
});
