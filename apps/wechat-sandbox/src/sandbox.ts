import { createPrivateKey, createPublicKey } from 'node:crypto';
import { fastify, type FastifyInstance } from 'fastify';
import {
  DEV_PAY_API_V3_KEY,
  DEV_PAY_MCH_ID,
  DEV_PAY_MERCHANT_PUBLIC_KEY_PEM,
  DEV_PAY_MERCHANT_SERIAL,
  DEV_PAY_PLATFORM_PRIVATE_KEY_PEM,
  DEV_PAY_PLATFORM_PUBLIC_KEY_ID,
} from './pay/dev-keys';
import { PayNotifier } from './pay/pay-notifier';
import { PushNotifier } from './push/push-notifier';
import { checkedPushOptions, type PushOptions } from './push/push-settings';
import { CONTROL_PREFIX, registerControlRoutes } from './routes/control.routes';
import { parseSubscribeTemplateInput } from './routes/control.validation';
import { registerCsControlRoutes } from './routes/cs-control.routes';
import { registerCustomerServiceRoutes } from './routes/customer-service.routes';
import { registerLoginRoutes } from './routes/login.routes';
import { registerMediaRoutes } from './routes/media.routes';
import { registerPayControlRoutes } from './routes/pay-control.routes';
import { registerPayRoutes } from './routes/pay.routes';
import { registerPhoneRoutes } from './routes/phone.routes';
import { registerQrcodeRoutes } from './routes/qrcode.routes';
import { registerSecCheckRoutes } from './routes/sec-check.routes';
import { registerSubscribeRoutes } from './routes/subscribe.routes';
import { registerTokenRoutes } from './routes/token.routes';
import type { PayConfig, SandboxContext } from './sandbox-context';
import { PayStore } from './state/pay-store';
import { SandboxState } from './state/sandbox-state';
import { DEFAULT_SUBSCRIBE_TEMPLATES, type SubscribeTemplate } from './state/subscribe-templates';
import { wechatError } from './wechat-error';

export type SandboxOptions = {
  appId: string;
  secret: string;
  /** Milliseconds since the epoch; inject a fake clock to test expiry without waiting. */
  now?: () => number;
  /** Lifetime of access tokens; WeChat's is 7200. */
  tokenTtlSeconds?: number;
  /** Pages of the "released" mini program, for getwxacodeunlimit's check_path; the first one is the home page. */
  pages?: readonly string[];
  /** Subscribe-message templates the mini program has picked; replaces DEFAULT_SUBSCRIBE_TEMPLATES (Glow's). */
  subscribeTemplates?: readonly SubscribeTemplate[];
  /** The WeChat Pay merchant account; each field defaults to the dev keys in pay/dev-keys.ts. */
  pay?: Partial<PayConfig>;
  /**
   * Message push to the developer's server (§6): URL (none by default), token, EncodingAESKey, mode, format, the
   * original id and the reply timeout; each field defaults as in DEFAULT_PUSH_OPTIONS. A URL given here is verified
   * on the first push.
   */
  push?: Partial<PushOptions>;
  logger?: boolean;
};

export const DEFAULT_PAY_CONFIG: PayConfig = {
  mchId: DEV_PAY_MCH_ID,
  apiV3Key: DEV_PAY_API_V3_KEY,
  merchantPublicKeyPem: DEV_PAY_MERCHANT_PUBLIC_KEY_PEM,
  merchantSerial: DEV_PAY_MERCHANT_SERIAL,
  platformPrivateKeyPem: DEV_PAY_PLATFORM_PRIVATE_KEY_PEM,
  platformPublicKeyId: DEV_PAY_PLATFORM_PUBLIC_KEY_ID,
  notifyRetryScale: 1,
};

export const DEFAULT_PAGES: readonly string[] = ['pages/index/index', 'pages/join/index', 'pages/profile/index'];

/** Fastify's own errors (bad body, payload too large) carry a 4xx statusCode; anything else is our fault. */
function statusOf(error: unknown): number {
  const status = error instanceof Error && 'statusCode' in error ? error.statusCode : undefined;
  return typeof status === 'number' ? status : 500;
}

/** Checks configured templates with the control API's rules, so a bad one fails at start rather than on first send. */
function checkedTemplates(templates: readonly SubscribeTemplate[]): SubscribeTemplate[] {
  const checked = templates.map((template) => {
    const parsed = parseSubscribeTemplateInput(template);
    if (!parsed.ok) throw new Error(`subscribeTemplates: template ${template.id}: ${parsed.error}`);
    return parsed.value;
  });
  const ids = new Set(checked.map((template) => template.id));
  if (ids.size !== checked.length) throw new Error('subscribeTemplates: template ids must be unique');
  return checked;
}

