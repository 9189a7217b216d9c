import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler, preHandlerHookHandler } from 'fastify';
import { parseAuthorization, platformSignatureHeaders, requestSignMessage, verifySha256Rsa } from '../pay/pay-crypto';
import { publishNotification } from '../pay/pay-notifier';
import type { SandboxContext } from '../sandbox-context';
import { refundNoticeView, refundView, type PayError, type PrepayRequest, type RefundRequest } from '../state/pay-store';
import { isJsonObject, queryValue, type JsonObject, type QueryRecord } from '../wechat-request';

/** Requests signed more than 5 minutes away from the sandbox's clock are refused (§8a: "很久之前发起的请求"). */
const MAX_CLOCK_SKEW_SECONDS = 300;
/** A refund is PROCESSING when answered and SUCCESS this soon after. */
const REFUND_SETTLE_MS = 50;

const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;
const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

type Params = { outTradeNo?: string; transactionId?: string; outRefundNo?: string };

/** A request WeChat Pay refuses with 400 before looking at its state: PARAM_ERROR unless another code fits. */
class ParamError extends Error {
  constructor(
    message: string,
    readonly code = 'PARAM_ERROR',
  ) {
    super(message);
  }
}

function paramError(message: string): PayError {
  return { status: 400, code: 'PARAM_ERROR', message };
}

function sendError(reply: FastifyReply, error: PayError): FastifyReply {
  return reply.code(error.status).send({ code: error.code, message: error.message });
}

function rawBody(request: FastifyRequest): string {
  return typeof request.body === 'string' ? request.body : '';
}

/**
 * Checks `Authorization` as WeChat Pay does (§8a): scheme and five fields, the merchant's mchid and certificate serial,
 * a timestamp within 5 minutes, and the SHA256withRSA signature over method, URL, timestamp, nonce and body.
 * Returns what is wrong, or null.
 */
function authorizationProblem(ctx: SandboxContext, request: FastifyRequest): { message: string; issue: string; signed?: string } | null {
  const { config } = ctx.pay;
  const auth = parseAuthorization(request.headers.authorization);
  if (!auth) return { message: 'Http头Authorization值格式错误，请参考《微信支付API v3签名规则》', issue: 'authorization header missing or malformed' };
  if (auth.mchid !== config.mchId) return { message: '商户号不存在或与签名信息不匹配', issue: 'mchid not match' };
  if (auth.serialNo !== config.merchantSerial) return { message: '商户证书序列号有误，请核实后再试', issue: 'serial_no not match' };
  const timestamp = Number(auth.timestamp);
  if (!/^\d{1,12}$/.test(auth.timestamp) || Math.abs(ctx.now() / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
    return { message: '请求时间戳与当前时间相差超过5分钟', issue: 'timestamp expired' };
  }
  const signed = requestSignMessage(request.method, request.url, auth.timestamp, auth.nonceStr, rawBody(request));
  if (!verifySha256Rsa(config.merchantPublicKeyPem, signed, auth.signature)) return { message: '错误的签名,验签失败', issue: 'sign not match', signed };
  return null;
}

/**
 * 401 SIGN_ERROR shaped like the body in §8a. It is the one reply the sandbox leaves unsigned: WeChat Pay signs its
 * replies only after it has verified the merchant's request.
 */
function refuseSignature(ctx: SandboxContext, request: FastifyRequest, reply: FastifyReply): boolean {
  const problem = authorizationProblem(ctx, request);
  if (!problem) return false;
  const signed = problem.signed ?? '';
  void reply.code(401).send({
    code: 'SIGN_ERROR',
    message: problem.message,
    detail: {
      detail: { issue: problem.issue },
      field: 'signature',
      location: 'authorization',
      sign_information: {
        method: request.method,
        sign_message_length: signed.length,
        truncated_sign_message: signed.slice(0, 256),
        url: request.url,
      },
    },
  });
  return true;
}

function readBody(raw: unknown): JsonObject {
  if (typeof raw !== 'string' || raw.trim() === '') throw new ParamError('请求体为空');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ParamError('请求体不是合法的JSON');
  }
  if (!isJsonObject(value)) throw new ParamError('请求体须为JSON对象');
  return value;
}

function requiredString(body: JsonObject, key: string, maxLength: number): string {
  const value = body[key];
  if (value === undefined || value === null || value === '') throw new ParamError(`缺少参数 ${key}`);
  if (typeof value !== 'string') throw new ParamError(`${key} 须为字符串`);
  if ([...value].length > maxLength) throw new ParamError(`${key} 长度不能超过 ${maxLength} 个字符`);
  return value;
}

