import { randomBytes } from 'node:crypto';

/**
 * The errmsg texts WeChat is seen to send for each errcode. Callers must switch on `errcode` only, but a
 * faithful text keeps logs readable and matches what people paste from the real platform.
 */
const ERRMSG: Readonly<Record<number, string>> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40004: 'invalid media type',
  40005: 'invalid file type',
  40006: 'invalid media size',
  40007: 'invalid media_id',
  40008: 'invalid message type',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40097: 'invalid args',
  40125: 'invalid appsecret',
  40129: 'invalid scene',
  40163: 'code been used',
  40169: 'invalid length for scene, or the data is not json string',
  40226: 'code blocked',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41005: 'media data missing',
  41008: 'missing code',
  41030: 'invalid page',
  42001: 'access_token expired',
  43101: 'user refuse to accept the msg',
  43302: 'require POST method',
  44002: 'empty post data',
  45002: 'content size out of limit',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit mustslower retry next minute',
  45015: 'response out of time limit or subscription is canceled',
  45047: 'out of response count limit',
  // The typing errcodes are documented (§6g) but their texts are not; these three are the sandbox's wording.
  45072: 'command invalid',
  45080: 'no message interaction with the user in the last 30 seconds',
  45081: 'already typing',
  47001: 'data format error',
  47003: 'argument invalid!',
};

export type WechatErrorBody = { errcode: number; errmsg: string };

/**
 * Every real error carries a request id that WeChat support asks for; ours is random but shaped the same. msgSecCheck's
 * trace_id has the same shape.
 */
export function requestId(): string {
  return [0, 1, 2].map(() => randomBytes(4).toString('hex')).join('-');
}

/** `detail` replaces the standard text where WeChat names the culprit, e.g. 47003's `argument invalid! data.thing1.value invalid`. */
export function wechatError(errcode: number, detail?: string): WechatErrorBody {
  const text = detail ?? ERRMSG[errcode] ?? 'sandbox injected error';
  return { errcode, errmsg: `${text}, rid: ${requestId()}` };
}
