import { fastify, type FastifyInstance } from 'fastify';
import { CONTROL_PREFIX, registerControlRoutes } from './routes/control.routes';
import { parseSubscribeTemplateInput } from './routes/control.validation';
import { registerLoginRoutes } from './routes/login.routes';
import { registerPhoneRoutes } from './routes/phone.routes';
import { registerQrcodeRoutes } from './routes/qrcode.routes';
import { registerSubscribeRoutes } from './routes/subscribe.routes';
import { registerTokenRoutes } from './routes/token.routes';
import type { SandboxContext } from './sandbox-context';
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
  logger?: boolean;
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

/** Builds the emulator without listening, so tests can drive it with `inject()` and main.ts can bind a port. */
export function createSandbox(options: SandboxOptions): FastifyInstance {
  const { appId, secret, now = Date.now, tokenTtlSeconds = 7200, pages = DEFAULT_PAGES, logger = false } = options;
  if (!appId || !secret) throw new Error('createSandbox needs an appId and a secret');
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds <= 0) throw new Error('tokenTtlSeconds must be a positive integer');
  if (pages.length === 0) throw new Error('pages must name at least the home page');
  const subscribeTemplates = checkedTemplates(options.subscribeTemplates ?? DEFAULT_SUBSCRIBE_TEMPLATES);

  const ctx: SandboxContext = { appId, secret, pages: [...pages], state: new SandboxState(now, tokenTtlSeconds * 1000, subscribeTemplates) };
  const app = fastify({ logger });
  const isControl = (url: string): boolean => url.startsWith(CONTROL_PREFIX);

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
  registerControlRoutes(app, ctx);
  return app;
}
