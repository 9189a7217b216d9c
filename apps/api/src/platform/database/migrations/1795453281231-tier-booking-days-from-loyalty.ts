import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TierBookingDaysFromLoyalty1795453281231 implements MigrationInterface {
  name = 'TierBookingDaysFromLoyalty1795453281231';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "appointment_service" DROP COLUMN "tier_extra_window_days"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "appointment_service" ADD "tier_extra_window_days" jsonb NOT NULL DEFAULT '{}'`);
  }
}
