import { ENCODING_AES_KEY_PATTERN } from '../push/push-crypto';
import { PUSH_FORMATS, PUSH_MODES, type PushFormat, type PushMode } from '../push/push-message';
import { PUSH_TOKEN_PATTERN, pushUrlProblem } from '../push/push-settings';
import { newTemplateId } from '../state/random-id';
import { FAULT_ENDPOINTS, type FaultEndpoint, type UserPatch } from '../state/sandbox-state';
import { RISKY_LABELS } from '../state/sec-check-words';
import { KEYWORD_TYPES, keywordType, type SubscribeField, type SubscribeTemplate } from '../state/subscribe-templates';
import { isJsonObject, type JsonObject } from '../wechat-request';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const PHONE_PATTERN = /^\d{4,15}$/;
const COUNTRY_CODE_PATTERN = /^\d{1,4}$/;
const MAX_FAULT_TIMES = 1000;
const MAX_TEMPLATE_FIELDS = 20;
const MAX_LABEL_LENGTH = 20;
const MAX_ERRMSG_LENGTH = 200;
const MAX_SEC_CHECK_WORDS = 500;
const MAX_SEC_CHECK_WORD_LENGTH = 50;
const MAX_CHAT_TEXT_LENGTH = 5000;
const MAX_CARD_TITLE_LENGTH = 64;
const MAX_PAGE_PATH_LENGTH = 1024;
const MAX_SESSION_FROM_LENGTH = 1000;

class InputError extends Error {}

function readObject(value: unknown, allowed: readonly string[], what: string): JsonObject {
  if (!isJsonObject(value)) throw new InputError(`${what} must be a JSON object`);
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw new InputError(`unknown field(s)${what === 'body' ? '' : ` in ${what}`}: ${unknown.join(', ')}`);
  return value;
}

/** Control bodies are optional JSON objects; unknown fields are refused so a typo never passes silently. */
function readBody(raw: unknown, allowed: readonly string[]): JsonObject {
  if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return {};
  let value: unknown;
  try {
    value = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    throw new InputError('body must be JSON');
  }
  return readObject(value, allowed, 'body');
}

function optionalId(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) throw new InputError(`${key} must be 1-64 characters of [A-Za-z0-9_-]`);
  return value;
}

/**
 * Any 4-15 digits are accepted, even numbers that are not valid mainland mobiles, so the backend's own phone
 * validation can be exercised through the sandbox.
 */
function optionalPhone(body: JsonObject): string | undefined {
  const { phone } = body;
  if (phone === undefined) return undefined;
  if (typeof phone !== 'string' || !PHONE_PATTERN.test(phone)) throw new InputError('phone must be 4-15 digits (purePhoneNumber)');
  return phone;
}

function optionalCountryCode(body: JsonObject): string | undefined {
  const { countryCode } = body;
  if (countryCode === undefined) return undefined;
  const text = typeof countryCode === 'number' || typeof countryCode === 'string' ? String(countryCode).replace(/^\+/, '') : '';
  if (!COUNTRY_CODE_PATTERN.test(text)) throw new InputError('countryCode must be 1-4 digits, e.g. "86"');
  return text;
}

function requiredId(body: JsonObject, key: string): string {
  const value = optionalId(body, key);
  if (value === undefined) throw new InputError(`${key} is required`);
  return value;
}

function label(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '' || [...value].length > MAX_LABEL_LENGTH) {
    throw new InputError(`${what} must be a non-blank string of at most ${MAX_LABEL_LENGTH} characters`);
  }
  return value;
}

function isFaultEndpoint(value: unknown): value is FaultEndpoint {
  return FAULT_ENDPOINTS.some((endpoint) => endpoint === value);
}

function parse<T>(read: () => T): Parsed<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error: error.message };
    throw error;
  }
}

