import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { loginStaff, type StaffCredentials } from '../../api/auth.service';
import { sessionStore, toStaffSession } from '../../api/session.store';
import { HOME_PATH, type LoginLocationState } from '../../auth/require-auth';
import { useSession } from '../../auth/use-session';

/** Back to the page that sent the visitor here (RequireAuth remembers it), otherwise to the overview. */
function redirectTarget(state: unknown): string {
  const from = (state as LoginLocationState | null)?.from;
  return from && from.startsWith('/') && !from.startsWith('/login') ? from : HOME_PATH;
}

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  // Read once: why the previous session ended (e.g. a reused refresh token), shown until the next attempt.
  const [endedReason] = useState(() => sessionStore.endedReason());

  const login = useMutation({
    mutationFn: (credentials: StaffCredentials) => loginStaff(credentials),
    onSuccess: (response) => {
      queryClient.clear();
      sessionStore.set(toStaffSession(response));
      navigate(redirectTarget(location.state), { replace: true });
    },
  });

  if (session && !login.isPending) return <Navigate to={redirectTarget(location.state)} replace />;

  const notice = login.error ? null : endedReason;

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', background: 'linear-gradient(135deg, #fdf2f6 0%, #f5f0ff 100%)' }}>
      <Card style={{ width: 380 }} styles={{ body: { padding: 32 } }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0, color: '#b0456b' }}>
          Glow 会员运营平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          导购、店长、市场与管理员登录
        </Typography.Paragraph>
        <Form<StaffCredentials>
          layout="vertical"
          requiredMark={false}
          size="large"
          disabled={login.isPending}
          onFinish={(values) => login.mutate({ username: values.username.trim(), password: values.password })}
          onValuesChange={() => login.error && login.reset()}
        >
          <Form.Item
            label="用户名"
            name="username"
            rules={[
              { required: true, whitespace: true, message: '请输入用户名' },
              { min: 2, max: 64, message: '用户名长度为 2 到 64 个字符' },
            ]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" placeholder="请输入用户名" autoFocus />
          </Form.Item>
          <Form.Item
            label="密码"
            name="password"
            rules={[
              { required: true, message: '请输入密码' },
              { min: 6, max: 128, message: '密码长度为 6 到 128 个字符' },
            ]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="请输入密码" />
          </Form.Item>
          {login.error && (
            <Alert id="login-error" type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} />
          )}
          {notice && <Alert id="login-notice" type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />}
          <Button id="login-submit" type="primary" htmlType="submit" block loading={login.isPending}>
            登录
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
