import type { MemberSessionResponse } from '@glow/contracts';
import { ApiError, type Header, HttpClient, type HttpMethod, type Transport, type TransportResponse } from './http';
import { MemberSession } from './member-session';

interface Call {
  url: string;
  method: HttpMethod | 'UPLOAD';
  token: string | null;
}

/**
 * A small in-memory stand-in for the Glow API's auth rules: access tokens can be expired at will, and each
 * refresh token works once (a second use answers 401 AUTH_REFRESH_TOKEN_REUSED), as in the real API.
 */
class FakeApi implements Transport {
  readonly calls: Call[] = [];
  private readonly access = new Set<string>();
  private readonly refresh = new Set<string>();
  private issued = 0;
  /** Every `/me` answer; a test can replace it. */
  me: () => TransportResponse = () => ({ statusCode: 200, data: { profile: { nickname: '小美' } } });

  get logins(): number {
    return this.calls.filter((call) => call.url.endsWith('/auth/member/login')).length;
  }

  get refreshes(): number {
    return this.calls.filter((call) => call.url.endsWith('/auth/refresh')).length;
  }

  expireAccessTokens(): void {
    this.access.clear();
  }

  revokeRefreshTokens(): void {
    this.refresh.clear();
  }

  async request(options: { url: string; method: HttpMethod; header: Header; data?: unknown }): Promise<TransportResponse> {
    const token = bearerOf(options.header);
    this.calls.push({ url: options.url, method: options.method, token });
    // Let concurrent callers interleave the way real network calls do.
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (options.url.endsWith('/auth/member/login')) return ok(this.issue());
    if (options.url.endsWith('/auth/refresh')) {
      const { refreshToken } = options.data as { refreshToken: string };
      if (!this.refresh.delete(refreshToken)) return failure(401, 'AUTH_REFRESH_TOKEN_REUSED', '检测到登录凭证被重复使用，已强制下线，请重新登录');
      return ok(this.issue());
    }
    if (!token || !this.access.has(token)) return failure(401, 'AUTH_TOKEN_INVALID', '登录已失效，请重新登录');
    return this.me();
  }

  async upload(options: { url: string; filePath: string; name: string; header: Header }): Promise<TransportResponse> {
    const token = bearerOf(options.header);
    this.calls.push({ url: options.url, method: 'UPLOAD', token });
    if (!token || !this.access.has(token)) return { statusCode: 401, data: JSON.stringify({ code: 'AUTH_TOKEN_INVALID', message: '登录已失效，请重新登录' }) };
    // uploadFile hands the body back as text.
    return { statusCode: 201, data: JSON.stringify({ avatarUrl: `/uploads/${options.name}.png` }) };
  }

  private issue(): MemberSessionResponse {
    this.issued += 1;
    const session: MemberSessionResponse = {
      accessToken: `access-${this.issued}`,
      refreshToken: `refresh-${this.issued}-abcdefghijklmnopqrstuvwxyz`,
      expiresIn: 900,
      kind: 'member',
      memberId: 'm-1',
    };
    this.access.add(session.accessToken);
    this.refresh.add(session.refreshToken);
    return session;
  }
}

function bearerOf(header: Header): string | null {
  return header.Authorization?.replace(/^Bearer /, '') ?? null;
}

function ok(data: unknown): TransportResponse {
  return { statusCode: 200, data };
}

function failure(statusCode: number, code: string, message: string): TransportResponse {
  return { statusCode, data: { code, message } };
}

function setup() {
  const api = new FakeApi();
  const publicClient = new HttpClient({ baseUrl: 'http://api.test/api', transport: api });
  let codes = 0;
  const session = new MemberSession({
    loginCode: async () => `wx-code-${++codes}`,
    login: (code) => publicClient.post<MemberSessionResponse>('/auth/member/login', { code }),
    refresh: (refreshToken) => publicClient.post<MemberSessionResponse>('/auth/refresh', { refreshToken }),
  });
  const sut = publicClient.withTokens(session);
  return { api, session, sut, loginCodesUsed: () => codes };
}

