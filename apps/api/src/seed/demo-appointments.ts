import { randomBytes } from 'node:crypto';
import { addDays, atBusinessTime, businessDate, checkInCodeFrom } from '@glow/domain';
import type { DataSource } from 'typeorm';

/** Bookable services every demo store offers. Prices in fen; times in minutes. */
export const DEMO_SERVICES = [
  { code: 'TRY-ON', name: '新品试妆', kind: 'try_on', description: '顾问一对一为您试用当季新品彩妆，找到适合您的色号。', duration: 30, buffer: 10, seats: 1, price: 0, deposit: 0, notice: 60, window: 14, cutoff: 60 },
  { code: 'MAKEUP', name: '专业彩妆造型', kind: 'makeup', description: '约会、面试、派对妆容，含妆前护理与定妆。', duration: 60, buffer: 15, seats: 1, price: 29900, deposit: 5000, notice: 120, window: 21, cutoff: 240 },
  { code: 'SKIN-TEST', name: '肌肤检测', kind: 'skin_test', description: '仪器检测水油、毛孔与敏感度，顾问解读并给出护理建议。', duration: 30, buffer: 10, seats: 1, price: 0, deposit: 0, notice: 60, window: 14, cutoff: 60 },
  { code: 'FACIAL', name: '深层补水护理', kind: 'facial', description: '清洁、补水导入与面膜护理，适合换季干燥、敏感肌。', duration: 90, buffer: 15, seats: 1, price: 39900, deposit: 10000, notice: 240, window: 30, cutoff: 720 },
  { code: 'CLASS-BASIC', name: '新手化妆课（6人）', kind: 'class', description: '小班教学：底妆、眉形与日常眼妆，课后赠送试用装。', duration: 90, buffer: 15, seats: 6, price: 19900, deposit: 5000, notice: 720, window: 30, cutoff: 1440 },
] as const;

/** Where the demo stores are (WGS-84), for "nearest store first". */
const STORE_LOCATIONS: Record<string, { lat: number; lng: number; phone: string }> = {
  SH01: { lat: 31.2243, lng: 121.4467, phone: '021-62881515' },
  BJ01: { lat: 39.9334, lng: 116.4551, phone: '010-64178819' },
  GZ01: { lat: 23.1343, lng: 113.3323, phone: '020-38331383' },
};

const EVERY_DAY = { open: '10:00', close: '22:00' };
/** Two shifts cover the day: the first advisor of each store works early, the second late; both on weekends. */
const SHIFTS: Record<'early' | 'late', { weekday: number; start: string; end: string }[]> = {
  early: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '10:00', end: weekday >= 6 ? '22:00' : '18:00' })),
  late: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: weekday >= 6 ? '10:00' : '14:00', end: '22:00' })),
};

/**
 * Services, store hours and locations, advisor shifts and skills, and the booking policy. Idempotent: existing
 * rows are kept, so what a store manager changed in the console survives a restart.
 */
export async function seedAppointments(db: DataSource, log: (line: string) => void): Promise<void> {
  await db.query(`INSERT INTO appointment_policy (id) VALUES (1) ON CONFLICT DO NOTHING`);
  for (const s of DEMO_SERVICES) {
    await db.query(
      `INSERT INTO appointment_service (code, name, description, kind, duration_min, buffer_after_min, seats, price_fen, deposit_fen, min_notice_min, booking_window_days, cancel_cutoff_min)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (code) DO NOTHING`,
      [s.code, s.name, s.description, s.kind, s.duration, s.buffer, s.seats, s.price, s.deposit, s.notice, s.window, s.cutoff],
    );
  }
  const stores = await db.query<{ id: string; code: string }[]>(`SELECT id, code FROM store`);
  for (const store of stores) {
    const where = STORE_LOCATIONS[store.code];
    if (where) await db.query(`UPDATE store SET latitude = coalesce(latitude, $2), longitude = coalesce(longitude, $3), phone = coalesce(phone, $4) WHERE id = $1`, [store.id, where.lat, where.lng, where.phone]);
    const hours = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), EVERY_DAY]));
    await db.query(`INSERT INTO store_hours (store_id, hours) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [store.id, JSON.stringify(hours)]);
    await db.query(`INSERT INTO appointment_service_store (service_id, store_id) SELECT id, $1 FROM appointment_service WHERE code = ANY($2::text[]) ON CONFLICT DO NOTHING`, [
      store.id,
      DEMO_SERVICES.map((s) => s.code),
    ]);
    const advisors = await db.query<{ id: string }[]>(`SELECT id FROM staff WHERE store_id = $1 AND role = 'advisor' ORDER BY code`, [store.id]);
    for (const [i, a] of advisors.entries()) {
      const [{ has }] = await db.query<{ has: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM advisor_shift_rule WHERE staff_id = $1) AS has`, [a.id]);
      if (!has) {
        for (const r of SHIFTS[i % 2 === 0 ? 'early' : 'late']) {
          await db.query(`INSERT INTO advisor_shift_rule (staff_id, store_id, weekday, start_time, end_time) VALUES ($1, $2, $3, $4, $5)`, [a.id, store.id, r.weekday, r.start, r.end]);
        }
      }
      // Every advisor gives the one-to-one services; the first of each store also teaches the class.
      const codes = DEMO_SERVICES.filter((s) => s.seats === 1 || i === 0).map((s) => s.code);
      await db.query(`INSERT INTO advisor_skill (staff_id, service_id) SELECT $1, id FROM appointment_service WHERE code = ANY($2::text[]) ON CONFLICT DO NOTHING`, [a.id, codes]);
    }
  }
  log(`${DEMO_SERVICES.length} bookable services, store hours and advisor shifts ready`);
}

