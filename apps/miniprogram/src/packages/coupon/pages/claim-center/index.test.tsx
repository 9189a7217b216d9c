import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { claimCoupon, listClaimCenter } from '../../../../services/coupon.service';
import { ApiError } from '../../../../services/http';
import { askToSubscribe } from '../../../../services/subscribe';
import { claimItem, memberCoupon } from '../../test-fixtures';
import ClaimCenterPage from './index';

jest.mock('../../../../services/coupon.service', () => ({ listClaimCenter: jest.fn(), claimCoupon: jest.fn() }));
jest.mock('../../../../services/subscribe', () => ({ askToSubscribe: jest.fn() }));

/** The contract's IDEMPOTENCY_KEY_PATTERN. */
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,64}$/;

const ticket = (container: HTMLElement, templateId: string) => container.querySelector(`[data-template-id="${templateId}"]`) as HTMLElement;
const text = (element: Element, selector: string) => element.querySelector(selector)?.textContent ?? null;
const button = (container: HTMLElement, templateId: string) => ticket(container, templateId).querySelector('.claim-button') as HTMLButtonElement;
const claim = async (container: HTMLElement, templateId: string) => {
  await act(async () => {
    fireEvent.click(button(container, templateId));
  });
};

async function renderCenter() {
  const view = render(<ClaimCenterPage />);
  await waitFor(() => expect(view.container.querySelectorAll('.claim-ticket').length).toBeGreaterThan(0));
  return view.container;
}

describe('ClaimCenterPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(askToSubscribe).mockResolvedValue({});
    jest.mocked(listClaimCenter).mockResolvedValue([
      claimItem(),
      claimItem({ templateId: 'tpl-2', name: '会员85折券', face: { headline: '8.5折', condition: '最高减¥100', rules: ['全场可用'], useTarget: 'shop' }, state: 'claimed', claimedByMe: 1 }),
      claimItem({ templateId: 'tpl-3', name: '限量赠品券', face: { headline: '赠品', condition: '无门槛', rules: [], useTarget: 'store' }, remaining: 0, state: 'sold_out' }),
    ]);
  });

  it('shows each coupon as a ticket with its value, condition, stock and a button for its state', async () => {
    const container = await renderCenter();

    const open = ticket(container, 'tpl-1');
    expect(text(open, '.coupon-headline')).toBe('¥50');
    expect(text(open, '.coupon-condition')).toBe('满¥300可用');
    expect(text(open, '.coupon-name')).toBe('新客满300减50');
    expect(text(open, '.coupon-remaining')).toBe('剩余 120 张');
    expect(button(container, 'tpl-1').textContent).toBe('立即领取');
    expect(button(container, 'tpl-1').disabled).toBe(false);

    expect(button(container, 'tpl-2').textContent).toBe('已领取');
    expect(button(container, 'tpl-2').disabled).toBe(true);
    expect(button(container, 'tpl-3').textContent).toBe('已抢光');
    expect(button(container, 'tpl-3').disabled).toBe(true);
  });

  it('keeps the rules folded until asked', async () => {
    const container = await renderCenter();
    const open = ticket(container, 'tpl-1');
    expect(open.querySelector('.coupon-rules')).toBeNull();

    fireEvent.click(open.querySelector('.rules-toggle') as Element);

    expect(text(open, '.coupon-rules')).toContain('领取后 30 天内有效');
    expect(text(open, '.coupon-rules')).toContain('仅限线上商城使用');
  });

  it('claims with a new idempotency key each time, says so and shows the new state', async () => {
    jest.mocked(claimCoupon).mockResolvedValue(memberCoupon());
    const container = await renderCenter();
    jest.mocked(listClaimCenter).mockResolvedValue([claimItem({ state: 'claimed', claimedByMe: 1, remaining: 119 })]);

    await claim(container, 'tpl-1');

    expect(claimCoupon).toHaveBeenCalledWith('tpl-1', expect.stringMatching(KEY_PATTERN));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '领取成功', icon: 'success' });
    await waitFor(() => expect(button(container, 'tpl-1').textContent).toBe('已领取'));
    expect(text(ticket(container, 'tpl-1'), '.coupon-remaining')).toBe('剩余 119 张');
  });

  it('asks for coupon arrival and expiry messages on the tap, and claims once the member has answered', async () => {
    let answer: (answers: object) => void = () => undefined;
    jest.mocked(askToSubscribe).mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    jest.mocked(claimCoupon).mockResolvedValue(memberCoupon());
    const container = await renderCenter();

    await claim(container, 'tpl-1');
    expect(askToSubscribe).toHaveBeenCalledWith(['coupon-arrival', 'coupon-expiring']);
    expect(claimCoupon).not.toHaveBeenCalled();

    await act(async () => answer({ 'coupon-arrival': 'reject', 'coupon-expiring': 'accept' }));
    expect(claimCoupon).toHaveBeenCalledWith('tpl-1', expect.stringMatching(KEY_PATTERN));
  });

  it('shows the API refusal and uses a new key for the next attempt', async () => {
    jest.mocked(claimCoupon)
      .mockRejectedValueOnce(new ApiError('COUPON_SOLD_OUT', '优惠券已被领完', 409))
      .mockRejectedValueOnce(new ApiError('COUPON_LIMIT_REACHED', '您已领取过该优惠券', 409));
    const container = await renderCenter();

    await claim(container, 'tpl-1');
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '优惠券已被领完', icon: 'none' });
    await claim(container, 'tpl-1');
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '您已领取过该优惠券', icon: 'none' });

    const [first, second] = jest.mocked(claimCoupon).mock.calls.map(([, key]) => key);
    expect(second).not.toBe(first);
  });

  it('repeats the key after an attempt that got no answer, so a retry cannot claim twice', async () => {
    jest.mocked(claimCoupon).mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0)).mockResolvedValueOnce(memberCoupon());
    const container = await renderCenter();

    await claim(container, 'tpl-1');
    expect(Taro.showToast).toHaveBeenLastCalledWith({ title: '网络连接失败，请检查网络后重试', icon: 'none' });
    await waitFor(() => expect(button(container, 'tpl-1').disabled).toBe(false));
    await claim(container, 'tpl-1');

    const [first, second] = jest.mocked(claimCoupon).mock.calls.map(([, key]) => key);
    expect(second).toBe(first);
  });

  it('shows the API message when the list cannot be loaded, and opens the wallet', async () => {
    jest.mocked(listClaimCenter).mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0));
    const { container } = render(<ClaimCenterPage />);

    await waitFor(() => expect(container.querySelector('#claim-center-error')?.textContent).toBe('网络连接失败，请检查网络后重试'));
    fireEvent.click(container.querySelector('#claim-center-retry') as Element);
    await waitFor(() => expect(container.querySelectorAll('.claim-ticket')).toHaveLength(3));
    fireEvent.click(container.querySelector('#claim-center-wallet') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/coupon/pages/wallet/index' });
  });
});
