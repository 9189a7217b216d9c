import type { ErrorCode, ErrorResponse, StaffSessionResponse } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { sessionStore as browserSessionStore, toStaffSession, type SessionStore } from './session.store';

/** Codes the client itself produces when no API answer was received. */
export type ClientErrorCode = 'NETWORK_ERROR';

/** Every failed request rejects with this: the HTTP status (0 when the server was not reached), a stable code and a Chinese message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details?: ErrorResponse['details'],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export type QueryValue = string | number | undefined | null;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  /** Sent as JSON, or as `multipart/form-data` when it is a `FormData` (the browser then sets the boundary). */
  body?: unknown;
  /** False for the auth endpoints, which neither carry a bearer token nor trigger a refresh. Default true. */
  auth?: boolean;
  signal?: AbortSignal;
}

export interface HttpClient {
  /** Resolves with the parsed JSON body, or `undefined` for an empty (204) response. */
  json<T>(path: string, options?: RequestOptions): Promise<T>;
  blob(path: string, options?: RequestOptions): Promise<Blob>;
  /**
   * A valid access token to replace `staleToken` (refused by the API), refreshing the session at most once however
   * many callers ask. For connections that carry the token themselves (the chat socket); rejects when the session is over.
   */
  renewAccessToken(staleToken: string): Promise<string>;
}

export interface HttpClientOptions {
  /** Prefix of every path, e.g. `/api`. */
  baseUrl: string;
  sessionStore: SessionStore;
  fetch?: typeof fetch;
  /**
   * Runs a refresh under a lock shared by the browser's tabs, so two tabs never spend the same rotating
   * refresh token (the API would treat that as reuse and revoke the session). Defaults to the Web Locks API.
   */
  withRefreshLock?: <T>(run: () => Promise<T>) => Promise<T>;
}

// Contract codes the client acts on, as typed literals (see api-routes.ts for why values are not imported).
const TOKEN_INVALID = 'AUTH_TOKEN_INVALID' satisfies ErrorCode;
const UNAUTHENTICATED = 'AUTH_UNAUTHENTICATED' satisfies ErrorCode;
const INTERNAL = 'INTERNAL_ERROR' satisfies ErrorCode;
const BAD_REQUEST = 'BAD_REQUEST' satisfies ErrorCode;

const NETWORK_MESSAGE = '无法连接服务器，请检查网络后重试';

function defaultRefreshLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? locks.request('glow-console-refresh', run) : run();
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<Record<keyof ErrorResponse, unknown>>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string';
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (isErrorResponse(body)) return new ApiError(response.status, body.code, body.message, body.details);
  // Not an API error body (e.g. a proxy's HTML page): keep the status so nothing is hidden.
  const code = response.status >= 500 ? INTERNAL : BAD_REQUEST;
  return new ApiError(response.status, code, `服务暂时不可用（HTTP ${response.status}），请稍后再试`);
}

function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

/**
 * The console's one HTTP client. It adds the bearer token, and when the API answers 401 AUTH_TOKEN_INVALID
 * it refreshes the session once (concurrent requests wait for the same refresh) and retries the request once.
 * Every other failure rejects with an `ApiError`; nothing is swallowed and nothing is shown from here.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { baseUrl, sessionStore } = options;
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const withRefreshLock = options.withRefreshLock ?? defaultRefreshLock;
  let refreshing: Promise<string> | null = null;

  async function send(path: string, request: RequestOptions, accessToken: string | null): Promise<Response> {
    const headers: Record<string, string> = {};
    const multipart = typeof FormData !== 'undefined' && request.body instanceof FormData;
    if (request.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
    if (accessToken) headers['Authorization'] = `Bearer ${accessToken}`;
    try {
      return await doFetch(buildUrl(baseUrl, path, request.query), {
        method: request.method ?? 'GET',
        headers,
        body: request.body === undefined ? undefined : multipart ? (request.body as FormData) : JSON.stringify(request.body),
        signal: request.signal,
      });
    } catch (error) {
      // A cancelled query is not a network failure; let the caller see the abort as it is.
      if (request.signal?.aborted) throw error;
      throw new ApiError(0, 'NETWORK_ERROR', NETWORK_MESSAGE, undefined, { cause: error });
    }
  }

  async function refreshSession(staleToken: string): Promise<string> {
    // Re-read inside the lock: another tab may have refreshed while this one waited.
    const current = sessionStore.get();
    if (!current) throw new ApiError(401, UNAUTHENTICATED, '请先登录');
    if (current.accessToken !== staleToken) return current.accessToken;

    const response = await send(apiRoutes.refresh, { method: 'POST', body: { refreshToken: current.refreshToken } }, null);
    if (!response.ok) {
      const error = await toApiError(response);
      // The refresh token is spent, expired or revoked: the session is over and the user must log in again.
      if (response.status === 401) sessionStore.clear(error.message);
      throw error;
    }
    const session = (await response.json()) as StaffSessionResponse;
    sessionStore.set(toStaffSession(session));
    return session.accessToken;
  }

  /** A valid access token to replace `staleToken`, refreshing at most once however many requests ask. */
  function renewAccessToken(staleToken: string): Promise<string> {
    const current = sessionStore.get();
    if (current && current.accessToken !== staleToken) return Promise.resolve(current.accessToken);
    if (!refreshing) {
      refreshing = withRefreshLock(() => refreshSession(staleToken)).finally(() => {
        refreshing = null;
      });
    }
    return refreshing;
  }

  async function execute(path: string, request: RequestOptions): Promise<Response> {
    const useAuth = request.auth ?? true;
    const accessToken = useAuth ? (sessionStore.get()?.accessToken ?? null) : null;
    let response = await send(path, request, accessToken);

    if (response.status === 401 && accessToken) {
      const error = await toApiError(response);
      if (error.code !== TOKEN_INVALID) throw error;
      const renewed = await renewAccessToken(accessToken);
      response = await send(path, request, renewed);
    }
    if (!response.ok) throw await toApiError(response);
    return response;
  }

  return {
    async json<T>(path: string, request: RequestOptions = {}): Promise<T> {
      const response = await execute(path, request);
      const text = await response.text();
      if (!text) return undefined as T;
      try {
        return JSON.parse(text) as T;
      } catch (error) {
        throw new ApiError(response.status, INTERNAL, '服务返回的数据无法识别，请稍后再试', undefined, { cause: error });
      }
    },
    async blob(path: string, request: RequestOptions = {}): Promise<Blob> {
      const response = await execute(path, request);
      return response.blob();
    },
    renewAccessToken,
  };
}

export const API_BASE_URL = '/api';

export const http = createHttpClient({ baseUrl: API_BASE_URL, sessionStore: browserSessionStore });
