import { createDecipheriv, createSign, createVerify, randomInt } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { API_PREFIX, type PaymentParams, Routes } from '@glow/contracts';
import { AppConfig } from '../config/app-config';
import { WechatApiError } from './wechat.exception';

const SIGNATURE_SCHEME = 'WECHATPAY2-SHA256-RSA2048';
/** WeChat Pay's own SDK refuses replies and notifications signed 5 minutes or more away from now. */
const MAX_CLOCK_SKEW_SECONDS = 300;
/** Signature probes (签名探测) start with this; they must fail verification like any forged message. */
const SIGN_TEST_PREFIX = 'WECHATPAY/SIGNTEST/';
const TIMEOUT_MS = 10_000;
const GCM_TAG_BYTES = 16;
const DESCRIPTION_MAX = 127;
const REFUND_REASON_MAX = 80;
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;
const REFUND_FIELDS = ['refund_id', 'out_refund_no', 'status', 'amount'] as const;

export type WechatPayTradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

/**
 * A payment as WeChat Pay describes it, in its own field names: what the query answers and what a
 * TRANSACTION.SUCCESS notification carries. Unpaid orders have no transaction_id, success_time or payer_total.
 */
export interface WechatPayTransaction {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type?: string;
  trade_state: WechatPayTradeState;
  trade_state_desc?: string;
  bank_type?: string;
  attach?: string;
  /** RFC 3339, e.g. `2026-01-01T15:01:02+08:00`. */
  success_time?: string;
  payer?: { openid?: string };
  amount?: { total: number; payer_total?: number; currency?: string; payer_currency?: string };
}

export type WechatPayRefundStatus = 'SUCCESS' | 'CLOSED' | 'PROCESSING' | 'ABNORMAL';

/** A refund as WeChat Pay describes it (the Refund object), in its own field names. */
export interface WechatPayRefund {
  refund_id: string;
  out_refund_no: string;
  transaction_id: string;
  out_trade_no: string;
  channel?: string;
  user_received_account?: string;
  success_time?: string;
  create_time: string;
  status: WechatPayRefundStatus;
  funds_account?: string;
  amount: { total: number; refund: number; payer_total?: number; payer_refund?: number; currency?: string };
}

/** The decrypted resource of a REFUND.* notification; it says `refund_status` where the Refund object says `status`. */
export interface WechatPayRefundNotice {
  mchid: string;
  out_trade_no: string;
  transaction_id: string;
  refund_id: string;
  out_refund_no: string;
  refund_status: WechatPayRefundStatus;
  success_time?: string;
  user_received_account?: string;
  amount: { total: number; refund: number; payer_total?: number; payer_refund?: number };
}

export interface WechatPayNotification {
  /** Unique per event; WeChat Pay sends the same id again on every retry. */
  id: string;
  /** `TRANSACTION.SUCCESS`, `REFUND.SUCCESS`, `REFUND.ABNORMAL`, `REFUND.CLOSED`. */
  eventType: string;
  /** The decrypted resource: a WechatPayTransaction or a WechatPayRefundNotice, depending on eventType. */
  resource: Record<string, unknown>;
}

/** WeChat Pay answered a request with a 4xx and `{code, message}` (e.g. 400 ORDER_PAID, 404 ORDER_NOT_EXIST). */
export class WechatPayApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly path: string,
  ) {
    super(`WeChat Pay ${path} failed: ${status} ${code} ${detail}`);
    this.name = 'WechatPayApiError';
  }
}

/** A notification that must not be trusted: the receiver answers 4xx and WeChat Pay retries a genuine one. */
export class WechatPayNotificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WechatPayNotificationError';
  }
}

type HeaderReader = (name: string) => string | undefined;