/** Fills in the dev defaults and checks the keys load, so a bad setting fails at start rather than on first payment. */
function checkedPayConfig(overrides: Partial<PayConfig>): PayConfig {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  const config: PayConfig = { ...DEFAULT_PAY_CONFIG, ...defined };
  if (!/^\d{1,32}$/.test(config.mchId)) throw new Error('pay.mchId must be 1-32 digits');
  if (Buffer.byteLength(config.apiV3Key, 'utf8') !== 32 || !/^[\x21-\x7e]+$/.test(config.apiV3Key)) {
    throw new Error('pay.apiV3Key must be 32 ASCII characters');
  }
  if (!config.merchantSerial || !config.platformPublicKeyId) throw new Error('pay.merchantSerial and pay.platformPublicKeyId are required');
  if (!Number.isFinite(config.notifyRetryScale) || config.notifyRetryScale <= 0) throw new Error('pay.notifyRetryScale must be a positive number');
  createPublicKey(config.merchantPublicKeyPem);
  createPrivateKey(config.platformPrivateKeyPem);
  return config;
}

/** Builds the emulator without listening, so tests can drive it with `inject()` and main.ts can bind a port. */
export function createSandbox(options: SandboxOptions): FastifyInstance {
  const { appId, secret, now = Date.now, tokenTtlSeconds = 7200, pages = DEFAULT_PAGES, logger = false } = options;
  if (!appId || !secret) throw new Error('createSandbox needs an appId and a secret');
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds <= 0) throw new Error('tokenTtlSeconds must be a positive integer');
  if (pages.length === 0) throw new Error('pages must name at least the home page');
  const subscribeTemplates = checkedTemplates(options.subscribeTemplates ?? DEFAULT_SUBSCRIBE_TEMPLATES);

  const payConfig = checkedPayConfig(options.pay ?? {});
  const notifier = new PayNotifier(
    { privateKeyPem: payConfig.platformPrivateKeyPem, publicKeyId: payConfig.platformPublicKeyId },
    now,
    payConfig.notifyRetryScale,
  );
  const { originalId, timeoutMs, ...pushSettings } = checkedPushOptions(options.push ?? {});
  const pushNotifier = new PushNotifier(now, timeoutMs);
  const ctx: SandboxContext = {
    appId,
    secret,
    pages: [...pages],
    state: new SandboxState(now, tokenTtlSeconds * 1000, subscribeTemplates),
    now,
    pay: { config: payConfig, store: new PayStore(now), notifier },
    push: { originalId, initial: pushSettings, settings: pushSettings, verified: false, notifier: pushNotifier },
  };
  const app = fastify({ logger });
  const isControl = (url: string): boolean => url.startsWith(CONTROL_PREFIX);
  const isPay = (url: string): boolean => url.startsWith('/v3/');

  // Pending notification retries and refund settlements must not outlive the server (tests exit cleanly).
  app.addHook('onClose', async () => {
    notifier.stop();
    pushNotifier.stop();
  });

  // WeChat parses every POST body as JSON text whatever its Content-Type, so routes get the raw string and decide.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.addHook('onRequest', async (request) => {
    if (!isControl(request.url)) ctx.state.recordCall(request.url.split('?')[0] ?? request.url);
  });

  app.setErrorHandler((error, request, reply) => {
    const status = statusOf(error);
    if (status >= 500) request.log.error(error);
    if (isControl(request.url)) return reply.code(status).send({ error: error instanceof Error ? error.message : 'internal error' });
    if (isPay(request.url)) {
      // WeChat Pay answers with the HTTP status and a {code, message} body.
      if (status < 500) return reply.code(status).send({ code: 'PARAM_ERROR', message: error instanceof Error ? error.message : '请求参数错误' });
      return reply.code(500).send({ code: 'SYSTEM_ERROR', message: '系统错误' });
    }
    // The real platform answers HTTP 200 with an errcode even when it cannot read the request.
    return reply.code(200).send(wechatError(status < 500 ? 47001 : -1));
  });

  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: `The WeChat sandbox does not emulate ${request.method} ${request.url.split('?')[0]}` }),
  );

  registerTokenRoutes(app, ctx);
  registerLoginRoutes(app, ctx);
  registerPhoneRoutes(app, ctx);
  registerQrcodeRoutes(app, ctx);
  registerSubscribeRoutes(app, ctx);
  registerSecCheckRoutes(app, ctx);
  registerCustomerServiceRoutes(app, ctx);
  registerMediaRoutes(app, ctx);
  registerPayRoutes(app, ctx);
  registerControlRoutes(app, ctx);
  registerPayControlRoutes(app, ctx);
  registerCsControlRoutes(app, ctx);
  return app;
}
