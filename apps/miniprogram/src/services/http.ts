import Taro from '@tarojs/taro';
import type { ErrorCode } from '@glow/contracts';
import { apiPrefix } from './api-routes';

/** Codes the client itself raises when there is no usable answer from a server, or WeChat Pay failed on the device. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE' | 'UNSUPPORTED_PLATFORM' | 'PAYMENT_FAILED';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** Every failed call ends here: the API's `{ code, message }` (Chinese, meant for people) plus the HTTP status. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  /**
   * The whole JSON error body, for the few errors that carry more than `{ code, message }` (a 409
   * APPOINTMENT_SLOT_TAKEN lists the fresh slots of the day); null when the client raised the error itself.
   */
  readonly body: Readonly<Record<string, unknown>> | null;

  constructor(code: ApiErrorCode, message: string, status: number, body: Readonly<Record<string, unknown>> | null = null) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.body = body;
    // Babel's ES5 output of `extends Error` can lose the prototype; keep `instanceof` reliable.
    Object.setPrototypeOf(this, ApiError.prototype);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The Chinese message to show for any failure, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return isApiError(error) ? error.message : '系统繁忙，请稍后再试';
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Header = Record<string, string>;

export interface TransportResponse {
  statusCode: number;
  data: unknown;
}

/** The platform's networking, swapped out in unit tests. Rejects only when no HTTP answer arrived at all. */
export interface Transport {
  request(options: { url: string; method: HttpMethod; header: Header; data?: unknown }): Promise<TransportResponse>;
  upload(options: { url: string; filePath: string; name: string; header: Header }): Promise<TransportResponse>;
}

/** Where authenticated calls get their bearer token; see `MemberSession`. */
export interface TokenSource {
  /** A usable access token, logging in first when there is none. */
  accessToken(): Promise<string>;
  /** The API rejected `staleToken` as expired: return a fresh token (refreshing or logging in again). */
  renew(staleToken: string): Promise<string>;
}

export interface HttpClientOptions {
  /** Origin plus path prefix, e.g. `https://api.example.com/api`; `''` means same origin, no prefix. */
  baseUrl: string;
  transport: Transport;
  tokens?: TokenSource;
}

const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';
const BAD_RESPONSE_MESSAGE = '服务暂时不可用，请稍后再试';

/**
 * The one HTTP client of the mini-program. It adds the bearer token, renews it once when the API answers
 * 401 AUTH_TOKEN_INVALID and repeats the call, and turns every failure into an {@link ApiError} for the caller.
 * It never shows anything to the user and never swallows an error.
 */
export class HttpClient {
  constructor(private readonly options: HttpClientOptions) {}

  /** The same client, sending a bearer token from `tokens` with every call. */
  withTokens(tokens: TokenSource): HttpClient {
    return new HttpClient({ ...this.options, tokens });
  }

  /** The same client against another server (the WeChat sandbox's control API in demo mode). */
  withBaseUrl(baseUrl: string): HttpClient {
    return new HttpClient({ ...this.options, baseUrl });
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: object): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  patch<T>(path: string, body: object): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  put<T>(path: string, body: object): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /** Uploads a local file (a WeChat temp path, or a blob URL in H5) as multipart field `name`. */
  upload<T>(path: string, filePath: string, name = 'file'): Promise<T> {
    const url = this.options.baseUrl + path;
    return this.send<T>((header) => this.options.transport.upload({ url, filePath, name, header }));
  }

  private request<T>(method: HttpMethod, path: string, body?: object): Promise<T> {
    const url = this.options.baseUrl + path;
    return this.send<T>((header) =>
      this.options.transport.request({
        url,
        method,
        header: body === undefined ? header : { ...header, 'Content-Type': 'application/json' },
        data: body,
      }),
    );
  }

  private async send<T>(dispatch: (header: Header) => Promise<TransportResponse>): Promise<T> {
    const tokens = this.options.tokens;
    if (!tokens) return unwrap<T>(await reach(dispatch, {}));

    const token = await tokens.accessToken();
    const first = await reach(dispatch, bearer(token));
    if (!isExpiredToken(first)) return unwrap<T>(first);

    // Renew once and repeat; a second rejection goes to the caller rather than looping.
    const fresh = await tokens.renew(token);
    return unwrap<T>(await reach(dispatch, bearer(fresh)));
  }
}

function bearer(token: string): Header {
  return { Authorization: `Bearer ${token}` };
}

async function reach(dispatch: (header: Header) => Promise<TransportResponse>, header: Header): Promise<TransportResponse> {
  try {
    return await dispatch(header);
  } catch {
    throw new ApiError('NETWORK_ERROR', NETWORK_MESSAGE, 0);
  }
}

function isExpiredToken(response: TransportResponse): boolean {
  const body = parseBody(response.data);
  return response.statusCode === 401 && isErrorBody(body) && body.code === ('AUTH_TOKEN_INVALID' satisfies ErrorCode);
}

function unwrap<T>(response: TransportResponse): T {
  const body = parseBody(response.data);
  if (response.statusCode >= 200 && response.statusCode < 300) {
    if (typeof body === 'object' && body !== null) return body as T;
    if (response.statusCode === 204) return undefined as T;
    // Not JSON at all, e.g. an HTML page from a proxy or static server where the API should be.
    throw new ApiError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE, response.statusCode);
  }
  if (isErrorBody(body)) throw new ApiError(body.code, body.message, response.statusCode, body);
  throw new ApiError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE, response.statusCode);
}

/** `uploadFile` hands back the body as text; `request` has already parsed JSON. */
function parseBody(data: unknown): unknown {
  if (typeof data !== 'string' || data === '') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return data;
  }
}

function isErrorBody(body: unknown): body is { code: ErrorCode; message: string } & Record<string, unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const { code, message } = body as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string' && message !== '';
}

/** `Taro.request` / `Taro.uploadFile` as a {@link Transport}; both work in weapp and in H5. */
export const taroTransport: Transport = {
  async request({ url, method, header, data }) {
    const res = await Taro.request({ url, method, header, data, dataType: 'json' });
    return { statusCode: res.statusCode, data: res.data };
  },
  async upload({ url, filePath, name, header }) {
    const res = await Taro.uploadFile({ url, filePath, name, header });
    return { statusCode: res.statusCode, data: res.data };
  },
};

/** The Glow API, unauthenticated; member calls go through `memberHttp` (services/member-session.ts). */
export const http = new HttpClient({ baseUrl: GLOW_API_BASE + apiPrefix, transport: taroTransport });
