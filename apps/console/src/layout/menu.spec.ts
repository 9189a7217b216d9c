import { menuItemsFor, selectedMenuKeys } from './menu';

type Role = Parameters<typeof menuItemsFor>[0];
type Item = { label?: unknown; children?: Item[] } | null;

/** The top-level labels, a group by its own title. */
const labels = (role: Role) => menuItemsFor(role).map((item) => (item && 'label' in item ? item.label : null));
/** Every entry a role can open, inside groups too. */
const entries = (role: Role) => (menuItemsFor(role) as Item[]).flatMap((item) => (item?.children ? item.children.map((child) => child?.label) : [item?.label]));
/** The entries of a group. */
const group = (role: Role, title: string) => ((menuItemsFor(role) as Item[]).find((item) => item?.label === title)?.children ?? []).map((child) => child?.label);
/** The entries of the 营销 group. */
const marketing = (role: Role) => group(role, '营销');
/** The entries of the 服务 group. */
const service = (role: Role) => group(role, '服务');

describe(menuItemsFor.name, () => {
  it('shows the recommendation report to marketers and admins only', () => {
    expect(labels('marketer')).toEqual(['概览', '会员', '订单', '预约', '预约设置', '商品管理', '肤质问卷', '推荐效果', '积分规则', '会员等级', '积分商城', '门店', '服务', '营销']);
    expect(labels('admin')).toContain('推荐效果');
    expect(labels('advisor')).toEqual(['概览', '会员', '门店收银', '订单', '兑换核销', '预约', '预约设置', '商品管理', '肤质问卷', '积分规则', '会员等级', '积分商城', '门店', '服务', '营销']);
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

describe('service menu group', () => {
  it('comes right before 营销 for every role', () => {
    for (const role of ['advisor', 'store_manager', 'marketer', 'admin'] as const) {
      const top = labels(role);
      expect(top.indexOf('服务')).toBe(top.indexOf('营销') - 1);
    }
  });

  it('gives the people who serve members everything: the workbench, tickets, tasks, knowledge base, canned replies and metrics', () => {
    const all = ['会话工作台', '工单', '跟进任务', '知识库', '快捷回复', '服务数据'];
    for (const role of ['advisor', 'store_manager', 'admin'] as const) expect(service(role)).toEqual(all);
  });

  it('gives marketers the knowledge base and the metrics, no chat, tickets, tasks or canned replies', () => {
    expect(service('marketer')).toEqual(['知识库', '服务数据']);
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
    ['/service/inbox', ['/service/inbox']],
    ['/service/tickets/t1', ['/service/tickets']],
    ['/service/tasks', ['/service/tasks']],
    ['/service/kb', ['/service/kb']],
    ['/service/canned-replies', ['/service/canned-replies']],
    ['/service/metrics', ['/service/metrics']],
    ['/nowhere', []],
  ])('%s → %j', (path, keys) => {
    expect(selectedMenuKeys(path)).toEqual(keys);
  });
});
