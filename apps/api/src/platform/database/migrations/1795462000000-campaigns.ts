import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaigns, segments and member metrics (module `campaign`), the subscribe-message credit ledger and outbox
 * (module `notification`) and advisor follow-up task records (module `service`). Written by hand: these tables are
 * read and written with SQL only, so they have no entities.
 */
export class Campaigns1795462000000 implements MigrationInterface {
  name = 'Campaigns1795462000000';

  async up(q: QueryRunner): Promise<void> {
    // --- notification ---
    await q.query(`CREATE TABLE subscribe_credit (
      member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
      template varchar(24) NOT NULL,
      credits integer NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT pk_subscribe_credit PRIMARY KEY (member_id, template),
      CONSTRAINT ck_subscribe_credit CHECK (credits >= 0))`);
    await q.query(`CREATE TABLE subscribe_credit_entry (
      id bigserial PRIMARY KEY,
      member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
      template varchar(24) NOT NULL,
      delta smallint NOT NULL,
      reason varchar(12) NOT NULL,
      ref varchar(160),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ck_subscribe_credit_entry CHECK (reason IN ('accept', 'send', 'refused', 'returned', 'erased')))`);
    await q.query(`CREATE INDEX ix_subscribe_credit_entry_member ON subscribe_credit_entry (member_id, template, created_at)`);
    await q.query(`CREATE TABLE notification_outbox (
      id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
      template varchar(24) NOT NULL,
      data jsonb NOT NULL,
      page varchar(200),
      dedupe_key varchar(200) NOT NULL,
      source varchar(60) NOT NULL,
      status varchar(10) NOT NULL DEFAULT 'pending',
      attempts smallint NOT NULL DEFAULT 0,
      not_before timestamptz NOT NULL DEFAULT now(),
      last_error varchar(200),
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ck_notification_outbox_status CHECK (status IN ('pending', 'sent', 'no-credit', 'refused', 'invalid', 'dead')))`);
    await q.query(`CREATE UNIQUE INDEX uq_notification_outbox_key ON notification_outbox (dedupe_key)`);
    await q.query(`CREATE INDEX ix_notification_outbox_due ON notification_outbox (not_before) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX ix_notification_outbox_member ON notification_outbox (member_id, created_at)`);

    // --- service: follow-up task records ---
    await q.query(`CREATE TABLE follow_up_task (
      id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
      advisor_id uuid REFERENCES staff(id),
      store_id uuid REFERENCES store(id),
      kind varchar(20) NOT NULL,
      title varchar(40) NOT NULL,
      due_on date NOT NULL,
      status varchar(8) NOT NULL DEFAULT 'open',
      source_key varchar(200) NOT NULL,
      campaign_id uuid,
      outcome varchar(300),
      done_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ck_follow_up_task_status CHECK (status IN ('open', 'done', 'skipped')))`);
    await q.query(`CREATE UNIQUE INDEX uq_follow_up_task_source ON follow_up_task (source_key)`);
    await q.query(`CREATE INDEX ix_follow_up_task_advisor ON follow_up_task (advisor_id, status, due_on)`);
    await q.query(`CREATE INDEX ix_follow_up_task_member ON follow_up_task (member_id)`);

    // --- campaign: member metrics ---
    await q.query(`CREATE TABLE metrics_settings (
      id smallint PRIMARY KEY CHECK (id = 1),
      settings jsonb NOT NULL,
      computed_at timestamptz,
      aggregated_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE member_metrics (
      member_id uuid NOT NULL PRIMARY KEY REFERENCES member(id) ON DELETE CASCADE,
      orders_count integer NOT NULL DEFAULT 0,
      spend_fen bigint NOT NULL DEFAULT 0,
      orders_365 integer NOT NULL DEFAULT 0,
      spend_365_fen bigint NOT NULL DEFAULT 0,
      first_purchase_at timestamptz,
      last_purchase_at timestamptz,
      r_score smallint,
      f_score smallint,
      m_score smallint,
      rfm_class varchar(16),
      abc_class char(1),
      lifecycle varchar(10) NOT NULL,
      computed_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX ix_member_metrics_lifecycle ON member_metrics (lifecycle)`);
    // The metrics job recomputes members whose purchases changed since its last run: find them by paid/update time.
    await q.query(`CREATE INDEX ix_sales_order_member_paid ON sales_order (member_id, paid_at) WHERE paid_at IS NOT NULL`);
    await q.query(`CREATE INDEX ix_sales_order_paid ON sales_order (paid_at) WHERE paid_at IS NOT NULL`);
    await q.query(`CREATE INDEX ix_sales_order_updated ON sales_order (updated_at)`);

    // --- campaign: segments and campaigns ---
    await q.query(`CREATE TABLE segment (
      id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      name varchar(30) NOT NULL,
      description varchar(200) NOT NULL DEFAULT '',
      rule jsonb NOT NULL,
      last_count integer,
      counted_at timestamptz,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE campaign (
      id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      name varchar(30) NOT NULL,
      kind varchar(8) NOT NULL,
      status varchar(10) NOT NULL DEFAULT 'draft',
      segment_id uuid REFERENCES segment(id) ON DELETE RESTRICT,
      journey jsonb,
      scheduled_at timestamptz,
      actions jsonb NOT NULL,
      budget_total integer,
      budget_per_day integer,
      quiet_from varchar(5),
      quiet_until varchar(5),
      cap_touches smallint,
      cap_days smallint,
      holdout_pct smallint NOT NULL DEFAULT 0,
      attribution_days smallint NOT NULL DEFAULT 7,
      ends_at timestamptz,
      launched_at timestamptz,
      touched integer NOT NULL DEFAULT 0,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ck_campaign_kind CHECK (kind IN ('one-off', 'journey')),
      CONSTRAINT ck_campaign_status CHECK (status IN ('draft', 'scheduled', 'running', 'active', 'paused', 'completed', 'ended')),
      CONSTRAINT ck_campaign_budget CHECK (budget_total IS NULL OR touched <= budget_total),
      CONSTRAINT ck_campaign_holdout CHECK (holdout_pct BETWEEN 0 AND 50))`);
    await q.query(`CREATE INDEX ix_campaign_status ON campaign (status)`);
    // Per business day budget: a conditional update of this row caps the day (see CampaignRunner).
    await q.query(`CREATE TABLE campaign_day (
      campaign_id uuid NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
      day date NOT NULL,
      touched integer NOT NULL DEFAULT 0,
      CONSTRAINT pk_campaign_day PRIMARY KEY (campaign_id, day))`);
    await q.query(`CREATE TABLE campaign_run (
      id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      campaign_id uuid NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
      occurrence varchar(20) NOT NULL,
      status varchar(8) NOT NULL DEFAULT 'pending',
      run_at timestamptz NOT NULL,
      audience integer NOT NULL DEFAULT 0,
      holdout integer NOT NULL DEFAULT 0,
      processed integer NOT NULL DEFAULT 0,
      touched integer NOT NULL DEFAULT 0,
      skipped jsonb NOT NULL DEFAULT '{}',
      checkpoint integer NOT NULL DEFAULT 0,
      attempts smallint NOT NULL DEFAULT 0,
      error varchar(300),
      started_at timestamptz,
      finished_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ck_campaign_run_status CHECK (status IN ('pending', 'running', 'done', 'failed')))`);
    await q.query(`CREATE UNIQUE INDEX uq_campaign_run_occurrence ON campaign_run (campaign_id, occurrence)`);
    // The audience snapshot: who the run will reach, in a fixed order; the checkpoint is a position in it.
    await q.query(`CREATE TABLE campaign_run_member (
      run_id uuid NOT NULL REFERENCES campaign_run(id) ON DELETE CASCADE,
      position integer NOT NULL,
      member_id uuid NOT NULL,
      occurrence_key varchar(80) NOT NULL,
      holdout boolean NOT NULL,
      CONSTRAINT pk_campaign_run_member PRIMARY KEY (run_id, position))`);
    // A member gets a campaign's action at most once per occurrence, whatever happens to the run that reaches them.
    await q.query(`CREATE TABLE campaign_touch (
      campaign_id uuid NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
      member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
      occurrence_key varchar(80) NOT NULL,
      run_id uuid NOT NULL,
      holdout boolean NOT NULL,
      touched_at timestamptz NOT NULL,
      coupon_id uuid,
      outbox_id uuid,
      task_id uuid,
      CONSTRAINT pk_campaign_touch PRIMARY KEY (campaign_id, member_id, occurrence_key))`);
    await q.query(`CREATE INDEX ix_campaign_touch_member ON campaign_touch (member_id, touched_at) WHERE NOT holdout`);
    await q.query(`CREATE INDEX ix_campaign_touch_coupon ON campaign_touch (coupon_id) WHERE coupon_id IS NOT NULL`);

    // --- analytics: a daily rollup of purchases by store, refreshed on schedule ---
    await q.query(`CREATE MATERIALIZED VIEW analytics_daily AS
      SELECT (o.paid_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
             o.store_id,
             count(*)::int AS orders,
             sum(o.total_fen - o.refunded_fen)::bigint AS sales_fen,
             count(DISTINCT o.member_id)::int AS buyers
        FROM sales_order o
       WHERE o.paid_at IS NOT NULL AND o.status IN ('paid', 'partially_refunded')
       GROUP BY 1, 2
      WITH NO DATA`);
    await q.query(`CREATE UNIQUE INDEX uq_analytics_daily ON analytics_daily (day, store_id) NULLS NOT DISTINCT`);
    await q.query(`CREATE TABLE analytics_refresh (id smallint PRIMARY KEY CHECK (id = 1), refreshed_at timestamptz NOT NULL)`);
    // Dashboards as computed: served for an hour, recomputed by the hourly refresh while someone keeps asking.
    await q.query(`CREATE TABLE analytics_snapshot (
      key varchar(80) PRIMARY KEY,
      query jsonb NOT NULL,
      view jsonb NOT NULL,
      computed_at timestamptz NOT NULL,
      requested_at timestamptz NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE analytics_snapshot`);
    await q.query(`DROP TABLE analytics_refresh`);
    await q.query(`DROP MATERIALIZED VIEW analytics_daily`);
    await q.query(`DROP TABLE campaign_touch`);
    await q.query(`DROP TABLE campaign_run_member`);
    await q.query(`DROP TABLE campaign_run`);
    await q.query(`DROP TABLE campaign_day`);
    await q.query(`DROP TABLE campaign`);
    await q.query(`DROP TABLE segment`);
    await q.query(`DROP INDEX ix_sales_order_updated`);
    await q.query(`DROP INDEX ix_sales_order_paid`);
    await q.query(`DROP INDEX ix_sales_order_member_paid`);
    await q.query(`DROP TABLE member_metrics`);
    await q.query(`DROP TABLE metrics_settings`);
    await q.query(`DROP TABLE follow_up_task`);
    await q.query(`DROP TABLE notification_outbox`);
    await q.query(`DROP TABLE subscribe_credit_entry`);
    await q.query(`DROP TABLE subscribe_credit`);
  }
}
