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

  /**
   * Content security check (v2) of a member's text. WeChat answers `pass`, `review` or `risky` with a label; the
   * openid must have used the mini-program within the last two hours.
   */
  async msgSecCheck(openid: string, content: string, scene: 1 | 2 | 3 | 4 = 2): Promise<{ suggest: 'pass' | 'review' | 'risky'; label: number }> {
    const reply = await this.withToken('/wxa/msg_sec_check', (token) =>
      this.requestJson<WechatReply & { result?: { suggest?: string; label?: number | string } }>('/wxa/msg_sec_check', `/wxa/msg_sec_check?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        body: JSON.stringify({ version: 2, openid, scene, content }),
      }),
    );
    const suggest = reply.result?.suggest;
    if (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky') throw new WechatApiError(-1, 'no result in reply', '/wxa/msg_sec_check');
    return { suggest, label: Number(reply.result?.label ?? 0) };
  }

  /**
   * Sends a customer-service message (text, image by media id, or a mini-program page card). WeChat only accepts them
   * within its window after the user's last message (45015 outside it, 45047 when the count is used up).
   */
  async sendCustomMessage(message: { touser: string } & (
    | { msgtype: 'text'; text: { content: string } }
    | { msgtype: 'image'; image: { media_id: string } }
    | { msgtype: 'miniprogrampage'; miniprogrampage: { title: string; pagepath: string; thumb_media_id: string } }
  )): Promise<void> {
    await this.withToken('/cgi-bin/message/custom/send', (token) =>
      this.requestJson<WechatReply>('/cgi-bin/message/custom/send', `/cgi-bin/message/custom/send?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        body: JSON.stringify(message),
      }),
    );
  }

  /** "Typing…" in WeChat's customer-service session (only within 30 s of the user's last message). */
  async customTyping(openid: string, typing: boolean): Promise<void> {
    await this.withToken('/cgi-bin/message/custom/typing', (token) =>
      this.requestJson<WechatReply>('/cgi-bin/message/custom/typing', `/cgi-bin/message/custom/typing?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        body: JSON.stringify({ touser: openid, command: typing ? 'Typing' : 'CancelTyping' }),
      }),
    );
  }

  /** Uploads an image as temporary media (for customer-service messages); answers its media id. */
  async uploadImage(bytes: Buffer, fileName: string, contentType: string): Promise<string> {
    return this.withToken('/cgi-bin/media/upload', async (token) => {
      const form = new FormData();
      form.append('media', new Blob([new Uint8Array(bytes)], { type: contentType }), fileName);
      let res: Response;
      try {
        res = await fetch(`${this.config.wechatApiBase}/cgi-bin/media/upload?type=image&access_token=${encodeURIComponent(token)}`, {
          method: 'POST',
          body: form,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (e) {
        throw new WechatApiError(-1, e instanceof Error ? e.message : 'network error', '/cgi-bin/media/upload');
      }
      const reply = this.check('/cgi-bin/media/upload', (await res.json().catch(() => ({ errcode: -1, errmsg: 'unreadable reply' }))) as WechatReply & { media_id?: string });
      if (!reply.media_id) throw new WechatApiError(-1, 'no media_id in reply', '/cgi-bin/media/upload');
      return reply.media_id;
    });
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
