import { FAULT_ENDPOINTS, type FaultEndpoint, type UserPatch } from '../state/sandbox-state';
import { isJsonObject, type JsonObject } from '../wechat-request';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const PHONE_PATTERN = /^\d{4,15}$/;
const COUNTRY_CODE_PATTERN = /^\d{1,4}$/;
const MAX_FAULT_TIMES = 1000;

class InputError extends Error {}

/** Control bodies are optional JSON objects; unknown fields are refused so a typo never passes silently. */
function readBody(raw: unknown, allowed: readonly string[]): JsonObject {
  if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return {};
  let value: unknown;
  try {
    value = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    throw new InputError('body must be JSON');
  }
  if (!isJsonObject(value)) throw new InputError('body must be a JSON object');
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw new InputError(`unknown field(s): ${unknown.join(', ')}`);
  return value;
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
