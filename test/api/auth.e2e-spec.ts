import type { MemberSessionResponse, StaffSessionResponse } from '@glow/contracts';
import { e2eDataSource, startStack, type Stack } from '../support/stack';
import { api, join, memberLogin, newWechatUser, staffLogin } from '../support/wechat-user';

describe('Sessions and who may reach what', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const refresh = (token: string) => api(stack).post('/api/auth/refresh').send({ refreshToken: token });

  it('a refresh token rotates: the new pair works and the old refresh token is spent', async () => {
    const first = await memberLogin(stack, (await newWechatUser(stack)).openid);
    const second = (await refresh(first.refreshToken).expect(200)).body as MemberSessionResponse;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.kind).toBe('pre_member');
    const third = await refresh(second.refreshToken).expect(200);
    expect(third.body.refreshToken).toBeDefined();
  });

  it('presenting a spent refresh token logs the whole session out (reuse detection)', async () => {
    const first = await memberLogin(stack, (await newWechatUser(stack)).openid);
    const second = (await refresh(first.refreshToken).expect(200)).body as MemberSessionResponse;
    const replay = await refresh(first.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('AUTH_REFRESH_TOKEN_REUSED');
    // The legitimate holder's newer token is revoked too: the thief and the victim both have to log in again.
    const after = await refresh(second.refreshToken);
    expect(after.status).toBe(401);
  });

  it('two refreshes racing with one token: exactly one wins', async () => {
    const first = await memberLogin(stack, (await newWechatUser(stack)).openid);
    const results = await Promise.all([refresh(first.refreshToken), refresh(first.refreshToken)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('a refreshed pre-member session becomes a member session once they join', async () => {
    const user = await newWechatUser(stack);
    const pre = await memberLogin(stack, user.openid);
    await join(stack, user);
    const next = (await refresh(pre.refreshToken).expect(200)).body as MemberSessionResponse;
    expect(next.kind).toBe('member');
    await api(stack).get('/api/me').set('authorization', `Bearer ${next.accessToken}`).expect(200);
  });

  it('logout ends the session: its refresh token no longer works', async () => {
    const s = await staffLogin(stack, 'marketer');
    await api(stack).post('/api/auth/logout').send({ refreshToken: s.refreshToken }).expect(204);
    expect((await refresh(s.refreshToken)).status).toBe(401);
  });

  it('staff sign in with their password; a wrong password or unknown user gets the same answer', async () => {
    const ok = await staffLogin(stack, 'advisor1');
    expect(ok.staff).toMatchObject({ username: 'advisor1', role: 'advisor', storeName: '上海静安嘉里中心店' });
    for (const body of [{ username: 'advisor1', password: 'wrong-password' }, { username: 'nobody', password: 'glow1234' }]) {
      const res = await api(stack).post('/api/auth/staff/login').send(body);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 'AUTH_BAD_CREDENTIALS', message: '用户名或密码错误' });
    }
    const refreshed = (await refresh(ok.refreshToken).expect(200)).body as StaffSessionResponse;
    expect(refreshed.staff.username).toBe('advisor1');
  });

  it('members cannot reach staff routes and staff cannot act as a member', async () => {
    const member = await join(stack, await newWechatUser(stack));
    const res = await api(stack).get('/api/staff/members').set('authorization', `Bearer ${member.session.accessToken}`);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUTH_FORBIDDEN');
    const staff = await staffLogin(stack, 'admin');
    expect((await api(stack).get('/api/me').set('authorization', `Bearer ${staff.accessToken}`)).status).toBe(403);
  });

  it('no token, a forged token or an expired token is refused', async () => {
    expect((await api(stack).get('/api/me')).body.code).toBe('AUTH_UNAUTHENTICATED');
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwia25kIjoic3RhZmYiLCJyb2wiOiJhZG1pbiJ9.c2lnbmF0dXJlLWZvcmdlZA';
    const res = await api(stack).get('/api/staff/members').set('authorization', `Bearer ${forged}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH_TOKEN_INVALID');
  });

  it('an expired access token is refused with AUTH_TOKEN_INVALID so clients know to refresh', async () => {
    const shortLived = await startStack({ accessTokenTtlSeconds: 30 });
    try {
      const s = (await api(shortLived).post('/api/auth/staff/login').send({ username: 'admin', password: 'glow1234' }).expect(200)).body as StaffSessionResponse;
      jest.useFakeTimers({ now: Date.now() + 31_000, doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'] });
      const res = await api(shortLived).get('/api/staff/members').set('authorization', `Bearer ${s.accessToken}`);
      jest.useRealTimers();
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('AUTH_TOKEN_INVALID');
    } finally {
      jest.useRealTimers();
      await shortLived.close();
    }
  });

  it('sign-in routes are rate limited per client', async () => {
    const limited = await startStack({ authThrottlePerMinute: 5 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await api(limited).post('/api/auth/staff/login').send({ username: 'admin', password: 'wrong-password' })).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      const last = await api(limited).post('/api/auth/staff/login').send({ username: 'admin', password: 'glow1234' });
      expect(last.status).toBe(429);
      expect(last.body).toEqual({ code: 'TOO_MANY_REQUESTS', message: '操作太频繁，请稍后再试' });
    } finally {
      await limited.close();
    }
  });

  it('a deactivated staff member can neither sign in nor keep a session going', async () => {
    const db = await e2eDataSource();
    const session = await staffLogin(stack, 'advisor6');
    try {
      await db.query(`UPDATE staff SET active = false WHERE code = 'A006'`);
      const login = await api(stack).post('/api/auth/staff/login').send({ username: 'advisor6', password: 'glow1234' });
      expect(login.status).toBe(401);
      expect(login.body.code).toBe('AUTH_BAD_CREDENTIALS');
      const refreshed = await refresh(session.refreshToken);
      expect(refreshed.status).toBe(401);
      expect(refreshed.body.code).toBe('AUTH_REFRESH_TOKEN_INVALID');
    } finally {
      await db.query(`UPDATE staff SET active = true WHERE code = 'A006'`);
      await db.destroy();
    }
  });
});