function optionalString(body: JsonObject, key: string, maxLength: number): string | null {
  return body[key] === undefined || body[key] === null ? null : requiredString(body, key, maxLength);
}

function requiredObject(body: JsonObject, key: string): JsonObject {
  const value = body[key];
  if (value === undefined) throw new ParamError(`缺少参数 ${key}`);
  if (!isJsonObject(value)) throw new ParamError(`${key} 须为JSON对象`);
  return value;
}

function positiveInt(body: JsonObject, key: string, path: string): number {
  const value = body[key];
  if (value === undefined) throw new ParamError(`缺少参数 ${path}`);
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw new ParamError(`${path} 须为大于 0 的整数（单位：分）`);
  return value;
}

function currency(amount: JsonObject, path: string, required: boolean): void {
  if (amount.currency === undefined && !required) return;
  if (amount.currency !== 'CNY') throw new ParamError(`${path}.currency 只支持 CNY`);
}

/**
 * notify_url must be HTTPS without a query string (§8c). The sandbox also takes plain http on this machine
 * (127.0.0.1, localhost, [::1]) so a developer's API can receive notifications without a certificate.
 */
function checkNotifyUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ParamError('notify_url 不是合法的URL');
  }
  if (value.includes('?') || value.includes('#')) throw new ParamError('notify_url 不能携带参数');
  const local = url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !local) throw new ParamError('notify_url 须为 https 地址');
  return value;
}

function timeExpire(body: JsonObject): number | null {
  const value = optionalString(body, 'time_expire', 64);
  if (value === null) return null;
  const ms = Date.parse(value);
  if (!RFC3339.test(value) || Number.isNaN(ms)) throw new ParamError('time_expire 须为 RFC 3339 格式，如 2026-01-01T12:00:00+08:00');
  return ms;
}

/** JSON with keys sorted at every level, so two bodies with the same content compare equal. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function parse<T>(read: () => T): { ok: true; value: T } | { ok: false; error: PayError } {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof ParamError) return { ok: false, error: { status: 400, code: error.code, message: error.message } };
    throw error;
  }
}

function parsePrepay(ctx: SandboxContext, raw: unknown): { ok: true; value: PrepayRequest } | { ok: false; error: PayError } {
  return parse(() => {
    const body = readBody(raw);
    const appid = requiredString(body, 'appid', 32);
    const mchid = requiredString(body, 'mchid', 32);
    const description = requiredString(body, 'description', 127);
    const outTradeNo = requiredString(body, 'out_trade_no', 32);
    if (!OUT_TRADE_NO.test(outTradeNo)) throw new ParamError('out_trade_no 须为 6-32 位数字、大小写字母或 _-|*');
    const expiresAt = timeExpire(body);
    const attach = optionalString(body, 'attach', 128);
    const url = checkNotifyUrl(requiredString(body, 'notify_url', 255));
    const amount = requiredObject(body, 'amount');
    const total = positiveInt(amount, 'total', 'amount.total');
    currency(amount, 'amount', false);
    const openid = requiredString(requiredObject(body, 'payer'), 'openid', 128);
    if (body.scene_info !== undefined) requiredString(requiredObject(body, 'scene_info'), 'payer_client_ip', 45);
    if (appid !== ctx.appId || mchid !== ctx.pay.config.mchId) throw new ParamError('appid和mchid不匹配，请检查后再试', 'APPID_MCHID_NOT_MATCH');
    return { appid, mchid, description, outTradeNo, timeExpire: expiresAt, attach, notifyUrl: url, total, openid, fingerprint: canonicalJson(body) };
  });
}

function parseRefund(raw: unknown): { ok: true; value: RefundRequest } | { ok: false; error: PayError } {
  return parse(() => {
    const body = readBody(raw);
    const outTradeNo = optionalString(body, 'out_trade_no', 32);
    const transactionId = optionalString(body, 'transaction_id', 32);
    if (outTradeNo === null && transactionId === null) throw new ParamError('out_trade_no 与 transaction_id 须填写其一');
    const outRefundNo = requiredString(body, 'out_refund_no', 64);
    if (!OUT_REFUND_NO.test(outRefundNo)) throw new ParamError('out_refund_no 须为 1-64 位数字、大小写字母或 _-|*@');
    const amount = requiredObject(body, 'amount');
    const refund = positiveInt(amount, 'refund', 'amount.refund');
    const total = positiveInt(amount, 'total', 'amount.total');
    currency(amount, 'amount', true);
    const url = optionalString(body, 'notify_url', 255);
    const reason = optionalString(body, 'reason', 80);
    return { outTradeNo, transactionId, outRefundNo, reason, notifyUrl: url === null ? null : checkNotifyUrl(url), refund, total };
  });
}

/**
 * WeChat Pay API v3 for mini-program (JSAPI) payments, §8: prepay, query, close, refunds. Requests must carry the
 * merchant's signature; replies are signed with the platform key, and notifications follow payments and refunds.
 */
