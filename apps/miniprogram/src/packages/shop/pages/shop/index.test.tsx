import { fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ApiError } from '../../../../services/http';
import { listShopProducts } from '../../../../services/shop.service';
import { readCart } from '../../use-cart';
import { product } from '../../test-fixtures';
import ShopPage from './index';

jest.mock('../../../../services/shop.service', () => ({ listShopProducts: jest.fn() }));

const serum = product();
const cushion = product({ id: 'p-2', sku: 'GL-MU-002', name: '柔光气垫', category: 'makeup', priceFen: 32900 });
const tile = (container: HTMLElement, sku: string) => container.querySelector(`[data-sku="${sku}"]`) as HTMLElement;
const text = (element: Element, selector: string) => element.querySelector(selector)?.textContent ?? null;
const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement;

describe('ShopPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    (Taro as unknown as { __storage: Map<string, unknown> }).__storage.clear();
    jest.mocked(listShopProducts).mockResolvedValue({ items: [serum, cushion], total: 2, page: 1, pageSize: 20 });
  });

  it('lists the products, adds them to the cart with quantities and totals the cart bar', async () => {
    const { container } = render(<ShopPage />);
    await waitFor(() => expect(tile(container, 'GL-SK-001')).not.toBeNull());
    expect(byId(container, 'shop')).not.toBeNull();
    expect(listShopProducts).toHaveBeenCalledWith({ category: undefined, page: 1, pageSize: 20 });
    expect(text(tile(container, 'GL-SK-001'), '.product-name')).toBe('水光精华');
    expect(text(tile(container, 'GL-SK-001'), '.product-price')).toBe('¥459');
    expect((byId(container, 'go-checkout') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(tile(container, 'GL-SK-001').querySelector('.add-to-cart') as Element);
    fireEvent.click(tile(container, 'GL-SK-001').querySelector('.add-to-cart') as Element);
    fireEvent.click(tile(container, 'GL-MU-002').querySelector('.add-to-cart') as Element);

    expect(text(tile(container, 'GL-SK-001'), '.cart-quantity')).toBe('2');
    expect(byId(container, 'cart-count').textContent).toBe('已选 3 件');
    expect(byId(container, 'cart-total').textContent).toBe('¥1247');

    fireEvent.click(tile(container, 'GL-MU-002').querySelector('.remove-from-cart') as Element);
    expect(tile(container, 'GL-MU-002').querySelector('.cart-quantity')).toBeNull();
    expect(byId(container, 'cart-total').textContent).toBe('¥918');
    expect(readCart().map(({ sku, quantity }) => [sku, quantity])).toEqual([['GL-SK-001', 2]]);

    fireEvent.click(byId(container, 'go-checkout'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/shop/pages/checkout/index' });
  });

  it('keeps the cart when the member comes back to the shop', async () => {
    const first = render(<ShopPage />);
    await waitFor(() => expect(tile(first.container, 'GL-SK-001')).not.toBeNull());
    fireEvent.click(tile(first.container, 'GL-SK-001').querySelector('.add-to-cart') as Element);
    first.unmount();

    const { container } = render(<ShopPage />);
    await waitFor(() => expect(tile(container, 'GL-SK-001')).not.toBeNull());
    expect(text(tile(container, 'GL-SK-001'), '.cart-quantity')).toBe('1');
    expect(byId(container, 'cart-count').textContent).toBe('已选 1 件');
  });

  it('filters by category', async () => {
    const { container } = render(<ShopPage />);
    await waitFor(() => expect(tile(container, 'GL-SK-001')).not.toBeNull());
    jest.mocked(listShopProducts).mockResolvedValue({ items: [cushion], total: 1, page: 1, pageSize: 20 });

    fireEvent.click(byId(container, 'shop-tab-makeup'));

    await waitFor(() => expect(tile(container, 'GL-SK-001')).toBeNull());
    expect(listShopProducts).toHaveBeenLastCalledWith({ category: 'makeup', page: 1, pageSize: 20 });
    expect(byId(container, 'shop-tab-makeup').className).toContain('is-selected');
    expect(tile(container, 'GL-MU-002')).not.toBeNull();
  });

  it('loads the next page on demand', async () => {
    jest.mocked(listShopProducts)
      .mockResolvedValueOnce({ items: [serum], total: 2, page: 1, pageSize: 20 })
      .mockResolvedValueOnce({ items: [cushion], total: 2, page: 2, pageSize: 20 });
    const { container } = render(<ShopPage />);
    await waitFor(() => expect(byId(container, 'shop-more')).not.toBeNull());

    fireEvent.click(byId(container, 'shop-more'));

    await waitFor(() => expect(tile(container, 'GL-MU-002')).not.toBeNull());
    expect(listShopProducts).toHaveBeenLastCalledWith({ category: undefined, page: 2, pageSize: 20 });
    expect(byId(container, 'shop-more')).toBeNull();
  });

  it('shows the API message and loads again on retry', async () => {
    jest.mocked(listShopProducts).mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0));
    const { container } = render(<ShopPage />);

    await waitFor(() => expect(byId(container, 'shop-error')?.textContent).toBe('网络连接失败，请检查网络后重试'));
    fireEvent.click(byId(container, 'shop-retry'));
    await waitFor(() => expect(tile(container, 'GL-SK-001')).not.toBeNull());
  });
});
