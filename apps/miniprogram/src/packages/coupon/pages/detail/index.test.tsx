import { fireEvent, render, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import type { MemberCouponView } from '@glow/contracts';
import { create } from 'qrcode';
import { getMyCoupon } from '../../../../services/coupon.service';
import { ApiError } from '../../../../services/http';
import { memberCoupon } from '../../test-fixtures';
import CouponDetailPage from './index';

jest.mock('../../../../services/coupon.service', () => ({ getMyCoupon: jest.fn() }));

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;

async function renderCoupon(coupon: MemberCouponView) {
  jest.mocked(getMyCoupon).mockResolvedValue(coupon);
  const view = render(<CouponDetailPage />);
  await waitFor(() => expect(byId(view.container, 'coupon-detail')).not.toBeNull());
  return view.container;
}

describe('CouponDetailPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(useRouter).mockReturnValue({ params: { id: 'c-1' } } as unknown as ReturnType<typeof useRouter>);
  });

  it('shows the face, every rule, the terms, validity, and the code as text and QR for the till', async () => {
    const container = await renderCoupon(memberCoupon());

    expect(getMyCoupon).toHaveBeenCalledWith('c-1');
    expect(byId(container, 'coupon-name')?.textContent).toBe('新客满300减50');
    expect(byId(container, 'coupon-status')?.textContent).toBe('可使用');
    expect([...container.querySelectorAll('.coupon-rule')].map((rule) => rule.textContent)).toEqual(['· 2026-12-01 至 2026-12-31 有效', '· 全场商品可用']);
    expect(byId(container, 'coupon-description')?.textContent).toBe('仅限线上商城使用');
    expect(byId(container, 'coupon-validity')?.textContent).toBe('2026-12-01 00:00 至 2026-12-31 23:59');
    expect(byId(container, 'coupon-code')?.textContent).toBe('K7M2Q9XA3BCD');
    const qr = byId(container, 'coupon-qr');
    expect(qr?.dataset.modules).toBe(String(create('K7M2Q9XA3BCD', { errorCorrectionLevel: 'M' }).modules.size));

    fireEvent.click(byId(container, 'coupon-use') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/shop/pages/shop/index' });
  });

  it('shows no code for a coupon that can no longer be used', async () => {
    const container = await renderCoupon(memberCoupon({ status: 'used', usedAt: '2026-12-02T07:30:00.000Z' }));

    expect(byId(container, 'coupon-status')?.textContent).toBe('已使用');
    expect(byId(container, 'coupon-code')).toBeNull();
    expect(byId(container, 'coupon-qr')).toBeNull();
    expect(byId(container, 'coupon-use')).toBeNull();
  });

  it('explains a held coupon and leads to its unpaid order', async () => {
    const container = await renderCoupon(memberCoupon({ status: 'held', orderId: 'o-9' }));

    expect(byId(container, 'coupon-status')?.textContent).toBe('待支付');
    expect(byId(container, 'coupon-code')).toBeNull();
    expect(byId(container, 'coupon-held')?.textContent).toContain('待支付订单');
    fireEvent.click(byId(container, 'coupon-pay') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/shop/pages/order/index?id=o-9' });
  });

  it('shows the API message for a coupon that is not the member’s', async () => {
    jest.mocked(getMyCoupon).mockRejectedValue(new ApiError('COUPON_NOT_FOUND', '优惠券不存在或已失效', 404));
    const { container } = render(<CouponDetailPage />);

    await waitFor(() => expect(byId(container, 'coupon-error')?.textContent).toBe('优惠券不存在或已失效'));
  });
});
