import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { createQueryClient } from '../../api/query-client';
import { sessionStore } from '../../api/session.store';
import { ConsoleProviders } from '../../app';
import type { LoginLocationState } from '../../auth/require-auth';
import { LoginPage } from './login.page';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function renderLogin(state?: LoginLocationState) {
  return render(
    <ConsoleProviders queryClient={createQueryClient()}>
      <MemoryRouter initialEntries={[{ pathname: '/login', state }]}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/overview" element={<div>概览页</div>} />
          <Route path="/members" element={<div>会员列表页</div>} />
        </Routes>
      </MemoryRouter>
    </ConsoleProviders>,
  );
}

function submit(container: HTMLElement, username: string, password: string) {
  const field = (selector: string) => {
    const element = container.querySelector<HTMLInputElement>(selector);
    if (!element) throw new Error(`${selector} not rendered`);
    return element;
  };
  fireEvent.change(field('#username'), { target: { value: username } });
  fireEvent.change(field('#password'), { target: { value: password } });
  fireEvent.click(field('#login-submit'));
}

describe(LoginPage.name, () => {
  const fetchMock = jest.fn<Promise<Response>, [RequestInfo | URL, RequestInit | undefined]>();

  beforeEach(() => {
    fetchMock.mockReset();
    globalThis.fetch = fetchMock;
    sessionStore.clear();
  });

  it('shows the API’s Chinese message when the login is refused, and stays signed out', async () => {
    fetchMock.mockResolvedValue(jsonResponse(401, { code: 'AUTH_BAD_CREDENTIALS', message: '用户名或密码错误' }));
    const { container } = renderLogin();

    submit(container, 'lin.advisor', 'wrong-password');

    const alert = await screen.findByText('用户名或密码错误');
    expect(alert.closest('#login-error')).not.toBeNull();
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/auth/staff/login');
    expect(JSON.parse(String(init?.body))).toEqual({ username: 'lin.advisor', password: 'wrong-password' });
    expect(screen.queryByText('概览页')).toBeNull();
    expect(sessionStore.get()).toBeNull();
  });

  it('keeps the session and goes to the overview after a successful login', async () => {
    const staff = { id: 's1', username: 'lin.advisor', name: '林导购', role: 'advisor', storeId: 'st1', storeName: '上海静安店' };
    fetchMock.mockResolvedValue(jsonResponse(200, { kind: 'staff', accessToken: 'a'.repeat(32), expiresIn: 900, refreshToken: 'r'.repeat(32), staff }));
    const { container } = renderLogin();

    submit(container, 'lin.advisor', 'correct-password');

    expect(await screen.findByText('概览页')).not.toBeNull();
    expect(sessionStore.get()).toEqual({ accessToken: 'a'.repeat(32), refreshToken: 'r'.repeat(32), staff });
  });

  it('returns to the page that was asked for before the login', async () => {
    const staff = { id: 's1', username: 'lin.advisor', name: '林导购', role: 'advisor', storeId: 'st1', storeName: '上海静安店' };
    fetchMock.mockResolvedValue(jsonResponse(200, { kind: 'staff', accessToken: 'a'.repeat(32), expiresIn: 900, refreshToken: 'r'.repeat(32), staff }));
    const { container } = renderLogin({ from: '/members' });

    submit(container, 'lin.advisor', 'correct-password');

    expect(await screen.findByText('会员列表页')).not.toBeNull();
    expect(screen.queryByText('概览页')).toBeNull();
  });

  it('asks for the missing fields without calling the API', async () => {
    const { container } = renderLogin();

    submit(container, '', '');

    expect(await screen.findByText('请输入用户名')).not.toBeNull();
    await waitFor(() => expect(screen.queryByText('请输入密码')).not.toBeNull());
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
