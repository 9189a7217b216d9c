import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BookingMemberOverlap1795444196962 implements MigrationInterface {
  name = 'BookingMemberOverlap1795444196962';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "booking" ADD CONSTRAINT "xc_booking_member_overlap" EXCLUDE USING gist ("member_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE (status IN ('booked', 'checked_in'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "xc_booking_member_overlap"`);
  }
}
