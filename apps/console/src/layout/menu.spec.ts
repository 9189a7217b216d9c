import { menuItemsFor, selectedMenuKeys } from './menu';

const labels = (role: Parameters<typeof menuItemsFor>[0]) => menuItemsFor(role).map((item) => (item && 'label' in item ? item.label : null));

describe(menuItemsFor.name, () => {
  it('shows the recommendation report to marketers and admins only', () => {
    expect(labels('marketer')).toEqual(['概览', '会员', '订单', '预约', '预约设置', '商品管理', '肤质问卷', '推荐效果', '积分规则', '会员等级', '积分商城', '优惠券', '门店']);
    expect(labels('admin')).toContain('推荐效果');
    expect(labels('advisor')).toEqual(['概览', '会员', '门店收银', '订单', '兑换核销', '预约', '预约设置', '商品管理', '肤质问卷', '积分规则', '会员等级', '积分商城', '优惠券', '门店']);
    expect(labels('store_manager')).not.toContain('推荐效果');
  });

  it('shows the opening-balance import to admins only, and the loyalty set-up to everyone', () => {
    expect(labels('admin')).toEqual(expect.arrayContaining(['积分规则', '会员等级', '积分商城', '期初积分导入']));
    for (const role of ['advisor', 'store_manager', 'marketer'] as const) {
      expect(labels(role)).toContain('积分商城');
      expect(labels(role)).not.toContain('期初积分导入');
    }
  });
});

describe('coupon menu entry', () => {
  it('shows the coupons to every role (editing is the page’s to refuse)', () => {
    for (const role of ['advisor', 'store_manager', 'marketer', 'admin'] as const) expect(labels(role)).toContain('优惠券');
  });
});

describe('till menu entries', () => {
  it('shows the till and the pickup to store staff and admins, and orders to everyone', () => {
    for (const role of ['advisor', 'store_manager', 'admin'] as const) {
      expect(labels(role)).toEqual(expect.arrayContaining(['门店收银', '订单', '兑换核销']));
    }
    expect(labels('marketer')).toContain('订单');
    expect(labels('marketer')).not.toContain('门店收银');
    expect(labels('marketer')).not.toContain('兑换核销');
  });
});

describe(selectedMenuKeys.name, () => {
  it.each([
    ['/questionnaires/new', ['/questionnaires']],
    ['/members/m1', ['/members']],
    ['/products', ['/products']],
    ['/appointments', ['/appointments']],
    ['/appointments/settings', ['/appointments/settings']],
    ['/loyalty/tiers', ['/loyalty/tiers']],
    ['/loyalty/points-import', ['/loyalty/points-import']],
    ['/orders', ['/orders']],
    ['/coupons', ['/coupons']],
    ['/nowhere', []],
  ])('%s → %j', (path, keys) => {
    expect(selectedMenuKeys(path)).toEqual(keys);
  });
});