describe(HttpClient.name, () => {
  it('logs in on the first call and sends the access token as a bearer token', async () => {
    const { api, sut } = setup();

    await expect(sut.get('/me')).resolves.toEqual({ profile: { nickname: '小美' } });

    expect(api.logins).toBe(1);
    expect(api.calls.at(-1)).toEqual({ url: 'http://api.test/api/me', method: 'GET', token: 'access-1' });
  });

  it('throws the API error code, Chinese message and status to the caller', async () => {
    const { api, sut } = setup();
    api.me = () => failure(403, 'MEMBER_NOT_JOINED', '请先注册成为会员');

    const error = await sut.get('/me').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'MEMBER_NOT_JOINED', message: '请先注册成为会员', status: 403 });
  });

  it('keeps the whole error body for errors that carry more than a code and message', async () => {
    const { api, sut } = setup();
    const slots = [{ startsAt: '2026-12-01T02:00:00.000Z', endsAt: '2026-12-01T03:00:00.000Z', seatsLeft: 1, advisors: [] }];
    api.me = () => ({ statusCode: 409, data: { code: 'APPOINTMENT_SLOT_TAKEN', message: '该时段已被预约', slots } });

    const error = await sut.get('/me').catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: 'APPOINTMENT_SLOT_TAKEN', status: 409, body: { slots } });
  });

  it('reports a transport failure as NETWORK_ERROR with status 0', async () => {
    const transport: Transport = {
      request: () => Promise.reject(new Error('request:fail')),
      upload: () => Promise.reject(new Error('uploadFile:fail')),
    };
    const sut = new HttpClient({ baseUrl: '', transport });

    await expect(sut.get('/client-config')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0, message: '网络连接失败，请检查网络后重试' });
  });

  it('rejects a successful status without a JSON body as BAD_RESPONSE', async () => {
    const transport: Transport = {
      request: async () => ({ statusCode: 200, data: '<!DOCTYPE html><html></html>' }),
      upload: async () => ({ statusCode: 200, data: '' }),
    };
    const sut = new HttpClient({ baseUrl: '', transport });

    await expect(sut.get('/client-config')).rejects.toMatchObject({ code: 'BAD_RESPONSE', status: 200 });
  });

  it('refreshes an expired access token once and repeats the call with the new token', async () => {
    const { api, sut } = setup();
    await sut.get('/me');
    api.expireAccessTokens();

    await expect(sut.get('/me')).resolves.toEqual({ profile: { nickname: '小美' } });

    expect(api.refreshes).toBe(1);
    expect(api.logins).toBe(1);
    const meCalls = api.calls.filter((call) => call.url.endsWith('/me'));
    expect(meCalls.map((call) => call.token)).toEqual(['access-1', 'access-1', 'access-2']);
  });

  it('shares one refresh between concurrent requests that all hit an expired token', async () => {
    const { api, sut } = setup();
    await sut.get('/me');
    api.expireAccessTokens();

    const results = await Promise.all([sut.get('/me'), sut.get('/me'), sut.patch('/me', { city: '上海' }), sut.upload('/me/avatar', 'blob:x')]);

    expect(results).toHaveLength(4);
    expect(api.refreshes).toBe(1);
    expect(api.logins).toBe(1);
    const retried = api.calls.filter((call) => !call.url.includes('/auth/') && call.token === 'access-2');
    expect(retried).toHaveLength(4);
  });

  it('logs in again with a new WeChat code when the refresh token is rejected', async () => {
    const { api, sut, loginCodesUsed } = setup();
    await sut.get('/me');
    api.expireAccessTokens();
    api.revokeRefreshTokens();

    await expect(sut.get('/me')).resolves.toEqual({ profile: { nickname: '小美' } });

    expect(api.refreshes).toBe(1);
    expect(api.logins).toBe(2);
    expect(loginCodesUsed()).toBe(2);
    expect(api.calls.at(-1)?.token).toBe('access-2');
  });

  it('gives up after one renewal when the repeated call is rejected again', async () => {
    const { api, sut } = setup();
    await sut.get('/me');
    api.me = () => failure(401, 'AUTH_TOKEN_INVALID', '登录已失效，请重新登录');

    await expect(sut.get('/me')).rejects.toMatchObject({ code: 'AUTH_TOKEN_INVALID', status: 401 });

    expect(api.refreshes).toBe(1);
    expect(api.calls.filter((call) => call.url.endsWith('/me'))).toHaveLength(3);
  });

  it('does not renew on other 401 errors', async () => {
    const { api, sut } = setup();
    await sut.get('/me');
    api.me = () => failure(401, 'AUTH_UNAUTHENTICATED', '请先登录');

    await expect(sut.get('/me')).rejects.toMatchObject({ code: 'AUTH_UNAUTHENTICATED' });

    expect(api.refreshes).toBe(0);
  });

  it('passes a network failure during refresh to the caller without logging in again', async () => {
    const { api, session, sut } = setup();
    await sut.get('/me');
    api.expireAccessTokens();
    const request = api.request.bind(api);
    api.request = async (options) => {
      if (options.url.endsWith('/auth/refresh')) throw new Error('request:fail timeout');
      return request(options);
    };

    await expect(sut.get('/me')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });

    expect(api.logins).toBe(1);
    expect(session.current?.accessToken).toBe('access-1');
  });

  it('sends PUT bodies as JSON and accepts an empty 204 answer to DELETE', async () => {
    const sent: { method: HttpMethod; header: Header; data?: unknown }[] = [];
    const transport: Transport = {
      request: async (options) => {
        sent.push(options);
        return options.method === 'DELETE' ? { statusCode: 204, data: '' } : { statusCode: 200, data: { ok: true } };
      },
      upload: async () => ({ statusCode: 200, data: '' }),
    };
    const sut = new HttpClient({ baseUrl: '', transport });

    await expect(sut.put('/skin/sessions/s-1/answers/q1', { value: 3 })).resolves.toEqual({ ok: true });
    await expect(sut.delete('/skin/consent')).resolves.toBeUndefined();

    expect(sent.map((options) => [options.method, options.header['Content-Type'], options.data])).toEqual([
      ['PUT', 'application/json', { value: 3 }],
      ['DELETE', undefined, undefined],
    ]);
  });

  it('parses the text body that uploadFile returns', async () => {
    const { sut } = setup();

    await expect(sut.upload('/me/avatar', 'wxfile://tmp/a.png')).resolves.toEqual({ avatarUrl: '/uploads/file.png' });
  });
});

describe(MemberSession.name, () => {
  it('logs in once for concurrent first calls', async () => {
    const { api, session } = setup();

    const [first, second] = await Promise.all([session.start(), session.start()]);

    expect(first).toBe(second);
    expect(api.logins).toBe(1);
  });

  it('uses the session it is given on joining for later calls', async () => {
    const { api, session, sut } = setup();
    await sut.get('/me');
    const joined = await new HttpClient({ baseUrl: 'http://api.test/api', transport: api }).post<MemberSessionResponse>('/auth/member/login', { code: 'x' });

    session.replace(joined);
    await sut.get('/me');

    expect(api.calls.at(-1)?.token).toBe(joined.accessToken);
  });

  it('logs in afresh after the session is cleared (the account was deleted)', async () => {
    const { api, session, sut } = setup();
    await sut.get('/me');

    session.clear();
    await sut.get('/me');

    expect(api.logins).toBe(2);
    expect(api.refreshes).toBe(0);
    expect(api.calls.at(-1)?.token).toBe('access-2');
  });
});
