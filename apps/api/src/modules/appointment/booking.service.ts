import { NotificationService } from '../notification/notification.service';
import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type BookingView, type CreateBookingDto, ErrorCode, type SlotView } from '@glow/contracts';
import { businessDate, canCancel, checkInCodeFrom, noShowPause, pickLeastLoaded, type Slot } from '@glow/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { MemberService } from '../member/member.service';
import { AppointmentException } from './appointment.exception';
import { type ServiceRules, SlotService } from './slot.service';

/** The slot was taken between reading and writing: carries the day's fresh slots for the client. */
export class SlotTakenException extends AppointmentException {
  constructor(readonly slots: SlotView[]) {
    super(ErrorCode.SlotTaken, undefined, { body: { slots } });
  }
}

interface BookingRow {
  id: string;
  status: BookingView['status'];
  check_in_code: string;
  member_id: string;
  store_id: string;
  service_id: string;
  advisor_id: string;
  class_session_id: string | null;
  starts_at: Date;
  ends_at: Date;
  product_ids: string[];
  note: string | null;
  products_tried: string[];
  skin_observations: string | null;
  feedback_rating: number | null;
  feedback_comment: string | null;
  created_at: Date;
}

const EXCLUSION_VIOLATION = '23P01';
const UNIQUE_VIOLATION = '23505';
const MEMBER_OVERLAP = 'xc_booking_member_overlap';

/**
 * Booking, moving and cancelling. PostgreSQL keeps the invariants: an advisor's busy time cannot overlap
 * (exclusion constraint on `advisor_busy`), class seats cannot exceed capacity (conditional update), and a
 * check-in code is unique among a store's open bookings.
 */
