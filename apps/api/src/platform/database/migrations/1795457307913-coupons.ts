import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Coupons1795457307913 implements MigrationInterface {
  name = 'Coupons1795457307913';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "payment_notification" ("id" character varying(64) NOT NULL, "event_type" character varying(40) NOT NULL, "out_trade_no" character varying(32), "resource" jsonb NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ae851104ce3761a083209783d81" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "coupon_template" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "name" character varying(30) NOT NULL, "description" character varying(300) NOT NULL DEFAULT '', "kind" character varying(12) NOT NULL, "status" character varying(8) NOT NULL DEFAULT 'draft', "amount_off_fen" integer, "percent_off" smallint, "max_discount_fen" integer, "gift_sku" character varying(32), "service_code" character varying(32), "min_spend_fen" integer NOT NULL DEFAULT '0', "scope_kind" character varying(12) NOT NULL DEFAULT 'all', "scope_values" text array NOT NULL DEFAULT '{}', "exclude_skus" text array NOT NULL DEFAULT '{}', "validity_kind" character varying(8) NOT NULL, "valid_from" TIMESTAMP WITH TIME ZONE, "valid_until" TIMESTAMP WITH TIME ZONE, "valid_days" smallint, "weekdays" smallint array NOT NULL DEFAULT '{}', "hours_from" character varying(5), "hours_until" character varying(5), "total_stock" integer, "remaining" integer, "per_member_limit" smallint NOT NULL DEFAULT '1', "claimable" boolean NOT NULL DEFAULT false, "stacking" character varying(10) NOT NULL DEFAULT 'exclusive', "stack_group" character varying(20), "cost_fen" integer NOT NULL DEFAULT '0', "published_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_coupon_template_amounts" CHECK (min_spend_fen >= 0 AND cost_fen >= 0 AND per_member_limit > 0), CONSTRAINT "ck_coupon_template_validity" CHECK ((validity_kind = 'fixed' AND valid_until IS NOT NULL AND (valid_from IS NULL OR valid_until > valid_from)) OR (validity_kind = 'relative' AND valid_days > 0)), CONSTRAINT "ck_coupon_template_stock" CHECK ((total_stock IS NULL AND remaining IS NULL) OR (remaining BETWEEN 0 AND total_stock)), CONSTRAINT "ck_coupon_template_value" CHECK ((kind = 'amount_off' AND amount_off_fen > 0) OR (kind = 'percent_off' AND percent_off BETWEEN 1 AND 99)
   OR (kind = 'gift' AND gift_sku IS NOT NULL) OR (kind = 'service' AND service_code IS NOT NULL)), CONSTRAINT "ck_coupon_template_status" CHECK (status IN ('draft', 'active', 'paused', 'ended')), CONSTRAINT "ck_coupon_template_kind" CHECK (kind IN ('amount_off', 'percent_off', 'gift', 'service')), CONSTRAINT "PK_9de09b3abc3fc0f185330f95ce1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_coupon_template_status" ON "coupon_template"  ("status", "claimable") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_coupon_template_code" ON "coupon_template"  ("code") `);
    await queryRunner.query(`CREATE TABLE "member_coupon" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template_id" uuid NOT NULL, "member_id" uuid NOT NULL, "code" character varying(12) NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'available', "source" character varying(12) NOT NULL, "issue_key" character varying(160) NOT NULL, "reason" character varying(100), "issued_by" uuid, "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL, "valid_until" TIMESTAMP WITH TIME ZONE NOT NULL, "order_id" uuid, "discount_fen" integer, "held_at" TIMESTAMP WITH TIME ZONE, "used_at" TIMESTAMP WITH TIME ZONE, "used_store_id" uuid, "used_by" uuid, "expired_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoke_reason" character varying(100), "returned_count" smallint NOT NULL DEFAULT '0', "expiry_reminded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_member_coupon_held" CHECK (status <> 'held' OR order_id IS NOT NULL), CONSTRAINT "ck_member_coupon_window" CHECK (valid_until > valid_from), CONSTRAINT "ck_member_coupon_source" CHECK (source IN ('claim', 'campaign', 'tier', 'mall', 'compensation', 'manual')), CONSTRAINT "ck_member_coupon_status" CHECK (status IN ('available', 'held', 'used', 'expired', 'revoked')), CONSTRAINT "PK_31d6b21cb4b30122839b946bc24" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_member_coupon_order" ON "member_coupon"  ("order_id") WHERE order_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_member_coupon_expiry" ON "member_coupon"  ("valid_until") WHERE status = 'available'`);
    await queryRunner.query(`CREATE INDEX "ix_member_coupon_template" ON "member_coupon"  ("template_id", "status") `);
    await queryRunner.query(`CREATE INDEX "ix_member_coupon_member" ON "member_coupon"  ("member_id", "status", "valid_until") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_member_coupon_issue_key" ON "member_coupon"  ("issue_key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_member_coupon_code" ON "member_coupon"  ("code") `);
    await queryRunner.query(`CREATE TABLE "coupon_claim_count" ("template_id" uuid NOT NULL, "member_id" uuid NOT NULL, "claimed" smallint NOT NULL, CONSTRAINT "ck_coupon_claim_count" CHECK (claimed > 0), CONSTRAINT "PK_15866984bfde25227d4d708615a" PRIMARY KEY ("template_id", "member_id"))`);
    await queryRunner.query(`ALTER TABLE "sales_order" ADD "pay_before" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "sales_order" ADD "prepay_id" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "order_refund" ADD "payment_status" character varying(12)`);
    await queryRunner.query(`ALTER TABLE "order_refund" ADD "payment_refund_id" character varying(64)`);
    await queryRunner.query(`CREATE INDEX "ix_sales_order_unpaid" ON "sales_order"  ("pay_before") WHERE status = 'created'`);
    await queryRunner.query(`ALTER TABLE "order_refund" ADD CONSTRAINT "ck_order_refund_payment" CHECK (payment_status IS NULL OR payment_status IN ('pending', 'processing', 'succeeded', 'failed'))`);
    await queryRunner.query(`ALTER TABLE "member_coupon" ADD CONSTRAINT "FK_0a67f4cdc9df44d1948436fbe73" FOREIGN KEY ("template_id") REFERENCES "coupon_template"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "member_coupon" ADD CONSTRAINT "FK_82dc60ee873a205b975a4ba551a" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    // One claim in one statement: the member's count, the coupon and the stock, or nothing (see CouponService.claim).
    // The template's stock row is what every claimant queues on, so it is taken last and held only until commit.
    await queryRunner.query(`CREATE FUNCTION claim_coupon(p_template uuid, p_member uuid, p_limit int, p_code varchar, p_key varchar, p_from timestamptz, p_until timestamptz)
      RETURNS TABLE (coupon_id uuid, coupon_created_at timestamptz) LANGUAGE plpgsql AS $fn$
      DECLARE
        v_id uuid;
        v_created timestamptz;
      BEGIN
        -- Not waiting for the WAL flush keeps the queue on the stock row short. A crash can forget the last moment of
        -- claims, but count, coupon and stock together, so nothing is ever oversold.
        PERFORM set_config('synchronous_commit', 'off', true);
        INSERT INTO coupon_claim_count (template_id, member_id, claimed) VALUES (p_template, p_member, 1)
        ON CONFLICT (template_id, member_id) DO UPDATE SET claimed = coupon_claim_count.claimed + 1
         WHERE coupon_claim_count.claimed < p_limit;
        IF NOT FOUND THEN RAISE EXCEPTION 'coupon-claim:limit' USING ERRCODE = 'P0001'; END IF;
        INSERT INTO member_coupon (template_id, member_id, code, source, issue_key, valid_from, valid_until)
        VALUES (p_template, p_member, p_code, 'claim', p_key, p_from, p_until)
        RETURNING id, created_at INTO v_id, v_created;
        UPDATE coupon_template SET remaining = remaining - 1
         WHERE id = p_template AND status = 'active' AND claimable AND remaining > 0 AND per_member_limit = p_limit
           AND EXISTS (SELECT 1 FROM member WHERE id = p_member AND deleted_at IS NULL);
        IF NOT FOUND THEN RAISE EXCEPTION 'coupon-claim:stock' USING ERRCODE = 'P0001'; END IF;
        RETURN QUERY SELECT v_id, v_created;
      END
      $fn$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION claim_coupon(uuid, uuid, int, varchar, varchar, timestamptz, timestamptz)`);
    await queryRunner.query(`ALTER TABLE "member_coupon" DROP CONSTRAINT "FK_82dc60ee873a205b975a4ba551a"`);
    await queryRunner.query(`ALTER TABLE "member_coupon" DROP CONSTRAINT "FK_0a67f4cdc9df44d1948436fbe73"`);
    await queryRunner.query(`ALTER TABLE "order_refund" DROP CONSTRAINT "ck_order_refund_payment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sales_order_unpaid"`);
    await queryRunner.query(`ALTER TABLE "order_refund" DROP COLUMN "payment_refund_id"`);
    await queryRunner.query(`ALTER TABLE "order_refund" DROP COLUMN "payment_status"`);
    await queryRunner.query(`ALTER TABLE "sales_order" DROP COLUMN "prepay_id"`);
    await queryRunner.query(`ALTER TABLE "sales_order" DROP COLUMN "pay_before"`);
    await queryRunner.query(`DROP TABLE "coupon_claim_count"`);
    await queryRunner.query(`DROP INDEX "public"."uq_member_coupon_code"`);
    await queryRunner.query(`DROP INDEX "public"."uq_member_coupon_issue_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_member_coupon_member"`);
    await queryRunner.query(`DROP INDEX "public"."ix_member_coupon_template"`);
    await queryRunner.query(`DROP INDEX "public"."ix_member_coupon_expiry"`);
    await queryRunner.query(`DROP INDEX "public"."ix_member_coupon_order"`);
    await queryRunner.query(`DROP TABLE "member_coupon"`);
    await queryRunner.query(`DROP INDEX "public"."uq_coupon_template_code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_coupon_template_status"`);
    await queryRunner.query(`DROP TABLE "coupon_template"`);
    await queryRunner.query(`DROP TABLE "payment_notification"`);
  }
}
