import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MemberPortrait1795436941741 implements MigrationInterface {
  name = 'MemberPortrait1795436941741';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "tag" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" character varying(40), "label" character varying(12) NOT NULL, "kind" character varying(8) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_tag_rule_key" CHECK ((kind = 'rule') = (key IS NOT NULL)), CONSTRAINT "ck_tag_kind" CHECK (kind IN ('manual', 'rule')), CONSTRAINT "PK_8e4052373c579afc1471f526760" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_tag_key" ON "tag"  ("key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_tag_label" ON "tag"  ("label") `);
    await queryRunner.query(`CREATE TABLE "member_tag" ("member_id" uuid NOT NULL, "tag_id" uuid NOT NULL, "added_by_id" uuid, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_113b91011c78ebb8eb6c9b9de88" PRIMARY KEY ("member_id", "tag_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_member_tag_tag" ON "member_tag"  ("tag_id", "member_id") `);
    await queryRunner.query(`CREATE TABLE "product" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sku" character varying(32) NOT NULL, "name" character varying(60) NOT NULL, "line" character varying(30), "category" character varying(12) NOT NULL, "price_fen" integer NOT NULL, "images" text array NOT NULL DEFAULT '{}', "description" character varying(500), "suitable_skin_types" text array NOT NULL DEFAULT '{}', "concerns" text array NOT NULL DEFAULT '{}', "allergens" text array NOT NULL DEFAULT '{}', "usage_days" integer, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_product_usage_days" CHECK (usage_days IS NULL OR usage_days > 0), CONSTRAINT "ck_product_price" CHECK (price_fen >= 0), CONSTRAINT "ck_product_category" CHECK (category IN ('skincare', 'makeup', 'fragrance', 'tools')), CONSTRAINT "PK_bebc9158e480b949565b4dc7a82" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_product_sku" ON "product"  ("sku") `);
    await queryRunner.query(`CREATE INDEX "ix_product_category_active" ON "product"  ("category", "active") `);
    await queryRunner.query(`CREATE TABLE "questionnaire" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "primary" boolean NOT NULL DEFAULT false, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e8232a11eaabac903636eb7e71e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_questionnaire_primary" ON "questionnaire"  ("primary") WHERE "primary"`);
    await queryRunner.query(`CREATE TABLE "questionnaire_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "questionnaire_id" uuid NOT NULL, "version" integer NOT NULL, "status" character varying(10) NOT NULL, "title" character varying(40) NOT NULL, "description" character varying(200) NOT NULL DEFAULT '', "definition" jsonb NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "published_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_questionnaire_version_status" CHECK (status IN ('draft', 'published', 'retired')), CONSTRAINT "PK_563cc375d2213a2b6df8c9a4f9c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_questionnaire_one_published" ON "questionnaire_version"  ("questionnaire_id") WHERE status = 'published'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_questionnaire_one_draft" ON "questionnaire_version"  ("questionnaire_id") WHERE status = 'draft'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_questionnaire_version" ON "questionnaire_version"  ("questionnaire_id", "version") `);
    await queryRunner.query(`CREATE TABLE "skin_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "questionnaire_version_id" uuid NOT NULL, "answers" jsonb NOT NULL DEFAULT '[]', "status" character varying(12) NOT NULL DEFAULT 'in_progress', "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "submitted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_skin_session_status" CHECK (status IN ('in_progress', 'submitted', 'abandoned')), CONSTRAINT "PK_47c906ce6daa4be71f73d611b58" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_skin_session_open" ON "skin_session"  ("member_id") WHERE status = 'in_progress'`);
    await queryRunner.query(`CREATE TABLE "skin_result" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "session_id" uuid NOT NULL, "questionnaire_version_id" uuid NOT NULL, "answers" jsonb NOT NULL, "skin_type" character varying(12) NOT NULL, "sensitive" boolean NOT NULL, "sensitivity" character varying(8) NOT NULL, "sensitivity_score" smallint NOT NULL, "concerns" text array NOT NULL, "allergens" text array NOT NULL, "type_scores" jsonb NOT NULL, "concern_scores" jsonb NOT NULL, "summary" character varying(60) NOT NULL, "explanation" character varying(400) NOT NULL, "taken_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_skin_result_sensitivity" CHECK (sensitivity IN ('low', 'medium', 'high') AND sensitivity_score BETWEEN 0 AND 100), CONSTRAINT "ck_skin_result_type" CHECK (skin_type IN ('dry', 'oily', 'combination', 'normal')), CONSTRAINT "PK_2b0452bd655e26544a353526460" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_skin_result_session" ON "skin_result"  ("session_id") `);
    await queryRunner.query(`CREATE INDEX "ix_skin_result_member" ON "skin_result"  ("member_id", "taken_at") `);
    await queryRunner.query(`CREATE TABLE "recommendation_impression" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "served_id" uuid NOT NULL, "member_id" uuid NOT NULL, "product_id" uuid NOT NULL, "position" smallint NOT NULL, "context" character varying(8) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_recommendation_impression_context" CHECK (context IN ('result', 'home')), CONSTRAINT "PK_fa6183ae6f5c6f4378bf2270be5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_recommendation_impression_member" ON "recommendation_impression"  ("member_id") `);
    await queryRunner.query(`CREATE INDEX "ix_recommendation_impression_product" ON "recommendation_impression"  ("product_id", "created_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_recommendation_impression" ON "recommendation_impression"  ("served_id", "position") `);
    await queryRunner.query(`CREATE TABLE "recommendation_click" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "served_id" uuid NOT NULL, "member_id" uuid NOT NULL, "product_id" uuid NOT NULL, "position" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e0b157d6729cc7d0a8218251452" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_recommendation_click" ON "recommendation_click"  ("served_id", "product_id") `);
    await queryRunner.query(`ALTER TABLE "member" ADD "skin_profile_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "member" ADD "deleted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "member_tag" ADD CONSTRAINT "FK_3ca558291ed130bc992c31cc9e5" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "member_tag" ADD CONSTRAINT "FK_ed8bd8057e6d3af1b4d4e6840af" FOREIGN KEY ("tag_id") REFERENCES "tag"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "member_tag" ADD CONSTRAINT "FK_db43f6d065d53385015de3d9d08" FOREIGN KEY ("added_by_id") REFERENCES "staff"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "questionnaire_version" ADD CONSTRAINT "FK_513a984e8df84922c28fb1db4f0" FOREIGN KEY ("questionnaire_id") REFERENCES "questionnaire"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "skin_session" ADD CONSTRAINT "FK_9ac00a7ff7b2ee6dc977ee6b16f" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "skin_session" ADD CONSTRAINT "FK_7843102b062f14fbb6597a27c02" FOREIGN KEY ("questionnaire_version_id") REFERENCES "questionnaire_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "skin_result" ADD CONSTRAINT "FK_3fd64b9cc43a136ed0bf86b68e1" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "skin_result" ADD CONSTRAINT "FK_2b8b102e11f9e3a8020153254fc" FOREIGN KEY ("questionnaire_version_id") REFERENCES "questionnaire_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "skin_result" DROP CONSTRAINT "FK_2b8b102e11f9e3a8020153254fc"`);
    await queryRunner.query(`ALTER TABLE "skin_result" DROP CONSTRAINT "FK_3fd64b9cc43a136ed0bf86b68e1"`);
    await queryRunner.query(`ALTER TABLE "skin_session" DROP CONSTRAINT "FK_7843102b062f14fbb6597a27c02"`);
    await queryRunner.query(`ALTER TABLE "skin_session" DROP CONSTRAINT "FK_9ac00a7ff7b2ee6dc977ee6b16f"`);
    await queryRunner.query(`ALTER TABLE "questionnaire_version" DROP CONSTRAINT "FK_513a984e8df84922c28fb1db4f0"`);
    await queryRunner.query(`ALTER TABLE "member_tag" DROP CONSTRAINT "FK_db43f6d065d53385015de3d9d08"`);
    await queryRunner.query(`ALTER TABLE "member_tag" DROP CONSTRAINT "FK_ed8bd8057e6d3af1b4d4e6840af"`);
    await queryRunner.query(`ALTER TABLE "member_tag" DROP CONSTRAINT "FK_3ca558291ed130bc992c31cc9e5"`);
    await queryRunner.query(`ALTER TABLE "member" DROP COLUMN "deleted_at"`);
    await queryRunner.query(`ALTER TABLE "member" DROP COLUMN "skin_profile_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_recommendation_click"`);
    await queryRunner.query(`DROP TABLE "recommendation_click"`);
    await queryRunner.query(`DROP INDEX "public"."uq_recommendation_impression"`);
    await queryRunner.query(`DROP INDEX "public"."ix_recommendation_impression_product"`);
    await queryRunner.query(`DROP INDEX "public"."ix_recommendation_impression_member"`);
    await queryRunner.query(`DROP TABLE "recommendation_impression"`);
    await queryRunner.query(`DROP INDEX "public"."ix_skin_result_member"`);
    await queryRunner.query(`DROP INDEX "public"."uq_skin_result_session"`);
    await queryRunner.query(`DROP TABLE "skin_result"`);
    await queryRunner.query(`DROP INDEX "public"."uq_skin_session_open"`);
    await queryRunner.query(`DROP TABLE "skin_session"`);
    await queryRunner.query(`DROP INDEX "public"."uq_questionnaire_version"`);
    await queryRunner.query(`DROP INDEX "public"."uq_questionnaire_one_draft"`);
    await queryRunner.query(`DROP INDEX "public"."uq_questionnaire_one_published"`);
    await queryRunner.query(`DROP TABLE "questionnaire_version"`);
    await queryRunner.query(`DROP INDEX "public"."uq_questionnaire_primary"`);
    await queryRunner.query(`DROP TABLE "questionnaire"`);
    await queryRunner.query(`DROP INDEX "public"."ix_product_category_active"`);
    await queryRunner.query(`DROP INDEX "public"."uq_product_sku"`);
    await queryRunner.query(`DROP TABLE "product"`);
    await queryRunner.query(`DROP INDEX "public"."ix_member_tag_tag"`);
    await queryRunner.query(`DROP TABLE "member_tag"`);
    await queryRunner.query(`DROP INDEX "public"."uq_tag_label"`);
    await queryRunner.query(`DROP INDEX "public"."uq_tag_key"`);
    await queryRunner.query(`DROP TABLE "tag"`);
  }
}
