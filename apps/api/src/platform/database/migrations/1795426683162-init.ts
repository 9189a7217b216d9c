import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795426683162 implements MigrationInterface {
  name = 'Init1795426683162';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "brand" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(60) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_5f468ae5696f07da025138e38f7" UNIQUE ("name"), CONSTRAINT "PK_a5d20765ddd942eb5de4eee2d7f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "store" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "brand_id" uuid NOT NULL, "code" character varying(16) NOT NULL, "name" character varying(60) NOT NULL, "city" character varying(20) NOT NULL, "address" character varying(120) NOT NULL, "time_zone" character varying(40) NOT NULL DEFAULT 'Asia/Shanghai', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f3172007d4de5ae8e7692759d79" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_store_code" ON "store"  ("code") `);
    await queryRunner.query(`CREATE TABLE "staff" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(16) NOT NULL, "name" character varying(40) NOT NULL, "role" character varying(20) NOT NULL, "store_id" uuid, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_staff_store_scope" CHECK (role NOT IN ('advisor', 'store_manager') OR store_id IS NOT NULL), CONSTRAINT "ck_staff_role" CHECK (role IN ('advisor', 'store_manager', 'marketer', 'admin')), CONSTRAINT "PK_e4ee98bb552756c180aec1e854a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_staff_code" ON "staff"  ("code") `);
    await queryRunner.query(`CREATE TABLE "member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_no" character varying(16) NOT NULL, "name" character varying(40), "nickname" character varying(20), "avatar_url" character varying(200), "gender" character varying(8) NOT NULL DEFAULT 'unknown', "birthday" date, "city" character varying(20), "phone_cipher" text NOT NULL, "phone_hash" character(64) NOT NULL, "phone_masked" character varying(16) NOT NULL, "channel" character varying(8) NOT NULL, "store_id" uuid, "advisor_id" uuid, "referral_code" character varying(16) NOT NULL, "referred_by_id" uuid, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_member_channel" CHECK (channel IN ('wechat', 'store')), CONSTRAINT "ck_member_gender" CHECK (gender IN ('female', 'male', 'unknown')), CONSTRAINT "PK_97cbbe986ce9d14ca5894fdc072" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_member_no" ON "member"  ("member_no") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_member_phone_hash" ON "member"  ("phone_hash") `);
    await queryRunner.query(`CREATE INDEX "ix_member_store" ON "member"  ("store_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_member_referral_code" ON "member"  ("referral_code") `);
    await queryRunner.query(`CREATE TABLE "member_consent" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "version" character varying(32) NOT NULL, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e7af826e1793e851a3bc8b628b2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_member_consent" ON "member_consent"  ("member_id", "kind", "version") `);
    await queryRunner.query(`CREATE TABLE "member_wechat" ("openid" character varying(64) NOT NULL, "unionid" character varying(64), "member_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_login_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_35992d767671740b2640d5a281f" PRIMARY KEY ("openid"))`);
    await queryRunner.query(`CREATE INDEX "ix_member_wechat_unionid" ON "member_wechat"  ("unionid") `);
    await queryRunner.query(`CREATE INDEX "ix_member_wechat_member" ON "member_wechat"  ("member_id") `);
    await queryRunner.query(`CREATE TABLE "privacy_policy" ("version" character varying(32) NOT NULL, "title" character varying(60) NOT NULL, "content" text NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_a19adaf2fa5d794c4ed19563451" PRIMARY KEY ("version"))`);
    await queryRunner.query(`CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "family_id" uuid NOT NULL, "subject_kind" character varying(8) NOT NULL, "subject_id" character varying(64) NOT NULL, "token_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_refresh_token_kind" CHECK (subject_kind IN ('wechat', 'staff')), CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_refresh_token_family" ON "refresh_token"  ("family_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_refresh_token_hash" ON "refresh_token"  ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "staff_credential" ("staff_id" uuid NOT NULL, "username" character varying(64) NOT NULL, "password_hash" character varying(200) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_88b1feeca878098207ec014c63c" PRIMARY KEY ("staff_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_staff_credential_username" ON "staff_credential"  ("username") `);
    await queryRunner.query(`CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "actor_kind" character varying(12) NOT NULL, "actor_id" character varying(64), "action" character varying(40) NOT NULL, "member_id" uuid, "detail" jsonb NOT NULL, "ip" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_member" ON "audit_log"  ("member_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "store" ADD CONSTRAINT "FK_44975627c87905e1cbf046a0532" FOREIGN KEY ("brand_id") REFERENCES "brand"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "staff" ADD CONSTRAINT "FK_da3aeb6b1eedcc40ed95abe1b44" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "member" ADD CONSTRAINT "FK_07a094eacc70d5db19f3496914e" FOREIGN KEY ("store_id") REFERENCES "store"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "member" ADD CONSTRAINT "FK_c6f5b5e0ecd89bc6aee844b1fcd" FOREIGN KEY ("advisor_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "member" ADD CONSTRAINT "FK_d592390237fc2c036e20024d1db" FOREIGN KEY ("referred_by_id") REFERENCES "member"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "member_consent" ADD CONSTRAINT "FK_a838e8f978c3e4e18fe0726aef4" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "member_wechat" ADD CONSTRAINT "FK_6828e45e30dd9dfc9a722cd3ca7" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "member_wechat" DROP CONSTRAINT "FK_6828e45e30dd9dfc9a722cd3ca7"`);
    await queryRunner.query(`ALTER TABLE "member_consent" DROP CONSTRAINT "FK_a838e8f978c3e4e18fe0726aef4"`);
    await queryRunner.query(`ALTER TABLE "member" DROP CONSTRAINT "FK_d592390237fc2c036e20024d1db"`);
    await queryRunner.query(`ALTER TABLE "member" DROP CONSTRAINT "FK_c6f5b5e0ecd89bc6aee844b1fcd"`);
    await queryRunner.query(`ALTER TABLE "member" DROP CONSTRAINT "FK_07a094eacc70d5db19f3496914e"`);
    await queryRunner.query(`ALTER TABLE "staff" DROP CONSTRAINT "FK_da3aeb6b1eedcc40ed95abe1b44"`);
    await queryRunner.query(`ALTER TABLE "store" DROP CONSTRAINT "FK_44975627c87905e1cbf046a0532"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_member"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP INDEX "public"."uq_staff_credential_username"`);
    await queryRunner.query(`DROP TABLE "staff_credential"`);
    await queryRunner.query(`DROP INDEX "public"."uq_refresh_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_refresh_token_family"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP TABLE "privacy_policy"`);
    await queryRunner.query(`DROP INDEX "public"."ix_member_wechat_member"`);
    await queryRunner.query(`DROP INDEX "public"."ix_member_wechat_unionid"`);
    await queryRunner.query(`DROP TABLE "member_wechat"`);
    await queryRunner.query(`DROP INDEX "public"."uq_member_consent"`);
    await queryRunner.query(`DROP TABLE "member_consent"`);
    await queryRunner.query(`DROP INDEX "public"."uq_member_referral_code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_member_store"`);
    await queryRunner.query(`DROP INDEX "public"."uq_member_phone_hash"`);
    await queryRunner.query(`DROP INDEX "public"."uq_member_no"`);
    await queryRunner.query(`DROP TABLE "member"`);
    await queryRunner.query(`DROP INDEX "public"."uq_staff_code"`);
    await queryRunner.query(`DROP TABLE "staff"`);
    await queryRunner.query(`DROP INDEX "public"."uq_store_code"`);
    await queryRunner.query(`DROP TABLE "store"`);
    await queryRunner.query(`DROP TABLE "brand"`);
  }
}
