import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { CouponQuote } from '@glow/contracts';
import { quoteCoupons } from '../../../../services/coupon.service';
import { ApiError } from '../../../../services/http';
import { checkout } from '../../../../services/order.service';
import { takeHandedPayment } from '../../../../services/payment.service';
import { couponOption, memberCoupon, stackable } from '../../../coupon/test-fixtures';
import { readCart } from '../../use-cart';
import { onlineOrder, product, quote } from '../../test-fixtures';
import CheckoutPage from './index';

jest.mock('../../../../services/coupon.service', () => ({ quoteCoupons: jest.fn() }));
jest.mock('../../../../services/order.service', () => ({ checkout: jest.fn() }));

/** The contract's IDEMPOTENCY_KEY_PATTERN. */
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,64}$/;
const ITEMS = [{ sku: 'GL-SK-001', quantity: 2 }];

const fifty = couponOption(memberCoupon({ id: 'c-50' }), { discountFen: 5000 });
const eighty = couponOption(memberCoupon({ id: 'c-80', template: { ...memberCoupon().template, name: '满800减80' } }), {
  outcome: 'below-minimum',
  message: '还差¥20可用',
  discountFen: 0,
});
const tenOff = couponOption(stackable('c-10', 'beauty'), { discountFen: 1000 });

/** The API's answers: the best (¥50) without couponIds, otherwise the picked coupons at their savings. */
function priceLikeTheApi(): void {
  jest.mocked(quoteCoupons).mockImplementation(async (_items, couponIds) => {
    const options = [fifty, eighty, tenOff];
    const best = quote(options);
    if (couponIds === undefined) return best;
    const discountFen = options.filter((option) => couponIds.includes(option.coupon.id)).reduce((sum, option) => sum + option.discountFen, 0);
    return { ...best, applied: { ...best.applied, couponIds, discountFen, totalFen: best.subtotalFen - discountFen } } satisfies CouponQuote;
  });
}

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;
const option = (container: HTMLElement, id: string) => container.querySelector(`.coupon-option[data-coupon-id="${id}"]`) as HTMLElement;
const click = async (element: Element | null) => {
  await act(async () => {
    fireEvent.click(element as Element);
  });
};

async function renderCheckout() {
  const view = render(<CheckoutPage />);
  await waitFor(() => expect(byId(view.container, 'checkout-total')?.textContent).not.toBe('计算中…'));
  return view.container;
}

