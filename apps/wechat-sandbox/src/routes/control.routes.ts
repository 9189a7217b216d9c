import type { FastifyInstance, FastifyReply } from 'fastify';
import type { SandboxContext } from '../sandbox-context';
import type { SandboxUser } from '../state/sandbox-state';
import { queryValue, type QueryRecord } from '../wechat-request';
import {
  parseFaultInput,
  parseLoginCodeInput,
  parsePhoneCodeInput,
  parseSecCheckWordsInput,
  parseSubscribeChoiceInput,
  parseSubscribeFaultInput,
  parseSubscribeTemplateInput,
  parseUserInput,
  type Parsed,
} from './control.validation';

export const CONTROL_PREFIX = '/__control';

function userView({ openid, unionid, phone, countryCode, blocked }: SandboxUser) {
  return { openid, unionid, phone, countryCode, blocked };
}

function badRequest(reply: FastifyReply, parsed: Extract<Parsed<unknown>, { ok: false }>) {
  return reply.code(400).send({ error: parsed.error });
}

/**
 * Test and demo hooks that stand in for what a person does in the WeChat client (log in, pick a phone number) and
 * for platform incidents (expired tokens, errors). A browser page calls them, hence the permissive CORS.
 */
export function registerControlRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { state } = ctx;

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith(CONTROL_PREFIX)) return;
    reply.header('access-control-allow-origin', '*');
  });

  app.options(`${CONTROL_PREFIX}/*`, async (request, reply) => {
    const requested = request.headers['access-control-request-headers'];
    return reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST, PUT, DELETE, OPTIONS')
      .header('access-control-allow-headers', requested ?? 'content-type')
      .header('access-control-max-age', '600')
      .send();
  });

  app.post(`${CONTROL_PREFIX}/users`, async (request, reply) => {
    const parsed = parseUserInput(request.body);
    if (!parsed.ok) return badRequest(reply, parsed);
    const { user, created } = state.upsertUser(parsed.value.openid, parsed.value.patch);
    return reply.code(created ? 201 : 200).send(userView(user));
  });

  app.post(`${CONTROL_PREFIX}/login-code`, async (request, reply) => {
    const parsed = parseLoginCodeInput(request.body);
    if (!parsed.ok) return badRequest(reply, parsed);
    const { user } = state.upsertUser(parsed.value.openid, {});
    return { code: state.issueLoginCode(user.openid), openid: user.openid };
  });

  app.post(`${CONTROL_PREFIX}/phone-code`, async (request, reply) => {
    const parsed = parsePhoneCodeInput(request.body);
    if (!parsed.ok) return badRequest(reply, parsed);
    const { openid, phone, countryCode } = parsed.value;
    if (phone !== undefined) state.upsertUser(openid, { phone, countryCode });
    const code = state.issuePhoneCode(openid);
    if (code === null) return reply.code(400).send({ error: `user ${openid} has no phone; pass "phone" or set it via /__control/users` });
    return { code };
  });

  app.get(`${CONTROL_PREFIX}/subscribe/templates`, async () => ({ templates: state.subscriptions.templateList() }));

  app.post(`${CONTROL_PREFIX}/subscribe/templates`, async (request, reply) => {
    const parsed = parseSubscribeTemplateInput(request.body);
    if (!parsed.ok) return badRequest(reply, parsed);
    const { created } = state.subscriptions.putTemplate(parsed.value);
    return reply.code(created ? 201 : 200).send(parsed.value);
  });

  // The user's answer in the wx.requestSubscribeMessage popup: like wx.login, it makes the user known to the platform.
  app.post(`${CONTROL_PREFIX}/subscribe`, async (request, reply) => {
    const parsed = parseSubscribeChoiceInput(request.body);
    if (!parsed.ok) return badRequest(reply, parsed);
    const { openid, templateId, accept } = parsed.value;
    if (!state.subscriptions.template(templateId)) {
      return reply.code(400).send({ error: `unknown templateId ${templateId}; see GET ${CONTROL_PREFIX}/subscribe/templates` });
    }
    state.upsertUser(openid, {});
    return { openid, ...state.subscriptions.recordChoice(openid, templateId, accept ? 'accept' : 'reject') };
  });

  app.get<{ Querystring: QueryRecord }>(`${CONTROL_PREFIX}/subscribe`, async (request, reply) => {
    const openid = queryValue(request.query, 'openid');
    if (!openid) return reply.code(400).send({ error: 'openid is required' });
    return { openid, subscriptions: state.subscriptions.subscriptionsOf(openid) };
  });

  app.get<{ Querystring: QueryRecord }>(`${CONTROL_PREFIX}/subscribe/messages`, async (request) => {
    const filter = { openid: queryValue(request.query, 'openid') || undefined, templateId: queryValue(request.query, 'templateId') || undefined };
    return { messages: state.subscriptions.delivered(filter) };
  });

  app.get(`${CONTROL_PREFIX}/sec-check/words`, async () => ({ words: Object.fromEntries(state.secCheckWords) }));

  // Replaces the whole list, so a test states exactly which words are risky; reset brings back the defaults.
  app.put(`${CONTROL_PREFIX}/sec-check/words`, async (request, reply) => {
    const parsed = parseSecCheckWordsInput(request.body);
    if (!parsed.ok) return badRequest(reply, parsed);
    state.secCheckWords = parsed.value;
    return { words: Object.fromEntries(state.secCheckWords) };
  });

  app.post(`${CONTROL_PREFIX}/tokens/expire`, async () => ({ expired: state.tokens.expireAll() }));

  app.post(`${CONTROL_PREFIX}/faults`, async (request, reply) => {
    const parsed = parseFaultInput(request.body);
    if (!parsed.ok) return badRequest(reply, parsed);
    const { endpoint, errcode, times } = parsed.value;
    state.addFault(endpoint, { errcode }, times);
    return reply.code(201).send(parsed.value);
  });

  // A WeChat outage as the API's subscribe-message sender sees it. These faults share the queue of
  // `POST /faults` with endpoint message/subscribe/send, so GET and DELETE see the faults queued by either route.
  app.post(`${CONTROL_PREFIX}/subscribe/faults`, async (request, reply) => {
    const parsed = parseSubscribeFaultInput(request.body);
    if (!parsed.ok) return badRequest(reply, parsed);
    const { count, errcode, errmsg } = parsed.value;
    state.addFault('message/subscribe/send', { errcode, errmsg }, count);
    return reply.code(201).send({ count, errcode, errmsg: errmsg ?? null, remaining: state.pendingFaults('message/subscribe/send') });
  });

  app.get(`${CONTROL_PREFIX}/subscribe/faults`, async () => ({ remaining: state.pendingFaults('message/subscribe/send') }));

  app.delete(`${CONTROL_PREFIX}/subscribe/faults`, async () => ({ cleared: state.clearFaults('message/subscribe/send'), remaining: 0 }));

  app.get<{ Querystring: QueryRecord }>(`${CONTROL_PREFIX}/calls`, async (request) => {
    const path = queryValue(request.query, 'path');
    return path === undefined ? { counts: state.callCounts() } : { path, count: state.callCount(path) };
  });

  app.post(`${CONTROL_PREFIX}/reset`, async () => {
    state.reset();
    ctx.pay.notifier.cancelAll();
    ctx.pay.notifier.retryScale = ctx.pay.config.notifyRetryScale;
    ctx.pay.store.reset();
    // Pushes in flight are aborted and the message-push settings return to those the sandbox started with.
    ctx.push.notifier.cancelAll();
    ctx.push.settings = ctx.push.initial;
    ctx.push.verified = false;
    return { ok: true };
  });
}
