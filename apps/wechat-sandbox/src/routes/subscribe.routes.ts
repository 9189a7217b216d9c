import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../sandbox-context';
import { MESSAGE_LANGS, MINIPROGRAM_STATES, type MessageLang, type MiniprogramState } from '../state/subscribe-store';
import { keywordType, type SubscribeTemplate } from '../state/subscribe-templates';
import { wechatError, type WechatErrorBody } from '../wechat-error';
import { accessTokenError, isJsonObject, readJsonBody, type JsonObject, type QueryRecord } from '../wechat-request';
import { isValidKeywordValue } from './subscribe.keywords';

export const SUBSCRIBE_SEND_PATH = '/cgi-bin/message/subscribe/send';

const MAX_PAGE_LENGTH = 128;
/** An in-app path such as `pages/booking/detail`, no leading `/`, optionally with a query (`index?foo=bar`). */
const PAGE_PATTERN = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*(?:\?\S*)?$/;

type SendRequest = {
  touser: string;
  templateId: string;
  page: string | null;
  miniprogramState: MiniprogramState;
  lang: MessageLang;
  data: JsonObject;
};

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return values.some((allowed) => allowed === value);
}

/** The checks that need only the body; WeChat does not document their order, so this one is fixed and listed in the README. */
function parseSendRequest(body: JsonObject): SendRequest | WechatErrorBody {
  const { touser, template_id, page, miniprogram_state = 'formal', lang = 'zh_CN', data = {} } = body;
  if (typeof touser !== 'string' || touser === '') return wechatError(40003);
  if (typeof template_id !== 'string' || template_id === '') return wechatError(40037);
  if (page !== undefined && typeof page !== 'string') return wechatError(47001);
  // An empty page is the same as none: the card simply does not open the mini program.
  if (page && (page.length > MAX_PAGE_LENGTH || !PAGE_PATTERN.test(page))) return wechatError(41030);
  if (!isOneOf(MINIPROGRAM_STATES, miniprogram_state)) return wechatError(47003, 'argument invalid! miniprogram_state invalid');
  if (!isOneOf(MESSAGE_LANGS, lang)) return wechatError(47003, 'argument invalid! lang invalid');
  if (!isJsonObject(data)) return wechatError(47001);
  return { touser, templateId: template_id, page: page || null, miniprogramState: miniprogram_state, lang, data };
}

/**
 * Every keyword of the template must be present and pass its type's rule; keys the template does not have are
 * refused too, so a misspelt key fails here instead of silently leaving a field blank on the card.
 */
function readData(template: SubscribeTemplate, data: JsonObject): { ok: true; values: Record<string, string> } | { ok: false; error: WechatErrorBody } {
  const invalid = (detail: string) => ({ ok: false, error: wechatError(47003, `argument invalid! ${detail}`) }) as const;
  const values: Record<string, string> = {};
  for (const field of template.fields) {
    const entry = data[field.key];
    const value = isJsonObject(entry) ? entry.value : undefined;
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      return invalid(`data.${field.key}.value is empty`);
    }
    const type = keywordType(field.key);
    if (typeof value !== 'string' || type === null || !isValidKeywordValue(type, field, value)) {
      return invalid(`data.${field.key}.value invalid`);
    }
    values[field.key] = value;
  }
  const unknown = Object.keys(data).find((key) => !template.fields.some((field) => field.key === key));
  if (unknown !== undefined) return invalid(`data.${unknown} is not a keyword of the template`);
  return { ok: true, values };
}

export function registerSubscribeRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post<{ Querystring: QueryRecord }>(SUBSCRIBE_SEND_PATH, async (request) => {
    const tokenError = accessTokenError(ctx, request.query);
    if (tokenError !== null) return wechatError(tokenError);
    const body = readJsonBody(request.body);
    if (!body.ok) return wechatError(body.errcode);
    const parsed = parseSendRequest(body.value);
    if ('errcode' in parsed) return parsed;

    // Injected faults come before anything that looks at the user's credits, so a failed call never spends one.
    const fault = ctx.state.takeFault('message/subscribe/send');
    if (fault !== null) return wechatError(fault.errcode, fault.errmsg);

    const { state } = ctx;
    if (!state.findUser(parsed.touser)) return wechatError(40003);
    const template = state.subscriptions.template(parsed.templateId);
    if (!template) return wechatError(40037);
    const data = readData(template, parsed.data);
    if (!data.ok) return data.error;

    const { touser: openid, templateId, page, miniprogramState, lang } = parsed;
    const delivered = state.subscriptions.deliver({ openid, templateId, page, miniprogramState, lang, data: data.values });
    return delivered ? { errcode: 0, errmsg: 'ok' } : wechatError(43101);
  });
}
