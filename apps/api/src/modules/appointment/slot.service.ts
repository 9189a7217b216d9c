import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type SlotView } from '@glow/contracts';
import { addDays, atBusinessTime, type ClassOccupancy, freeSlots, type OpeningHours, type ShiftException, type ShiftRule, type Slot, type SpecialDay, type Weekday } from '@glow/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { MemberPrivileges } from '../member/member-privileges';
import { AppointmentException } from './appointment.exception';

export interface ServiceRules {
  id: string;
  name: string;
  kind: string;
  durationMin: number;
  bufferAfterMin: number;
  seats: number;
  minNoticeMin: number;
  bookingWindowDays: number;
  cancelCutoffMin: number;
}

/** Loads what the free-slot rules need for one store, service and business day, and runs them. */
@Injectable()
export class SlotService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly privileges: MemberPrivileges,
  ) {}

  /**
   * The service as offered at the store; refuses inactive services and stores that do not offer it. For a member,
   * the booking window includes the extra days their tier grants.
   */
  async offered(storeId: string, serviceId: string, memberId?: string, run: EntityManager = this.db.manager): Promise<ServiceRules> {
    const [s] = await run.query<
      { id: string; name: string; kind: string; duration_min: number; buffer_after_min: number; seats: number; min_notice_min: number; booking_window_days: number; cancel_cutoff_min: number; offered: boolean }[]
    >(
      `SELECT s.*, EXISTS (SELECT 1 FROM appointment_service_store ss JOIN store st ON st.id = ss.store_id AND st.active WHERE ss.service_id = s.id AND ss.store_id = $2) AS offered
         FROM appointment_service s WHERE s.id = $1 AND s.active`,
      [serviceId, storeId],
    );
    if (!s) throw new AppointmentException(ErrorCode.ServiceNotFound);
    if (!s.offered) throw new AppointmentException(ErrorCode.ServiceNotOffered);
    return {
      id: s.id,
      name: s.name,
      kind: s.kind,
      durationMin: s.duration_min,
      bufferAfterMin: s.buffer_after_min,
      seats: s.seats,
      minNoticeMin: s.min_notice_min,
      bookingWindowDays: s.booking_window_days + (memberId ? await this.privileges.bookingExtraDays(memberId) : 0),
      cancelCutoffMin: s.cancel_cutoff_min,
    };
  }

  /**
   * Free slots of a day. `ignoreBookingId` leaves one booking out (a reschedule may move within its own time).
   */
  async slots(storeId: string, service: ServiceRules, date: string, now: Date, opts: { advisorId?: string; ignoreBookingId?: string; ignoreBusy?: boolean } = {}, run: EntityManager = this.db.manager): Promise<Slot[]> {
    const dayStart = atBusinessTime(date, '00:00');
    const dayEnd = atBusinessTime(addDays(date, 1), '00:00');
    const [hoursRow] = await run.query<{ hours: OpeningHours }[]>(`SELECT hours FROM store_hours WHERE store_id = $1`, [storeId]);
    const specialDays = await run.query<{ date: string; closed: boolean; open: string | null; close: string | null }[]>(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, closed, open, close FROM store_special_day WHERE store_id = $1 AND date = $2`,
      [storeId, date],
    );
    const qualified = await run.query<{ staff_id: string }[]>(
      `SELECT k.staff_id FROM advisor_skill k JOIN staff s ON s.id = k.staff_id AND s.active AND s.store_id = $2 WHERE k.service_id = $1`,
      [service.id, storeId],
    );
    const advisorIds = qualified.map((q) => q.staff_id).filter((id) => !opts.advisorId || id === opts.advisorId);
    if (advisorIds.length === 0) return [];
    const shiftRules = await run.query<{ staff_id: string; weekday: number; start: string; end: string }[]>(
      `SELECT staff_id, weekday, start_time AS start, end_time AS "end" FROM advisor_shift_rule WHERE staff_id = ANY($1::uuid[]) AND store_id = $2`,
      [advisorIds, storeId],
    );
    const shiftExceptions = await run.query<{ staff_id: string; date: string; off: boolean; start: string | null; end: string | null }[]>(
      `SELECT staff_id, to_char(date, 'YYYY-MM-DD') AS date, off, start_time AS start, end_time AS "end" FROM advisor_shift_exception WHERE staff_id = ANY($1::uuid[]) AND date = $2`,
      [advisorIds, date],
    );
    const busy = await run.query<{ advisor_id: string; lo: Date; hi: Date }[]>(
      `SELECT b.advisor_id, lower(b.during) AS lo, upper(b.during) AS hi FROM advisor_busy b
        WHERE b.advisor_id = ANY($1::uuid[]) AND b.during && tstzrange($2, $3) AND (b.booking_id IS DISTINCT FROM $4::uuid)`,
      [advisorIds, dayStart, dayEnd, opts.ignoreBookingId ?? null],
    );
    const classes: ClassOccupancy[] =
      service.seats > 1
        ? (
            await run.query<{ advisor_id: string; starts_at: Date; booked: number }[]>(
              `SELECT advisor_id, starts_at, booked FROM class_session WHERE service_id = $1 AND store_id = $2 AND starts_at >= $3 AND starts_at < $4`,
              [service.id, storeId, dayStart, dayEnd],
            )
          ).map((c) => ({ advisorId: c.advisor_id, start: new Date(c.starts_at), booked: c.booked }))
        : [];
    return freeSlots({
      date,
      now,
      hours: hoursRow?.hours ?? {},
      specialDays: specialDays.map((d): SpecialDay => ({ date: d.date, closed: d.closed, ...(d.open && { open: d.open }), ...(d.close && { close: d.close }) })),
      shiftRules: shiftRules.map((r): ShiftRule => ({ advisorId: r.staff_id, weekday: r.weekday as Weekday, start: r.start, end: r.end })),
      shiftExceptions: shiftExceptions.map((e): ShiftException => ({ advisorId: e.staff_id, date: e.date, off: e.off, ...(e.start && { start: e.start }), ...(e.end && { end: e.end }) })),
      qualifiedAdvisorIds: advisorIds,
      busy: opts.ignoreBusy ? [] : busy.map((b) => ({ advisorId: b.advisor_id, start: new Date(b.lo), end: new Date(b.hi) })),
      classes: opts.ignoreBusy ? [] : classes,
      service: { durationMin: service.durationMin, bufferAfterMin: service.bufferAfterMin, seats: service.seats, minNoticeMin: service.minNoticeMin, bookingWindowDays: service.bookingWindowDays },
    });
  }

  async views(slots: Slot[]): Promise<SlotView[]> {
    const ids = [...new Set(slots.flatMap((s) => s.advisorIds))];
    const names = new Map(
      (ids.length ? await this.db.query<{ id: string; name: string }[]>(`SELECT id, name FROM staff WHERE id = ANY($1::uuid[])`, [ids]) : []).map((r) => [r.id, r.name]),
    );
    return slots.map((s) => ({
      startsAt: s.start.toISOString(),
      endsAt: s.end.toISOString(),
      seatsLeft: s.seatsLeft,
      advisors: s.advisorIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    }));
  }
}
