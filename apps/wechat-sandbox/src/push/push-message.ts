import { randomInt } from 'node:crypto';
import { encryptPushMessage, pushSignature } from './push-crypto';

export const PUSH_MODES = ['plain', 'compatible', 'safe'] as const;
export type PushMode = (typeof PUSH_MODES)[number];

export const PUSH_FORMATS = ['json', 'xml'] as const;
export type PushFormat = (typeof PUSH_FORMATS)[number];

/** The message-push settings of the admin console (§6a). */
export type PushConfig = {
  url: string;
  /** 3-32 letters and digits. */
  token: string;
  /** 43 letters and digits; used in compatible and safe mode. */
  encodingAesKey: string;
  mode: PushMode;
  format: PushFormat;
};

/** A pushed document: field name → value, in the order WeChat writes them. Numbers stay numbers in JSON. */
export type InboundMessage = Readonly<Record<string, string | number>>;

export type UserMessageContent =
  | { msgType: 'text'; content: string }
  | { msgType: 'image'; picUrl: string; mediaId: string }
  | { msgType: 'miniprogrampage'; title: string; appId: string; pagePath: string; thumbUrl: string; thumbMediaId: string };

/**
 * MsgId is a 64-bit integer (§6e); ours have the 16 digits of the documented `1234567890123456` and stay below 2^53,
 * so they can be written as JSON numbers and read exactly by JSON.parse.
 */
export function newMsgId(): number {
  return randomInt(1_000_000, 9_000_000) * 1_000_000_000 + randomInt(0, 1_000_000_000);
}

/** A message the user sent in the customer-service chat (§6e); `createTime` in seconds. */
export function userMessage(originalId: string, openid: string, createTime: number, content: UserMessageContent, msgId: number): InboundMessage {
  const head = { ToUserName: originalId, FromUserName: openid, CreateTime: createTime, MsgType: content.msgType };
  switch (content.msgType) {
    case 'text':
      return { ...head, Content: content.content, MsgId: msgId };
    case 'image':
      return { ...head, PicUrl: content.picUrl, MediaId: content.mediaId, MsgId: msgId };
    case 'miniprogrampage':
      return {
        ...head,
        Title: content.title,
        AppId: content.appId,
        PagePath: content.pagePath,
        ThumbUrl: content.thumbUrl,
        ThumbMediaId: content.thumbMediaId,
        MsgId: msgId,
      };
  }
}

/** The user opened the chat through `<button open-type="contact" session-from="…">` (§6e). */
export function enterSessionEvent(originalId: string, openid: string, createTime: number, sessionFrom: string): InboundMessage {
  return { ToUserName: originalId, FromUserName: openid, CreateTime: createTime, MsgType: 'event', Event: 'user_enter_tempsession', SessionFrom: sessionFrom };
}

function cdata(text: string): string {
  // `]]>` cannot appear inside CDATA; it is split across two sections.
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** JSON, or WeChat's XML with text in CDATA and numbers bare (§6e). */
export function renderDocument(message: InboundMessage, format: PushFormat): string {
  if (format === 'json') return JSON.stringify(message);
  const fields = Object.entries(message).map(([key, value]) => `<${key}>${typeof value === 'number' ? String(value) : cdata(value)}</${key}>`);
  return `<xml>${fields.join('')}</xml>`;
}

export type PushRequest = { url: string; body: string; contentType: string };

export type PushSigning = {
  /** Seconds since the epoch. */
  timestamp: number;
  nonce: string;
  /** Sign with the wrong token, as a forger who does not know it would. */
  forge: boolean;
};

/**
 * One POST of a push (§6b, §6c). Plain mode sends the document with `signature`, `timestamp` and `nonce`; safe mode
 * adds `encrypt_type=aes` and `msg_signature` and sends only ToUserName and Encrypt; compatible mode sends the plain
 * fields and Encrypt together, so a server can switch modes without downtime.
 */
export function buildPushRequest(config: PushConfig, appId: string, message: InboundMessage, signing: PushSigning): PushRequest {
  const token = signing.forge ? `forged${config.token}` : config.token;
  const timestamp = String(signing.timestamp);
  const url = new URL(config.url);
  url.searchParams.set('signature', pushSignature([token, timestamp, signing.nonce]));
  url.searchParams.set('timestamp', timestamp);
  url.searchParams.set('nonce', signing.nonce);
  const contentType = config.format === 'json' ? 'application/json' : 'text/xml';
  const document = renderDocument(message, config.format);
  if (config.mode === 'plain') return { url: url.toString(), body: document, contentType };

  const encrypt = encryptPushMessage(config.encodingAesKey, appId, document);
  url.searchParams.set('encrypt_type', 'aes');
  url.searchParams.set('msg_signature', pushSignature([token, timestamp, signing.nonce, encrypt]));
  const envelope: InboundMessage = config.mode === 'safe' ? { ToUserName: String(message.ToUserName), Encrypt: encrypt } : { ...message, Encrypt: encrypt };
  return { url: url.toString(), body: renderDocument(envelope, config.format), contentType };
}
