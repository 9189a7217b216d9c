import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AdvisorScheduleView, type AppointmentPolicyDto, type AppointmentPolicyView, ErrorCode, type SaveAdvisorScheduleDto, type SaveServiceDto, type SaveStoreScheduleDto, type ServiceAdminView, type StoreScheduleView } from '@glow/contracts';
import { minutesOf } from '@glow/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../../platform/auth/principal';
import { AuditService } from '../../platform/audit/audit.service';
import { AppointmentException } from './appointment.exception';

interface ServiceRow {
  id: string;
  code: string;
  name: string;
  description: string;
  kind: ServiceAdminView['kind'];
  duration_min: number;
  buffer_after_min: number;
  seats: number;
  price_fen: number;
  deposit_fen: number;
  min_notice_min: number;
  booking_window_days: number;
  cancel_cutoff_min: number;
  active: boolean;
  store_ids: string[];
  advisor_ids: string[];
}

/** What store managers and admins configure: services, store hours and special days, advisor shifts and skills. */
@Injectable()
export class AppointmentSetupService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async services(storeId?: string): Promise<ServiceAdminView[]> {
    return storeId
      ? this.queryServices('WHERE EXISTS (SELECT 1 FROM appointment_service_store ss WHERE ss.service_id = s.id AND ss.store_id = $1)', [storeId])
      : this.queryServices('', []);
  }

  async createService(who: StaffPrincipal, dto: SaveServiceDto): Promise<ServiceAdminView> {
    this.checkStores(who, dto.storeIds ?? []);
    const id = await this.db.transaction(async (tx) => {
      let row: { id: string } | undefined;
      try {
        [row] = await tx.query<{ id: string }[]>(
          `INSERT INTO appointment_service (code, name, description, kind, duration_min, buffer_after_min, seats, price_fen, deposit_fen, min_notice_min, booking_window_days, cancel_cutoff_min, active)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
          [dto.code, dto.name, dto.description ?? '', dto.kind, dto.durationMin, dto.bufferAfterMin, dto.seats, dto.priceFen, dto.depositFen, dto.minNoticeMin, dto.bookingWindowDays, dto.cancelCutoffMin, dto.active ?? true],
        );
      } catch (e) {
        throw mapServiceError(e);
      }
      await this.setStores(tx, row.id, dto.storeIds ?? []);
      await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'appointment.service.create', detail: { code: dto.code } }, tx);
      return row.id;
    });
    return this.service(id);
  }

  async updateService(who: StaffPrincipal, id: string, dto: SaveServiceDto): Promise<ServiceAdminView> {
    this.checkStores(who, dto.storeIds ?? []);
    await this.db.transaction(async (tx) => {
      let rows: unknown[];
      try {
        rows = await tx.query(
          `WITH u AS (UPDATE appointment_service SET code = $2, name = $3, description = $4, kind = $5, duration_min = $6, buffer_after_min = $7, seats = $8, price_fen = $9,
                  deposit_fen = $10, min_notice_min = $11, booking_window_days = $12, cancel_cutoff_min = $13, active = $14, updated_at = now() WHERE id = $1 RETURNING id)
           SELECT id FROM u`,
          [id, dto.code, dto.name, dto.description ?? '', dto.kind, dto.durationMin, dto.bufferAfterMin, dto.seats, dto.priceFen, dto.depositFen, dto.minNoticeMin, dto.bookingWindowDays, dto.cancelCutoffMin, dto.active ?? true],
        );
      } catch (e) {
        throw mapServiceError(e);
      }
      if (rows.length === 0) throw new AppointmentException(ErrorCode.ServiceNotFound);
      if (dto.storeIds) {
        // A store manager only changes whether their own store offers it.
        if (who.role === 'store_manager') {
          await tx.query(`DELETE FROM appointment_service_store WHERE service_id = $1 AND store_id = $2`, [id, who.storeId]);
          if (dto.storeIds.includes(who.storeId as string)) await tx.query(`INSERT INTO appointment_service_store (service_id, store_id) VALUES ($1, $2)`, [id, who.storeId]);
        } else {
          await this.setStores(tx, id, dto.storeIds);
        }
      }
      await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'appointment.service.update', detail: { serviceId: id } }, tx);
    });
    return this.service(id);
  }

  async service(id: string): Promise<ServiceAdminView> {
    const [view] = await this.queryServices('WHERE s.id = $1', [id]);
    if (!view) throw new AppointmentException(ErrorCode.ServiceNotFound);
    return view;
  }

  /** Services with the stores that offer them and the advisors qualified for them. */
  private async queryServices(where: string, params: unknown[]): Promise<ServiceAdminView[]> {
    const rows = await this.db.query<ServiceRow[]>(
      `SELECT s.*,
              coalesce((SELECT array_agg(ss.store_id ORDER BY ss.store_id) FROM appointment_service_store ss WHERE ss.service_id = s.id), '{}') AS store_ids,
              coalesce((SELECT array_agg(k.staff_id ORDER BY k.staff_id) FROM advisor_skill k WHERE k.service_id = s.id), '{}') AS advisor_ids
         FROM appointment_service s ${where}
        ORDER BY s.active DESC, s.code`,
      params,
    );
    return rows.map(toServiceView);
  }

  async storeSchedule(storeId: string): Promise<StoreScheduleView> {
    const [store] = await this.db.query<{ id: string; latitude: number | null; longitude: number | null }[]>(`SELECT id, latitude, longitude FROM store WHERE id = $1`, [storeId]);
    if (!store) throw new AppointmentException(ErrorCode.StoreNotFound);
    const [hours] = await this.db.query<{ hours: StoreScheduleView['hours'] }[]>(`SELECT hours FROM store_hours WHERE store_id = $1`, [storeId]);
    const special = await this.db.query<{ date: string; closed: boolean; open: string | null; close: string | null; note: string | null }[]>(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, closed, open, close, note FROM store_special_day WHERE store_id = $1 AND date >= (now() AT TIME ZONE 'Asia/Shanghai')::date - 30 ORDER BY date`,
      [storeId],
    );
    return { storeId, hours: hours?.hours ?? {}, specialDays: special, latitude: store.latitude, longitude: store.longitude };
  }

  async saveStoreSchedule(who: StaffPrincipal, storeId: string, dto: SaveStoreScheduleDto): Promise<StoreScheduleView> {
    this.checkStores(who, [storeId]);
    const hours: StoreScheduleView['hours'] = {};
    for (const h of dto.hours) {
      if (minutesOf(h.open) >= minutesOf(h.close) || hours[String(h.weekday)]) throw new AppointmentException(ErrorCode.ScheduleInvalid);
      hours[String(h.weekday)] = { open: h.open, close: h.close };
    }
    for (const d of dto.specialDays) {
      if (!d.closed && (!d.open || !d.close || minutesOf(d.open) >= minutesOf(d.close))) throw new AppointmentException(ErrorCode.ScheduleInvalid);
    }
    if (new Set(dto.specialDays.map((d) => d.date)).size !== dto.specialDays.length) throw new AppointmentException(ErrorCode.ScheduleInvalid);
    await this.db.transaction(async (tx) => {
      const [store] = await tx.query<{ id: string }[]>(`SELECT id FROM store WHERE id = $1 FOR UPDATE`, [storeId]);
      if (!store) throw new AppointmentException(ErrorCode.StoreNotFound);
      await tx.query(`INSERT INTO store_hours (store_id, hours) VALUES ($1, $2) ON CONFLICT (store_id) DO UPDATE SET hours = EXCLUDED.hours, updated_at = now()`, [storeId, JSON.stringify(hours)]);
      await tx.query(`DELETE FROM store_special_day WHERE store_id = $1`, [storeId]);
      for (const d of dto.specialDays) {
        await tx.query(`INSERT INTO store_special_day (store_id, date, closed, open, close, note) VALUES ($1, $2, $3, $4, $5, $6)`, [
          storeId,
          d.date,
          d.closed,
          d.closed ? null : d.open,
          d.closed ? null : d.close,
          d.note ?? null,
        ]);
      }
      if (dto.latitude !== undefined && dto.longitude !== undefined) await tx.query(`UPDATE store SET latitude = $2, longitude = $3 WHERE id = $1`, [storeId, dto.latitude, dto.longitude]);
      await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'appointment.store_schedule.update', detail: { storeId } }, tx);
    });
    return this.storeSchedule(storeId);
  }

  async advisorSchedules(storeId: string): Promise<AdvisorScheduleView[]> {
    const advisors = await this.db.query<{ id: string; name: string }[]>(`SELECT id, name FROM staff WHERE store_id = $1 AND role = 'advisor' AND active ORDER BY code`, [storeId]);
    const out: AdvisorScheduleView[] = [];
    for (const a of advisors) out.push(await this.advisorSchedule(a.id, a.name));
    return out;
  }

  async saveAdvisorSchedule(who: StaffPrincipal, advisorId: string, dto: SaveAdvisorScheduleDto): Promise<AdvisorScheduleView> {
    const [advisor] = await this.db.query<{ id: string; name: string; store_id: string | null }[]>(`SELECT id, name, store_id FROM staff WHERE id = $1 AND role = 'advisor'`, [advisorId]);
    if (!advisor?.store_id) throw new AppointmentException(ErrorCode.AdvisorNotFound);
    this.checkStores(who, [advisor.store_id]);
    for (const r of dto.rules) if (minutesOf(r.start) >= minutesOf(r.end)) throw new AppointmentException(ErrorCode.ScheduleInvalid);
    for (const e of dto.exceptions) {
      if (!e.off && (!e.start || !e.end || minutesOf(e.start) >= minutesOf(e.end))) throw new AppointmentException(ErrorCode.ScheduleInvalid);
    }
    if (new Set(dto.exceptions.map((e) => e.date)).size !== dto.exceptions.length) throw new AppointmentException(ErrorCode.ScheduleInvalid);
    await this.db.transaction(async (tx) => {
      await tx.query(`SELECT id FROM staff WHERE id = $1 FOR UPDATE`, [advisorId]);
      await tx.query(`DELETE FROM advisor_shift_rule WHERE staff_id = $1`, [advisorId]);
      for (const r of dto.rules) {
        await tx.query(`INSERT INTO advisor_shift_rule (staff_id, store_id, weekday, start_time, end_time) VALUES ($1, $2, $3, $4, $5)`, [advisorId, advisor.store_id, r.weekday, r.start, r.end]);
      }
      await tx.query(`DELETE FROM advisor_shift_exception WHERE staff_id = $1`, [advisorId]);
      for (const e of dto.exceptions) {
        await tx.query(`INSERT INTO advisor_shift_exception (staff_id, date, off, start_time, end_time) VALUES ($1, $2, $3, $4, $5)`, [
          advisorId,
          e.date,
          e.off,
          e.off ? null : e.start,
          e.off ? null : e.end,
        ]);
      }
      const known = await tx.query<{ id: string }[]>(`SELECT id FROM appointment_service WHERE id = ANY($1::uuid[])`, [dto.serviceIds]);
      if (known.length !== dto.serviceIds.length) throw new AppointmentException(ErrorCode.ServiceNotFound);
      await tx.query(`DELETE FROM advisor_skill WHERE staff_id = $1`, [advisorId]);
      await tx.query(`INSERT INTO advisor_skill (staff_id, service_id) SELECT $1, unnest($2::uuid[])`, [advisorId, dto.serviceIds]);
      await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'appointment.advisor_schedule.update', detail: { advisorId } }, tx);
    });
    return this.advisorSchedule(advisorId, advisor.name);
  }

  private async advisorSchedule(advisorId: string, advisorName: string): Promise<AdvisorScheduleView> {
    const [rules, exceptions, skills] = await Promise.all([
      this.db.query<{ weekday: number; start: string; end: string }[]>(
        `SELECT weekday, start_time AS start, end_time AS "end" FROM advisor_shift_rule WHERE staff_id = $1 ORDER BY weekday, start_time`,
        [advisorId],
      ),
      this.db.query<{ date: string; off: boolean; start: string | null; end: string | null }[]>(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, off, start_time AS start, end_time AS "end" FROM advisor_shift_exception
          WHERE staff_id = $1 AND date >= (now() AT TIME ZONE 'Asia/Shanghai')::date - 30 ORDER BY date`,
        [advisorId],
      ),
      this.db.query<{ service_id: string }[]>(`SELECT service_id FROM advisor_skill WHERE staff_id = $1 ORDER BY service_id`, [advisorId]),
    ]);
    return { advisorId, advisorName, rules: rules.map((r) => ({ advisorId, ...r })), exceptions, serviceIds: skills.map((s) => s.service_id) };
  }

  async policy(): Promise<AppointmentPolicyView> {
    const [p] = await this.db.query<{ no_show_grace_min: number; no_show_max: number; no_show_window_days: number; no_show_pause_days: number; reminder_hours_before: number }[]>(
      `INSERT INTO appointment_policy (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET id = 1 RETURNING *`,
    );
    return { noShowGraceMin: p.no_show_grace_min, noShowMax: p.no_show_max, noShowWindowDays: p.no_show_window_days, noShowPauseDays: p.no_show_pause_days, reminderHoursBefore: p.reminder_hours_before };
  }

  async savePolicy(who: StaffPrincipal, dto: AppointmentPolicyDto): Promise<AppointmentPolicyView> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO appointment_policy (id, no_show_grace_min, no_show_max, no_show_window_days, no_show_pause_days, reminder_hours_before) VALUES (1, $1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET no_show_grace_min = $1, no_show_max = $2, no_show_window_days = $3, no_show_pause_days = $4, reminder_hours_before = $5`,
        [dto.noShowGraceMin, dto.noShowMax, dto.noShowWindowDays, dto.noShowPauseDays, dto.reminderHoursBefore],
      );
      await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'appointment.policy.update', detail: { ...dto } }, tx);
    });
    return this.policy();
  }

  /** Store managers work on their own store only; admins on any. */
  private checkStores(who: StaffPrincipal, storeIds: string[]): void {
    if (who.role === 'store_manager' && storeIds.some((id) => id !== who.storeId)) throw new AppointmentException(ErrorCode.OutOfScope);
  }

  private async setStores(tx: EntityManager, serviceId: string, storeIds: string[]): Promise<void> {
    await tx.query(`DELETE FROM appointment_service_store WHERE service_id = $1`, [serviceId]);
    if (storeIds.length === 0) return;
    const known = await tx.query<{ id: string }[]>(`SELECT id FROM store WHERE id = ANY($1::uuid[])`, [storeIds]);
    if (known.length !== storeIds.length) throw new AppointmentException(ErrorCode.StoreNotFound);
    await tx.query(`INSERT INTO appointment_service_store (service_id, store_id) SELECT $1, unnest($2::uuid[])`, [serviceId, storeIds]);
  }
}

function mapServiceError(e: unknown): unknown {
  const code = (e as { driverError?: { code?: string; constraint?: string } }).driverError;
  if (code?.code === '23505' && code.constraint === 'uq_appointment_service_code') return new AppointmentException(ErrorCode.ServiceCodeTaken);
  if (code?.code === '23514') return new AppointmentException(ErrorCode.ValidationFailed, code.constraint);
  return e;
}

function toServiceView(r: ServiceRow): ServiceAdminView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    description: r.description,
    kind: r.kind,
    durationMin: r.duration_min,
    bufferAfterMin: r.buffer_after_min,
    seats: r.seats,
    priceFen: r.price_fen,
    depositFen: r.deposit_fen,
    minNoticeMin: r.min_notice_min,
    bookingWindowDays: r.booking_window_days,
    cancelCutoffMin: r.cancel_cutoff_min,
    active: r.active,
    storeIds: r.store_ids,
    advisorIds: r.advisor_ids,
  };
}
