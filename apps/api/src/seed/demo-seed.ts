import { randomBytes } from 'node:crypto';
import { Faker, zh_CN } from '@faker-js/faker';
import { maskPhone, toReadableCode } from '@glow/domain';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../modules/identity/identity.service';
import type { PhoneCipher } from '../platform/crypto/phone-cipher';
import { seedAppointments, seedDemoBookings } from './demo-appointments';
import { seedLoyalty } from './demo-loyalty';
import { seedCampaigns } from './demo-campaigns';
import { seedService } from './demo-service';
import { seedCouponTemplates, seedMemberCoupons } from './demo-coupons';
import { seedProducts } from './demo-products';
import { seedQuestionnaire, seedSkinResults } from './demo-skin';
import { DEMO_BRAND, DEMO_CITIES, DEMO_PASSWORD, DEMO_POLICY, DEMO_STAFF, DEMO_STORES } from './demo-data';

export interface SeedProgress {
  start(total: number, label: string): void;
  advance(by: number): void;
  stop(): void;
}

export interface SeedOptions {
  members: number;
  progress?: SeedProgress;
  log?: (line: string) => void;
}

const BATCH = 250;

/**
 * The demo brand: stores, staff with sign-ins, the privacy policy and store customers with realistic Chinese
 * names. Idempotent: every row has a natural key and existing rows are left as they are, so it can run at
 * every start.
 */
export async function seedDemo(db: DataSource, phones: PhoneCipher, opts: SeedOptions): Promise<{ members: number; skinResults: number }> {
  const log = opts.log ?? (() => undefined);
  const { members } = await seedBrandAndMembers(db, phones, opts, log);
  const skinResults = await seedSkinResults(db, opts.progress, log);
  await seedDemoBookings(db, log);
  await seedCouponTemplates(db, log);
  await seedLoyalty(db, opts.progress, log);
  await seedMemberCoupons(db, opts.progress, log);
  await seedCampaigns(db, log);
  await seedService(db, log);
  return { members, skinResults };
}

async function seedBrandAndMembers(db: DataSource, phones: PhoneCipher, opts: SeedOptions, log: (line: string) => void): Promise<{ members: number }> {
  const [brand] = await db.query<{ id: string }[]>(
    `INSERT INTO brand (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [DEMO_BRAND],
  );
  await db.query(`INSERT INTO privacy_policy (version, title, content, published_at) VALUES ($1, $2, $3, $4) ON CONFLICT (version) DO NOTHING`, [
    DEMO_POLICY.version,
    DEMO_POLICY.title,
    DEMO_POLICY.content,
    DEMO_POLICY.publishedAt,
  ]);
  for (const s of DEMO_STORES) {
    await db.query(`INSERT INTO store (brand_id, code, name, city, address) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING`, [brand.id, s.code, s.name, s.city, s.address]);
  }
  const stores = await db.query<{ id: string; code: string; city: string }[]>('SELECT id, code, city FROM store');
  const storeByCode = new Map(stores.map((s) => [s.code, s]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const s of DEMO_STAFF) {
    const storeId = s.storeCode ? storeByCode.get(s.storeCode)?.id ?? null : null;
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO staff (code, name, role, store_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
      [s.code, s.name, s.role, storeId],
    );
    await db.query(`INSERT INTO staff_credential (staff_id, username, password_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [row.id, s.username, passwordHash]);
  }
  log(`brand, ${DEMO_STORES.length} stores, ${DEMO_STAFF.length} staff and privacy policy ${DEMO_POLICY.version} ready`);
  await seedProducts(db, log);
  await seedQuestionnaire(db, log);
  await seedAppointments(db, log);

  const advisors = await db.query<{ id: string; store_id: string }[]>(`SELECT id, store_id FROM staff WHERE role = 'advisor' ORDER BY code`);
  // Demo members are numbered S0000001…; members who joined on WeChat have 10-character random numbers.
  const [{ count }] = await db.query<{ count: string }[]>(`SELECT count(*) FROM member WHERE member_no ~ '^S[0-9]{7}$'`);
  const existing = Number(count);
  if (existing >= opts.members) {
    log(`${existing} demo members already there`);
    return { members: existing };
  }

  // A fixed seed makes the same people every time, so member numbers and phones are stable across runs.
  const faker = new Faker({ locale: [zh_CN] });
  faker.seed(20261123);
  const now = Date.UTC(2026, 10, 23);
  opts.progress?.start(opts.members, 'demo members');
  opts.progress?.advance(existing);
  let added = 0;
  for (let from = 0; from < opts.members; from += BATCH) {
    const rows: unknown[][] = [];
    for (let i = from; i < Math.min(from + BATCH, opts.members); i++) {
      const sex = faker.person.sexType();
      const city = faker.helpers.weightedArrayElement(DEMO_CITIES.map((c, k) => ({ value: c, weight: k < 3 ? 8 : 1 })));
      const store = stores.find((s) => s.city === city) ?? faker.helpers.arrayElement(stores);
      const storeAdvisors = advisors.filter((a) => a.store_id === store.id);
      const phone = `+86${demoPhone(i)}`;
      const joinedAt = new Date(now - faker.number.int({ min: 1, max: 3 * 365 }) * 86_400_000 - faker.number.int({ min: 0, max: 86_399_000 }));
      rows.push([
        `S${String(i + 1).padStart(7, '0')}`,
        `${faker.person.lastName()}${faker.person.firstName(sex)}`,
        faker.datatype.boolean(0.4) ? faker.helpers.arrayElement(['小鹿', '晴天', '橘子汽水', 'Coco', '阿紫', '星星', '茉莉', 'Yuki', '糖糖', '一颗柠檬']) : null,
        sex === 'female' ? 'female' : faker.datatype.boolean(0.7) ? 'male' : 'unknown',
        faker.date.birthdate({ min: 18, max: 58, mode: 'age', refDate: now }).toISOString().slice(0, 10),
        city,
        phones.encrypt(phone),
        phones.blindIndex(phone),
        maskPhone(phone),
        'store',
        store.id,
        storeAdvisors.length && faker.datatype.boolean(0.8) ? faker.helpers.arrayElement(storeAdvisors).id : null,
        toReadableCode(randomBytes(8), 8),
        joinedAt,
      ]);
    }
    if (from + rows.length <= existing) continue;
    const values = rows.map((_, r) => `(${Array.from({ length: 14 }, (_, c) => `$${r * 14 + c + 1}`).join(', ')})`).join(', ');
    const inserted = await db.query<unknown[]>(
      `INSERT INTO member (member_no, name, nickname, gender, birthday, city, phone_cipher, phone_hash, phone_masked, channel, store_id, advisor_id, referral_code, joined_at)
       VALUES ${values} ON CONFLICT DO NOTHING RETURNING id`,
      rows.flat(),
    );
    added += inserted.length;
    opts.progress?.advance(rows.length - Math.max(0, existing - from));
  }
  opts.progress?.stop();
  log(`added ${added} demo members`);
  return { members: existing + added };
}

/** Distinct, plausible mainland mobile numbers for the i-th demo member (prefix 13x–19x, never a real sequence). */
export function demoPhone(i: number): string {
  const prefixes = ['135', '136', '137', '138', '139', '150', '151', '158', '177', '186', '188', '199'];
  const scrambled = (i * 7_919_993 + 1_234_567) % 100_000_000;
  return `${prefixes[i % prefixes.length]}${String(scrambled).padStart(8, '0')}`;
}
