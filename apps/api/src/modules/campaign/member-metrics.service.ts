import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type AbcClass,
  DEFAULT_METRICS_SETTINGS,
  ErrorCode,
  type LifecycleStage,
  type MetricsSettings,
  type MetricsStatusView,
  type RfmClass,
} from '@glow/contracts';
import { validateMetricsSettings } from '@glow/domain';
import { CampaignException } from './campaign.exception';

const PURCHASE = `o.status IN ('paid', 'partially_refunded') AND o.paid_at IS NOT NULL`;

/**
 * Member metrics for segments: purchase aggregates (lifetime and the last 365 days), RFM scores and class, ABC class
 * by spend and the lifecycle stage, in `member_metrics`. Aggregates are recomputed incrementally — only for members
 * whose orders changed since the last run, whose orders left the 365-day window, or who are new — and the scores,
 * which move with the clock, in one set-based pass. The same rules, as pure functions, are in `libs/domain`.
 */
@Injectable()
export class MemberMetricsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async settings(): Promise<{ settings: MetricsSettings; computedAt: Date | null }> {
    const [row] = await this.db.query<{ settings: MetricsSettings; computed_at: Date | null }[]>(`SELECT settings, computed_at FROM metrics_settings WHERE id = 1`);
    return { settings: row?.settings ?? DEFAULT_METRICS_SETTINGS, computedAt: row?.computed_at ?? null };
  }

  async saveSettings(input: unknown): Promise<MetricsStatusView> {
    const checked = validateMetricsSettings(input);
    if (!checked.ok) throw new CampaignException(ErrorCode.MetricsSettingsInvalid, checked.problems.join('; '), { details: [{ field: 'settings', problems: checked.problems }] });
    await this.db.query(
      `INSERT INTO metrics_settings (id, settings) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now()`,
      [JSON.stringify(checked.settings)],
    );
    await this.rescore(new Date(), checked.settings);
    return this.status();
  }

  async status(): Promise<MetricsStatusView> {
    const { settings, computedAt } = await this.settings();
    const [counts] = await this.db.query<{ members: number; lifecycle: Record<string, number> | null; rfm: Record<string, number> | null; abc: Record<string, number> | null }[]>(
      `SELECT (SELECT count(*)::int FROM member_metrics) AS members,
              (SELECT jsonb_object_agg(lifecycle, n) FROM (SELECT lifecycle, count(*)::int n FROM member_metrics GROUP BY 1) x) AS lifecycle,
              (SELECT jsonb_object_agg(rfm_class, n) FROM (SELECT rfm_class, count(*)::int n FROM member_metrics WHERE rfm_class IS NOT NULL GROUP BY 1) x) AS rfm,
              (SELECT jsonb_object_agg(abc_class, n) FROM (SELECT abc_class, count(*)::int n FROM member_metrics WHERE abc_class IS NOT NULL GROUP BY 1) x) AS abc`,
    );
    return {
      settings,
      computedAt: computedAt ? computedAt.toISOString() : null,
      members: counts.members,
      lifecycle: (counts.lifecycle ?? {}) as Partial<Record<LifecycleStage, number>>,
      rfmClasses: (counts.rfm ?? {}) as Partial<Record<RfmClass, number>>,
      abc: (counts.abc ?? {}) as Partial<Record<AbcClass, number>>,
    };
  }

  /** The nightly job: aggregates of changed members, then every score. */
  async compute(now = new Date()): Promise<{ refreshed: number; scored: number }> {
    const refreshed = await this.refreshAggregates(now);
    const { settings } = await this.settings();
    const scored = await this.rescore(now, settings);
    // Every row was just rewritten: give the planner fresh statistics now rather than whenever autovacuum (if it
    // runs at all on the server) gets to it. Segments and dashboards plan their joins on these numbers.
    await this.db.query(`ANALYZE member_metrics`);
    return { refreshed, scored };
  }

  /**
   * Recomputes purchase aggregates of members who have no metrics yet, whose orders changed since the last run, or
   * who had a purchase leave the 365-day window since then. Returns how many members were refreshed.
   */
  async refreshAggregates(now: Date): Promise<number> {
    // The watermark is the database's own clock (not `now`, which tests and back-fills may move), taken before reading.
    const [w] = await this.db.query<{ aggregated_at: Date | null; started: Date }[]>(
      `SELECT (SELECT aggregated_at FROM metrics_settings WHERE id = 1) AS aggregated_at, clock_timestamp() AS started`,
    );
    const since = w.aggregated_at;
    const [{ count }] = await this.db.query<{ count: number }[]>(
      `WITH changed AS (
         SELECT m.id FROM member m WHERE m.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM member_metrics x WHERE x.member_id = m.id)
         UNION
         SELECT o.member_id FROM sales_order o WHERE $2::timestamptz IS NOT NULL AND o.updated_at > $2::timestamptz
         UNION
         SELECT o.member_id FROM sales_order o
          WHERE $2::timestamptz IS NOT NULL AND o.paid_at IS NOT NULL
            AND o.paid_at > $2::timestamptz - interval '365 days' AND o.paid_at <= $1::timestamptz - interval '365 days'
         UNION
         SELECT o.member_id FROM sales_order o WHERE $2::timestamptz IS NOT NULL AND o.paid_at > $2::timestamptz AND o.paid_at <= $1::timestamptz
       ), agg AS (
         SELECT c.id AS member_id,
                count(o.id)::int AS orders_count,
                COALESCE(sum(o.total_fen - o.refunded_fen), 0)::bigint AS spend_fen,
                (count(o.id) FILTER (WHERE o.paid_at > $1::timestamptz - interval '365 days'))::int AS orders_365,
                COALESCE(sum(o.total_fen - o.refunded_fen) FILTER (WHERE o.paid_at > $1::timestamptz - interval '365 days'), 0)::bigint AS spend_365_fen,
                min(o.paid_at) AS first_purchase_at, max(o.paid_at) AS last_purchase_at
           FROM changed c
           LEFT JOIN sales_order o ON o.member_id = c.id AND ${PURCHASE} AND o.paid_at <= $1::timestamptz
          GROUP BY c.id)
       , saved AS (
       INSERT INTO member_metrics (member_id, orders_count, spend_fen, orders_365, spend_365_fen, first_purchase_at, last_purchase_at, lifecycle, computed_at)
       SELECT a.member_id, a.orders_count, a.spend_fen, a.orders_365, a.spend_365_fen, a.first_purchase_at, a.last_purchase_at, 'new', $1::timestamptz
         FROM agg a JOIN member m ON m.id = a.member_id AND m.deleted_at IS NULL
       ON CONFLICT (member_id) DO UPDATE SET orders_count = EXCLUDED.orders_count, spend_fen = EXCLUDED.spend_fen, orders_365 = EXCLUDED.orders_365,
              spend_365_fen = EXCLUDED.spend_365_fen, first_purchase_at = EXCLUDED.first_purchase_at, last_purchase_at = EXCLUDED.last_purchase_at
       RETURNING 1)
       SELECT count(*)::int AS count FROM saved`,
      [now, since],
    );
    await this.db.query(`DELETE FROM member_metrics mm USING member m WHERE m.id = mm.member_id AND m.deleted_at IS NOT NULL`);
    await this.db.query(
      `INSERT INTO metrics_settings (id, settings, aggregated_at) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET aggregated_at = EXCLUDED.aggregated_at`,
      [JSON.stringify(DEFAULT_METRICS_SETTINGS), w.started],
    );
    return count;
  }

  /**
   * Scores every member at `now` with the settings' bands: R from days since the last purchase, F and M from the
   * last 365 days, the RFM class (high = score ≥ 3), the lifecycle stage, then ABC by cumulative share of spend.
   */
  async rescore(now: Date, s: MetricsSettings): Promise<number> {
    const r = s.rfm.recencyDays;
    const f = s.rfm.frequency;
    const mo = s.rfm.monetaryFen;
    const l = s.lifecycle;
    return this.db.transaction(async (tx) => {
      const [, scored] = await tx.query<[unknown[], number]>(
        `WITH base AS (
           SELECT mm.member_id,
                  floor(extract(epoch FROM ($1::timestamptz - mm.last_purchase_at)) / 86400)::int AS since_last,
                  floor(extract(epoch FROM ($1::timestamptz - mm.first_purchase_at)) / 86400)::int AS since_first,
                  floor(extract(epoch FROM ($1::timestamptz - m.joined_at)) / 86400)::int AS since_join,
                  mm.orders_365, mm.spend_365_fen
             FROM member_metrics mm JOIN member m ON m.id = mm.member_id),
         scored AS (
           SELECT b.*,
                  CASE WHEN b.since_last IS NULL THEN NULL WHEN b.since_last <= $2 THEN 5 WHEN b.since_last <= $3 THEN 4
                       WHEN b.since_last <= $4 THEN 3 WHEN b.since_last <= $5 THEN 2 ELSE 1 END AS r,
                  CASE WHEN b.orders_365 = 0 THEN NULL WHEN b.orders_365 >= $9 THEN 5 WHEN b.orders_365 >= $8 THEN 4
                       WHEN b.orders_365 >= $7 THEN 3 WHEN b.orders_365 >= $6 THEN 2 ELSE 1 END AS f,
                  CASE WHEN b.orders_365 = 0 THEN NULL WHEN b.spend_365_fen >= $13 THEN 5 WHEN b.spend_365_fen >= $12 THEN 4
                       WHEN b.spend_365_fen >= $11 THEN 3 WHEN b.spend_365_fen >= $10 THEN 2 ELSE 1 END AS m
             FROM base b)
         UPDATE member_metrics mm SET
                r_score = s.r, f_score = s.f, m_score = s.m,
                rfm_class = CASE WHEN s.r IS NULL OR s.f IS NULL OR s.m IS NULL THEN NULL
                                 ELSE (ARRAY['hibernating', 'hibernating-big', 'at-risk-loyal', 'win-back', 'promising', 'potential', 'loyal', 'champion'])
                                      [1 + (CASE WHEN s.r >= 3 THEN 4 ELSE 0 END) + (CASE WHEN s.f >= 3 THEN 2 ELSE 0 END) + (CASE WHEN s.m >= 3 THEN 1 ELSE 0 END)] END,
                lifecycle = CASE
                  WHEN s.since_last IS NULL THEN CASE WHEN s.since_join <= $14 THEN 'new' ELSE 'prospect' END
                  WHEN s.since_first <= $14 THEN 'new'
                  WHEN s.since_last <= $15 THEN 'active'
                  WHEN s.since_last <= $16 THEN 'at-risk'
                  WHEN s.since_last <= $17 THEN 'dormant'
                  ELSE 'lost' END,
                computed_at = $1::timestamptz
           FROM scored s WHERE s.member_id = mm.member_id`,
        [now, r[0], r[1], r[2], r[3], f[0], f[1], f[2], f[3], mo[0], mo[1], mo[2], mo[3], l.newDays, l.activeDays, l.atRiskDays, l.dormantDays],
      );
      // ABC: buyers by spend, A while the share before them is under aShare%, B under bShare%, else C.
      await tx.query(
        `WITH ranked AS (
           SELECT member_id,
                  COALESCE(sum(spend_365_fen) OVER (ORDER BY spend_365_fen DESC, member_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before,
                  sum(spend_365_fen) OVER () AS total
             FROM member_metrics WHERE spend_365_fen > 0)
         UPDATE member_metrics mm SET abc_class = CASE WHEN r.before * 100 < $1 * r.total THEN 'A' WHEN r.before * 100 < $2 * r.total THEN 'B' ELSE 'C' END
           FROM ranked r WHERE r.member_id = mm.member_id`,
        [s.abc.aShare, s.abc.bShare],
      );
      await tx.query(`UPDATE member_metrics SET abc_class = NULL WHERE spend_365_fen <= 0 AND abc_class IS NOT NULL`);
      await tx.query(
        `INSERT INTO metrics_settings (id, settings, computed_at) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET computed_at = EXCLUDED.computed_at`,
        [JSON.stringify(s), now],
      );
      return scored;
    });
  }
}