export function parseUserInput(raw: unknown): Parsed<{ openid: string | undefined; patch: UserPatch }> {
  return parse(() => {
    const body = readBody(raw, ['openid', 'unionid', 'phone', 'countryCode', 'blocked']);
    const { blocked } = body;
    if (blocked !== undefined && typeof blocked !== 'boolean') throw new InputError('blocked must be a boolean');
    const patch: UserPatch = {
      // null clears a unionid or phone set earlier.
      unionid: body.unionid === null ? null : optionalId(body, 'unionid'),
      phone: body.phone === null ? null : optionalPhone(body),
      countryCode: optionalCountryCode(body),
      blocked,
    };
    return { openid: optionalId(body, 'openid'), patch };
  });
}

export function parseLoginCodeInput(raw: unknown): Parsed<{ openid: string | undefined }> {
  return parse(() => ({ openid: optionalId(readBody(raw, ['openid']), 'openid') }));
}

export function parsePhoneCodeInput(raw: unknown): Parsed<{ openid: string; phone: string | undefined; countryCode: string | undefined }> {
  return parse(() => {
    const body = readBody(raw, ['openid', 'phone', 'countryCode']);
    const openid = optionalId(body, 'openid');
    if (openid === undefined) throw new InputError('openid is required');
    const phone = optionalPhone(body);
    const countryCode = optionalCountryCode(body);
    if (countryCode !== undefined && phone === undefined) throw new InputError('countryCode is only taken together with phone');
    return { openid, phone, countryCode };
  });
}

export function parseFaultInput(raw: unknown): Parsed<{ endpoint: FaultEndpoint; errcode: number; times: number }> {
  return parse(() => {
    const { endpoint, errcode, times = 1 } = readBody(raw, ['endpoint', 'errcode', 'times']);
    if (!isFaultEndpoint(endpoint)) throw new InputError(`endpoint must be one of ${FAULT_ENDPOINTS.join(', ')}`);
    if (!Number.isInteger(errcode) || errcode === 0) throw new InputError('errcode must be a non-zero integer');
    if (!Number.isInteger(times) || Number(times) < 1 || Number(times) > MAX_FAULT_TIMES) {
      throw new InputError(`times must be an integer from 1 to ${MAX_FAULT_TIMES}`);
    }
    return { endpoint, errcode: Number(errcode), times: Number(times) };
  });
}

/** A WeChat outage for subscribe/send: `count` calls answer `errcode` (default -1, WeChat's "system error"). */
export function parseSubscribeFaultInput(raw: unknown): Parsed<{ count: number; errcode: number; errmsg: string | undefined }> {
  return parse(() => {
    const { count, errcode = -1, errmsg } = readBody(raw, ['count', 'errcode', 'errmsg']);
    if (!Number.isInteger(count) || Number(count) < 1 || Number(count) > MAX_FAULT_TIMES) {
      throw new InputError(`count must be an integer from 1 to ${MAX_FAULT_TIMES}`);
    }
    if (!Number.isInteger(errcode) || errcode === 0) throw new InputError('errcode must be a non-zero integer');
    if (errmsg !== undefined && (typeof errmsg !== 'string' || errmsg.trim() === '' || errmsg.length > MAX_ERRMSG_LENGTH)) {
      throw new InputError(`errmsg must be a non-blank string of at most ${MAX_ERRMSG_LENGTH} characters`);
    }
    return { count: Number(count), errcode: Number(errcode), errmsg };
  });
}

export function parseSubscribeChoiceInput(raw: unknown): Parsed<{ openid: string; templateId: string; accept: boolean }> {
  return parse(() => {
    const body = readBody(raw, ['openid', 'templateId', 'accept']);
    const openid = requiredId(body, 'openid');
    const templateId = requiredId(body, 'templateId');
    if (typeof body.accept !== 'boolean') throw new InputError('accept must be true (the user tapped 允许) or false (取消)');
    return { openid, templateId, accept: body.accept };
  });
}

