import { menuItemsFor, selectedMenuKeys } from './menu';

const labels = (role: Parameters<typeof menuItemsFor>[0]) => menuItemsFor(role).map((item) => (item && 'label' in item ? item.label : null));

describe(menuItemsFor.name, () => {
  it('shows the recommendation report to marketers and admins only', () => {
    expect(labels('marketer')).toEqual(['概览', '会员', '预约', '预约设置', '商品管理', '肤质问卷', '推荐效果', '门店']);
    expect(labels('admin')).toContain('推荐效果');
    expect(labels('advisor')).toEqual(['概览', '会员', '预约', '预约设置', '商品管理', '肤质问卷', '门店']);
    expect(labels('store_manager')).not.toContain('推荐效果');
  });
});

describe(selectedMenuKeys.name, () => {
  it.each([
    ['/questionnaires/new', ['/questionnaires']],
    ['/members/m1', ['/members']],
    ['/products', ['/products']],
    ['/appointments', ['/appointments']],
    ['/appointments/settings', ['/appointments/settings']],
    ['/nowhere', []],
  ])('%s → %j', (path, keys) => {
    expect(selectedMenuKeys(path)).toEqual(keys);
  });
});
