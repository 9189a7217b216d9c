import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  type OutboxItemView,
  type OutboxQueryDto,
  SUBSCRIBE_ANSWERS,
  SUBSCRIBE_TEMPLATE_KEYS,
  SUBSCRIBE_TEMPLATE_LABELS,
  type SubscribeAnswer,
  type SubscribeTemplateKey,
  type SubscriptionView,
} from '@glow/contracts';
import { AppConfig, subscribeTemplateIds } from '../../platform/config/app-config';
import { WechatClient } from '../../platform/wechat/wechat.client';
import { WechatApiError } from '../../platform/wechat/wechat.exception';
import { NotificationException } from './notification.exception';

export interface OutboxMessage {
  memberId: string;
  template: SubscribeTemplateKey;
  /** Field values by keyword key (`thing1` …), already within WeChat's rules. */
  data: Record<string, string>;
  page?: string | null;
  /** Idempotency: the same key is never queued twice (e.g. `booking-reminder:{id}`). */
  key: string;
  /** Who queued it, e.g. `campaign:{id}` or `coupon-expiry`. */
  source: string;
  /** Not sent before this moment (quiet hours). */
  notBefore?: Date;
}

/** WeChat errcodes that mean "this message will never go out as it is": the data or the recipient is wrong. */
const INVALID_ERRCODES = new Set([40003, 40037, 41028, 41029, 41030, 47003]);
/** The member has no acceptance left at WeChat, whatever our ledger says. */
const REFUSED_ERRCODE = 43101;
const MAX_BACKOFF_SECONDS = 3600;

interface DueRow {
  id: string;
  member_id: string;
  template: SubscribeTemplateKey;
  data: Record<string, string>;
  page: string | null;
  attempts: number;
  openid: string | null;
}

/**
 * Subscribe messages for every module. Each member "accept" of a template is one credit in a ledger
 * (`subscribe_credit` with its entries); sending takes one and never sends without one. Modules queue messages in
 * `notification_outbox` (in their own transaction when they have one); the dispatcher sends due messages one per
 * transaction, taking the credit, calling WeChat and recording the outcome together, and retries passing failures
 * with backoff, so a WeChat outage loses nothing.
 */