function randomNonce(length = 32): string {
  return Array.from({ length }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('');
}

/** RFC 3339 in Beijing time to the second, as WeChat Pay writes instants: `2026-01-01T15:01:02+08:00`. */
function beijingTime(date: Date): string {
  return `${new Date(Math.floor(date.getTime() / 1000) * 1000 + BEIJING_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** WeChat Pay counts characters; a long product name must not make the payment fail. */
function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Replies are trusted once their signature verifies; this only guards against a reply of another shape. */
function withFields<T>(reply: unknown, keys: readonly string[], path: string): T {
  if (!isRecord(reply) || keys.some((key) => reply[key] === undefined)) throw new WechatApiError(-1, `reply lacks ${keys.join(', ')}`, path);
  return reply as T;
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Client of WeChat Pay API v3 for mini-program (JSAPI) payments, on node:crypto and fetch. Every request is signed with
 * the merchant key; every successful reply and every notification must carry a valid signature of the WeChat Pay
 * public key named by `wechatPayPlatformPublicKeyId`. It only knows a base URL, so it talks to the sandbox in
 * development and tests and to `https://api.mch.weixin.qq.com` in production alike.
 *
 * Errors: a 4xx answer is a WechatPayApiError; no answer, a 5xx or a reply whose signature does not verify is a
 * WechatApiError with errcode -1 (WeChat unavailable), like the other WeChat clients.
 */
@Injectable()
export class WechatPayClient {
  private readonly logger = new Logger(WechatPayClient.name);

  constructor(private readonly config: AppConfig) {}

  /**
   * Creates the WeChat Pay order and returns its prepay_id. Calling again with the same parameters (the same
   * `timeExpire` too) returns the same prepay_id; different parameters for the same outTradeNo are refused with
   * 400 INVALID_REQUEST, a paid order with 400 ORDER_PAID, a closed one with 400 ORDER_CLOSED.
   */
  async prepayJsapi(p: { outTradeNo: string; description: string; totalFen: number; openid: string; timeExpire: Date; attach?: string }): Promise<string> {
    const path = '/v3/pay/transactions/jsapi';
    const reply = await this.request('POST', path, {
      appid: this.config.wechatAppId,
      mchid: this.config.wechatPayMchId,
      description: truncate(p.description, DESCRIPTION_MAX),
      out_trade_no: p.outTradeNo,
      time_expire: beijingTime(p.timeExpire),
      ...(p.attach !== undefined && { attach: p.attach }),
      notify_url: this.notifyUrl(Routes.wechatPayNotify),
      amount: { total: p.totalFen, currency: 'CNY' },
      payer: { openid: p.openid },
    });
    const prepayId = isRecord(reply) ? stringField(reply, 'prepay_id') : undefined;
    if (!prepayId) throw new WechatApiError(-1, 'no prepay_id in reply', path);
    return prepayId;
  }

  /** What `wx.requestPayment` needs, signed with the merchant key over appId, timeStamp, nonceStr and package (§8d). */
  paymentParams(prepayId: string): PaymentParams {
    const appId = this.config.wechatAppId;
    const timeStamp = String(Math.floor(Date.now() / 1000));
    const nonceStr = randomNonce();
    const pkg = `prepay_id=${prepayId}`;
    const paySign = this.sign(`${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`);
    return { appId, timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
  }

  /** The order as WeChat Pay sees it; null when WeChat Pay has no such order. */
  async query(outTradeNo: string): Promise<WechatPayTransaction | null> {
    const mchid = encodeURIComponent(this.config.wechatPayMchId);
    const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}`;
    try {
      return withFields<WechatPayTransaction>(await this.request('GET', `${path}?mchid=${mchid}`), ['out_trade_no', 'trade_state'], path);
    } catch (e) {
      if (e instanceof WechatPayApiError && e.status === 404) return null;
      throw e;
    }
  }

  /**
   * Closes an unpaid order so it can no longer be paid. An order already closed, or one WeChat Pay never created, is
   * as good as closed. A paid order throws WechatPayApiError 400 ORDER_PAID: the payment won the race.
   */
  async close(outTradeNo: string): Promise<void> {
    try {
      await this.request('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, { mchid: this.config.wechatPayMchId });
    } catch (e) {
      if (e instanceof WechatPayApiError && (e.code === 'ORDER_CLOSED' || e.code === 'ORDER_NOT_EXIST')) return;
      throw e;
    }
  }

  /**
   * Asks for a refund; it usually answers PROCESSING and a REFUND.SUCCESS notification follows. Repeating the same
   * outRefundNo with the same amounts is safe (the same refund comes back).
   */
  async refund(p: { outTradeNo: string; outRefundNo: string; refundFen: number; totalFen: number; reason: string }): Promise<WechatPayRefund> {
    const path = '/v3/refund/domestic/refunds';
    const reply = await this.request('POST', path, {
      out_trade_no: p.outTradeNo,
      out_refund_no: p.outRefundNo,
      reason: truncate(p.reason, REFUND_REASON_MAX),
      notify_url: this.notifyUrl(Routes.wechatPayRefundNotify),
      amount: { refund: p.refundFen, total: p.totalFen, currency: 'CNY' },
    });
    return withFields<WechatPayRefund>(reply, REFUND_FIELDS, path);
  }

  /** The refund as WeChat Pay sees it; null when WeChat Pay has no such refund. */
  async queryRefund(outRefundNo: string): Promise<WechatPayRefund | null> {
    const path = `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`;
    try {
      return withFields<WechatPayRefund>(await this.request('GET', path), REFUND_FIELDS, path);
    } catch (e) {
      if (e instanceof WechatPayApiError && e.status === 404) return null;
      throw e;
    }
  }

  /**
   * Authenticates and decrypts a payment or refund notification (§8g). `rawBody` must be the exact bytes received: the
   * signature covers them. Throws WechatPayNotificationError for anything that does not prove it comes from WeChat
   * Pay: missing headers, another key id, a timestamp 5 minutes or more away, a bad signature (signature probes
   * included), or a resource that fails AES-256-GCM authentication.
   */
  verifyNotification(headers: Record<string, string | string[] | undefined>, rawBody: string): WechatPayNotification {
    const lower = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), Array.isArray(value) ? value[0] : value]));
    const problem = this.signatureProblem((name) => lower.get(name), rawBody);
    if (problem) throw new WechatPayNotificationError(problem);

    let envelope: unknown;
    try {
      envelope = JSON.parse(rawBody);
    } catch {
      throw new WechatPayNotificationError('body is not JSON');
    }
    const resource = isRecord(envelope) && isRecord(envelope.resource) ? envelope.resource : undefined;
    const id = isRecord(envelope) ? stringField(envelope, 'id') : undefined;
    const eventType = isRecord(envelope) ? stringField(envelope, 'event_type') : undefined;
    if (!id || !eventType || !resource) throw new WechatPayNotificationError('body is not a notification envelope');
    return { id, eventType, resource: this.decryptResource(resource) };
  }

  private decryptResource(resource: Record<string, unknown>): Record<string, unknown> {
    const ciphertext = stringField(resource, 'ciphertext');
    const nonce = stringField(resource, 'nonce');
    const associatedData = stringField(resource, 'associated_data') ?? '';
    if (resource.algorithm !== 'AEAD_AES_256_GCM' || !ciphertext || !nonce) throw new WechatPayNotificationError('resource is not AEAD_AES_256_GCM');
    let plaintext: string;
    try {
      const bytes = Buffer.from(ciphertext, 'base64');
      if (bytes.length < GCM_TAG_BYTES) throw new Error('ciphertext shorter than the tag');
      const decipher = createDecipheriv('aes-256-gcm', Buffer.from(this.config.wechatPayApiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(bytes.subarray(bytes.length - GCM_TAG_BYTES));
      // final() checks the tag: without it a tampered ciphertext would "decrypt" to garbage.
      plaintext = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - GCM_TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new WechatPayNotificationError('resource failed AES-256-GCM authentication');
    }
    let decrypted: unknown;
    try {
      decrypted = JSON.parse(plaintext);
    } catch {
      throw new WechatPayNotificationError('decrypted resource is not JSON');
    }
    if (!isRecord(decrypted)) throw new WechatPayNotificationError('decrypted resource is not an object');
    return decrypted;
  }

  /** What is wrong with the signature headers of a reply or notification (§8b), or null when they prove WeChat Pay sent `body`. */
  private signatureProblem(header: HeaderReader, body: string): string | null {
    const timestamp = header('wechatpay-timestamp');
    const nonce = header('wechatpay-nonce');
    const signature = header('wechatpay-signature');
    const serial = header('wechatpay-serial');
    if (!timestamp || !nonce || !signature || !serial) return 'Wechatpay-* signature headers missing';
    const type = header('wechatpay-signature-type');
    if (type !== undefined && type !== SIGNATURE_SCHEME) return `unsupported signature type ${type}`;
    if (serial !== this.config.wechatPayPlatformPublicKeyId) return `unknown Wechatpay-Serial ${serial}`;
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) >= MAX_CLOCK_SKEW_SECONDS) return 'Wechatpay-Timestamp too far from now';
    if (signature.startsWith(SIGN_TEST_PREFIX)) return 'signature probe (WECHATPAY/SIGNTEST)';
    let valid = false;
    try {
      valid = createVerify('RSA-SHA256').update(`${timestamp}\n${nonce}\n${body}\n`).verify(this.config.wechatPayPlatformPublicKey, signature, 'base64');
    } catch {
      valid = false;
    }
    return valid ? null : 'signature does not verify';
  }

  private notifyUrl(route: string): string {
    return `${this.config.publicBaseUrl}${API_PREFIX}${route}`;
  }

  private sign(message: string): string {
    return createSign('RSA-SHA256').update(message).sign(this.config.wechatPayMerchantPrivateKey, 'base64');
  }

  /** Sends a signed request (§8a) and returns the parsed reply, or null for an empty one (204). */
  private async request(method: 'GET' | 'POST', pathAndQuery: string, body?: Record<string, unknown>): Promise<unknown> {
    const path = pathAndQuery.split('?')[0] ?? pathAndQuery;
    const payload = body === undefined ? '' : JSON.stringify(body);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomNonce();
    const signature = this.sign(`${method}\n${pathAndQuery}\n${timestamp}\n${nonce}\n${payload}\n`);
    const { wechatPayMchId: mchid, wechatPayMerchantSerial: serial } = this.config;
    const headers: Record<string, string> = {
      authorization: `${SIGNATURE_SCHEME} mchid="${mchid}",nonce_str="${nonce}",timestamp="${timestamp}",serial_no="${serial}",signature="${signature}"`,
      accept: 'application/json',
      'user-agent': 'glow-api',
      // Tells WeChat Pay which of its keys we can verify replies with.
      'wechatpay-serial': this.config.wechatPayPlatformPublicKeyId,
    };
    if (body !== undefined) headers['content-type'] = 'application/json';

    let status: number;
    let replyHeaders: Headers;
    let text: string;
    try {
      const res = await fetch(`${this.config.wechatPayApiBase}${pathAndQuery}`, {
        method,
        headers,
        body: body === undefined ? undefined : payload,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      status = res.status;
      replyHeaders = res.headers;
      text = await res.text();
    } catch (e) {
      throw new WechatApiError(-1, e instanceof Error ? e.message : 'network error', path);
    }

    if (status >= 500) throw new WechatApiError(-1, `HTTP ${status} ${text.slice(0, 200)}`, path);
    if (status < 200 || status >= 300) {
      // Like WeChat Pay's own SDK, error replies are read without checking a signature: WeChat Pay signs only replies
      // to requests it has authenticated, so a 401 comes unsigned.
      let error: unknown;
      try {
        error = JSON.parse(text);
      } catch {
        error = {};
      }
      const record = isRecord(error) ? error : {};
      throw new WechatPayApiError(status, stringField(record, 'code') ?? `HTTP_${status}`, stringField(record, 'message') ?? text.slice(0, 200), path);
    }

    const problem = this.signatureProblem((name) => replyHeaders.get(name) ?? undefined, text);
    if (problem) {
      this.logger.error(`WeChat Pay reply to ${method} ${path} rejected: ${problem}`);
      throw new WechatApiError(-1, `reply not signed by WeChat Pay: ${problem}`, path);
    }
    if (text === '') return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new WechatApiError(-1, `unreadable reply (HTTP ${status})`, path);
    }
  }
}
