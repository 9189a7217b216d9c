import { randomInt } from 'node:crypto';
import type { SubscribeTemplate } from './subscribe-templates';

export type SubscribeChoice = 'accept' | 'reject';

export const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'] as const;
export type MiniprogramState = (typeof MINIPROGRAM_STATES)[number];

export const MESSAGE_LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'] as const;
export type MessageLang = (typeof MESSAGE_LANGS)[number];

/** What a user chose last for one template, and how many sends their acceptances still allow. */
export type SubscriptionView = { templateId: string; status: SubscribeChoice; credits: number };

export type DeliveredMessage = {
  /** WeChat's msgid (reported in subscribe_msg_sent_event) is a 19-digit number, handled as a string. */
  msgid: string;
  openid: string;
  templateId: string;
  title: string;
  page: string | null;
  miniprogramState: MiniprogramState;
  lang: MessageLang;
  /** Keyword key → value, e.g. `{ thing1: '焕颜护理' }`. */
  data: Record<string, string>;
  sentAt: string;
};

export type OutgoingMessage = Omit<DeliveredMessage, 'msgid' | 'title' | 'sentAt'>;

type Subscription = { status: SubscribeChoice; credits: number };

function newMsgid(): string {
  return `${randomInt(1, 10)}${Array.from({ length: 18 }, () => randomInt(0, 10)).join('')}`;
}

/**
 * One-time subscriptions as WeChat counts them: each `accept` in `wx.requestSubscribeMessage` lets the app send one
 * message of that template to that user, at any later time; a `reject` grants nothing. Acceptances accumulate and
 * nothing expires.
 */
export class SubscribeStore {
  private readonly templates = new Map<string, SubscribeTemplate>();
  /** Keyed by openid, then template id. */
  private readonly subscriptions = new Map<string, Map<string, Subscription>>();
  private readonly messages: DeliveredMessage[] = [];

  constructor(
    private readonly now: () => number,
    templates: readonly SubscribeTemplate[],
  ) {
    for (const template of templates) this.templates.set(template.id, template);
  }

  template(id: string): SubscribeTemplate | undefined {
    return this.templates.get(id);
  }

  templateList(): SubscribeTemplate[] {
    return [...this.templates.values()];
  }

  /** Adds a template, or replaces the one with the same id; credits already granted for it are kept. */
  putTemplate(template: SubscribeTemplate): { created: boolean } {
    const created = !this.templates.has(template.id);
    this.templates.set(template.id, template);
    return { created };
  }

  /**
   * A user's answer in the subscribe popup. A `reject` grants nothing and is remembered as the latest choice, but it
   * does not take back sends that earlier acceptances granted: WeChat counts each acceptance as one message allowed.
   */
  recordChoice(openid: string, templateId: string, choice: SubscribeChoice): SubscriptionView {
    const byTemplate = this.subscriptions.get(openid) ?? new Map<string, Subscription>();
    const subscription = byTemplate.get(templateId) ?? { status: choice, credits: 0 };
    subscription.status = choice;
    if (choice === 'accept') subscription.credits += 1;
    byTemplate.set(templateId, subscription);
    this.subscriptions.set(openid, byTemplate);
    return { templateId, ...subscription };
  }

  subscriptionsOf(openid: string): SubscriptionView[] {
    return [...(this.subscriptions.get(openid) ?? new Map<string, Subscription>())].map(([templateId, s]) => ({ templateId, ...s }));
  }

  /**
   * Spends one credit and stores the message in the same synchronous step, so concurrent sends can never spend one
   * credit twice. Returns null when the user has no credit left for the template (WeChat's 43101).
   */
  deliver(message: OutgoingMessage): DeliveredMessage | null {
    const subscription = this.subscriptions.get(message.openid)?.get(message.templateId);
    const template = this.templates.get(message.templateId);
    if (!subscription || subscription.credits < 1 || !template) return null;
    subscription.credits -= 1;
    const delivered: DeliveredMessage = { msgid: newMsgid(), ...message, title: template.title, sentAt: new Date(this.now()).toISOString() };
    this.messages.push(delivered);
    return delivered;
  }

  /** Delivered messages, oldest first, optionally only those to one user and/or of one template. */
  delivered(filter: { openid?: string; templateId?: string }): DeliveredMessage[] {
    return this.messages.filter(
      (m) => (filter.openid === undefined || m.openid === filter.openid) && (filter.templateId === undefined || m.templateId === filter.templateId),
    );
  }
}
