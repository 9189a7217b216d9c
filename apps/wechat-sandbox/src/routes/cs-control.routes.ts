import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PushConfig } from '../push/push-message';
import { enterSessionEvent, newMsgId, userMessage, type InboundMessage, type UserMessageContent } from '../push/push-message';
import type { PushDelivery } from '../push/push-notifier';
import type { PushSettings } from '../push/push-settings';
import type { PushContext, SandboxContext } from '../sandbox-context';
import { queryValue, type QueryRecord } from '../wechat-request';
import { CONTROL_PREFIX } from './control.routes';
import { parseChatEnterInput, parseChatMessageInput, parsePushConfigInput, type ChatMessageInput } from './control.validation';

const CS = `${CONTROL_PREFIX}/cs`;

/** A 1×1 PNG standing in for the photo or card thumbnail a user sends; WeChat hands the server a MediaId for it. */
const PLACEHOLDER_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** What the control API answers for a push: the delivery as the sandbox saw it, and the document it pushed. */
type PushOutcome = PushDelivery & {
  message: InboundMessage;
  /** Why nothing was sent (no URL configured, or the URL failed verification); null when attempts were made. */
  error: string | null;
};

function pushConfigView({ originalId, settings, verified }: PushContext) {
  return { ...settings, originalId, verified };
}

/**
 * Sends one document to the developer's server. Settings taken from the start are verified on the first push (the
 * server may start after the sandbox); a failed verification sends nothing, as WeChat would not push to an unverified
 * URL.
 */
async function pushToServer(ctx: SandboxContext, message: InboundMessage, forge: boolean): Promise<PushOutcome> {
  const { push } = ctx;
  const settings: PushSettings = push.settings;
  const notSent = (error: string): PushOutcome => ({ delivered: false, attempts: 0, lastStatus: null, lastBody: null, message, error });
  if (settings.url === null) return notSent(`no push URL is configured: PUT ${CONTROL_PREFIX}/push-config {"url": "…"} first`);
  const config: PushConfig = { ...settings, url: settings.url };
  if (!push.verified) {
    const verification = await push.notifier.verify(config);
    if (!verification.ok) return notSent(`URL verification failed: ${verification.reason}`);
    // Settings saved while this verification ran are verified on their own.
    if (push.settings === settings) push.verified = true;
  }
  return { ...(await push.notifier.deliver(config, ctx.appId, message, forge)), message, error: null };
}

/** `?forge=signature` or `forgeSignature: true` in the body: a push signed without the token, which the server must refuse. */
function readForge(query: QueryRecord, forgeSignature: boolean): { ok: true; forge: boolean } | { ok: false; error: string } {
  const forge = queryValue(query, 'forge');
  if (forge !== undefined && forge !== 'signature') return { ok: false, error: 'forge must be "signature"' };
  return { ok: true, forge: forge === 'signature' || forgeSignature };
}

/** Where the server can fetch a sandbox-held image: the control media route on the host the caller used. */
function mediaUrl(request: FastifyRequest, mediaId: string): string {
  return `${request.protocol}://${request.host}${CONTROL_PREFIX}/media/${mediaId}`;
}

/** Images and card thumbnails the user sends get a MediaId, backed by a placeholder PNG the server can download. */
function messageContent(ctx: SandboxContext, request: FastifyRequest, input: ChatMessageInput): UserMessageContent {
  if (input.msgType === 'text') return { msgType: 'text', content: input.content };
  const { mediaId } = ctx.state.media.put(PLACEHOLDER_PNG, 'image/png');
  const picUrl = input.picUrl ?? mediaUrl(request, mediaId);
  if (input.msgType === 'image') return { msgType: 'image', picUrl, mediaId };
  return { msgType: 'miniprogrampage', title: input.title, appId: ctx.appId, pagePath: input.pagePath, thumbUrl: picUrl, thumbMediaId: mediaId };
}

function badRequest(reply: FastifyReply, error: string) {
  return reply.code(400).send({ error });
}

/**
 * The customer-service chat from the user's side (send a message, open the chat) and the console's message-push
 * settings, plus views of what the app sent back. A forged push changes nothing in the sandbox: it stands for an
 * attacker, not the user.
 */
export function registerCsControlRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const { push, state } = ctx;

  app.get(`${CONTROL_PREFIX}/push-config`, async () => pushConfigView(push));

  // Saving in the console: WeChat verifies the URL first and keeps the old settings when that fails.
  app.put(`${CONTROL_PREFIX}/push-config`, async (request, reply) => {
    const parsed = parsePushConfigInput(request.body);
    if (!parsed.ok) return badRequest(reply, parsed.error);
    const { initial } = push;
    const { url, token = initial.token, encodingAesKey = initial.encodingAesKey, mode = initial.mode, format = initial.format } = parsed.value;
    const settings: PushConfig = { url, token, encodingAesKey, mode, format };
    const verification = await push.notifier.verify(settings);
    if (!verification.ok) return badRequest(reply, `URL verification failed: ${verification.reason}`);
    push.settings = settings;
    push.verified = true;
    return pushConfigView(push);
  });

  app.post<{ Querystring: QueryRecord }>(`${CS}/messages`, async (request, reply) => {
    const parsed = parseChatMessageInput(request.body);
    if (!parsed.ok) return badRequest(reply, parsed.error);
    const forge = readForge(request.query, parsed.value.forgeSignature);
    if (!forge.ok) return badRequest(reply, forge.error);
    const { openid } = parsed.value;
    const createTime = Math.floor(ctx.now() / 1000);
    const message = userMessage(push.originalId, openid, createTime, messageContent(ctx, request, parsed.value), newMsgId());
    if (!forge.forge) {
      state.upsertUser(openid, {});
      state.customerService.userMessaged(openid);
    }
    return pushToServer(ctx, message, forge.forge);
  });

  app.post<{ Querystring: QueryRecord }>(`${CS}/enter`, async (request, reply) => {
    const parsed = parseChatEnterInput(request.body);
    if (!parsed.ok) return badRequest(reply, parsed.error);
    const forge = readForge(request.query, parsed.value.forgeSignature);
    if (!forge.ok) return badRequest(reply, forge.error);
    const { openid, sessionFrom } = parsed.value;
    const message = enterSessionEvent(push.originalId, openid, Math.floor(ctx.now() / 1000), sessionFrom);
    if (!forge.forge) {
      state.upsertUser(openid, {});
      state.customerService.userEntered(openid);
    }
    return pushToServer(ctx, message, forge.forge);
  });

  app.get<{ Querystring: QueryRecord }>(`${CS}/sent`, async (request) => ({
    messages: state.customerService.sentMessages(queryValue(request.query, 'openid') || undefined),
  }));

  app.get<{ Querystring: QueryRecord }>(`${CS}/window`, async (request, reply) => {
    const openid = queryValue(request.query, 'openid');
    if (!openid) return badRequest(reply, 'openid is required');
    return state.customerService.windowOf(openid);
  });

  app.get<{ Params: { mediaId: string } }>(`${CONTROL_PREFIX}/media/:mediaId`, async (request, reply) => {
    const stored = state.media.find(request.params.mediaId);
    if (!stored) return reply.code(404).send({ error: `no media ${request.params.mediaId}` });
    return reply.type(stored.contentType).send(stored.bytes);
  });
}