describe('CheckoutPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    const storage = (Taro as unknown as { __storage: Map<string, unknown> }).__storage;
    storage.clear();
    storage.set('glow.shop.cart', [{ sku: 'GL-SK-001', quantity: 2, product: product() }]);
    priceLikeTheApi();
  });

  it('prices the cart with the best coupons the API suggests', async () => {
    const container = await renderCheckout();

    expect(quoteCoupons).toHaveBeenCalledWith(ITEMS, undefined);
    expect(container.querySelector('[data-sku="GL-SK-001"] .line-quantity')?.textContent).toBe('2');
    expect(byId(container, 'checkout-subtotal')?.textContent).toBe('¥918.00');
    expect(byId(container, 'checkout-discount')?.textContent).toBe('-¥50.00');
    expect(byId(container, 'checkout-applied')?.textContent).toBe('新客满300减50');
    expect(byId(container, 'checkout-best-hint')?.textContent).toBe('已为你选择最优优惠');
    expect(byId(container, 'checkout-total')?.textContent).toBe('¥868.00');
  });

  it('lists every coupon in the picker, greys out the unusable ones with the reason, and prices each change', async () => {
    const container = await renderCheckout();
    await click(byId(container, 'checkout-coupons'));

    expect(option(container, 'c-50').className).toContain('is-selected');
    expect(option(container, 'c-80').className).toContain('is-disabled');
    expect(option(container, 'c-80').querySelector('.coupon-message')?.textContent).toBe('还差¥20可用');

    // A greyed-out coupon cannot be picked: no new quote.
    await click(option(container, 'c-80'));
    expect(quoteCoupons).toHaveBeenCalledTimes(1);

    // The stackable coupon replaces the exclusive one; the API prices the new choice.
    await click(option(container, 'c-10'));
    expect(quoteCoupons).toHaveBeenLastCalledWith(ITEMS, ['c-10']);
    await waitFor(() => expect(byId(container, 'checkout-total')?.textContent).toBe('¥908.00'));
    expect(option(container, 'c-10').className).toContain('is-selected');
    expect(option(container, 'c-50').className).not.toContain('is-selected');
    expect(byId(container, 'checkout-best-hint')).toBeNull();

    await click(byId(container, 'coupon-none'));
    expect(quoteCoupons).toHaveBeenLastCalledWith(ITEMS, []);
    await waitFor(() => expect(byId(container, 'checkout-total')?.textContent).toBe('¥918.00'));
    expect(byId(container, 'checkout-coupon-none')?.textContent).toBe('2 张可用，未使用');

    await click(byId(container, 'coupon-best'));
    expect(quoteCoupons).toHaveBeenLastCalledWith(ITEMS, undefined);
    await waitFor(() => expect(byId(container, 'checkout-total')?.textContent).toBe('¥868.00'));
    await click(byId(container, 'coupon-picker-done'));
    expect(byId(container, 'coupon-picker')).toBeNull();
  });

  it('places the order with exactly the coupons shown, empties the cart and goes to pay it', async () => {
    const response = { order: onlineOrder({ id: 'o-7' }), payment: null, payBefore: '2026-12-01T06:30:00.000Z' };
    jest.mocked(checkout).mockResolvedValue(response);
    const container = await renderCheckout();

    await click(byId(container, 'checkout-submit'));

    expect(checkout).toHaveBeenCalledWith(ITEMS, ['c-50'], expect.stringMatching(KEY_PATTERN));
    expect(readCart()).toEqual([]);
    expect(takeHandedPayment('o-7')).toBe(response);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/shop/pages/order/index?id=o-7&pay=1' });
  });

  it('says so when a coupon no longer applies, and prices the cart again', async () => {
    jest.mocked(checkout).mockRejectedValue(new ApiError('COUPON_NOT_APPLICABLE', '优惠券已过期，请重新选择', 409));
    const container = await renderCheckout();

    await click(byId(container, 'checkout-submit'));

    expect(Taro.showToast).toHaveBeenCalledWith({ title: '优惠券已过期，请重新选择', icon: 'none' });
    await waitFor(() => expect(quoteCoupons).toHaveBeenCalledTimes(2));
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    expect(readCart()).toHaveLength(1);
  });

  it('repeats the same order key after a submit that got no answer', async () => {
    jest.mocked(checkout)
      .mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0))
      .mockResolvedValueOnce({ order: onlineOrder(), payment: null, payBefore: '2026-12-01T06:30:00.000Z' });
    const container = await renderCheckout();

    await click(byId(container, 'checkout-submit'));
    expect(byId(container, 'checkout-retry-notice')?.textContent).toContain('不会重复下单');
    await click(byId(container, 'checkout-submit'));

    const [first, second] = jest.mocked(checkout).mock.calls.map(([, , key]) => key);
    expect(second).toBe(first);
    expect(Taro.redirectTo).toHaveBeenCalledTimes(1);
  });

  it('falls back to the best coupons when the API refuses the picked ones', async () => {
    const container = await renderCheckout();
    jest.mocked(quoteCoupons).mockRejectedValueOnce(new ApiError('COUPON_NOT_APPLICABLE', '优惠券不适用于本单', 409));
    await click(byId(container, 'checkout-coupons'));

    await click(option(container, 'c-10'));

    expect(Taro.showToast).toHaveBeenCalledWith({ title: '优惠券不适用于本单', icon: 'none' });
    await waitFor(() => expect(quoteCoupons).toHaveBeenLastCalledWith(ITEMS, undefined));
    await waitFor(() => expect(byId(container, 'checkout-total')?.textContent).toBe('¥868.00'));
  });

  it('prices the cart again when a quantity changes, and empties it line by line', async () => {
    const container = await renderCheckout();

    await click(container.querySelector('[data-sku="GL-SK-001"] .line-increase'));
    await waitFor(() => expect(quoteCoupons).toHaveBeenLastCalledWith([{ sku: 'GL-SK-001', quantity: 3 }], undefined));
    expect(container.querySelector('[data-sku="GL-SK-001"] .line-quantity')?.textContent).toBe('3');
    expect(readCart()[0].quantity).toBe(3);

    for (let i = 0; i < 3; i += 1) await click(container.querySelector('[data-sku="GL-SK-001"] .line-decrease'));
    expect(byId(container, 'checkout-empty')).not.toBeNull();
    expect(readCart()).toEqual([]);
  });

  it('sends an empty cart back to the shop', async () => {
    (Taro as unknown as { __storage: Map<string, unknown> }).__storage.clear();
    const { container } = render(<CheckoutPage />);

    expect(byId(container, 'checkout-empty')).not.toBeNull();
    expect(quoteCoupons).not.toHaveBeenCalled();
    fireEvent.click(byId(container, 'checkout-go-shop') as Element);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/shop/pages/shop/index' });
  });
});
