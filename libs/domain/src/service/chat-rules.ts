import { CHAT_TEXT_MAX, type ChatChannel, type ChatMessageType, type SendableMessageType, SENDABLE_MESSAGE_TYPES } from './service-vocabulary';

export const MESSAGE_PREVIEW_MAX = 40;

/**
 * One line for a conversation list: text as written (whitespace collapsed), cards as a bracketed kind and their
 * name (`[商品] 小棕瓶精华`), images as `[图片]`; at most 40 characters, cut with '…'.
 */
export function messagePreview(type: ChatMessageType, body: Record<string, unknown>): string {
  const str = (key: string) => (typeof body[key] === 'string' ? oneLine(body[key] as string) : '');
  const card = (label: string, name: string) => (name ? `[${label}] ${name}` : `[${label}]`);
  switch (type) {
    case 'text':
    case 'system':
      return clip(str('text'), MESSAGE_PREVIEW_MAX);
    case 'image':
      return '[图片]';
    case 'product':
      return clip(card('商品', str('name')), MESSAGE_PREVIEW_MAX);
    case 'coupon':
      return clip(card('优惠券', str('name')), MESSAGE_PREVIEW_MAX);
    case 'booking':
      return clip(card('预约', str('serviceName')), MESSAGE_PREVIEW_MAX);
    default:
      return '[消息]';
  }
}

/** What a client sends: the type and exactly the one field that type carries. */
export interface ChatSendInput {
  type: SendableMessageType;
  text?: string;
  imageId?: string;
  productId?: string;
  couponTemplateId?: string;
  bookingId?: string;
}

type ContentField = Exclude<keyof ChatSendInput, 'type'>;

const FIELD_OF: Record<SendableMessageType, ContentField> = {
  text: 'text',
  image: 'imageId',
  product: 'productId',
  coupon: 'couponTemplateId',
  booking: 'bookingId',
};

const TYPE_LABELS: Record<SendableMessageType, string> = { text: '文字', image: '图片', product: '商品', coupon: '优惠券', booking: '预约' };
const MISSING: Record<SendableMessageType, string> = {
  text: '请输入消息内容',
  image: '请选择图片',
  product: '请选择商品',
  coupon: '请选择优惠券',
  booking: '请选择预约',
};

/** What advisors may send through WeChat's customer-service API: it carries text, images and links or mini-program cards. */
const WECHAT_ADVISOR_TYPES: readonly SendableMessageType[] = ['text', 'image', 'product'];

/**
 * Everything wrong with a message before it is stored, in Chinese for the sender; empty when it may be sent. A
 * message carries exactly the field of its type (text needs words after trimming, at most `CHAT_TEXT_MAX`
 * characters). Coupons are given by staff, so members cannot send coupon cards. On the WeChat channel an advisor's
 * message must become a WeChat customer-service message, which has no coupon or booking card.
 */
export function validateChatSend(input: ChatSendInput, sender: 'member' | 'advisor', channel: ChatChannel): string[] {
  if (!(SENDABLE_MESSAGE_TYPES as readonly string[]).includes(input.type)) return ['不支持的消息类型'];
  const problems: string[] = [];
  const own = FIELD_OF[input.type];
  const value = input[own];

  if (typeof value !== 'string' || value.trim() === '') problems.push(MISSING[input.type]);
  else if (own === 'text' && Array.from(value.trim()).length > CHAT_TEXT_MAX) problems.push(`消息不能超过${CHAT_TEXT_MAX}字`);

  for (const [type, field] of Object.entries(FIELD_OF) as [SendableMessageType, ContentField][]) {
    if (field !== own && input[field] !== undefined && input[field] !== null) problems.push(`${TYPE_LABELS[input.type]}消息不能同时包含${TYPE_LABELS[type]}`);
  }

  if (sender === 'member' && input.type === 'coupon') problems.push('会员不能发送优惠券');
  else if (sender === 'advisor' && channel === 'wechat' && !WECHAT_ADVISOR_TYPES.includes(input.type)) {
    problems.push(`微信客服会话不支持发送${TYPE_LABELS[input.type]}卡片，请发送文字、图片或商品`);
  }
  return problems;
}

/**
 * The image format from the file's first bytes, whatever its name or declared type claims: JPEG `FF D8 FF`, PNG's
 * 8-byte signature, `GIF87a`/`GIF89a`, and WebP's `RIFF····WEBP`. Null for anything else.
 */
export function detectImageType(bytes: Uint8Array): 'jpg' | 'png' | 'webp' | 'gif' | null {
  const starts = (sig: readonly number[], offset = 0) => bytes.length >= offset + sig.length && sig.every((b, i) => bytes[offset + i] === b);
  const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
  if (starts([0xff, 0xd8, 0xff])) return 'jpg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(ascii('GIF87a')) || starts(ascii('GIF89a'))) return 'gif';
  if (starts(ascii('RIFF')) && starts(ascii('WEBP'), 8)) return 'webp';
  return null;
}

/** The middle value (the mean of the two middle values for an even count); null for no values. Response-time metrics use it so one forgotten chat does not skew the figure. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
