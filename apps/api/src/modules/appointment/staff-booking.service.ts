import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type BookingView, type CompleteBookingDto, ErrorCode, type StaffBookingQuery } from '@glow/contracts';
import { addDays, atBusinessTime } from '@glow/domain';
import { DataSource } from 'typeorm';
import { type StaffPrincipal, storeScopeOf } from '../../platform/auth/principal';
import { AuditService } from '../../platform/audit/audit.service';
import { AppointmentException } from './appointment.exception';
import { BookingService } from './booking.service';

/** Check-in may start this long before the booked time. */
const CHECK_IN_EARLY_MIN = 120;
/** The advisor follows up this many days after a completed visit. */
const FOLLOW_UP_AFTER_DAYS = 3;

/** The store's side of bookings: the calendar, check-in, completion, no-shows and cancellations. */
@Injectable()
export class StaffBookingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bookings: BookingService,
    private readonly audit: AuditService,
  ) {}

  async list(who: StaffPrincipal, q: StaffBookingQuery): Promise<BookingView[]> {
    const from = atBusinessTime(q.from, '00:00');
    const to = atBusinessTime(addDays(q.to, 1), '00:00');
    if (to <= from || to.getTime() - from.getTime() > 31 * 86_400_000) throw new AppointmentException(ErrorCode.BookingRangeTooLong);
    const scope = storeScopeOf(who);
    if (scope && q.storeId && q.storeId !== scope) throw new AppointmentException(ErrorCode.OutOfScope);
    const params: unknown[] = [from, to];
    const where = ['b.starts_at >= $1', 'b.starts_at < $2'];
    const storeId = scope ?? q.storeId;
    if (storeId) where.push(`b.store_id = $${params.push(storeId)}`);
    if (q.advisorId) where.push(`b.advisor_id = $${params.push(q.advisorId)}`);
    if (q.status) where.push(`b.status = $${params.push(q.status)}`);
    const rows = await this.db.query<{ id: string }[]>(`SELECT b.id FROM booking b WHERE ${where.join(' AND ')} ORDER BY b.starts_at, b.id LIMIT 2000`, params);
    return this.bookings.views(rows.map((r) => r.id));
  }

  async checkIn(who: StaffPrincipal, code: string, storeId: string | undefined, now = new Date()): Promise<BookingView> {
    const scope = storeScopeOf(who);
    if (scope && storeId && storeId !== scope) throw new AppointmentException(ErrorCode.OutOfScope);
    const store = scope ?? storeId;
    if (!store) throw new AppointmentException(ErrorCode.CheckInCodeInvalid);
    const [b] = await this.db.query<{ id: string; starts_at: Date }[]>(`SELECT id, starts_at FROM booking WHERE store_id = $1 AND check_in_code = $2 AND status = 'booked'`, [store, code]);
    if (!b) throw new AppointmentException(ErrorCode.CheckInCodeInvalid);
    if (now.getTime() < new Date(b.starts_at).getTime() - CHECK_IN_EARLY_MIN * 60_000) throw new AppointmentException(ErrorCode.CheckInTooEarly);
    const moved = await this.db.query<{ id: string }[]>(
      `WITH u AS (UPDATE booking SET status = 'checked_in', checked_in_at = now(), updated_at = now() WHERE id = $1 AND status = 'booked' RETURNING id) SELECT id FROM u`,
      [b.id],
    );
    if (moved.length === 0) throw new AppointmentException(ErrorCode.BookingStateInvalid);
    await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'appointment.check_in', detail: { bookingId: b.id } });
    return this.bookings.view(b.id);
  }

  async complete(who: StaffPrincipal, id: string, dto: CompleteBookingDto): Promise<BookingView> {
    await this.scoped(who, id);
    if (dto.productsTried?.length) {
      const known = await this.db.query<{ id: string }[]>(`SELECT id FROM product WHERE id = ANY($1::uuid[])`, [dto.productsTried]);
      if (known.length !== dto.productsTried.length) throw new AppointmentException(ErrorCode.ProductNotFound);
    }
    const moved = await this.db.query<{ id: string }[]>(
      `WITH u AS (UPDATE booking SET status = 'completed', completed_at = now(), products_tried = $2, skin_observations = $3,
                         follow_up_due_at = now() + make_interval(days => $4), updated_at = now()
                   WHERE id = $1 AND status = 'checked_in' RETURNING id) SELECT id FROM u`,
      [id, dto.productsTried ?? [], dto.skinObservations ?? null, FOLLOW_UP_AFTER_DAYS],
    );
    if (moved.length === 0) throw new AppointmentException(ErrorCode.BookingStateInvalid);
    await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'appointment.complete', detail: { bookingId: id } });
    return this.bookings.view(id);
  }

  async noShow(who: StaffPrincipal, id: string): Promise<BookingView> {
    await this.scoped(who, id);
    const marked = await this.markNoShows({ bookingId: id, graceMin: 0 });
    if (marked === 0) throw new AppointmentException(ErrorCode.BookingStateInvalid);
    await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'appointment.no_show', detail: { bookingId: id } });
    return this.bookings.view(id);
  }

  async cancel(who: StaffPrincipal, id: string): Promise<BookingView> {
    await this.scoped(who, id);
    await this.bookings.cancel(id);
    await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'appointment.cancel', detail: { bookingId: id } });
    return this.bookings.view(id);
  }

  /**
   * Marks open bookings whose start passed more than the grace period ago as no-shows and frees the advisor's
   * remaining time. One statement per booking set, so the nightly job and a manual mark cannot double-count.
   */
  async markNoShows(opts: { bookingId?: string; graceMin: number }): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string; class_session_id: string | null }[]>(
        `WITH u AS (UPDATE booking SET status = 'no_show', no_show_at = now(), updated_at = now()
                     WHERE status = 'booked' AND starts_at + make_interval(mins => $1) <= now() ${opts.bookingId ? 'AND id = $2' : ''}
                     RETURNING id, class_session_id)
         SELECT id, class_session_id FROM u`,
        opts.bookingId ? [opts.graceMin, opts.bookingId] : [opts.graceMin],
      );
      for (const r of rows) if (!r.class_session_id) await tx.query(`DELETE FROM advisor_busy WHERE booking_id = $1`, [r.id]);
      return rows.length;
    });
  }

  private async scoped(who: StaffPrincipal, id: string): Promise<void> {
    const [b] = await this.db.query<{ store_id: string }[]>(`SELECT store_id FROM booking WHERE id = $1`, [id]);
    if (!b) throw new AppointmentException(ErrorCode.BookingNotFound);
    const scope = storeScopeOf(who);
    if (scope && b.store_id !== scope) throw new AppointmentException(ErrorCode.OutOfScope);
  }
}
