import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../sandbox-context';
import { CUSTOM_MESSAGE_TYPES, TYPING_COMMANDS, type CustomMessageType } from '../state/customer-service-store';
import type { MediaStore } from '../state/media-store';
import { wechatError, type WechatErrorBody } from '../wechat-error';
import { accessTokenError, isJsonObject, readJsonBody, type JsonObject, type QueryRecord } from '../wechat-request';

export const CUSTOM_SEND_PATH = '/cgi-bin/message/custom/send';
export const CUSTOM_TYPING_PATH = '/cgi-bin/message/custom/typing';

/** A text message's content is limited to 2048 bytes of UTF-8. */
const MAX_TEXT_BYTES = 2048;

type CustomMessage = { msgtype: CustomMessageType; payload: JsonObject };

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return values.some((allowed) => allowed === value);
}

/** A required string of the message: absent or empty is 44002 (nothing to send), another type is 47001. */
function requiredString(section: JsonObject, key: string): string | WechatErrorBody {
  const value = section[key];
  if (value === undefined || value === '') return wechatError(44002);
  return typeof value === 'string' ? value : wechatError(47001);
}

function isError(value: string | WechatErrorBody): value is WechatErrorBody {
  return typeof value !== 'string';
}

function optionalStrings(section: JsonObject, keys: readonly string[]): WechatErrorBody | null {
  return keys.some((key) => section[key] !== undefined && typeof section[key] !== 'string') ? wechatError(47001) : null;
}

/** A media_id the sandbox did not issue through media/upload, or one older than 3 days, is 40007. */
function usableMedia(media: MediaStore, mediaId: string | WechatErrorBody): WechatErrorBody | null {
  if (isError(mediaId)) return mediaId;
  return media.usable(mediaId) ? null : wechatError(40007);
}

function checkSection(msgtype: CustomMessageType, section: JsonObject, media: MediaStore): WechatErrorBody | null {
  switch (msgtype) {
    case 'text': {
      const content = requiredString(section, 'content');
      if (isError(content)) return content;
      return Buffer.byteLength(content, 'utf8') > MAX_TEXT_BYTES ? wechatError(45002) : null;
    }
    case 'image':
      return usableMedia(media, requiredString(section, 'media_id'));
    case 'link':
      return ['title', 'url'].map((key) => requiredString(section, key)).find(isError) ?? optionalStrings(section, ['description', 'thumb_url']);
    case 'miniprogrampage':
      return ['title', 'pagepath'].map((key) => requiredString(section, key)).find(isError) ?? usableMedia(media, requiredString(section, 'thumb_media_id'));
  }
}

/**
 * The message part of a custom/send body (§6f). An unknown msgtype is WeChat's global 40008 (invalid message type) and
 * an over-long text its global 45002 (content size out of limit).
 */
function parseCustomMessage(body: JsonObject, media: MediaStore): CustomMessage | WechatErrorBody {
  const { msgtype } = body;
  if (!isOneOf(CUSTOM_MESSAGE_TYPES, msgtype)) return wechatError(40008);
  const section = body[msgtype];
  if (section === undefined) return wechatError(44002);
  if (!isJsonObject(section)) return wechatError(47001);
  return checkSection(msgtype, section, media) ?? { msgtype, payload: section };
}

/** `touser` must name a user of this mini program; WeChat answers 40003 for anything else. */
function knownUser(ctx: SandboxContext, touser: unknown): touser is string {
  return typeof touser === 'string' && touser !== '' && ctx.state.findUser(touser) !== undefined;
}

export function registerCustomerServiceRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post<{ Querystring: QueryRecord }>(CUSTOM_SEND_PATH, async (request) => {
    const tokenError = accessTokenError(ctx, request.query);
    if (tokenError !== null) return wechatError(tokenError);
    const body = readJsonBody(request.body);
    if (!body.ok) return wechatError(body.errcode);
    const { touser } = body.value;
    if (!knownUser(ctx, touser)) return wechatError(40003);
    const message = parseCustomMessage(body.value, ctx.state.media);
    if ('errcode' in message) return message;

    const sent = ctx.state.customerService.send(touser, message.msgtype, message.payload);
    return typeof sent === 'number' ? wechatError(sent) : { errcode: 0, errmsg: 'ok' };
  });

  app.post<{ Querystring: QueryRecord }>(CUSTOM_TYPING_PATH, async (request) => {
    const tokenError = accessTokenError(ctx, request.query);
    if (tokenError !== null) return wechatError(tokenError);
    const body = readJsonBody(request.body);
    if (!body.ok) return wechatError(body.errcode);
    const { touser, command } = body.value;
    if (!knownUser(ctx, touser)) return wechatError(40003);
    if (!isOneOf(TYPING_COMMANDS, command)) return wechatError(45072);

    const outcome = ctx.state.customerService.setTyping(touser, command);
    return outcome === 0 ? { errcode: 0, errmsg: 'ok' } : wechatError(outcome);
  });
}
