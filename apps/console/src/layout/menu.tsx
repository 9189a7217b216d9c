import {
  CalendarOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  LineChartOutlined,
  ScheduleOutlined,
  ShopOutlined,
  ShoppingOutlined,
  TeamOutlined,
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

const MENU_ENTRIES: MenuEntry[] = [
  { key: '/overview', icon: <DashboardOutlined />, label: '概览' },
  { key: '/members', icon: <TeamOutlined />, label: '会员' },
  { key: '/appointments', icon: <CalendarOutlined />, label: '预约' },
  // Everyone may read the set-up; store managers and admins edit it (the page says so).
  { key: '/appointments/settings', icon: <ScheduleOutlined />, label: '预约设置' },
  { key: '/products', icon: <ShoppingOutlined />, label: '商品管理' },
  { key: '/questionnaires', icon: <ExperimentOutlined />, label: '肤质问卷' },
  { key: '/recommendations', icon: <LineChartOutlined />, label: '推荐效果', requires: 'recommendation:view' },
  { key: '/stores', icon: <ShopOutlined />, label: '门店' },
];

/** The menu a role sees. */
export function menuItemsFor(role: StaffRole | undefined): NonNullable<MenuProps['items']> {
  return MENU_ENTRIES.filter((entry) => !entry.requires || can(role, entry.requires)).map(({ key, icon, label }) => ({ key, icon, label }));
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
