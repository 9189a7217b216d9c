import { claimCoupon, getMyCoupon, getWalletCounts, listClaimCenter, listMyCoupons, quoteCoupons } from './coupon.service';
import { memberHttp } from './member-session';
import { cancelMyOrder, checkout, getMyOrder, renewPayment } from './order.service';
import { listShopProducts } from './shop.service';

jest.mock('./member-session', () => ({ memberHttp: { get: jest.fn(() => Promise.resolve({})), post: jest.fn(() => Promise.resolve({})) } }));

const get = jest.mocked(memberHttp.get);
const post = jest.mocked(memberHttp.post);
const items = [{ sku: 'GL-SK-001', quantity: 2 }];

describe('coupon, shop and online order services', () => {
  beforeEach(() => jest.clearAllMocks());

  it('reads the claim center, the wallet tabs and counts, and one coupon', async () => {
    await listClaimCenter();
    await listMyCoupons('available');
    await listMyCoupons('expired');
    await getWalletCounts();
    await getMyCoupon('c 1');

    expect(get.mock.calls.map(([path]) => path)).toEqual([
      '/coupons/claim-center',
      '/coupons/mine?tab=available',
      '/coupons/mine?tab=expired',
      '/coupons/mine/counts',
      '/coupons/mine/c%201',
    ]);
  });

  it('claims with the idempotency key in the body', async () => {
    await claimCoupon('tpl/1', 'claim-abc-123456789012');

    expect(post).toHaveBeenCalledWith('/coupons/claim-center/tpl%2F1/claim', { idempotencyKey: 'claim-abc-123456789012' });
  });

  it('asks for the best coupons without couponIds, and for exactly the picked ones (even none) with them', async () => {
    await quoteCoupons(items);
    await quoteCoupons(items, ['c-1', 'c-2']);
    await quoteCoupons(items, []);

    expect(post.mock.calls).toEqual([
      ['/coupons/quote', { items }],
      ['/coupons/quote', { items, couponIds: ['c-1', 'c-2'] }],
      ['/coupons/quote', { items, couponIds: [] }],
    ]);
  });

  it('lists one page of the shop, of one category or all', async () => {
    await listShopProducts({ page: 1, pageSize: 20 });
    await listShopProducts({ category: 'makeup', page: 2, pageSize: 20 });

    expect(get.mock.calls.map(([path]) => path)).toEqual(['/shop/products?page=1&pageSize=20', '/shop/products?category=makeup&page=2&pageSize=20']);
  });

  it('places, reads, pays again and cancels online orders', async () => {
    await checkout(items, ['c-1'], 'checkout-abc-1234567890');
    await getMyOrder('o 1');
    await renewPayment('o-1');
    await cancelMyOrder('o-1');

    expect(post.mock.calls).toEqual([
      ['/orders/checkout', { items, couponIds: ['c-1'], idempotencyKey: 'checkout-abc-1234567890' }],
      ['/orders/mine/o-1/payment'],
      ['/orders/mine/o-1/cancel'],
    ]);
    expect(get).toHaveBeenCalledWith('/orders/mine/o%201');
  });
});
