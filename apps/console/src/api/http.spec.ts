import type { StaffSessionResponse } from '@glow/contracts';
import { ApiError, createHttpClient } from './http';
import { createSessionStore, type SessionStore } from './session.store';

const staff = { id: 'staff-1', username: 'lin.advisor', name: '林导购', role: 'advisor', storeId: 'store-1', storeName: '上海静安店' } as const;

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const tokenInvalid = () => jsonResponse(401, { code: 'AUTH_TOKEN_INVALID', message: '登录已失效，请重新登录' });

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 0));
  if (!condition()) throw new Error('condition not reached');
}

/**
 * A stand-in for the API: protected paths accept only the current access token; the access token the
 * client starts with has expired. `/api/auth/refresh` rotates tokens after `refreshGate` opens.
 */
function fakeApi(options: { refreshResponse?: () => Response } = {}) {
  let validToken = 'access-2';
  const refreshGate = deferred();
  refreshGate.resolve();
  const state = { refreshGate, refreshBodies: [] as unknown[], authHeaders: [] as (string | null)[], gates: new Map<string, Promise<void>>() };

  const fetchMock = jest.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    if (url === '/api/auth/refresh') {
      state.refreshBodies.push(JSON.parse(String(init?.body)));
      await state.refreshGate.promise;
      if (options.refreshResponse) return options.refreshResponse();
      validToken = 'access-2';
      const session: StaffSessionResponse = { kind: 'staff', accessToken: 'access-2', expiresIn: 900, refreshToken: 'refresh-2', staff };
      return jsonResponse(200, session);
    }
    const authorization = new Headers(init?.headers).get('Authorization');
    state.authHeaders.push(authorization);
    await (state.gates.get(url) ?? Promise.resolve());
    if (authorization !== `Bearer ${validToken}`) return tokenInvalid();
    return jsonResponse(200, { url });
  });
  return { fetchMock, state };
}

function signedInStore(): SessionStore {
  const store = createSessionStore();
  store.set({ accessToken: 'access-1', refreshToken: 'refresh-1', staff });
  return store;
}