@Injectable()
export class BookingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly slots: SlotService,
    private readonly members: MemberService,
    private readonly notifications: NotificationService,
  ) {}

  async book(memberId: string, dto: CreateBookingDto, now = new Date()): Promise<BookingView> {
    await this.members.requireActive(memberId);
    await this.checkNotPaused(memberId, now);
    const service = await this.slots.offered(dto.storeId, dto.serviceId, memberId);
    const startsAt = new Date(dto.startsAt);
    const date = businessDate(startsAt);
    if (dto.productIds?.length) {
      const known = await this.db.query<{ id: string }[]>(`SELECT id FROM product WHERE id = ANY($1::uuid[]) AND active`, [dto.productIds]);
      if (known.length !== dto.productIds.length) throw new AppointmentException(ErrorCode.ProductNotFound);
    }
    // "Any advisor" tries the least-loaded free advisor first and moves on if someone else got them first.
    for (let attempt = 0; attempt < 3; attempt++) {
      const slot = await this.findSlot(dto.storeId, service, date, startsAt, now, dto.advisorId);
      const advisorId = dto.advisorId ?? (await this.leastLoaded(slot.advisorIds, date));
      if (!advisorId) throw await this.taken(dto.storeId, service, date, now);
      try {
        const id = await this.db.transaction(async (tx) => {
          const { classSessionId } = await this.take(tx, dto.storeId, service, slot, advisorId);
          const [row] = await tx.query<{ id: string }[]>(
            `INSERT INTO booking (check_in_code, member_id, store_id, service_id, advisor_id, class_session_id, starts_at, ends_at, product_ids, note, reminder_opt_in)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
            [checkInCodeFrom(randomBytes(6)), memberId, dto.storeId, service.id, advisorId, classSessionId, slot.start, slot.end, dto.productIds ?? [], dto.note ?? null, dto.reminderOptIn ?? false],
          );
          if (!classSessionId) await this.holdAdvisor(tx, advisorId, slot.start, service, { bookingId: row.id });
          // The accept the member gave while booking is the credit the reminder will use.
          if (dto.reminderOptIn) await this.notifications.grant(memberId, 'booking-reminder', `booking:${row.id}`, tx);
          return row.id;
        });
        return this.view(id);
      } catch (e) {
        if (!isRace(e) || dto.advisorId || attempt === 2) throw isRace(e) ? await this.taken(dto.storeId, service, date, now) : (memberBusy(e) ?? e);
      }
    }
    throw await this.taken(dto.storeId, service, date, now);
  }

  /** Moves a booking to another time of the same service and store; the old time is released only if the new one is taken. */
  async reschedule(memberId: string, bookingId: string, startsAtIso: string, advisorId: string | undefined, now = new Date()): Promise<BookingView> {
    const b = await this.own(memberId, bookingId);
    if (b.status !== 'booked') throw new AppointmentException(ErrorCode.BookingStateInvalid);
    const service = await this.slots.offered(b.store_id, b.service_id, memberId);
    if (!canCancel(new Date(b.starts_at), now, service.cancelCutoffMin)) throw new AppointmentException(ErrorCode.BookingCutoffPassed);
    const startsAt = new Date(startsAtIso);
    const date = businessDate(startsAt);
    const slot = await this.findSlot(b.store_id, service, date, startsAt, now, advisorId, b.id);
    const chosen = advisorId ?? (slot.advisorIds.includes(b.advisor_id) ? b.advisor_id : await this.leastLoaded(slot.advisorIds, date));
    if (!chosen) throw await this.taken(b.store_id, service, date, now);
    try {
      await this.db.transaction(async (tx) => {
        const [locked] = await tx.query<BookingRow[]>(`SELECT * FROM booking WHERE id = $1 AND status = 'booked' FOR UPDATE`, [b.id]);
        if (!locked) throw new AppointmentException(ErrorCode.BookingStateInvalid);
        await this.release(tx, locked);
        const { classSessionId } = await this.take(tx, b.store_id, service, slot, chosen);
        await tx.query(`UPDATE booking SET starts_at = $2, ends_at = $3, advisor_id = $4, class_session_id = $5, reminder_sent_at = NULL, updated_at = now() WHERE id = $1`, [
          b.id,
          slot.start,
          slot.end,
          chosen,
          classSessionId,
        ]);
        if (!classSessionId) await this.holdAdvisor(tx, chosen, slot.start, service, { bookingId: b.id });
      });
    } catch (e) {
      if (isRace(e)) throw await this.taken(b.store_id, service, date, now);
      throw memberBusy(e) ?? e;
    }
    return this.view(b.id);
  }

  async cancelByMember(memberId: string, bookingId: string, now = new Date()): Promise<BookingView> {
    const b = await this.own(memberId, bookingId);
    const [s] = await this.db.query<{ cancel_cutoff_min: number }[]>(`SELECT cancel_cutoff_min FROM appointment_service WHERE id = $1`, [b.service_id]);
    if (b.status !== 'booked') throw new AppointmentException(ErrorCode.BookingStateInvalid);
    if (!canCancel(new Date(b.starts_at), now, s.cancel_cutoff_min)) throw new AppointmentException(ErrorCode.BookingCutoffPassed);
    await this.cancel(b.id);
    return this.view(b.id);
  }

  /** Cancels an open booking and frees its time (staff may cancel regardless of the cut-off). */
  async cancel(bookingId: string, tx?: EntityManager): Promise<void> {
    const run = async (m: EntityManager) => {
      const [b] = await m.query<BookingRow[]>(`SELECT * FROM booking WHERE id = $1 AND status = 'booked' FOR UPDATE`, [bookingId]);
      if (!b) throw new AppointmentException(ErrorCode.BookingStateInvalid);
      await this.release(m, b);
      await m.query(`UPDATE booking SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1`, [bookingId]);
    };
    if (tx) await run(tx);
    else await this.db.transaction(run);
  }

  async mine(memberId: string): Promise<BookingView[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT id FROM booking WHERE member_id = $1
        ORDER BY (status IN ('booked', 'checked_in') AND ends_at > now()) DESC,
                 CASE WHEN status IN ('booked', 'checked_in') AND ends_at > now() THEN starts_at END ASC,
                 starts_at DESC
        LIMIT 100`,
      [memberId],
    );
    return this.views(rows.map((r) => r.id));
  }

  async own(memberId: string, bookingId: string): Promise<BookingRow> {
    const [b] = await this.db.query<BookingRow[]>(`SELECT * FROM booking WHERE id = $1 AND member_id = $2`, [bookingId, memberId]);
    if (!b) throw new AppointmentException(ErrorCode.BookingNotFound);
    return b;
  }

  async feedback(memberId: string, bookingId: string, rating: number, comment: string | undefined): Promise<BookingView> {
    const rows = await this.db.query<{ id: string }[]>(
      `WITH u AS (UPDATE booking SET feedback_rating = $3, feedback_comment = $4, feedback_at = now(), updated_at = now()
                   WHERE id = $1 AND member_id = $2 AND status = 'completed' RETURNING id) SELECT id FROM u`,
      [bookingId, memberId, rating, comment ?? null],
    );
    if (rows.length === 0) {
      await this.own(memberId, bookingId);
      throw new AppointmentException(ErrorCode.BookingStateInvalid);
    }
    return this.view(bookingId);
  }

  async view(id: string): Promise<BookingView> {
    const [v] = await this.views([id]);
    if (!v) throw new AppointmentException(ErrorCode.BookingNotFound);
    return v;
  }

  async views(ids: string[], now = new Date()): Promise<BookingView[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<
      (BookingRow & {
        store_name: string;
        store_address: string;
        service_name: string;
        service_kind: BookingView['service']['kind'];
        duration_min: number;
        cancel_cutoff_min: number;
        advisor_name: string;
        member_no: string;
        member_name: string | null;
        nickname: string | null;
      })[]
    >(
      `SELECT b.*, st.name AS store_name, st.address AS store_address, s.name AS service_name, s.kind AS service_kind, s.duration_min, s.cancel_cutoff_min,
              a.name AS advisor_name, m.member_no, m.name AS member_name, m.nickname
         FROM booking b JOIN store st ON st.id = b.store_id JOIN appointment_service s ON s.id = b.service_id
         JOIN staff a ON a.id = b.advisor_id JOIN member m ON m.id = b.member_id
        WHERE b.id = ANY($1::uuid[])`,
      [ids],
    );
    const productIds = [...new Set(rows.flatMap((r) => [...r.product_ids, ...r.products_tried]))];
    const products = new Map(
      (productIds.length ? await this.db.query<{ id: string; name: string }[]>(`SELECT id, name FROM product WHERE id = ANY($1::uuid[])`, [productIds]) : []).map((p) => [p.id, p.name]),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      return [
        {
          id: r.id,
          status: r.status,
          checkInCode: r.check_in_code,
          store: { id: r.store_id, name: r.store_name, address: r.store_address },
          service: { id: r.service_id, name: r.service_name, kind: r.service_kind, durationMin: r.duration_min },
          advisor: { id: r.advisor_id, name: r.advisor_name },
          member: { id: r.member_id, memberNo: r.member_no, name: r.member_name, nickname: r.nickname },
          startsAt: new Date(r.starts_at).toISOString(),
          endsAt: new Date(r.ends_at).toISOString(),
          products: r.product_ids.map((p) => ({ id: p, name: products.get(p) ?? '' })),
          note: r.note,
          canCancel: r.status === 'booked' && canCancel(new Date(r.starts_at), now, r.cancel_cutoff_min),
          productsTried: r.products_tried.map((p) => ({ id: p, name: products.get(p) ?? '' })),
          skinObservations: r.skin_observations,
          feedback: r.feedback_rating ? { rating: r.feedback_rating, comment: r.feedback_comment } : null,
          createdAt: new Date(r.created_at).toISOString(),
        },
      ];
    });
  }

  /** Frees what a booking holds: its advisor time, or its seat (and the class's advisor time once the class is empty). */
  async release(tx: EntityManager, b: Pick<BookingRow, 'id' | 'class_session_id'>): Promise<void> {
    if (!b.class_session_id) {
      await tx.query(`DELETE FROM advisor_busy WHERE booking_id = $1`, [b.id]);
      return;
    }
    const [left] = await tx.query<{ booked: number }[]>(`WITH u AS (UPDATE class_session SET booked = booked - 1 WHERE id = $1 RETURNING booked) SELECT booked FROM u`, [b.class_session_id]);
    if (left && left.booked === 0) {
      await tx.query(`DELETE FROM advisor_busy WHERE class_session_id = $1`, [b.class_session_id]);
      await tx.query(`UPDATE booking SET class_session_id = NULL WHERE class_session_id = $1`, [b.class_session_id]);
      await tx.query(`DELETE FROM class_session WHERE id = $1`, [b.class_session_id]);
    }
  }

  private async take(tx: EntityManager, storeId: string, service: ServiceRules, slot: Slot, advisorId: string): Promise<{ classSessionId: string | null }> {
    if (service.seats === 1) return { classSessionId: null };
    // A seat in the class at that time: a conditional update never lets `booked` pass the capacity.
    const [seat] = await tx.query<{ id: string }[]>(
      `WITH u AS (UPDATE class_session SET booked = booked + 1 WHERE service_id = $1 AND store_id = $2 AND starts_at = $3 AND booked < capacity RETURNING id) SELECT id FROM u`,
      [service.id, storeId, slot.start],
    );
    if (seat) return { classSessionId: seat.id };
    const [created] = await tx.query<{ id: string }[]>(
      `INSERT INTO class_session (service_id, store_id, advisor_id, starts_at, capacity, booked) VALUES ($1, $2, $3, $4, $5, 1)
       ON CONFLICT (service_id, store_id, starts_at) DO NOTHING RETURNING id`,
      [service.id, storeId, advisorId, slot.start, service.seats],
    );
    // Someone else holds (or just filled) the class at that time.
    if (!created) throw new AppointmentException(ErrorCode.SlotTaken);
    await this.holdAdvisor(tx, advisorId, slot.start, service, { classSessionId: created.id });
    return { classSessionId: created.id };
  }

  private async holdAdvisor(tx: EntityManager, advisorId: string, start: Date, service: ServiceRules, owner: { bookingId?: string; classSessionId?: string }): Promise<void> {
    const until = new Date(start.getTime() + (service.durationMin + service.bufferAfterMin) * 60_000);
    await tx.query(`INSERT INTO advisor_busy (advisor_id, during, booking_id, class_session_id) VALUES ($1, tstzrange($2, $3, '[)'), $4, $5)`, [
      advisorId,
      start,
      until,
      owner.bookingId ?? null,
      owner.classSessionId ?? null,
    ]);
  }

  private async findSlot(storeId: string, service: ServiceRules, date: string, startsAt: Date, now: Date, advisorId?: string, ignoreBookingId?: string): Promise<Slot> {
    const slots = await this.slots.slots(storeId, service, date, now, { advisorId, ignoreBookingId });
    const slot = slots.find((s) => s.start.getTime() === startsAt.getTime());
    if (slot) return slot;
    // A time that would not be a slot even with nobody booked is a client error; otherwise it was taken.
    const possible = await this.slots.slots(storeId, service, date, now, { advisorId, ignoreBusy: true });
    if (!possible.some((s) => s.start.getTime() === startsAt.getTime())) throw new AppointmentException(ErrorCode.SlotUnavailable);
    throw await this.taken(storeId, service, date, now);
  }

  private async taken(storeId: string, service: ServiceRules, date: string, now: Date): Promise<SlotTakenException> {
    return new SlotTakenException(await this.slots.views(await this.slots.slots(storeId, service, date, now)));
  }

  private async leastLoaded(advisorIds: string[], date: string): Promise<string | null> {
    if (advisorIds.length === 0) return null;
    const loads = await this.db.query<{ advisor_id: string; n: number }[]>(
      `SELECT advisor_id, count(*)::int AS n FROM booking
        WHERE advisor_id = ANY($1::uuid[]) AND status IN ('booked', 'checked_in', 'completed') AND (starts_at AT TIME ZONE 'Asia/Shanghai')::date = $2::date
        GROUP BY advisor_id`,
      [advisorIds, date],
    );
    return pickLeastLoaded([...advisorIds].sort(), Object.fromEntries(loads.map((l) => [l.advisor_id, l.n])));
  }

  private async checkNotPaused(memberId: string, now: Date): Promise<void> {
    const [policy] = await this.db.query<{ no_show_max: number; no_show_window_days: number; no_show_pause_days: number }[]>(`SELECT * FROM appointment_policy WHERE id = 1`);
    if (!policy || policy.no_show_pause_days === 0) return;
    const noShows = await this.db.query<{ no_show_at: Date }[]>(
      `SELECT no_show_at FROM booking WHERE member_id = $1 AND status = 'no_show' AND no_show_at > $2::timestamptz - make_interval(days => $3)`,
      [memberId, now, policy.no_show_window_days + policy.no_show_pause_days],
    );
    const until = noShowPause(
      noShows.map((n) => new Date(n.no_show_at)),
      now,
      { maxNoShows: policy.no_show_max, windowDays: policy.no_show_window_days, pauseDays: policy.no_show_pause_days },
    );
    if (until) throw new AppointmentException(ErrorCode.BookingPaused, until.toISOString(), { message: `您近期多次预约未到店，预约功能暂停至 ${businessDate(until)}` });
  }
}

/** Lost a race: the advisor's time (exclusion), the class seat, or a check-in code collided. */
function isRace(e: unknown): boolean {
  if (e instanceof AppointmentException && e.code === ErrorCode.SlotTaken) return true;
  const err = (e as { driverError?: { code?: string; constraint?: string } }).driverError;
  if (err?.constraint === MEMBER_OVERLAP) return false;
  return err?.code === EXCLUSION_VIOLATION || err?.code === UNIQUE_VIOLATION;
}

/** The member already has an open booking at that time (their own overlap, not someone else's race). */
function memberBusy(e: unknown): AppointmentException | null {
  const err = (e as { driverError?: { code?: string; constraint?: string } }).driverError;
  return err?.code === EXCLUSION_VIOLATION && err.constraint === MEMBER_OVERLAP ? new AppointmentException(ErrorCode.MemberBusy) : null;
}
