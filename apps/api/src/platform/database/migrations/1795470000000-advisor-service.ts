import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Advisor service (module `service`): conversations and their messages, reply cycles, advisor presence, the
 * knowledge base and canned replies, tickets with their history and compensations, CSAT, and the follow-up task
 * list's extra columns. Written by hand: these tables are read and written with SQL only, so they have no entities.
 */
export class AdvisorService1795470000000 implements MigrationInterface {
  name = 'AdvisorService1795470000000';

  async up(q: QueryRunner): Promise<void> {
    // An advisor's chat settings and liveness. `last_seen` is refreshed by the instances holding their sockets;
    // assignments to an advisor take this row's lock, so capacity holds across instances.
    await q.query(`CREATE TABLE advisor_presence (
      staff_id uuid NOT NULL PRIMARY KEY REFERENCES staff(id) ON DELETE CASCADE,
      capacity smallint NOT NULL DEFAULT 5,
      accepting boolean NOT NULL DEFAULT true,
      last_seen timestamptz,
      last_assigned_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ck_advisor_presence_capacity CHECK (capacity BETWEEN 1 AND 50))`);

    // One conversation per member and channel (reopened when the member writes again), or per WeChat openid for
    // people who reached customer service without joining.
    await q.query(`CREATE TABLE conversation (
      id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      member_id uuid REFERENCES member(id) ON DELETE CASCADE,
      openid varchar(64),
      channel varchar(8) NOT NULL,
      status varchar(10) NOT NULL DEFAULT 'open',
      store_id uuid REFERENCES store(id),
      advisor_id uuid REFERENCES staff(id),
      labels text[] NOT NULL DEFAULT '{}',
      bot_active boolean NOT NULL DEFAULT true,
      waiting_since timestamptz,
      last_seq integer NOT NULL DEFAULT 0,
      last_message_at timestamptz,
      member_read_seq integer NOT NULL DEFAULT 0,
      advisor_read_seq integer NOT NULL DEFAULT 0,
      bot_checked_seq integer NOT NULL DEFAULT 0,
      cycle_id uuid,
      wechat_window_until timestamptz,
      wechat_window_left smallint,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      CONSTRAINT ck_conversation_channel CHECK (channel IN ('app', 'wechat')),
      CONSTRAINT ck_conversation_status CHECK (status IN ('open', 'pending', 'resolved')),
      CONSTRAINT ck_conversation_who CHECK (member_id IS NOT NULL OR openid IS NOT NULL),
      CONSTRAINT ck_conversation_window CHECK (wechat_window_left IS NULL OR wechat_window_left >= 0))`);
    await q.query(`CREATE UNIQUE INDEX uq_conversation_member_channel ON conversation (member_id, channel) WHERE member_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX uq_conversation_openid ON conversation (openid) WHERE channel = 'wechat'`);
    await q.query(`CREATE INDEX ix_conversation_advisor ON conversation (advisor_id, status)`);
    await q.query(`CREATE INDEX ix_conversation_queue ON conversation (store_id, waiting_since) WHERE advisor_id IS NULL AND status <> 'resolved'`);
    await q.query(`CREATE INDEX ix_conversation_recent ON conversation (last_message_at DESC)`);

    // A reply cycle: from the member's first message after resolution (or ever) to the next resolution. Response
    // and resolution times are measured per cycle; CSAT rates a cycle.
    await q.query(`CREATE TABLE conversation_cycle (
      id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      conversation_id uuid NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
      advisor_id uuid REFERENCES staff(id),
      started_at timestamptz NOT NULL,
      first_response_at timestamptz,
      resolved_at timestamptz,
      resolved_by uuid REFERENCES staff(id))`);
    await q.query(`CREATE INDEX ix_conversation_cycle_conversation ON conversation_cycle (conversation_id, started_at)`);
    await q.query(`CREATE INDEX ix_conversation_cycle_started ON conversation_cycle (started_at)`);
    await q.query(`ALTER TABLE conversation ADD CONSTRAINT fk_conversation_cycle FOREIGN KEY (cycle_id) REFERENCES conversation_cycle(id) DEFERRABLE INITIALLY DEFERRED`);

    // Messages are numbered 1, 2, 3 … per conversation under the conversation's row lock, so clients catch up by seq.
    await q.query(`CREATE TABLE chat_message (
      id bigserial PRIMARY KEY,
      conversation_id uuid NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
      seq integer NOT NULL,
      sender_kind varchar(8) NOT NULL,
      sender_id uuid,
      type varchar(10) NOT NULL,
      body jsonb NOT NULL,
      client_id varchar(64),
      flagged boolean NOT NULL DEFAULT false,
      delivery varchar(8),
      delivery_error varchar(120),
      wechat_msg_id varchar(32),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT uq_chat_message_seq UNIQUE (conversation_id, seq),
      CONSTRAINT ck_chat_message_sender CHECK (sender_kind IN ('member', 'advisor', 'bot', 'system')),
      CONSTRAINT ck_chat_message_type CHECK (type IN ('text', 'image', 'product', 'coupon', 'booking', 'system')),
      CONSTRAINT ck_chat_message_delivery CHECK (delivery IS NULL OR delivery IN ('sent', 'failed')))`);
    await q.query(`CREATE UNIQUE INDEX uq_chat_message_client ON chat_message (conversation_id, sender_kind, client_id) WHERE client_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX uq_chat_message_wechat ON chat_message (wechat_msg_id) WHERE wechat_msg_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_chat_message_created ON chat_message (created_at)`);

    await q.query(`CREATE TABLE kb_article (
      id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      slug varchar(60),
      question varchar(100) NOT NULL,
      keywords text[] NOT NULL DEFAULT '{}',
      synonyms text[] NOT NULL DEFAULT '{}',
      answer varchar(1000) NOT NULL,
      category varchar(12) NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      answered_count integer NOT NULL DEFAULT 0,
      handover_count integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX uq_kb_article_slug ON kb_article (slug) WHERE slug IS NOT NULL`);

    await q.query(`CREATE TABLE canned_reply (
      id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      owner_id uuid REFERENCES staff(id) ON DELETE CASCADE,
      title varchar(30) NOT NULL,
      body varchar(1000) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX ix_canned_reply_owner ON canned_reply (owner_id)`);

    await q.query(`CREATE TABLE ticket_day_counter (day date NOT NULL PRIMARY KEY, last integer NOT NULL)`);
    await q.query(`CREATE TABLE ticket (
      id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      ticket_no varchar(16) NOT NULL,
      member_id uuid NOT NULL REFERENCES member(id) ON DELETE CASCADE,
      store_id uuid REFERENCES store(id),
      category varchar(12) NOT NULL,
      priority varchar(8) NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'new',
      title varchar(40) NOT NULL,
      description varchar(2000) NOT NULL,
      order_id uuid REFERENCES sales_order(id),
      booking_id uuid REFERENCES booking(id),
      conversation_id uuid REFERENCES conversation(id) ON DELETE SET NULL,
      assignee_id uuid REFERENCES staff(id),
      created_by uuid REFERENCES staff(id),
      sla_due_at timestamptz NOT NULL,
      escalation_level smallint NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      closed_at timestamptz,
      CONSTRAINT uq_ticket_no UNIQUE (ticket_no),
      CONSTRAINT ck_ticket_status CHECK (status IN ('new', 'in_progress', 'waiting_member', 'resolved', 'closed')),
      CONSTRAINT ck_ticket_priority CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
      CONSTRAINT ck_ticket_category CHECK (category IN ('complaint', 'quality', 'allergy', 'delivery', 'refund', 'service', 'other')))`);
    await q.query(`CREATE INDEX ix_ticket_member ON ticket (member_id, created_at)`);
    await q.query(`CREATE INDEX ix_ticket_open ON ticket (store_id, status, sla_due_at)`);
    await q.query(`CREATE INDEX ix_ticket_assignee ON ticket (assignee_id, status)`);
    await q.query(`CREATE TABLE ticket_event (
      id bigserial PRIMARY KEY,
      ticket_id uuid NOT NULL REFERENCES ticket(id) ON DELETE CASCADE,
      kind varchar(14) NOT NULL,
      actor_kind varchar(8) NOT NULL,
      actor_id uuid,
      from_status varchar(16),
      to_status varchar(16),
      note varchar(2000),
      internal boolean NOT NULL DEFAULT false,
      detail jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT ck_ticket_event_kind CHECK (kind IN ('created', 'status', 'assigned', 'note', 'reply', 'compensation', 'escalated', 'priority')),
      CONSTRAINT ck_ticket_event_actor CHECK (actor_kind IN ('staff', 'member', 'system')))`);
    await q.query(`CREATE INDEX ix_ticket_event_ticket ON ticket_event (ticket_id, id)`);
    await q.query(`CREATE TABLE ticket_compensation (
      id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      ticket_id uuid NOT NULL REFERENCES ticket(id) ON DELETE CASCADE,
      idempotency_key varchar(64) NOT NULL,
      kind varchar(8) NOT NULL,
      coupon_template_id uuid,
      member_coupon_id uuid,
      points integer,
      reason varchar(100) NOT NULL,
      created_by uuid REFERENCES staff(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT uq_ticket_compensation_key UNIQUE (ticket_id, idempotency_key),
      CONSTRAINT ck_ticket_compensation_kind CHECK (kind IN ('coupon', 'points')))`);

    await q.query(`CREATE TABLE csat_response (
      id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      subject_kind varchar(12) NOT NULL,
      subject_id uuid NOT NULL,
      member_id uuid REFERENCES member(id) ON DELETE SET NULL,
      advisor_id uuid REFERENCES staff(id),
      score smallint NOT NULL,
      comment varchar(300),
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT uq_csat_subject UNIQUE (subject_kind, subject_id),
      CONSTRAINT ck_csat_subject CHECK (subject_kind IN ('conversation', 'ticket')),
      CONSTRAINT ck_csat_score CHECK (score BETWEEN 1 AND 5))`);
    await q.query(`CREATE INDEX ix_csat_advisor ON csat_response (advisor_id, created_at)`);

    // Follow-up tasks: who closed them and the day view.
    await q.query(`ALTER TABLE follow_up_task ADD COLUMN done_by uuid REFERENCES staff(id)`);
    await q.query(`ALTER TABLE follow_up_task ALTER COLUMN kind TYPE varchar(20)`);
    await q.query(`CREATE INDEX ix_follow_up_task_store_day ON follow_up_task (store_id, due_on) WHERE status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_follow_up_task_store_day`);
    await q.query(`ALTER TABLE follow_up_task DROP COLUMN done_by`);
    await q.query(`DROP TABLE csat_response`);
    await q.query(`DROP TABLE ticket_compensation`);
    await q.query(`DROP TABLE ticket_event`);
    await q.query(`DROP TABLE ticket`);
    await q.query(`DROP TABLE ticket_day_counter`);
    await q.query(`DROP TABLE canned_reply`);
    await q.query(`DROP TABLE kb_article`);
    await q.query(`DROP TABLE chat_message`);
    await q.query(`ALTER TABLE conversation DROP CONSTRAINT fk_conversation_cycle`);
    await q.query(`DROP TABLE conversation_cycle`);
    await q.query(`DROP TABLE conversation`);
    await q.query(`DROP TABLE advisor_presence`);
  }
}
