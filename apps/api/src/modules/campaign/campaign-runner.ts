import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { CampaignAction, SubscribeTemplateKey, TouchSkip } from '@glow/contracts';
import { addDays, businessDate, nextSendTime } from '@glow/domain';
import { AppConfig } from '../../platform/config/app-config';
import { QueueService } from '../../platform/jobs/queue.service';
import { CouponService } from '../coupon/coupon.service';
import { NotificationService, type OutboxMessage } from '../notification/notification.service';
import { FollowUpTaskService } from '../service/follow-up-task.service';
import type { CampaignRow, RunRow } from './campaign-rows';
import { journeyAudience } from './journey-audience';
import { SegmentService } from './segment.service';

interface RunMember {
  position: number;
  member_id: string;
  occurrence_key: string;
  holdout: boolean;
}

/** Runs that fail this many times are marked failed (the queue stops retrying them too). */
const MAX_ATTEMPTS = 10;

/**
 * Executes campaign runs: a run's audience is snapshotted once into `campaign_run_member` (a fixed order), then
 * processed in batches on the pg-boss queue `campaign-run`. Each batch is one transaction that issues the coupons,
 * queues the messages, creates the tasks, records a `campaign_touch` per member and occurrence (unique), spends the
 * budget and moves the run's checkpoint — so a run killed anywhere resumes at the last committed batch and no
 * member gets an occurrence twice. The queue lets one run job be active at a time across all instances, so budgets
 * and frequency caps are checked against everything already committed.
 */
@Injectable()
export class CampaignRunner implements OnApplicationBootstrap {
  static readonly QUEUE = 'campaign-run';
  private readonly log = new Logger(CampaignRunner.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly queue: QueueService,
    private readonly segments: SegmentService,
    private readonly coupons: CouponService,
    private readonly notifications: NotificationService,
    private readonly tasks: FollowUpTaskService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.define<{ runId: string }>({
      name: CampaignRunner.QUEUE,
      policy: 'singleton',
      retryLimit: MAX_ATTEMPTS,
      retryDelaySeconds: this.config.campaignRetryDelaySeconds,
      expireInSeconds: this.config.campaignJobExpireSeconds,
      handler: ({ runId }) => this.process(runId),
    });
    // Runs another process left unfinished (a crash, a deploy) go on: queue them again. Processing is idempotent.
    await this.resumeUnfinished();
  }

  async resumeUnfinished(): Promise<number> {
    const open = await this.db.query<{ id: string }[]>(
      `SELECT r.id FROM campaign_run r JOIN campaign c ON c.id = r.campaign_id
        WHERE r.status IN ('pending', 'running') AND c.status IN ('running', 'active')`,
    );
    for (const r of open) await this.queue.send(CampaignRunner.QUEUE, { runId: r.id });
    return open.length;
  }

  /** Creates (once) the run of a one-off campaign and queues it. */
  async startOneOff(campaignId: string, now = new Date()): Promise<string> {
    return this.start(campaignId, 'once', now);
  }

  /** Creates (once per occurrence) a run and queues it; the same occurrence twice is the same run. */
  async start(campaignId: string, occurrence: string, runAt: Date): Promise<string> {
    await this.db.query(`INSERT INTO campaign_run (campaign_id, occurrence, run_at) VALUES ($1, $2, $3) ON CONFLICT (campaign_id, occurrence) DO NOTHING`, [
      campaignId,
      occurrence,
      runAt,
    ]);
    const [run] = await this.db.query<{ id: string; status: string }[]>(`SELECT id, status FROM campaign_run WHERE campaign_id = $1 AND occurrence = $2`, [
      campaignId,
      occurrence,
    ]);
    if (run.status === 'pending' || run.status === 'running') await this.queue.send(CampaignRunner.QUEUE, { runId: run.id });
    return run.id;
  }

  /** Works a run to its end (or until its campaign is paused). Throws to let the queue retry. */
  async process(runId: string): Promise<void> {
    try {
      for (;;) {
        const step = await this.step(runId);
        if (step !== 'more') return;
      }
    } catch (e) {
      const message = String(e instanceof Error ? e.message : e).slice(0, 300);
      const [[row]] = await this.db.query<[{ attempts: number }[], number]>(
        `UPDATE campaign_run SET attempts = attempts + 1, error = $2, status = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE status END,
                finished_at = CASE WHEN attempts + 1 >= $3 THEN now() END
          WHERE id = $1 RETURNING attempts`,
        [runId, message, MAX_ATTEMPTS],
      );
      this.log.warn(`campaign run ${runId} failed (attempt ${row?.attempts ?? '?'}): ${message}`);
      throw e;
    }
  }

