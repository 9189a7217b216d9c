import type { JsonObject } from '../wechat-request';

const SECOND = 1000;
const HOUR = 3600 * SECOND;

/** After the user sends a message the app may answer 5 times within 48 hours (§6f, current table). */
const USER_MESSAGE_WINDOW_MS = 48 * HOUR;
const USER_MESSAGE_QUOTA = 5;
/** After the user enters the chat the app may send 2 messages within 1 minute (§6f). */
const ENTER_WINDOW_MS = 60 * SECOND;
const ENTER_QUOTA = 2;
/** setTyping needs a message interaction with the user within the last 30 s (§6g, 45080). */
const TYPING_INTERACTION_MS = 30 * SECOND;

export const CUSTOM_MESSAGE_TYPES = ['text', 'image', 'link', 'miniprogrampage'] as const;
export type CustomMessageType = (typeof CUSTOM_MESSAGE_TYPES)[number];

export const TYPING_COMMANDS = ['Typing', 'CancelTyping'] as const;
export type TypingCommand = (typeof TYPING_COMMANDS)[number];

/** A message the app sent through custom/send, as the user's chat shows it. */
export type SentCustomerMessage = {
  openid: string;
  msgtype: CustomMessageType;
  /** The body's section for the type, e.g. `{ content: '您好' }` for text. */
  payload: JsonObject;
  sentAt: string;
};

/** How many more messages the app may send, and until when (milliseconds since the epoch). */
export type CustomerWindow = { until: number; remaining: number };

export type CustomerWindowView = {
  openid: string;
  /** ISO 8601; null when the user never opened a window. */
  until: string | null;
  remaining: number;
  /** True while `until` is in the future; `remaining` may still be 0. */
  active: boolean;
  typing: boolean;
};

/**
 * The customer-service chat of each user as WeChat rations it: a user's message or entering the chat opens a window
 * of sends. The allowances do not add up ("可发送客服消息条数不累加"): each qualifying action resets the window.
 */
export class CustomerServiceStore {
  private readonly windows = new Map<string, CustomerWindow>();
  /** When the user last sent a message or entered the chat. */
  private readonly interactions = new Map<string, number>();
  private readonly typing = new Set<string>();
  private readonly sent: SentCustomerMessage[] = [];

  constructor(private readonly now: () => number) {}

  /** The user sent a text, an image or a mini-program card: 5 sends within 48 hours from now. */
  userMessaged(openid: string): void {
    const now = this.now();
    this.windows.set(openid, { until: now + USER_MESSAGE_WINDOW_MS, remaining: USER_MESSAGE_QUOTA });
    this.interactions.set(openid, now);
  }

  /**
   * The user entered the chat (user_enter_tempsession): 2 sends within a minute, unless a window ending later is
   * open. WeChat does not say how the two windows combine (§11.5); a short allowance never cutting a long one short
   * is the reading that cannot lose messages the user's own message already allowed.
   */
  userEntered(openid: string): void {
    const now = this.now();
    const current = this.windows.get(openid);
    if (!current || current.until <= now + ENTER_WINDOW_MS) this.windows.set(openid, { until: now + ENTER_WINDOW_MS, remaining: ENTER_QUOTA });
    this.interactions.set(openid, now);
  }

  /**
   * Spends one send of the user's window and records the message in the same synchronous step, so concurrent sends
   * never spend one allowance twice. A message also ends the typing indicator, as it does in the chat.
   */
  send(openid: string, msgtype: CustomMessageType, payload: JsonObject): SentCustomerMessage | 45015 | 45047 {
    const window = this.windows.get(openid);
    const now = this.now();
    if (!window || now >= window.until) return 45015;
    if (window.remaining <= 0) return 45047;
    window.remaining -= 1;
    this.typing.delete(openid);
    const message: SentCustomerMessage = { openid, msgtype, payload, sentAt: new Date(now).toISOString() };
    this.sent.push(message);
    return message;
  }

  /** 0 when accepted; CancelTyping while not typing is accepted too. */
  setTyping(openid: string, command: TypingCommand): 0 | 45080 | 45081 {
    const lastInteraction = this.interactions.get(openid);
    if (lastInteraction === undefined || this.now() - lastInteraction >= TYPING_INTERACTION_MS) return 45080;
    if (command === 'CancelTyping') {
      this.typing.delete(openid);
      return 0;
    }
    if (this.typing.has(openid)) return 45081;
    this.typing.add(openid);
    return 0;
  }

  windowOf(openid: string): CustomerWindowView {
    const window = this.windows.get(openid);
    return {
      openid,
      until: window ? new Date(window.until).toISOString() : null,
      remaining: window?.remaining ?? 0,
      active: window !== undefined && this.now() < window.until,
      typing: this.typing.has(openid),
    };
  }

  /** Messages sent through custom/send, oldest first, optionally only those to one user. */
  sentMessages(openid?: string): SentCustomerMessage[] {
    return this.sent.filter((message) => openid === undefined || message.openid === openid);
  }
}
