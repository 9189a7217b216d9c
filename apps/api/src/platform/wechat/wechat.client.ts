import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { WechatApiError } from './wechat.exception';

/** errcodes that mean "this access token is no good": drop it, fetch another, retry once. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
/** Refresh a cached token this long before WeChat says it expires. */
const EXPIRY_MARGIN_MS = 200_000;
const TIMEOUT_MS = 5_000;

interface WechatReply {
  errcode?: number;
  errmsg?: string;
}

export interface Code2SessionResult {
  openid: string;
  unionid: string | null;
}

export interface PhoneInfo {
  purePhoneNumber: string;
  countryCode: string;
}

export interface QrCodeRequest {
  scene: string;
  page: string;
  width?: number;
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
}

/**
 * Client of the WeChat server APIs. It only knows a base URL and the app's credentials,
 * so it talks to the sandbox in development and tests and to WeChat in production alike.
 */
@Injectable()
export class WechatClient {
  private readonly logger = new Logger(WechatClient.name);
  private cached: { token: string; expiresAt: number } | null = null;
  private inflight: Promise<string> | null = null;

  constructor(private readonly config: AppConfig) {}

  async code2Session(code: string): Promise<Code2SessionResult> {
    const q = new URLSearchParams({ appid: this.config.wechatAppId, secret: this.config.wechatAppSecret, js_code: code, grant_type: 'authorization_code' });
    const reply = await this.requestJson<WechatReply & { openid?: string; unionid?: string }>('/sns/jscode2session', `/sns/jscode2session?${q}`, { method: 'GET' });
    if (!reply.openid) throw new WechatApiError(-1, 'no openid in reply', '/sns/jscode2session');
    return { openid: reply.openid, unionid: reply.unionid ?? null };
  }

  async getPhoneNumber(code: string, openid?: string): Promise<PhoneInfo> {
    const reply = await this.withToken('/wxa/business/getuserphonenumber', (token) =>
      this.requestJson<WechatReply & { phone_info?: { purePhoneNumber: string; countryCode: string | number; watermark?: { appid?: string } } }>(
        '/wxa/business/getuserphonenumber',
        `/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(token)}`,
        { method: 'POST', body: JSON.stringify(openid ? { code, openid } : { code }) },
      ),
    );
    const info = reply.phone_info;
    if (!info) throw new WechatApiError(-1, 'no phone_info in reply', '/wxa/business/getuserphonenumber');
    // The watermark proves the number was issued to our mini-program, not replayed from another.
    if (info.watermark?.appid && info.watermark.appid !== this.config.wechatAppId) {
      throw new WechatApiError(40013, 'watermark appid mismatch', '/wxa/business/getuserphonenumber');
    }
    return { purePhoneNumber: info.purePhoneNumber, countryCode: String(info.countryCode) };
  }

  /** A mini-program code (PNG) for a scene; WeChat answers with image bytes, or JSON on failure. */
  async getUnlimitedQrCode(req: QrCodeRequest): Promise<Buffer> {
    return this.withToken('/wxa/getwxacodeunlimit', async (token) => {
      const body = { scene: req.scene, page: req.page, width: req.width ?? 430, check_path: req.checkPath ?? true, env_version: req.envVersion ?? 'release' };
      const res = await this.fetch('/wxa/getwxacodeunlimit', `/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`, { method: 'POST', body: JSON.stringify(body) });
      const bytes = Buffer.from(await res.arrayBuffer());
      if ((res.headers.get('content-type') ?? '').includes('json') || bytes[0] === 0x7b) {
        this.check('/wxa/getwxacodeunlimit', JSON.parse(bytes.toString('utf8')) as WechatReply);
      }
      return bytes;
    });
  }

  /**
   * Sends a subscribe message. WeChat allows one send per acceptance (43101 without one) and checks every field
   * against its keyword type (47003), so callers keep values within the rules.
   */
  async sendSubscribeMessage(req: { touser: string; templateId: string; page?: string; data: Record<string, string>; state?: 'developer' | 'trial' | 'formal' }): Promise<void> {
    await this.withToken('/cgi-bin/message/subscribe/send', (token) =>
      this.requestJson<WechatReply>('/cgi-bin/message/subscribe/send', `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        body: JSON.stringify({
          touser: req.touser,
          template_id: req.templateId,
          ...(req.page && { page: req.page }),
          data: Object.fromEntries(Object.entries(req.data).map(([k, value]) => [k, { value }])),
          miniprogram_state: req.state ?? 'formal',
          lang: 'zh_CN',
        }),
      }),
    );
  }

  /** Stable access token (shared safely by several API instances), cached until shortly before expiry. */
  async accessToken(): Promise<string> {
    if (this.cached && this.cached.expiresAt > Date.now()) return this.cached.token;
    this.inflight ??= this.fetchToken().finally(() => (this.inflight = null));
    return this.inflight;
  }

  private async fetchToken(): Promise<string> {
    const reply = await this.requestJson<WechatReply & { access_token?: string; expires_in?: number }>('/cgi-bin/stable_token', '/cgi-bin/stable_token', {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', appid: this.config.wechatAppId, secret: this.config.wechatAppSecret, force_refresh: false }),
    });
    if (!reply.access_token) throw new WechatApiError(-1, 'no access_token in reply', '/cgi-bin/stable_token');
    this.cached = { token: reply.access_token, expiresAt: Date.now() + (reply.expires_in ?? 7200) * 1000 - EXPIRY_MARGIN_MS };
    return reply.access_token;
  }

  private async withToken<T>(path: string, call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.accessToken();
    try {
      return await call(token);
    } catch (e) {
      if (!(e instanceof WechatApiError) || !TOKEN_ERRORS.has(e.errcode)) throw e;
      this.logger.warn(`access token rejected by ${path} (${e.errcode}); fetching a new one and retrying once`);
      // Only drop the cache if nobody has replaced the failing token meanwhile.
      if (this.cached?.token === token) this.cached = null;
      return call(await this.accessToken());
    }
  }

  private async requestJson<T extends WechatReply>(path: string, pathAndQuery: string, init: RequestInit): Promise<T> {
    const res = await this.fetch(path, pathAndQuery, init);
    let reply: T;
    try {
      reply = (await res.json()) as T;
    } catch {
      throw new WechatApiError(-1, `unreadable reply (HTTP ${res.status})`, path);
    }
    return this.check(path, reply);
  }

  private check<T extends WechatReply>(path: string, reply: T): T {
    // Query APIs omit errcode on success.
    if (reply.errcode !== undefined && reply.errcode !== 0) throw new WechatApiError(reply.errcode, reply.errmsg ?? '', path);
    return reply;
  }

  private async fetch(path: string, pathAndQuery: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.config.wechatApiBase}${pathAndQuery}`, {
        ...init,
        headers: init.body ? { 'content-type': 'application/json' } : undefined,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      throw new WechatApiError(-1, e instanceof Error ? e.message : 'network error', path);
    }
  }
}