function parseSubscribeField(raw: unknown, index: number): SubscribeField {
  const what = `fields[${index}]`;
  const { key, name, values } = readObject(raw, ['key', 'name', 'values'], what);
  const type = typeof key === 'string' ? keywordType(key) : null;
  if (typeof key !== 'string' || type === null) {
    throw new InputError(`${what}.key must be a keyword type followed by a number, e.g. thing1; types: ${KEYWORD_TYPES.join(', ')}`);
  }
  const field: SubscribeField = { key, name: label(name, `${what}.name`) };
  if (type !== 'enum') {
    if (values !== undefined) throw new InputError(`${what}.values is only taken for enum fields`);
    return field;
  }
  if (!Array.isArray(values) || values.length === 0) throw new InputError(`${what}.values must list the allowed values of the enum`);
  return { ...field, values: values.map((value, i) => label(value, `${what}.values[${i}]`)) };
}

/** Also checks the templates given to createSandbox, so both ways of adding one follow the same rules. */
export function parseSubscribeTemplateInput(raw: unknown): Parsed<SubscribeTemplate> {
  return parse(() => {
    const body = readBody(raw, ['id', 'title', 'fields']);
    const id = optionalId(body, 'id') ?? newTemplateId();
    const title = label(body.title, 'title');
    const { fields } = body;
    if (!Array.isArray(fields) || fields.length === 0 || fields.length > MAX_TEMPLATE_FIELDS) {
      throw new InputError(`fields must be an array of 1 to ${MAX_TEMPLATE_FIELDS} fields {key, name, values?}`);
    }
    const parsed = fields.map(parseSubscribeField);
    const duplicate = parsed.find((field, i) => parsed.findIndex((other) => other.key === field.key) !== i);
    if (duplicate) throw new InputError(`fields has ${duplicate.key} twice`);
    return { id, title, fields: parsed };
  });
}

/** `{words: {赌博: 20006, …}}`: the whole list of risky keywords, each with a label other than 100. */
export function parseSecCheckWordsInput(raw: unknown): Parsed<Map<string, number>> {
  return parse(() => {
    const { words } = readBody(raw, ['words']);
    if (!isJsonObject(words)) throw new InputError('words must be an object of keyword → label, e.g. {"赌博": 20006}');
    const entries = Object.entries(words);
    if (entries.length > MAX_SEC_CHECK_WORDS) throw new InputError(`words may hold at most ${MAX_SEC_CHECK_WORDS} keywords`);
    for (const [word, label] of entries) {
      if (word.trim() === '' || [...word].length > MAX_SEC_CHECK_WORD_LENGTH) {
        throw new InputError(`keywords must be non-blank and at most ${MAX_SEC_CHECK_WORD_LENGTH} characters`);
      }
      if (typeof label !== 'number' || !RISKY_LABELS.includes(label)) throw new InputError(`the label of ${word} must be one of ${RISKY_LABELS.join(', ')}`);
    }
    return new Map(entries.map(([word, label]) => [word, Number(label)]));
  });
}

export type PushConfigInput = { url: string; token?: string; encodingAesKey?: string; mode?: PushMode; format?: PushFormat };

function isPushMode(value: unknown): value is PushMode {
  return PUSH_MODES.some((mode) => mode === value);
}

function isPushFormat(value: unknown): value is PushFormat {
  return PUSH_FORMATS.some((format) => format === value);
}

/** What the developer saves in the console's message-push page; only the URL is required. */
export function parsePushConfigInput(raw: unknown): Parsed<PushConfigInput> {
  return parse(() => {
    const { url, token, encodingAesKey, mode, format } = readBody(raw, ['url', 'token', 'encodingAesKey', 'mode', 'format']);
    if (typeof url !== 'string') throw new InputError('url is required');
    const urlProblem = pushUrlProblem(url);
    if (urlProblem) throw new InputError(urlProblem);
    if (token !== undefined && (typeof token !== 'string' || !PUSH_TOKEN_PATTERN.test(token))) throw new InputError('token must be 3-32 letters and digits');
    if (encodingAesKey !== undefined && (typeof encodingAesKey !== 'string' || !ENCODING_AES_KEY_PATTERN.test(encodingAesKey))) {
      throw new InputError('encodingAesKey must be 43 letters and digits');
    }
    if (mode !== undefined && !isPushMode(mode)) throw new InputError(`mode must be one of ${PUSH_MODES.join(', ')}`);
    if (format !== undefined && !isPushFormat(format)) throw new InputError(`format must be one of ${PUSH_FORMATS.join(', ')}`);
    return { url, token, encodingAesKey, mode, format };
  });
}

