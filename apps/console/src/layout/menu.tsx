import {
  AimOutlined,
  AreaChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  CommentOutlined,
  CrownOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FundOutlined,
  GiftOutlined,
  ImportOutlined,
  LineChartOutlined,
  NotificationOutlined,
  ProfileOutlined,
  ScanOutlined,
  ScheduleOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  SolutionOutlined,
  TagsOutlined,
  TeamOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import type { StaffRole } from '@glow/contracts';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { can, type Capability } from '../auth/permissions';

interface MenuEntry {
  key: string;
  icon: ReactNode;
  label: string;
  /** Shown only to roles with this capability; the page itself also refuses others. */
  requires?: Capability;
}

/** A titled group of entries; shown when the role sees at least one of them. */
interface MenuGroup {
  key: string;
  label: string;
  children: MenuEntry[];
}

const MENU: (MenuEntry | MenuGroup)[] = [
  { key: '/overview', icon: <DashboardOutlined />, label: '概览' },
  { key: '/members', icon: <TeamOutlined />, label: '会员' },
  { key: '/purchases', icon: <ScanOutlined />, label: '门店收银', requires: 'order:record' },
  // Store staff see their own store's orders, marketers and admins every store's (the API scopes the list).
  { key: '/orders', icon: <ProfileOutlined />, label: '订单' },
  { key: '/redemptions', icon: <CarryOutOutlined />, label: '兑换核销', requires: 'redemption:fulfil' },
  { key: '/appointments', icon: <CalendarOutlined />, label: '预约' },
  // Everyone may read the set-up; store managers and admins edit it (the page says so).
  { key: '/appointments/settings', icon: <ScheduleOutlined />, label: '预约设置' },
  { key: '/products', icon: <ShoppingOutlined />, label: '商品管理' },
  { key: '/questionnaires', icon: <ExperimentOutlined />, label: '肤质问卷' },
  { key: '/recommendations', icon: <LineChartOutlined />, label: '推荐效果', requires: 'recommendation:view' },
  // Everyone may read the loyalty set-up; marketers and admins edit it (the pages say so).
  { key: '/loyalty/rules', icon: <GiftOutlined />, label: '积分规则' },
  { key: '/loyalty/tiers', icon: <CrownOutlined />, label: '会员等级' },
  { key: '/loyalty/rewards', icon: <ShoppingCartOutlined />, label: '积分商城' },
  { key: '/loyalty/points-import', icon: <ImportOutlined />, label: '期初积分导入', requires: 'points:adjust' },
  { key: '/stores', icon: <ShopOutlined />, label: '门店' },
  {
    key: 'service',
    label: '服务',
    children: [
      { key: '/service/inbox', icon: <CommentOutlined />, label: '会话工作台', requires: 'service:chat' },
      { key: '/service/tickets', icon: <SolutionOutlined />, label: '工单', requires: 'service:ticket' },
      { key: '/service/tasks', icon: <CheckSquareOutlined />, label: '跟进任务', requires: 'service:task' },
      { key: '/service/kb', icon: <BookOutlined />, label: '知识库', requires: 'service:kb' },
      { key: '/service/canned-replies', icon: <ThunderboltOutlined />, label: '快捷回复', requires: 'service:canned' },
      { key: '/service/metrics', icon: <FundOutlined />, label: '服务数据', requires: 'service:metrics' },
    ],
  },
  {
    key: 'marketing',
    label: '营销',
    children: [
      { key: '/segments', icon: <AimOutlined />, label: '人群', requires: 'campaign:configure' },
      { key: '/campaigns', icon: <NotificationOutlined />, label: '活动', requires: 'campaign:configure' },
      // Everyone may read the coupons and their counters; marketers and admins edit them (the page says so).
      { key: '/coupons', icon: <TagsOutlined />, label: '优惠券' },
      { key: '/analytics', icon: <AreaChartOutlined />, label: '数据分析', requires: 'analytics:view' },
    ],
  },
];

function isGroup(node: MenuEntry | MenuGroup): node is MenuGroup {
  return 'children' in node;
}

const MENU_ENTRIES: MenuEntry[] = MENU.flatMap((node) => (isGroup(node) ? node.children : [node]));

/** The menu a role sees. */
export function menuItemsFor(role: StaffRole | undefined): NonNullable<MenuProps['items']> {
  const visible = (entries: MenuEntry[]) => entries.filter((entry) => !entry.requires || can(role, entry.requires)).map(({ key, icon, label }) => ({ key, icon, label }));
  return MENU.flatMap((node): NonNullable<MenuProps['items']> => {
    if (!isGroup(node)) return visible([node]);
    const children = visible(node.children);
    return children.length > 0 ? [{ type: 'group' as const, key: node.key, label: node.label, children }] : [];
  });
}

/**
 * The menu entry for the section the path belongs to (`/members/:id` is under 会员); none for an unknown path.
 * The most specific entry wins, so `/appointments/settings` is 预约设置 rather than 预约.
 */
export function selectedMenuKeys(pathname: string): string[] {
  const matches = MENU_ENTRIES.filter(({ key }) => pathname === key || pathname.startsWith(`${key}/`));
  const entry = matches.reduce<MenuEntry | undefined>((best, next) => (!best || next.key.length > best.key.length ? next : best), undefined);
  return entry ? [entry.key] : [];
}
