import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { getCurrentStaff, logoutStaff, staffKeys } from '../api/auth.service';
import { sessionStore } from '../api/session.store';
import { useSession } from '../auth/use-session';
import { ROLE_LABELS } from '../shared/labels';
import { PageSpinner } from '../shared/page-spinner';
import { menuItemsFor, selectedMenuKeys } from './menu';

const ROLE_COLORS = { advisor: 'magenta', store_manager: 'purple', marketer: 'blue', admin: 'gold' } as const;

export function ConsoleLayout() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();

  // The profile in the stored session shows at once; /staff/me replaces it with the current one.
  const { data: staff } = useQuery({
    queryKey: staffKeys.me,
    queryFn: ({ signal }) => getCurrentStaff(signal),
    placeholderData: session?.staff,
  });

  const logout = useMutation({
    mutationFn: (refreshToken: string) => logoutStaff(refreshToken),
    // The local session ends whatever the API answers: a failed revoke must never keep someone signed in here.
    onSettled: () => {
      sessionStore.clear();
      queryClient.clear();
      navigate('/login', { replace: true });
    },
  });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider theme="light" width={200} breakpoint="lg" collapsedWidth={64} style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ height: 64, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Typography.Text strong style={{ fontSize: 18, color: '#b0456b' }}>
            Glow
          </Typography.Text>
        </div>
        <Menu
          mode="inline"
          items={menuItemsFor(staff?.role)}
          selectedKeys={selectedMenuKeys(location.pathname)}
          onClick={({ key }) => navigate(key)}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text strong>会员运营平台</Typography.Text>
          {staff && (
            <Space size="middle" id="staff-header">
              <Space size="small">
                <Avatar size="small" icon={<UserOutlined />} />
                <span id="staff-name">{staff.name}</span>
              </Space>
              <Tag id="staff-role" color={ROLE_COLORS[staff.role]}>
                {ROLE_LABELS[staff.role]}
              </Tag>
              <Typography.Text id="staff-store" type="secondary">
                {staff.storeName ?? '全部门店'}
              </Typography.Text>
              <Button
                id="logout-button"
                type="link"
                icon={<LogoutOutlined />}
                loading={logout.isPending}
                onClick={() => session && logout.mutate(session.refreshToken)}
              >
                退出登录
              </Button>
            </Space>
          )}
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