  /** One transaction: the snapshot, or one batch, or closing the run. */
  private async step(runId: string): Promise<'more' | 'done' | 'stopped'> {
    return this.db.transaction(async (tx) => {
      const [run] = await tx.query<RunRow[]>(`SELECT * FROM campaign_run WHERE id = $1 FOR UPDATE`, [runId]);
      if (!run || run.status === 'done' || run.status === 'failed') return 'stopped';
      const [c] = await tx.query<CampaignRow[]>(`SELECT * FROM campaign WHERE id = $1 FOR UPDATE`, [run.campaign_id]);
      if (!c || (c.status !== 'running' && c.status !== 'active')) return 'stopped';
      if (run.status === 'pending') {
        await this.snapshot(tx, run, c);
        return 'more';
      }
      const rows = await tx.query<RunMember[]>(
        `SELECT position, member_id, occurrence_key, holdout FROM campaign_run_member WHERE run_id = $1 AND position > $2 ORDER BY position LIMIT $3`,
        [run.id, run.checkpoint, this.config.campaignBatchSize],
      );
      if (rows.length === 0) {
        // An hourly journey run that found nobody leaves no trace (its members are guarded by their touches anyway).
        if (c.kind === 'journey' && run.audience === 0) {
          await tx.query(`DELETE FROM campaign_run WHERE id = $1`, [run.id]);
          return 'done';
        }
        await tx.query(`UPDATE campaign_run SET status = 'done', error = NULL, finished_at = now() WHERE id = $1`, [run.id]);
        if (c.kind === 'one-off') await tx.query(`UPDATE campaign SET status = 'completed', updated_at = now() WHERE id = $1 AND status = 'running'`, [c.id]);
        return 'done';
      }
      await this.batch(tx, run, c, rows);
      return 'more';
    });
  }

  /** Fixes who the run reaches: the audience at the run's moment, minus members who already got this occurrence. */
  private async snapshot(tx: EntityManager, run: RunRow, c: CampaignRow): Promise<void> {
    const runAt = new Date(run.run_at);
    const fixed = [run.id, c.id, c.holdout_pct];
    let audience: { sql: string; params: unknown[] };
    if (c.kind === 'one-off') {
      if (!c.segment_id) throw new Error('one-off campaign without a segment');
      const a = this.segments.audience(await this.segments.ruleOf(c.segment_id, tx), runAt, fixed.length);
      audience = { sql: `SELECT m.id AS member_id, 'once'::text AS key FROM member m LEFT JOIN member_metrics mm ON mm.member_id = m.id WHERE ${a.where}`, params: a.params };
    } else {
      if (!c.journey) throw new Error('journey campaign without a journey');
      const filter = c.segment_id ? this.segments.audience(await this.segments.ruleOf(c.segment_id, tx), runAt, fixed.length) : null;
      audience = journeyAudience(c.journey, runAt, fixed.length + (filter?.params.length ?? 0), filter?.where ?? null);
      audience.params = [...(filter?.params ?? []), ...audience.params];
    }
    await tx.query(`SET LOCAL statement_timeout = 0`);
    await tx.query(
      `INSERT INTO campaign_run_member (run_id, position, member_id, occurrence_key, holdout)
       SELECT $1::uuid, row_number() OVER (ORDER BY a.member_id, a.key), a.member_id, a.key,
              (abs(hashtextextended(a.member_id::text || $2::uuid::text, 0)) % 100) < $3::int
         FROM (SELECT DISTINCT member_id, key FROM (${audience.sql}) x) a
        WHERE NOT EXISTS (SELECT 1 FROM campaign_touch t WHERE t.campaign_id = $2::uuid AND t.member_id = a.member_id AND t.occurrence_key = a.key)`,
      [...fixed, ...audience.params],
    );
    await tx.query(
      `UPDATE campaign_run r SET status = 'running', started_at = now(),
              audience = (SELECT count(*) FROM campaign_run_member WHERE run_id = r.id),
              holdout = (SELECT count(*) FROM campaign_run_member WHERE run_id = r.id AND holdout)
        WHERE r.id = $1`,
      [run.id],
    );
  }

