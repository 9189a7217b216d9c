import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { MemberDataRegistry } from '../member/member-data.registry';
import { BookingService } from './booking.service';

/** Bookings on the member portrait (with the advisor's notes), in the member's export, and at account deletion. */
@Injectable()
export class AppointmentDataContributor implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: MemberDataRegistry,
    private readonly bookings: BookingService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'appointments',
      portrait: (memberId) => this.portrait(memberId),
      export: (memberId) => this.portrait(memberId),
      erase: (memberId, tx) => this.erase(memberId, tx),
    });
  }

  private async portrait(memberId: string): Promise<{ upcoming: unknown[]; past: unknown[]; noShows: number }> {
    const ids = await this.db.query<{ id: string; upcoming: boolean }[]>(
      `SELECT id, (status IN ('booked', 'checked_in') AND ends_at > now()) AS upcoming FROM booking WHERE member_id = $1 ORDER BY starts_at DESC LIMIT 50`,
      [memberId],
    );
    const views = await this.bookings.views(ids.map((r) => r.id));
    const upcoming = new Set(ids.filter((r) => r.upcoming).map((r) => r.id));
    return {
      upcoming: views.filter((v) => upcoming.has(v.id)).reverse(),
      past: views.filter((v) => !upcoming.has(v.id)),
      noShows: views.filter((v) => v.status === 'no_show').length,
    };
  }

  /** Open bookings are cancelled (their time freed); notes and feedback are erased; the booking rows stay for the store's records. */
  private async erase(memberId: string, tx: EntityManager): Promise<void> {
    const open = await tx.query<{ id: string }[]>(`SELECT id FROM booking WHERE member_id = $1 AND status = 'booked'`, [memberId]);
    for (const b of open) await this.bookings.cancel(b.id, tx);
    await tx.query(`UPDATE booking SET note = NULL, skin_observations = NULL, feedback_comment = NULL, product_ids = '{}' WHERE member_id = $1`, [memberId]);
  }
}
