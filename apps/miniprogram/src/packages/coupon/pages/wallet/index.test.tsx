import { fireEvent, render, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import type { CouponWalletTab, MemberCouponView } from '@glow/contracts';
import { getWalletCounts, listMyCoupons } from '../../../../services/coupon.service';
import { ApiError } from '../../../../services/http';
import { memberCoupon } from '../../test-fixtures';
import WalletPage from './index';

jest.mock('../../../../services/coupon.service', () => ({ listMyCoupons: jest.fn(), getWalletCounts: jest.fn() }));

const card = (container: HTMLElement, id: string) => container.querySelector(`[data-coupon-id="${id}"]`) as HTMLElement;
const cards = (container: HTMLElement) => [...container.querySelectorAll('[data-coupon-id]')] as HTMLElement[];
const text = (element: Element, selector: string) => element.querySelector(selector)?.textContent ?? null;

const TABS: Record<CouponWalletTab, MemberCouponView[]> = {
  available: [
    memberCoupon({ id: 'c-shop', expiringSoon: true }),
    memberCoupon({
      id: 'c-store',
      source: 'tier',
      template: { ...memberCoupon().template, name: '生日小样赠品券', kind: 'gift' },
      face: { headline: '赠品', condition: '无门槛', rules: [], useTarget: 'store' },
    }),
    memberCoupon({ id: 'c-booking', source: 'compensation', face: { headline: '服务', condition: '无门槛', rules: [], useTarget: 'booking' } }),
    memberCoupon({ id: 'c-held', status: 'held', orderId: 'o-9' }),
  ],
  used: [memberCoupon({ id: 'c-used', status: 'used', usedAt: '2026-12-02T07:30:00.000Z', discountFen: 5000, orderId: 'o-1' })],
  expired: [memberCoupon({ id: 'c-expired', status: 'expired' }), memberCoupon({ id: 'c-revoked', status: 'revoked' })],
};

describe('WalletPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(useRouter).mockReturnValue({ params: {} } as unknown as ReturnType<typeof useRouter>);
    jest.mocked(listMyCoupons).mockImplementation(async (tab) => TABS[tab]);
    jest.mocked(getWalletCounts).mockResolvedValue({ available: 4, used: 1, expired: 2 });
  });

  it('shows the usable coupons with their value, name, validity, source and the tab counts', async () => {
    const { container } = render(<WalletPage />);

    await waitFor(() => expect(cards(container)).toHaveLength(4));
    expect(container.querySelector('#wallet')).not.toBeNull();
    expect(listMyCoupons).toHaveBeenCalledWith('available');
    expect(text(container, '#wallet-tab-available')).toBe('可使用4');
    expect(text(container, '#wallet-tab-used')).toBe('已使用1');
    expect(text(container, '#wallet-tab-expired')).toBe('已过期2');

    const shop = card(container, 'c-shop');
    expect(text(shop, '.coupon-headline')).toBe('¥50');
    expect(text(shop, '.coupon-condition')).toBe('满¥300可用');
    expect(text(shop, '.coupon-name')).toBe('新客满300减50');
    expect(text(shop, '.coupon-validity')).toBe('有效期至 2026-12-31 23:59');
    expect(text(shop, '.coupon-expiring')).toBe('即将过期');
    expect(text(shop, '.coupon-source')).toBe('领券中心');
    expect(shop.querySelector('.coupon-status')).toBeNull();

    expect(card(container, 'c-store').querySelector('.coupon-expiring')).toBeNull();
    expect(text(card(container, 'c-store'), '.coupon-source')).toBe('会员权益');
    expect(text(card(container, 'c-held'), '.coupon-status')).toBe('待支付');
    expect(card(container, 'c-held').querySelector('.use-button')).toBeNull();
  });

  it('leads 去使用 to the shop, the member code or booking, and a held coupon to its unpaid order', async () => {
    const { container } = render(<WalletPage />);
    await waitFor(() => expect(cards(container)).toHaveLength(4));

    fireEvent.click(card(container, 'c-shop').querySelector('.use-button') as Element);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/shop/pages/shop/index' });
    fireEvent.click(card(container, 'c-store').querySelector('.use-button') as Element);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/loyalty/pages/member-code/index' });
    fireEvent.click(card(container, 'c-booking').querySelector('.use-button') as Element);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/booking/index' });
    fireEvent.click(card(container, 'c-held').querySelector('.pay-button') as Element);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/shop/pages/order/index?id=o-9' });
    // The buttons do not also open the coupon behind them.
    expect(Taro.navigateTo).toHaveBeenCalledTimes(4);

    fireEvent.click(card(container, 'c-shop'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/coupon/pages/detail/index?id=c-shop' });
  });

  it('switches tabs: used coupons say when and how much they saved, expired ones carry their status', async () => {
    const { container } = render(<WalletPage />);
    await waitFor(() => expect(cards(container)).toHaveLength(4));

    fireEvent.click(container.querySelector('#wallet-tab-used') as Element);
    await waitFor(() => expect(cards(container)).toHaveLength(1));
    expect(container.querySelector('#wallet-tab-used')?.className).toContain('is-selected');
    expect(text(card(container, 'c-used'), '.coupon-used')).toBe('2026-12-02 15:30 已使用，节省 ¥50.00');
    expect(text(card(container, 'c-used'), '.coupon-status')).toBe('已使用');
    expect(container.querySelector('.use-button')).toBeNull();

    fireEvent.click(container.querySelector('#wallet-tab-expired') as Element);
    await waitFor(() => expect(cards(container)).toHaveLength(2));
    expect(text(card(container, 'c-expired'), '.coupon-status')).toBe('已过期');
    expect(text(card(container, 'c-revoked'), '.coupon-status')).toBe('已作废');
  });

  it('drops a slow answer for a tab the member already left', async () => {
    let answerAvailable: (coupons: MemberCouponView[]) => void = () => undefined;
    jest.mocked(listMyCoupons).mockImplementation((tab) => (tab === 'available' ? new Promise((resolve) => (answerAvailable = resolve)) : Promise.resolve(TABS[tab])));
    const { container } = render(<WalletPage />);

    fireEvent.click(container.querySelector('#wallet-tab-used') as Element);
    await waitFor(() => expect(cards(container)).toHaveLength(1));
    answerAvailable(TABS.available);
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(cards(container).map((element) => element.dataset.couponId)).toEqual(['c-used']);
  });

  it('opens on the tab named in the link and invites to the claim center when a tab is empty', async () => {
    jest.mocked(useRouter).mockReturnValue({ params: { tab: 'expired' } } as unknown as ReturnType<typeof useRouter>);
    jest.mocked(listMyCoupons).mockResolvedValue([]);
    const { container } = render(<WalletPage />);

    await waitFor(() => expect(container.querySelector('#wallet-empty')?.textContent).toBe('没有过期的优惠券'));
    expect(listMyCoupons).toHaveBeenCalledWith('expired');

    fireEvent.click(container.querySelector('#wallet-tab-available') as Element);
    await waitFor(() => expect(container.querySelector('#wallet-claim-center')).not.toBeNull());
    fireEvent.click(container.querySelector('#wallet-claim-center') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/coupon/pages/claim-center/index' });
  });

  it('shows the API message and still lists coupons without the counts', async () => {
    jest.mocked(getWalletCounts).mockRejectedValue(new ApiError('NETWORK_ERROR', '网络连接失败', 0));
    jest.mocked(listMyCoupons).mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0));
    const { container } = render(<WalletPage />);

    await waitFor(() => expect(container.querySelector('#wallet-error')?.textContent).toBe('网络连接失败，请检查网络后重试'));
    fireEvent.click(container.querySelector('#wallet-retry') as Element);
    await waitFor(() => expect(cards(container)).toHaveLength(4));
    expect(text(container, '#wallet-tab-available')).toBe('可使用');
  });
});