export const CHAT_MESSAGE_TYPES = ['text', 'image', 'miniprogrampage'] as const;

/** A message the user sends in the customer-service chat. */
export type ChatMessageInput =
  | { openid: string; msgType: 'text'; content: string; forgeSignature: boolean }
  | { openid: string; msgType: 'image'; picUrl: string | undefined; forgeSignature: boolean }
  | { openid: string; msgType: 'miniprogrampage'; title: string; pagePath: string; picUrl: string | undefined; forgeSignature: boolean };

function optionalBoolean(body: JsonObject, key: string): boolean {
  const value = body[key];
  if (value !== undefined && typeof value !== 'boolean') throw new InputError(`${key} must be a boolean`);
  return value === true;
}

function text(body: JsonObject, key: string, maxLength: number): string {
  const value = body[key];
  if (typeof value !== 'string' || value.trim() === '' || [...value].length > maxLength) {
    throw new InputError(`${key} must be a non-blank string of at most ${maxLength} characters`);
  }
  return value;
}

function optionalHttpUrl(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || pushUrlProblem(value) !== null) throw new InputError(`${key} must be an absolute http(s) URL`);
  return value;
}

/** Each message type takes only its own fields, so a field meant for another type is refused rather than ignored. */
export function parseChatMessageInput(raw: unknown): Parsed<ChatMessageInput> {
  return parse(() => {
    const common = ['openid', 'msgType', 'forgeSignature'];
    const { msgType } = readBody(raw, [...common, 'content', 'picUrl', 'title', 'pagePath']);
    if (!CHAT_MESSAGE_TYPES.some((type) => type === msgType)) throw new InputError(`msgType must be one of ${CHAT_MESSAGE_TYPES.join(', ')}`);
    if (msgType === 'text') {
      const body = readBody(raw, [...common, 'content']);
      return { openid: requiredId(body, 'openid'), msgType, content: text(body, 'content', MAX_CHAT_TEXT_LENGTH), forgeSignature: optionalBoolean(body, 'forgeSignature') };
    }
    if (msgType === 'image') {
      const body = readBody(raw, [...common, 'picUrl']);
      return { openid: requiredId(body, 'openid'), msgType, picUrl: optionalHttpUrl(body, 'picUrl'), forgeSignature: optionalBoolean(body, 'forgeSignature') };
    }
    const body = readBody(raw, [...common, 'title', 'pagePath', 'picUrl']);
    return {
      openid: requiredId(body, 'openid'),
      msgType: 'miniprogrampage',
      title: text(body, 'title', MAX_CARD_TITLE_LENGTH),
      pagePath: text(body, 'pagePath', MAX_PAGE_PATH_LENGTH),
      picUrl: optionalHttpUrl(body, 'picUrl'),
      forgeSignature: optionalBoolean(body, 'forgeSignature'),
    };
  });
}

/** The user taps `<button open-type="contact" session-from="…">`. */
export function parseChatEnterInput(raw: unknown): Parsed<{ openid: string; sessionFrom: string; forgeSignature: boolean }> {
  return parse(() => {
    const body = readBody(raw, ['openid', 'sessionFrom', 'forgeSignature']);
    const { sessionFrom = '' } = body;
    if (typeof sessionFrom !== 'string' || [...sessionFrom].length > MAX_SESSION_FROM_LENGTH) {
      throw new InputError(`sessionFrom must be a string of at most ${MAX_SESSION_FROM_LENGTH} characters`);
    }
    return { openid: requiredId(body, 'openid'), sessionFrom, forgeSignature: optionalBoolean(body, 'forgeSignature') };
  });
}
