import { DataSource } from 'typeorm';
import { loadConfig } from '../../apps/api/src/platform/config/app-config';
import { PhoneCipher } from '../../apps/api/src/platform/crypto/phone-cipher';
import { dataSourceOptions } from '../../apps/api/src/platform/database/data-source-options';
import { type SeedProgress, seedDemo } from '../../apps/api/src/seed/demo-seed';

describe('The demo seed', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = await new DataSource(dataSourceOptions(process.env['E2E_DATABASE_URL'] as string)).initialize();
  });
  afterAll(() => db.destroy());

  const counts = async () =>
    (await db.query<Record<string, string>[]>(`SELECT (SELECT count(*) FROM member) AS members, (SELECT count(*) FROM staff) AS staff,
      (SELECT count(*) FROM store) AS stores, (SELECT count(*) FROM staff_credential) AS credentials`))[0];

  it('can run again at every start without duplicating or changing anything', async () => {
    const config = loadConfig({});
    const before = await counts();
    const [first] = await db.query<{ phone_cipher: string }[]>(`SELECT phone_cipher FROM member WHERE member_no = 'S0000001'`);
    await seedDemo(db, new PhoneCipher(config.phoneEncryptionKey, config.phoneHmacKey), { members: 300 });
    expect(await counts()).toEqual(before);
    const [again] = await db.query<{ phone_cipher: string }[]>(`SELECT phone_cipher FROM member WHERE member_no = 'S0000001'`);
    expect(again.phone_cipher).toBe(first.phone_cipher);
  });

  it('tops up to a larger size, reporting progress as it goes', async () => {
    const config = loadConfig({});
    const ticks: number[] = [];
    const progress: SeedProgress = { start: (total) => ticks.push(-total), advance: (by) => ticks.push(by), stop: () => undefined };
    const result = await seedDemo(db, new PhoneCipher(config.phoneEncryptionKey, config.phoneHmacKey), { members: 600, progress });
    expect(result.members).toBe(600);
    expect(ticks[0]).toBe(-600);
    expect(ticks.slice(1).reduce((a, b) => a + b, 0)).toBe(600);
    const [{ n }] = await db.query<{ n: string }[]>(`SELECT count(DISTINCT phone_hash) AS n FROM member WHERE member_no ~ '^S[0-9]{7}$'`);
    expect(Number(n)).toBe(600);
  });

  it('gives demo members realistic Chinese names, cities and adult birthdays', async () => {
    const rows = await db.query<{ name: string; city: string; birthday: string }[]>(`SELECT name, city, birthday::text FROM member WHERE member_no ~ '^S[0-9]{7}$' LIMIT 50`);
    for (const r of rows) {
      expect(r.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
      expect(r.city).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      const age = 2026 - Number(r.birthday.slice(0, 4));
      expect(age).toBeGreaterThanOrEqual(17);
      expect(age).toBeLessThanOrEqual(59);
    }
  });
});
