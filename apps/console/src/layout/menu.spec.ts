import { menuItemsFor, selectedMenuKeys } from './menu';

type Role = Parameters<typeof menuItemsFor>[0];
type Item = { label?: unknown; children?: Item[] } | null;

/** The top-level labels, a group by its own title. */
const labels = (role: Role) => menuItemsFor(role).map((item) => (item && 'label' in item ? item.label : null));
/** Every entry a role can open, inside groups too. */
const entries = (role: Role) => (menuItemsFor(role) as Item[]).flatMap((item) => (item?.children ? item.children.map((child) => child?.label) : [item?.label]));
/** The entries of the 营销 group. */
const marketing = (role: Role) => ((menuItemsFor(role) as Item[]).find((item) => item?.label === '营销')?.children ?? []).map((child) => child?.label);

describe(menuItemsFor.name, () => {
  it('shows the recommendation report to marketers and admins only', () => {
    expect(labels('marketer')).toEqual(['概览', '会员', '订单', '预约', '预约设置', '商品管理', '肤质问卷', '推荐效果', '积分规则', '会员等级', '积分商城', '门店', '营销']);
    expect(labels('admin')).toContain('推荐效果');
    expect(labels('advisor')).toEqual(['概览', '会员', '门店收银', '订单', '兑换核销', '预约', '预约设置', '商品管理', '肤质问卷', '积分规则', '会员等级', '积分商城', '门店', '营销']);
    expect(labels('store_manager')).not.toContain('推荐效果');
  });

  it('shows the opening-balance import to admins only, and the loyalty set-up to everyone', () => {
    expect(entries('admin')).toEqual(expect.arrayContaining(['积分规则', '会员等级', '积分商城', '期初积分导入']));
    for (const role of ['advisor', 'store_manager', 'marketer'] as const) {
      expect(entries(role)).toContain('积分商城');
      expect(entries(role)).not.toContain('期初积分导入');
    }
  });
});

describe('marketing menu group', () => {
  it('gives marketers and admins segments, campaigns, coupons and analytics', () => {
    expect(marketing('marketer')).toEqual(['人群', '活动', '优惠券', '数据分析']);
    expect(marketing('admin')).toEqual(['人群', '活动', '优惠券', '数据分析']);
  });

  it('gives store managers their analytics and everyone the coupons (editing is the page’s to refuse)', () => {
    expect(marketing('store_manager')).toEqual(['优惠券', '数据分析']);
    expect(marketing('advisor')).toEqual(['优惠券']);
    for (const role of ['advisor', 'store_manager', 'marketer', 'admin'] as const) expect(entries(role)).toContain('优惠券');
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
    ['/segments', ['/segments']],
    ['/campaigns/c1/report', ['/campaigns']],
    ['/analytics', ['/analytics']],
    ['/nowhere', []],
  ])('%s → %j', (path, keys) => {
    expect(selectedMenuKeys(path)).toEqual(keys);
  });
});