export function registerPayRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { pay } = ctx;
  const { store } = pay;

  const verify: preHandlerHookHandler = async (request, reply) => {
    if (refuseSignature(ctx, request, reply)) return reply;
    return undefined;
  };

  const sign: onSendHookHandler = async (_request, reply, payload) => {
    if (reply.statusCode === 401) return payload;
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '';
    const platform = { privateKeyPem: pay.config.platformPrivateKeyPem, publicKeyId: pay.config.platformPublicKeyId };
    void reply.headers({ ...platformSignatureHeaders(platform, Math.floor(ctx.now() / 1000), body), 'request-id': randomUUID() });
    return payload;
  };

  const v3 = { preHandler: verify, onSend: sign };

  app.post('/v3/pay/transactions/jsapi', v3, async (request, reply) => {
    const parsed = parsePrepay(ctx, request.body);
    if (!parsed.ok) return sendError(reply, parsed.error);
    const outcome = store.prepay(parsed.value);
    if (!outcome.ok) return sendError(reply, outcome.error);
    return { prepay_id: outcome.value.prepayId };
  });

  app.get<{ Params: Params; Querystring: QueryRecord }>('/v3/pay/transactions/out-trade-no/:outTradeNo', v3, async (request, reply) => {
    const mchid = queryValue(request.query, 'mchid');
    if (!mchid) return sendError(reply, paramError('缺少参数 mchid'));
    const order = store.order(request.params.outTradeNo ?? '');
    if (!order || order.mchid !== mchid) return sendError(reply, { status: 404, code: 'ORDER_NOT_EXIST', message: '订单不存在' });
    return store.transactionView(order);
  });

  app.get<{ Params: Params; Querystring: QueryRecord }>('/v3/pay/transactions/id/:transactionId', v3, async (request, reply) => {
    const mchid = queryValue(request.query, 'mchid');
    if (!mchid) return sendError(reply, paramError('缺少参数 mchid'));
    const order = store.orderByTransactionId(request.params.transactionId ?? '');
    if (!order || order.mchid !== mchid) return sendError(reply, { status: 404, code: 'ORDER_NOT_EXIST', message: '订单不存在' });
    return store.transactionView(order);
  });

  app.post<{ Params: Params }>('/v3/pay/transactions/out-trade-no/:outTradeNo/close', v3, async (request, reply) => {
    const parsed = parse(() => requiredString(readBody(request.body), 'mchid', 32));
    if (!parsed.ok) return sendError(reply, parsed.error);
    const outcome = store.close(request.params.outTradeNo ?? '', parsed.value);
    if (!outcome.ok) return sendError(reply, outcome.error);
    return reply.code(204).send();
  });

  app.post('/v3/refund/domestic/refunds', v3, async (request, reply) => {
    const parsed = parseRefund(request.body);
    if (!parsed.ok) return sendError(reply, parsed.error);
    const outcome = store.createRefund(parsed.value);
    if (!outcome.ok) return sendError(reply, outcome.error);
    const { refund, created } = outcome.value;
    const view = refundView(refund);
    if (created) {
      pay.notifier.defer(REFUND_SETTLE_MS, () => {
        store.settleRefund(refund);
        if (refund.notifyUrl === null) return;
        publishNotification(
          pay,
          {
            eventType: 'REFUND.SUCCESS',
            summary: '退款成功',
            originalType: 'refund',
            resource: refundNoticeView(refund, pay.config.mchId),
            url: refund.notifyUrl,
            outTradeNo: refund.outTradeNo,
            outRefundNo: refund.outRefundNo,
          },
          ctx.now(),
        );
      });
    }
    return view;
  });

  app.get<{ Params: Params }>('/v3/refund/domestic/refunds/:outRefundNo', v3, async (request, reply) => {
    const refund = store.refund(request.params.outRefundNo ?? '');
    if (!refund) return sendError(reply, { status: 404, code: 'RESOURCE_NOT_EXISTS', message: '退款单不存在' });
    return refundView(refund);
  });
}
