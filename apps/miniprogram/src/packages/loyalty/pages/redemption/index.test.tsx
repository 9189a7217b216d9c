import { fireEvent, render, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import type { RedemptionView } from '@glow/contracts';
import { create } from 'qrcode';
import { ApiError } from '../../../../services/http';
import { getRedemption } from '../../../../services/loyalty.service';
import { redemption } from '../../test-fixtures';
import RedemptionPage from './index';

jest.mock('../../../../services/loyalty.service', () => ({ getRedemption: jest.fn() }));

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;

async function renderRedemption(value: RedemptionView) {
  jest.mocked(getRedemption).mockResolvedValue(value);
  const view = render(<RedemptionPage />);
  await waitFor(() => expect(byId(view.container, 'redemption-detail')).not.toBeNull());
  return view.container;
}

describe('RedemptionPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(useRouter).mockReturnValue({ params: { id: 'rd-1' } } as unknown as ReturnType<typeof useRouter>);
  });

  it('shows the pickup code as text and as a QR code of that code while it is to be picked up', async () => {
    const container = await renderRedemption(redemption());

    expect(getRedemption).toHaveBeenCalledWith('rd-1');
    expect(byId(container, 'redemption-name')?.textContent).toBe('水光精华旅行装');
    expect(byId(container, 'redemption-status')?.textContent).toBe('待领取');
    expect(byId(container, 'pickup-code')?.textContent).toBe('K7M2Q9XA');
    const qr = byId(container, 'pickup-qr');
    expect(qr?.dataset.modules).toBe(String(create('K7M2Q9XA', { errorCorrectionLevel: 'M' }).modules.size));
    expect(qr?.querySelectorAll('.qr-dark').length).toBeGreaterThan(0);
  });

  it('says where and when a picked-up reward was handed over, without the code', async () => {
    const container = await renderRedemption(
      redemption({ status: 'fulfilled', fulfilledAt: '2026-12-02T07:30:00.000Z', fulfilledStore: { id: 's-1', name: '上海静安嘉里中心店' } }),
    );

    expect(byId(container, 'redemption-status')?.textContent).toBe('已领取');
    expect(byId(container, 'redemption-fulfilled')?.textContent).toBe('已于 2026-12-02 15:30 在 上海静安嘉里中心店 领取');
    expect(byId(container, 'pickup-code')).toBeNull();
    expect(byId(container, 'pickup-qr')).toBeNull();
  });

  it('says a cancelled redemption returned its points', async () => {
    const container = await renderRedemption(redemption({ status: 'cancelled', cancelledAt: '2026-12-02T07:30:00.000Z' }));

    expect(byId(container, 'redemption-status')?.textContent).toBe('已取消');
    expect(byId(container, 'redemption-cancelled')?.textContent).toBe('兑换已取消（2026-12-02 15:30），1200 积分已退回');
    expect(byId(container, 'pickup-code')).toBeNull();
  });

  it('tells a coupon redeemer the coupon is in the wallet and leads there', async () => {
    const container = await renderRedemption(
      redemption({ reward: { id: 'rw-c', kind: 'coupon', name: '满 300 减 50 券', imageUrl: null }, pickupCode: null, points: 800 }),
    );

    expect(byId(container, 'redemption-status')?.textContent).toBe('已兑换');
    expect(byId(container, 'redemption-coupon-note')?.textContent).toContain('已发放至「我的券」');
    expect(byId(container, 'pickup-code')).toBeNull();
    fireEvent.click(byId(container, 'redemption-wallet-link') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/coupon/pages/wallet/index' });
  });

  it('shows the API message for a redemption that is not the member’s', async () => {
    jest.mocked(getRedemption).mockRejectedValue(new ApiError('REDEMPTION_NOT_FOUND', '兑换记录不存在', 404));
    const { container } = render(<RedemptionPage />);

    await waitFor(() => expect(byId(container, 'redemption-error')?.textContent).toBe('兑换记录不存在'));
    fireEvent.click(byId(container, 'redemption-retry') as Element);
    await waitFor(() => expect(getRedemption).toHaveBeenCalledTimes(2));
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });
});
