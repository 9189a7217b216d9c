import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type BookableService, type BookableStore, type SlotsResponse } from '@glow/contracts';
import { businessDate, type OpeningHours, weekdayOf } from '@glow/domain';
import { DataSource } from 'typeorm';
import { SlotService } from './slot.service';

/** What a member browses before booking: stores (nearest first), their services, and free slots. */
@Injectable()
export class AppointmentCatalogService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly slotService: SlotService,
  ) {}

  async stores(lat?: number, lng?: number, now = new Date()): Promise<BookableStore[]> {
    const rows = await this.db.query<{ id: string; name: string; city: string; address: string; phone: string | null; latitude: number | null; longitude: number | null; hours: OpeningHours | null }[]>(
      `SELECT s.id, s.name, s.city, s.address, s.phone, s.latitude, s.longitude, h.hours
         FROM store s LEFT JOIN store_hours h ON h.store_id = s.id
        WHERE s.active AND EXISTS (SELECT 1 FROM appointment_service_store ss JOIN appointment_service a ON a.id = ss.service_id AND a.active WHERE ss.store_id = s.id)
        ORDER BY s.city, s.name`,
    );
    const today = businessDate(now);
    const special = new Map(
      (await this.db.query<{ store_id: string; closed: boolean; open: string | null; close: string | null }[]>(`SELECT store_id, closed, open, close FROM store_special_day WHERE date = $1`, [today])).map(
        (d) => [d.store_id, d],
      ),
    );
    const weekday = weekdayOf(today);
    const withDistance = rows.map((r): BookableStore => {
      const sp = special.get(r.id);
      const regular = r.hours?.[weekday] ?? null;
      const todayHours = sp ? (sp.closed ? null : `${sp.open}–${sp.close}`) : regular ? `${regular.open}–${regular.close}` : null;
      return {
        id: r.id,
        name: r.name,
        city: r.city,
        address: r.address,
        phone: r.phone,
        latitude: r.latitude,
        longitude: r.longitude,
        distanceM: lat !== undefined && lng !== undefined && r.latitude !== null && r.longitude !== null ? Math.round(haversineM(lat, lng, r.latitude, r.longitude)) : null,
        todayHours,
      };
    });
    if (lat === undefined || lng === undefined) return withDistance;
    return withDistance.sort((a, b) => (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity));
  }

  async services(storeId: string): Promise<BookableService[]> {
    const rows = await this.db.query<
      { id: string; code: string; name: string; description: string; kind: BookableService['kind']; duration_min: number; seats: number; price_fen: number; deposit_fen: number; cancel_cutoff_min: number; booking_window_days: number }[]
    >(
      `SELECT s.* FROM appointment_service s JOIN appointment_service_store ss ON ss.service_id = s.id AND ss.store_id = $1 WHERE s.active ORDER BY s.kind, s.code`,
      [storeId],
    );
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      description: r.description,
      kind: r.kind,
      durationMin: r.duration_min,
      seats: r.seats,
      priceFen: r.price_fen,
      depositFen: r.deposit_fen,
      cancelCutoffMin: r.cancel_cutoff_min,
      bookingWindowDays: r.booking_window_days,
    }));
  }

  async slots(memberId: string, storeId: string, serviceId: string, date: string, advisorId?: string): Promise<SlotsResponse> {
    const service = await this.slotService.offered(storeId, serviceId, memberId);
    const slots = await this.slotService.slots(storeId, service, date, new Date(), { advisorId });
    return { date, slots: await this.slotService.views(slots) };
  }
}

/** Great-circle distance in metres. */
function haversineM(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
}