describe(createHttpClient.name, () => {
  it('refreshes once on AUTH_TOKEN_INVALID, keeps the rotated session and retries with the new token', async () => {
    const { fetchMock, state } = fakeApi();
    const sessionStore = signedInStore();
    const sut = createHttpClient({ baseUrl: '/api', sessionStore, fetch: fetchMock });

    await expect(sut.json('/staff/members')).resolves.toEqual({ url: '/api/staff/members' });

    expect(state.refreshBodies).toEqual([{ refreshToken: 'refresh-1' }]);
    expect(state.authHeaders).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(sessionStore.get()).toEqual({ accessToken: 'access-2', refreshToken: 'refresh-2', staff });
  });

  it('shares one in-flight refresh between concurrent requests', async () => {
    const { fetchMock, state } = fakeApi();
    state.refreshGate = deferred();
    const sut = createHttpClient({ baseUrl: '/api', sessionStore: signedInStore(), fetch: fetchMock });

    const results = Promise.all([sut.json('/staff/me'), sut.json('/staff/members'), sut.json('/staff/stores')]);
    // Hold the refresh open until every request has been refused with the expired token.
    await until(() => state.authHeaders.length === 3 && state.refreshBodies.length >= 1);
    await new Promise((r) => setTimeout(r, 10));
    state.refreshGate.resolve();

    await expect(results).resolves.toEqual([{ url: '/api/staff/me' }, { url: '/api/staff/members' }, { url: '/api/staff/stores' }]);
    expect(state.refreshBodies).toHaveLength(1);
    expect(state.authHeaders.filter((h) => h === 'Bearer access-2')).toHaveLength(3);
  });

  it('does not refresh again for a 401 that arrives after another request already refreshed', async () => {
    const { fetchMock, state } = fakeApi();
    const slow = deferred();
    state.gates.set('/api/staff/stores', slow.promise);
    const sut = createHttpClient({ baseUrl: '/api', sessionStore: signedInStore(), fetch: fetchMock });

    const late = sut.json('/staff/stores');
    await expect(sut.json('/staff/me')).resolves.toEqual({ url: '/api/staff/me' });
    slow.resolve();

    await expect(late).resolves.toEqual({ url: '/api/staff/stores' });
    expect(state.refreshBodies).toHaveLength(1);
  });

  it('retries only once: a second AUTH_TOKEN_INVALID rejects instead of refreshing again', async () => {
    const fetchMock = jest.fn(async (input: RequestInfo | URL): Promise<Response> => {
      if (String(input) === '/api/auth/refresh') {
        return jsonResponse(200, { kind: 'staff', accessToken: 'access-2', expiresIn: 900, refreshToken: 'refresh-2', staff });
      }
      return tokenInvalid();
    });
    const sut = createHttpClient({ baseUrl: '/api', sessionStore: signedInStore(), fetch: fetchMock });

    await expect(sut.json('/staff/me')).rejects.toMatchObject({ status: 401, code: 'AUTH_TOKEN_INVALID' });
    expect(fetchMock.mock.calls.map(([input]) => String(input))).toEqual(['/api/staff/me', '/api/auth/refresh', '/api/staff/me']);
  });

  it('rejects with a typed ApiError carrying the API code and Chinese message, without refreshing', async () => {
    const fetchMock = jest.fn(async () => jsonResponse(403, { code: 'STAFF_OUT_OF_SCOPE', message: '该会员不属于您的门店' }));
    const sut = createHttpClient({ baseUrl: '/api', sessionStore: signedInStore(), fetch: fetchMock });

    const error: unknown = await sut.json('/staff/members/m-9').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: 'STAFF_OUT_OF_SCOPE', message: '该会员不属于您的门店' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('ends the session when the refresh token was reused, and rejects with that reason', async () => {
    const reused = { code: 'AUTH_REFRESH_TOKEN_REUSED', message: '检测到登录凭证被重复使用，已强制下线，请重新登录' };
    const { fetchMock } = fakeApi({ refreshResponse: () => jsonResponse(401, reused) });
    const sessionStore = signedInStore();
    const sut = createHttpClient({ baseUrl: '/api', sessionStore, fetch: fetchMock });

    await expect(sut.json('/staff/me')).rejects.toMatchObject({ status: 401, ...reused });
    expect(sessionStore.get()).toBeNull();
    expect(sessionStore.endedReason()).toBe(reused.message);
  });

  it('renews a token refused elsewhere (the chat socket) with the same single refresh requests use', async () => {
    const { fetchMock, state } = fakeApi();
    state.refreshGate = deferred();
    const sessionStore = signedInStore();
    const sut = createHttpClient({ baseUrl: '/api', sessionStore, fetch: fetchMock });

    const request = sut.json('/staff/me');
    await until(() => state.refreshBodies.length === 1);
    const renewed = sut.renewAccessToken('access-1');
    state.refreshGate.resolve();

    await expect(renewed).resolves.toBe('access-2');
    await expect(request).resolves.toEqual({ url: '/api/staff/me' });
    expect(state.refreshBodies).toHaveLength(1);
    // A token already replaced is not refreshed again.
    await expect(sut.renewAccessToken('access-1')).resolves.toBe('access-2');
    expect(state.refreshBodies).toHaveLength(1);
  });

  it('does not refresh on other 401 codes', async () => {
    const fetchMock = jest.fn(async () => jsonResponse(401, { code: 'AUTH_UNAUTHENTICATED', message: '请先登录' }));
    const sessionStore = signedInStore();
    const sut = createHttpClient({ baseUrl: '/api', sessionStore, fetch: fetchMock });

    await expect(sut.json('/staff/me')).rejects.toMatchObject({ status: 401, code: 'AUTH_UNAUTHENTICATED' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(sessionStore.get()).not.toBeNull();
  });

  it('sends no bearer token to auth endpoints and serialises the query string', async () => {
    const fetchMock = jest.fn<Promise<Response>, [RequestInfo | URL, RequestInit | undefined]>(async () => jsonResponse(200, { ok: true }));
    const sut = createHttpClient({ baseUrl: '/api', sessionStore: signedInStore(), fetch: fetchMock });

    await sut.json('/auth/staff/login', { method: 'POST', body: { username: 'lin', password: 'secret1' }, auth: false });
    await sut.json('/staff/members', { query: { q: '13800138000', page: 2, pageSize: undefined } });

    const [loginUrl, loginInit] = fetchMock.mock.calls[0];
    expect(loginUrl).toBe('/api/auth/staff/login');
    expect(new Headers(loginInit?.headers).get('Authorization')).toBeNull();
    expect(loginInit?.body).toBe(JSON.stringify({ username: 'lin', password: 'secret1' }));
    expect(fetchMock.mock.calls[1][0]).toBe('/api/staff/members?q=13800138000&page=2');
  });

  it('sends a FormData body as multipart, leaving the Content-Type (and its boundary) to fetch', async () => {
    const fetchMock = jest.fn<Promise<Response>, [RequestInfo | URL, RequestInit | undefined]>(async () => jsonResponse(200, { total: 1 }));
    const sut = createHttpClient({ baseUrl: '/api', sessionStore: signedInStore(), fetch: fetchMock });
    const form = new FormData();
    form.append('file', new Blob(['xlsx']), 'products.xlsx');

    await expect(sut.json('/staff/products/import', { method: 'POST', body: form })).resolves.toEqual({ total: 1 });

    const [, init] = fetchMock.mock.calls[0];
    expect(init?.body).toBe(form);
    expect(new Headers(init?.headers).get('Content-Type')).toBeNull();
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer access-1');
  });

  it('turns a failed connection into an ApiError with status 0', async () => {
    const fetchMock = jest.fn(async (): Promise<Response> => {
      throw new TypeError('fetch failed');
    });
    const sut = createHttpClient({ baseUrl: '/api', sessionStore: signedInStore(), fetch: fetchMock });

    await expect(sut.json('/staff/me')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络后重试' });
  });
});