  private async batch(tx: EntityManager, run: RunRow, c: CampaignRow, rows: RunMember[]): Promise<void> {
    const now = new Date();
    const today = businessDate(now);
    const skipped: Partial<Record<TouchSkip, number>> = {};
    const skip = (reason: TouchSkip, n: number) => {
      if (n > 0) skipped[reason] = (skipped[reason] ?? 0) + n;
    };
    const keyOf = (r: RunMember) => `campaign:${c.id}:${r.occurrence_key}:${r.member_id}`;

    const holdout = rows.filter((r) => r.holdout);
    skip('holdout', holdout.length);
    let eligible = rows.filter((r) => !r.holdout);

    // Frequency cap: touches by any campaign within the window, as committed so far.
    if (c.cap_touches !== null && c.cap_days !== null && eligible.length > 0) {
      const capped = await tx.query<{ member_id: string }[]>(
        `SELECT member_id FROM campaign_touch WHERE member_id = ANY($1::uuid[]) AND NOT holdout AND touched_at > now() - make_interval(days => $2)
          GROUP BY member_id HAVING count(*) >= $3`,
        [eligible.map((r) => r.member_id), c.cap_days, c.cap_touches],
      );
      const set = new Set(capped.map((r) => r.member_id));
      skip('frequency-cap', eligible.filter((r) => set.has(r.member_id)).length);
      eligible = eligible.filter((r) => !set.has(r.member_id));
    }

    // Budget: what is left of the total and of today's, under the campaign row lock (and the CHECK behind it).
    await tx.query(`INSERT INTO campaign_day (campaign_id, day) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [c.id, today]);
    const [day] = await tx.query<{ touched: number }[]>(`SELECT touched FROM campaign_day WHERE campaign_id = $1 AND day = $2 FOR UPDATE`, [c.id, today]);
    const room = Math.min(
      c.budget_total === null ? Infinity : Math.max(0, c.budget_total - c.touched),
      c.budget_per_day === null ? Infinity : Math.max(0, c.budget_per_day - day.touched),
    );
    if (eligible.length > room) {
      skip('budget', eligible.length - room);
      eligible = eligible.slice(0, room);
    }

    // Coupons first: a member the coupon cannot reach is not touched at all (no message about a coupon they lack).
    const couponAction = c.actions.find((a) => a.kind === 'coupon');
    let coupons = new Map<string, { couponId: string; validUntil: Date }>();
    let couponName = '';
    let couponHeadline = '';
    if (couponAction?.couponTemplateCode && eligible.length > 0) {
      const issued = await this.coupons.issueBatch(
        { templateCode: couponAction.couponTemplateCode, items: eligible.map((r) => ({ memberId: r.member_id, key: keyOf(r) })), source: 'campaign', now },
        tx,
      );
      coupons = issued.coupons;
      couponName = issued.name;
      couponHeadline = issued.headline;
      const without = eligible.filter((r) => !coupons.has(keyOf(r)));
      skip('coupon-refused', without.length);
      eligible = eligible.filter((r) => coupons.has(keyOf(r)));
    }

    const messageAction = c.actions.find((a) => a.kind === 'message');
    let outbox = new Map<string, string>();
    if (messageAction?.messageTemplate && eligible.length > 0) {
      const data = await this.messageData(tx, messageAction, eligible, coupons, keyOf, couponName, couponHeadline, today);
      const notBefore = nextSendTime(now, c.quiet_from, c.quiet_until);
      outbox = await this.notifications.enqueueMany(
        eligible.map((r) => ({
          memberId: r.member_id,
          template: messageAction.messageTemplate as SubscribeTemplateKey,
          data: data(r),
          page: messageAction.messageTemplate === 'tier-change' ? 'packages/loyalty/pages/points/index' : 'packages/coupon/pages/wallet/index',
          key: keyOf(r),
          source: `campaign:${c.id}`,
          notBefore,
        })),
        tx,
      );
    }

    const taskAction = c.actions.find((a) => a.kind === 'task');
    let taskIds = new Map<string, string>();
    if (taskAction?.taskTitle && eligible.length > 0) {
      const dueOn = addDays(today, taskAction.taskDueDays ?? 0);
      taskIds = await this.tasks.createMany(
        eligible.map((r) => ({ memberId: r.member_id, kind: 'campaign', title: taskAction.taskTitle as string, dueOn, key: keyOf(r), campaignId: c.id })),
        tx,
      );
    }

    const touches = [...eligible.map((r) => ({ r, holdout: false })), ...holdout.map((r) => ({ r, holdout: true }))];
    const [, inserted] = await tx.query<[unknown[], number]>(
      `INSERT INTO campaign_touch (campaign_id, member_id, occurrence_key, run_id, holdout, touched_at, coupon_id, outbox_id, task_id)
       SELECT $1, u.member_id, u.key, $2, u.holdout, now(), u.coupon_id, u.outbox_id, u.task_id
         FROM unnest($3::uuid[], $4::text[], $5::boolean[], $6::uuid[], $7::uuid[], $8::uuid[]) AS u(member_id, key, holdout, coupon_id, outbox_id, task_id)
       ON CONFLICT DO NOTHING`,
      [
        c.id,
        run.id,
        touches.map((t) => t.r.member_id),
        touches.map((t) => t.r.occurrence_key),
        touches.map((t) => t.holdout),
        touches.map((t) => coupons.get(keyOf(t.r))?.couponId ?? null),
        touches.map((t) => outbox.get(keyOf(t.r)) ?? null),
        touches.map((t) => taskIds.get(keyOf(t.r)) ?? null),
      ],
    );
    void inserted;
    const touched = eligible.length;
    if (touched > 0) {
      await tx.query(`UPDATE campaign SET touched = touched + $2 WHERE id = $1`, [c.id, touched]);
      await tx.query(`UPDATE campaign_day SET touched = touched + $3 WHERE campaign_id = $1 AND day = $2`, [c.id, today, touched]);
    }
    const merged = { ...run.skipped };
    for (const [k, n] of Object.entries(skipped) as [TouchSkip, number][]) merged[k] = (merged[k] ?? 0) + n;
    await tx.query(`UPDATE campaign_run SET processed = processed + $2, touched = touched + $3, skipped = $4, checkpoint = $5, error = NULL WHERE id = $1`, [
      run.id,
      rows.length,
      touched,
      JSON.stringify(merged),
      rows[rows.length - 1].position,
    ]);
  }

  /** Field values of the campaign's message for each member, within WeChat's rules (thing ≤ 20, phrase ≤ 5). */
  private async messageData(
    tx: EntityManager,
    action: CampaignAction,
    members: RunMember[],
    coupons: Map<string, { couponId: string; validUntil: Date }>,
    keyOf: (r: RunMember) => string,
    couponName: string,
    couponHeadline: string,
    today: string,
  ): Promise<(r: RunMember) => OutboxMessage['data']> {
    const text = (s: string) => s.slice(0, 20);
    switch (action.messageTemplate) {
      case 'coupon-arrival':
        return (r) => ({
          thing1: text(couponName),
          thing2: text(couponHeadline),
          date3: businessDate(coupons.get(keyOf(r))?.validUntil ?? new Date()),
          thing4: text(action.messageText ?? '优惠券已放入券包，记得使用'),
        });
      case 'coupon-expiring':
        return (r) => ({
          thing1: text(couponName),
          date2: businessDate(coupons.get(keyOf(r))?.validUntil ?? new Date()),
          thing3: text(action.messageText ?? '优惠券即将到期，记得使用'),
        });
      default: {
        const tiers = await tx.query<{ member_id: string; name: string }[]>(
          `SELECT mt.member_id, t.name FROM member_tier mt JOIN tier t ON t.code = mt.tier_code WHERE mt.member_id = ANY($1::uuid[])`,
          [members.map((m) => m.member_id)],
        );
        const byMember = new Map(tiers.map((t) => [t.member_id, t.name]));
        return (r) => ({ phrase1: '会员关怀', thing2: text(byMember.get(r.member_id) ?? '会员'), date3: today, thing4: text(action.messageText ?? '查看您的会员权益') });
      }
    }
  }
}
