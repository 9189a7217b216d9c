import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Appointments1795440030835 implements MigrationInterface {
  name = 'Appointments1795440030835';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The advisor exclusion constraint compares a uuid with = inside a GiST index.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`CREATE TABLE "store_hours" ("store_id" uuid NOT NULL, "hours" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1d3e9b1ff8d7d47ffd630e5329c" PRIMARY KEY ("store_id"))`);
    await queryRunner.query(`CREATE TABLE "store_special_day" ("store_id" uuid NOT NULL, "date" date NOT NULL, "closed" boolean NOT NULL, "open" character varying(5), "close" character varying(5), "note" character varying(40), CONSTRAINT "PK_01b1b690b10703b54aea4b9af65" PRIMARY KEY ("store_id", "date"))`);
    await queryRunner.query(`CREATE TABLE "appointment_service" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(20) NOT NULL, "name" character varying(30) NOT NULL, "description" character varying(300) NOT NULL DEFAULT '', "kind" character varying(10) NOT NULL, "duration_min" integer NOT NULL, "buffer_after_min" integer NOT NULL DEFAULT '0', "seats" integer NOT NULL DEFAULT '1', "price_fen" integer NOT NULL DEFAULT '0', "deposit_fen" integer NOT NULL DEFAULT '0', "min_notice_min" integer NOT NULL DEFAULT '60', "booking_window_days" integer NOT NULL DEFAULT '14', "cancel_cutoff_min" integer NOT NULL DEFAULT '120', "tier_extra_window_days" jsonb NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_appointment_service_numbers" CHECK (duration_min BETWEEN 5 AND 480 AND buffer_after_min BETWEEN 0 AND 120 AND seats BETWEEN 1 AND 100
  AND price_fen >= 0 AND deposit_fen BETWEEN 0 AND price_fen AND min_notice_min >= 0 AND booking_window_days BETWEEN 1 AND 180 AND cancel_cutoff_min >= 0), CONSTRAINT "ck_appointment_service_kind" CHECK (kind IN ('try_on', 'makeup', 'skin_test', 'facial', 'class')), CONSTRAINT "PK_a170b01d5845a629233fb80a51a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_appointment_service_code" ON "appointment_service"  ("code") `);
    await queryRunner.query(`CREATE TABLE "appointment_service_store" ("service_id" uuid NOT NULL, "store_id" uuid NOT NULL, CONSTRAINT "PK_18dfabd440ed8d068d7709e3ea4" PRIMARY KEY ("service_id", "store_id"))`);
    await queryRunner.query(`CREATE TABLE "advisor_skill" ("staff_id" uuid NOT NULL, "service_id" uuid NOT NULL, CONSTRAINT "PK_df3a482dd0e757ee698d1e63a01" PRIMARY KEY ("staff_id", "service_id"))`);
    await queryRunner.query(`CREATE TABLE "advisor_shift_rule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "staff_id" uuid NOT NULL, "store_id" uuid NOT NULL, "weekday" smallint NOT NULL, "start_time" character varying(5) NOT NULL, "end_time" character varying(5) NOT NULL, CONSTRAINT "ck_advisor_shift_rule" CHECK (weekday BETWEEN 1 AND 7 AND start_time < end_time), CONSTRAINT "PK_31734514a4ab312ab30c3bc31c6" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_advisor_shift_rule_store" ON "advisor_shift_rule"  ("store_id", "weekday") `);
    await queryRunner.query(`CREATE TABLE "advisor_shift_exception" ("staff_id" uuid NOT NULL, "date" date NOT NULL, "off" boolean NOT NULL, "start_time" character varying(5), "end_time" character varying(5), CONSTRAINT "ck_advisor_shift_exception" CHECK (off OR (start_time IS NOT NULL AND end_time IS NOT NULL AND start_time < end_time)), CONSTRAINT "PK_cca030bf2a4cceff7ee24244215" PRIMARY KEY ("staff_id", "date"))`);
    await queryRunner.query(`CREATE TABLE "class_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "service_id" uuid NOT NULL, "store_id" uuid NOT NULL, "advisor_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "capacity" integer NOT NULL, "booked" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_class_session_seats" CHECK (booked BETWEEN 0 AND capacity), CONSTRAINT "PK_a3d6e3f59db21b19a3b6eb908d9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_class_session" ON "class_session"  ("service_id", "store_id", "starts_at") `);
    await queryRunner.query(`CREATE TABLE "advisor_busy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "advisor_id" uuid NOT NULL, "during" tstzrange NOT NULL, "booking_id" uuid, "class_session_id" uuid, CONSTRAINT "ck_advisor_busy_owner" CHECK ((booking_id IS NULL) <> (class_session_id IS NULL)), CONSTRAINT "xc_advisor_busy_no_overlap" EXCLUDE USING gist ("advisor_id" WITH =, "during" WITH &&), CONSTRAINT "PK_775caab6cbb6dada6a8c6e609b3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_advisor_busy_booking" ON "advisor_busy"  ("booking_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_advisor_busy_class" ON "advisor_busy"  ("class_session_id") `);
    await queryRunner.query(`CREATE TABLE "booking" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "check_in_code" character(6) NOT NULL, "member_id" uuid NOT NULL, "store_id" uuid NOT NULL, "service_id" uuid NOT NULL, "advisor_id" uuid NOT NULL, "class_session_id" uuid, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'booked', "product_ids" uuid array NOT NULL DEFAULT '{}', "note" character varying(200), "reminder_opt_in" boolean NOT NULL DEFAULT false, "reminder_sent_at" TIMESTAMP WITH TIME ZONE, "checked_in_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "no_show_at" TIMESTAMP WITH TIME ZONE, "products_tried" uuid array NOT NULL DEFAULT '{}', "skin_observations" character varying(500), "feedback_rating" smallint, "feedback_comment" character varying(300), "feedback_at" TIMESTAMP WITH TIME ZONE, "follow_up_due_at" TIMESTAMP WITH TIME ZONE, "follow_up_done_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_booking_feedback" CHECK (feedback_rating IS NULL OR feedback_rating BETWEEN 1 AND 5), CONSTRAINT "ck_booking_times" CHECK (starts_at < ends_at), CONSTRAINT "ck_booking_status" CHECK (status IN ('booked', 'checked_in', 'completed', 'cancelled', 'no_show')), CONSTRAINT "PK_49171efc69702ed84c812f33540" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_booking_check_in_code" ON "booking"  ("store_id", "check_in_code") WHERE status = 'booked'`);
    await queryRunner.query(`CREATE INDEX "ix_booking_advisor_day" ON "booking"  ("advisor_id", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "ix_booking_store_day" ON "booking"  ("store_id", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "ix_booking_member" ON "booking"  ("member_id", "starts_at") `);
    await queryRunner.query(`CREATE TABLE "appointment_policy" ("id" smallint NOT NULL DEFAULT '1', "no_show_grace_min" integer NOT NULL DEFAULT '30', "no_show_max" integer NOT NULL DEFAULT '3', "no_show_window_days" integer NOT NULL DEFAULT '90', "no_show_pause_days" integer NOT NULL DEFAULT '30', "reminder_hours_before" integer NOT NULL DEFAULT '24', CONSTRAINT "ck_appointment_policy_singleton" CHECK (id = 1), CONSTRAINT "PK_a79201b6e370bbe78cd855dbb24" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "store" ADD "latitude" double precision`);
    await queryRunner.query(`ALTER TABLE "store" ADD "longitude" double precision`);
    await queryRunner.query(`ALTER TABLE "store" ADD "phone" character varying(20)`);
    await queryRunner.query(`ALTER TABLE "store_hours" ADD CONSTRAINT "FK_1d3e9b1ff8d7d47ffd630e5329c" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "store_special_day" ADD CONSTRAINT "FK_65e09b6e0a83a947ac3adcf329e" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "appointment_service_store" ADD CONSTRAINT "FK_509a113994bc3dd7fd786202f38" FOREIGN KEY ("service_id") REFERENCES "appointment_service"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "appointment_service_store" ADD CONSTRAINT "FK_1b7e8a3ede7f1eb6099c3c0286e" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "advisor_skill" ADD CONSTRAINT "FK_ba37025544dbbb7e340789cc4e5" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "advisor_skill" ADD CONSTRAINT "FK_8de7fd37df554cd7616d5455b7c" FOREIGN KEY ("service_id") REFERENCES "appointment_service"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "advisor_shift_rule" ADD CONSTRAINT "FK_fc8182762dfc2d50a3636000e68" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "advisor_shift_rule" ADD CONSTRAINT "FK_8c545232cadae1aab414ac3b494" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "advisor_shift_exception" ADD CONSTRAINT "FK_952c9eb08f8bd15ddb2507d94ab" FOREIGN KEY ("staff_id") REFERENCES "staff"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_session" ADD CONSTRAINT "FK_589729130c09e9f45a70457f57a" FOREIGN KEY ("service_id") REFERENCES "appointment_service"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "class_session" ADD CONSTRAINT "FK_037726eb4e7e7f6e5c2c183aafb" FOREIGN KEY ("advisor_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "booking" ADD CONSTRAINT "FK_1b01d128c53ed1aa2b87ea33bf9" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "booking" ADD CONSTRAINT "FK_dd759f53e27a06b23ef38a454d1" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "booking" ADD CONSTRAINT "FK_227cfeeee338c1e04fab754e56b" FOREIGN KEY ("service_id") REFERENCES "appointment_service"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "booking" ADD CONSTRAINT "FK_e86b4ff6993714b294d170720cb" FOREIGN KEY ("advisor_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "booking" ADD CONSTRAINT "FK_cebf13f8f26fc1cab80e5cefd30" FOREIGN KEY ("class_session_id") REFERENCES "class_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "FK_cebf13f8f26fc1cab80e5cefd30"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "FK_e86b4ff6993714b294d170720cb"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "FK_227cfeeee338c1e04fab754e56b"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "FK_dd759f53e27a06b23ef38a454d1"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "FK_1b01d128c53ed1aa2b87ea33bf9"`);
    await queryRunner.query(`ALTER TABLE "class_session" DROP CONSTRAINT "FK_037726eb4e7e7f6e5c2c183aafb"`);
    await queryRunner.query(`ALTER TABLE "class_session" DROP CONSTRAINT "FK_589729130c09e9f45a70457f57a"`);
    await queryRunner.query(`ALTER TABLE "advisor_shift_exception" DROP CONSTRAINT "FK_952c9eb08f8bd15ddb2507d94ab"`);
    await queryRunner.query(`ALTER TABLE "advisor_shift_rule" DROP CONSTRAINT "FK_8c545232cadae1aab414ac3b494"`);
    await queryRunner.query(`ALTER TABLE "advisor_shift_rule" DROP CONSTRAINT "FK_fc8182762dfc2d50a3636000e68"`);
    await queryRunner.query(`ALTER TABLE "advisor_skill" DROP CONSTRAINT "FK_8de7fd37df554cd7616d5455b7c"`);
    await queryRunner.query(`ALTER TABLE "advisor_skill" DROP CONSTRAINT "FK_ba37025544dbbb7e340789cc4e5"`);
    await queryRunner.query(`ALTER TABLE "appointment_service_store" DROP CONSTRAINT "FK_1b7e8a3ede7f1eb6099c3c0286e"`);
    await queryRunner.query(`ALTER TABLE "appointment_service_store" DROP CONSTRAINT "FK_509a113994bc3dd7fd786202f38"`);
    await queryRunner.query(`ALTER TABLE "store_special_day" DROP CONSTRAINT "FK_65e09b6e0a83a947ac3adcf329e"`);
    await queryRunner.query(`ALTER TABLE "store_hours" DROP CONSTRAINT "FK_1d3e9b1ff8d7d47ffd630e5329c"`);
    await queryRunner.query(`ALTER TABLE "store" DROP COLUMN "phone"`);
    await queryRunner.query(`ALTER TABLE "store" DROP COLUMN "longitude"`);
    await queryRunner.query(`ALTER TABLE "store" DROP COLUMN "latitude"`);
    await queryRunner.query(`DROP TABLE "appointment_policy"`);
    await queryRunner.query(`DROP INDEX "public"."ix_booking_member"`);
    await queryRunner.query(`DROP INDEX "public"."ix_booking_store_day"`);
    await queryRunner.query(`DROP INDEX "public"."ix_booking_advisor_day"`);
    await queryRunner.query(`DROP INDEX "public"."uq_booking_check_in_code"`);
    await queryRunner.query(`DROP TABLE "booking"`);
    await queryRunner.query(`DROP INDEX "public"."uq_advisor_busy_class"`);
    await queryRunner.query(`DROP INDEX "public"."uq_advisor_busy_booking"`);
    await queryRunner.query(`DROP TABLE "advisor_busy"`);
    await queryRunner.query(`DROP INDEX "public"."uq_class_session"`);
    await queryRunner.query(`DROP TABLE "class_session"`);
    await queryRunner.query(`DROP TABLE "advisor_shift_exception"`);
    await queryRunner.query(`DROP INDEX "public"."ix_advisor_shift_rule_store"`);
    await queryRunner.query(`DROP TABLE "advisor_shift_rule"`);
    await queryRunner.query(`DROP TABLE "advisor_skill"`);
    await queryRunner.query(`DROP TABLE "appointment_service_store"`);
    await queryRunner.query(`DROP INDEX "public"."uq_appointment_service_code"`);
    await queryRunner.query(`DROP TABLE "appointment_service"`);
    await queryRunner.query(`DROP TABLE "store_special_day"`);
    await queryRunner.query(`DROP TABLE "store_hours"`);
  }
}