/** A few bookings over the next days so the store calendar has something on it. Only when no booking exists yet. */
export async function seedDemoBookings(db: DataSource, log: (line: string) => void, now = new Date()): Promise<number> {
  const [{ any }] = await db.query<{ any: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM booking) AS any`);
  if (any) return 0;
  const services = new Map(
    (await db.query<{ id: string; code: string; duration_min: number; buffer_after_min: number }[]>(`SELECT id, code, duration_min, buffer_after_min FROM appointment_service WHERE seats = 1`)).map((s) => [
      s.code,
      s,
    ]),
  );
  const plan: { day: number; time: string; advisor: 0 | 1; service: string }[] = [
    { day: 1, time: '11:00', advisor: 0, service: 'TRY-ON' },
    { day: 1, time: '14:00', advisor: 0, service: 'SKIN-TEST' },
    { day: 1, time: '15:00', advisor: 1, service: 'MAKEUP' },
    { day: 1, time: '19:00', advisor: 1, service: 'FACIAL' },
    { day: 2, time: '10:30', advisor: 0, service: 'FACIAL' },
    { day: 2, time: '16:00', advisor: 1, service: 'TRY-ON' },
    { day: 3, time: '12:00', advisor: 0, service: 'MAKEUP' },
    { day: 3, time: '17:30', advisor: 1, service: 'SKIN-TEST' },
  ];
  const stores = await db.query<{ id: string }[]>(`SELECT id FROM store ORDER BY code`);
  let added = 0;
  for (const store of stores) {
    const advisors = await db.query<{ id: string }[]>(`SELECT id FROM staff WHERE store_id = $1 AND role = 'advisor' ORDER BY code`, [store.id]);
    const members = await db.query<{ id: string }[]>(`SELECT id FROM member WHERE store_id = $1 AND deleted_at IS NULL AND member_no ~ '^S' ORDER BY member_no LIMIT $2`, [store.id, plan.length]);
    for (const [i, p] of plan.entries()) {
      const service = services.get(p.service);
      const advisor = advisors[p.advisor];
      const member = members[i];
      if (!service || !advisor || !member) continue;
      const start = atBusinessTime(addDays(businessDate(now), p.day), p.time);
      const end = new Date(start.getTime() + service.duration_min * 60_000);
      const until = new Date(end.getTime() + service.buffer_after_min * 60_000);
      await db.transaction(async (tx) => {
        const [b] = await tx.query<{ id: string }[]>(
          `INSERT INTO booking (check_in_code, member_id, store_id, service_id, advisor_id, starts_at, ends_at, note)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [checkInCodeFrom(randomBytes(6)), member.id, store.id, service.id, advisor.id, start, end, i % 3 === 0 ? '想试试新款粉底' : null],
        );
        await tx.query(`INSERT INTO advisor_busy (advisor_id, during, booking_id) VALUES ($1, tstzrange($2, $3, '[)'), $4)`, [advisor.id, start, until, b.id]);
      });
      added++;
    }
  }
  log(`added ${added} demo bookings over the next three days`);
  return added;
}