@Injectable()
export class NotificationService implements OnModuleDestroy {
  private readonly log = new Logger(NotificationService.name);
  private kickTimer: NodeJS.Timeout | null = null;
  private dispatching: Promise<unknown> | null = null;
  private closed = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly wechat: WechatClient,
  ) {}

  onModuleDestroy(): void {
    this.closed = true;
    if (this.kickTimer) clearTimeout(this.kickTimer);
  }

  // --- credits ---

  templateId(key: SubscribeTemplateKey): string {
    return subscribeTemplateIds(this.config)[key];
  }

  async subscriptions(memberId: string): Promise<SubscriptionView[]> {
    const rows = await this.db.query<{ template: SubscribeTemplateKey; credits: number }[]>(`SELECT template, credits FROM subscribe_credit WHERE member_id = $1`, [memberId]);
    const credits = new Map(rows.map((r) => [r.template, r.credits]));
    return SUBSCRIBE_TEMPLATE_KEYS.map((key) => ({ key, templateId: this.templateId(key), label: SUBSCRIBE_TEMPLATE_LABELS[key], credits: credits.get(key) ?? 0 }));
  }

  /**
   * What `wx.requestSubscribeMessage` answered: every `accept` of one of our templates is one more credit. Answers
   * for ids we do not use are ignored; a report with none of ours is refused.
   */
  async report(memberId: string, results: Record<string, unknown>): Promise<SubscriptionView[]> {
    const byId = new Map(SUBSCRIBE_TEMPLATE_KEYS.map((key) => [this.templateId(key), key] as const));
    const entries = Object.entries(results ?? {});
    const ours = entries.filter(([id]) => byId.has(id));
    if (entries.length > 20 || ours.length === 0 || ours.some(([, a]) => !SUBSCRIBE_ANSWERS.includes(a as SubscribeAnswer))) {
      throw new NotificationException(ErrorCode.SubscribeTemplateUnknown);
    }
    const accepted = ours.filter(([, a]) => a === 'accept').map(([id]) => byId.get(id) as SubscribeTemplateKey);
    if (accepted.length > 0) {
      await this.db.transaction(async (tx) => {
        for (const key of accepted) await this.grant(memberId, key, 'wx.requestSubscribeMessage', tx);
      });
    }
    return this.subscriptions(memberId);
  }

  /** One credit for a template the member accepted (inside the caller's transaction when given). */
  async grant(memberId: string, key: SubscribeTemplateKey, ref: string, tx: EntityManager): Promise<void> {
    await tx.query(
      `INSERT INTO subscribe_credit (member_id, template, credits) VALUES ($1, $2, 1)
       ON CONFLICT (member_id, template) DO UPDATE SET credits = subscribe_credit.credits + 1, updated_at = now()`,
      [memberId, key],
    );
    await tx.query(`INSERT INTO subscribe_credit_entry (member_id, template, delta, reason, ref) VALUES ($1, $2, 1, 'accept', $3)`, [memberId, key, ref]);
  }

  // --- outbox ---

  /** Queues one message; the same key twice queues it once. Returns the outbox id, or null when it was already queued. */
  async enqueue(m: OutboxMessage, tx?: EntityManager): Promise<string | null> {
    const [row] = await (tx ?? this.db).query<{ id: string }[]>(
      `INSERT INTO notification_outbox (member_id, template, data, page, dedupe_key, source, not_before)
       VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7::timestamptz, now()))
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [m.memberId, m.template, JSON.stringify(m.data), m.page ?? null, m.key, m.source, m.notBefore ?? null],
    );
    this.kick();
    return row?.id ?? null;
  }

  /** Queues many messages in one statement (campaign fan-out); returns outbox ids by key, for new ones only. */
  async enqueueMany(messages: OutboxMessage[], tx: EntityManager): Promise<Map<string, string>> {
    if (messages.length === 0) return new Map();
    const rows = await tx.query<{ id: string; dedupe_key: string }[]>(
      `INSERT INTO notification_outbox (member_id, template, data, page, dedupe_key, source, not_before)
       SELECT u.member_id, u.template, u.data, u.page, u.key, u.source, u.not_before
         FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::text[], $5::text[], $6::text[], $7::timestamptz[]) AS u(member_id, template, data, page, key, source, not_before)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, dedupe_key`,
      [
        messages.map((m) => m.memberId),
        messages.map((m) => m.template),
        messages.map((m) => JSON.stringify(m.data)),
        messages.map((m) => m.page ?? null),
        messages.map((m) => m.key),
        messages.map((m) => m.source),
        messages.map((m) => (m.notBefore ?? new Date()).toISOString()),
      ],
    );
    this.kick();
    return new Map(rows.map((r) => [r.dedupe_key, r.id]));
  }

  /** Staff view of the outbox (newest first, at most 200). */
  async outbox(q: OutboxQueryDto): Promise<OutboxItemView[]> {
    const rows = await this.db.query<Record<string, unknown>[]>(
      `SELECT id, member_id, template, status, attempts, last_error, not_before, sent_at, source, created_at FROM notification_outbox
        WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR member_id = $2)
        ORDER BY created_at DESC LIMIT 200`,
      [q.status ?? null, q.memberId ?? null],
    );
    return rows.map((r) => ({
      id: r['id'] as string,
      memberId: r['member_id'] as string,
      template: r['template'] as SubscribeTemplateKey,
      status: r['status'] as OutboxItemView['status'],
      attempts: r['attempts'] as number,
      lastError: (r['last_error'] as string | null) ?? null,
      notBefore: (r['not_before'] as Date).toISOString(),
      sentAt: r['sent_at'] ? (r['sent_at'] as Date).toISOString() : null,
      source: r['source'] as string,
      createdAt: (r['created_at'] as Date).toISOString(),
    }));
  }

  /** Dispatch soon after a message is queued (its transaction may not have committed yet; the job catches any it misses). */
  kick(): void {
    if (this.closed || this.kickTimer) return;
    this.kickTimer = setTimeout(() => {
      this.kickTimer = null;
      void this.dispatchDue().catch((e) => this.log.warn(`outbox dispatch failed: ${String(e)}`));
    }, 250);
    this.kickTimer.unref();
  }

  /** Sends every due message (at most `limit`); one caller at a time in this process, rows locked across instances. */
  async dispatchDue(limit = 500): Promise<{ sent: number; noCredit: number; refused: number; invalid: number; retried: number; dead: number }> {
    while (this.dispatching) await this.dispatching.catch(() => undefined);
    const run = this.dispatchLoop(limit);
    this.dispatching = run;
    try {
      return await run;
    } finally {
      this.dispatching = null;
    }
  }

  private async dispatchLoop(limit: number) {
    const counts = { sent: 0, noCredit: 0, refused: 0, invalid: 0, retried: 0, dead: 0 };
    for (let i = 0; i < limit && !this.closed; i++) {
      const outcome = await this.dispatchOne();
      if (outcome === null) break;
      counts[outcome]++;
    }
    return counts;
  }

  /** Sends the oldest due message, or returns null when none is due. */
  private async dispatchOne(): Promise<'sent' | 'noCredit' | 'refused' | 'invalid' | 'retried' | 'dead' | null> {
    let failure: { id: string; attempts: number; error: string } | null = null;
    const outcome = await this.db.transaction(async (tx) => {
      const [m] = await tx.query<DueRow[]>(
        `SELECT o.id, o.member_id, o.template, o.data, o.page, o.attempts,
                (SELECT w.openid FROM member_wechat w WHERE w.member_id = o.member_id ORDER BY w.last_login_at DESC NULLS LAST LIMIT 1) AS openid
           FROM notification_outbox o
          WHERE o.status = 'pending' AND o.not_before <= now()
          ORDER BY o.not_before LIMIT 1 FOR UPDATE OF o SKIP LOCKED`,
      );
      if (!m) return null;
      const finish = (status: string, error: string | null) =>
        tx.query(`UPDATE notification_outbox SET status = $2::text, last_error = $3, attempts = attempts + 1, sent_at = CASE WHEN $2::text = 'sent' THEN now() END, updated_at = now() WHERE id = $1`, [
          m.id,
          status,
          error,
        ]);
      if (!m.openid) {
        await finish('no-credit', 'no openid');
        return 'noCredit' as const;
      }
      // Never send without a credit: take one first, in the same transaction as the outcome.
      const [[taken]] = await tx.query<[{ credits: number }[], number]>(
        `UPDATE subscribe_credit SET credits = credits - 1, updated_at = now() WHERE member_id = $1 AND template = $2 AND credits > 0 RETURNING credits`,
        [m.member_id, m.template],
      );
      if (!taken) {
        await finish('no-credit', null);
        return 'noCredit' as const;
      }
      await tx.query(`INSERT INTO subscribe_credit_entry (member_id, template, delta, reason, ref) VALUES ($1, $2, -1, 'send', $3)`, [m.member_id, m.template, m.id]);
      try {
        await this.wechat.sendSubscribeMessage({ touser: m.openid, templateId: this.templateId(m.template), page: m.page ?? undefined, data: m.data });
        await finish('sent', null);
        return 'sent' as const;
      } catch (e) {
        const code = e instanceof WechatApiError ? e.errcode : null;
        const error = (e instanceof WechatApiError ? `${e.errcode} ${e.errmsg}` : String(e)).slice(0, 200);
        if (code === REFUSED_ERRCODE) {
          // WeChat holds no acceptance for this member: our remaining credits for the template are not real.
          const [left] = await tx.query<{ credits: number }[]>(`SELECT credits FROM subscribe_credit WHERE member_id = $1 AND template = $2 FOR UPDATE`, [m.member_id, m.template]);
          if (left && left.credits > 0) {
            await tx.query(`UPDATE subscribe_credit SET credits = 0, updated_at = now() WHERE member_id = $1 AND template = $2`, [m.member_id, m.template]);
            await tx.query(`INSERT INTO subscribe_credit_entry (member_id, template, delta, reason, ref) VALUES ($1, $2, $3, 'refused', $4)`, [m.member_id, m.template, -left.credits, m.id]);
          }
          await finish('refused', error);
          return 'refused' as const;
        }
        if (code !== null && INVALID_ERRCODES.has(code)) {
          await this.returnCredit(tx, m);
          await finish('invalid', error);
          return 'invalid' as const;
        }
        // A passing failure (WeChat busy or unreachable): undo the credit and try again later.
        failure = { id: m.id, attempts: m.attempts + 1, error };
        throw new RetryLater();
      }
    }).catch((e: unknown) => {
      if (e instanceof RetryLater) return 'retry' as const;
      throw e;
    });
    if (outcome !== 'retry') return outcome;
    const f = failure as unknown as { id: string; attempts: number; error: string };
    const dead = f.attempts >= this.config.outboxMaxAttempts;
    const delay = Math.min(MAX_BACKOFF_SECONDS, this.config.outboxRetrySeconds * 2 ** (f.attempts - 1));
    await this.db.query(
      `UPDATE notification_outbox SET attempts = $2, last_error = $3, status = CASE WHEN $4 THEN 'dead' ELSE 'pending' END,
              not_before = now() + make_interval(secs => $5), updated_at = now() WHERE id = $1`,
      [f.id, f.attempts, f.error, dead, delay],
    );
    this.log.warn(`subscribe message ${f.id} not sent (attempt ${f.attempts}${dead ? ', giving up' : ''}): ${f.error}`);
    return dead ? 'dead' : 'retried';
  }

  private async returnCredit(tx: EntityManager, m: DueRow): Promise<void> {
    await tx.query(`UPDATE subscribe_credit SET credits = credits + 1, updated_at = now() WHERE member_id = $1 AND template = $2`, [m.member_id, m.template]);
    await tx.query(`INSERT INTO subscribe_credit_entry (member_id, template, delta, reason, ref) VALUES ($1, $2, 1, 'returned', $3)`, [m.member_id, m.template, m.id]);
  }

  // --- member data ---

  async exportOf(memberId: string): Promise<unknown> {
    const credits = await this.subscriptions(memberId);
    const ledger = await this.db.query(`SELECT template, delta, reason, created_at FROM subscribe_credit_entry WHERE member_id = $1 ORDER BY id`, [memberId]);
    const messages = await this.db.query(`SELECT template, data, status, sent_at, created_at FROM notification_outbox WHERE member_id = $1 ORDER BY created_at`, [memberId]);
    return { credits, ledger, messages };
  }

  async eraseOf(memberId: string, tx: EntityManager): Promise<void> {
    await tx.query(`DELETE FROM notification_outbox WHERE member_id = $1`, [memberId]);
    await tx.query(`DELETE FROM subscribe_credit_entry WHERE member_id = $1`, [memberId]);
    await tx.query(`DELETE FROM subscribe_credit WHERE member_id = $1`, [memberId]);
  }
}

class RetryLater extends Error {}
