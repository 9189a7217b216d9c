import { DataSource } from 'typeorm';
import { loadConfig } from '../../apps/api/src/platform/config/app-config';
import { PhoneCipher } from '../../apps/api/src/platform/crypto/phone-cipher';
import { dataSourceOptions } from '../../apps/api/src/platform/database/data-source-options';
import { INVARIANT_SQL } from '../../apps/api/src/modules/loyalty/points.service';
import { type SeedProgress, seedDemo } from '../../apps/api/src/seed/demo-seed';

describe('The demo seed', () => {
  let db: DataSource;
  beforeAll(async () => {
    db = await new DataSource(dataSourceOptions(process.env['E2E_DATABASE_URL'] as string)).initialize();
  });
  afterAll(() => db.destroy());

  const counts = async () =>
    (await db.query<Record<string, string>[]>(`SELECT (SELECT count(*) FROM member) AS members, (SELECT count(*) FROM staff) AS staff,
      (SELECT count(*) FROM store) AS stores, (SELECT count(*) FROM staff_credential) AS credentials,
      (SELECT count(*) FROM product) AS products, (SELECT count(*) FROM questionnaire) AS questionnaires, (SELECT count(*) FROM skin_result) AS skin_results,
      (SELECT count(*) FROM sales_order) AS orders, (SELECT count(*) FROM points_entry) AS entries, (SELECT count(*) FROM reward) AS rewards`))[0];

  it('can run again at every start without duplicating or changing anything', async () => {
    const config = loadConfig({});
    const before = await counts();
    const [first] = await db.query<{ phone_cipher: string }[]>(`SELECT phone_cipher FROM member WHERE member_no = 'S0000001'`);
    await seedDemo(db, new PhoneCipher(config.phoneEncryptionKey, config.phoneHmacKey), { members: 300 });
    expect(await counts()).toEqual(before);
    const [again] = await db.query<{ phone_cipher: string }[]>(`SELECT phone_cipher FROM member WHERE member_no = 'S0000001'`);
    expect(again.phone_cipher).toBe(first.phone_cipher);
  });

  it('seeds a year of store purchases whose points and tiers agree with the ledger, and points-mall rewards', async () => {
    const [row] = await db.query<{ buyers: number; rewards: number; upgraded: number }[]>(
      `SELECT (SELECT count(DISTINCT member_id)::int FROM sales_order) AS buyers, (SELECT count(*)::int FROM reward) AS rewards,
              (SELECT count(*)::int FROM member_tier WHERE tier_code <> 'pink') AS upgraded`,
    );
    expect(row.buyers).toBeGreaterThanOrEqual(100);
    expect(row.rewards).toBeGreaterThanOrEqual(5);
    expect(row.upgraded).toBeGreaterThan(0);
    expect(await db.query(INVARIANT_SQL, [10])).toEqual([]);
  });

  it('tops up to a larger size, reporting progress as it goes', async () => {
    const config = loadConfig({});
    const ticks: number[] = [];
    let label = '';
    const progress: SeedProgress = {
      start: (total, l) => {
        label = l;
        if (label === 'demo members') ticks.push(-total);
      },
      advance: (by) => label === 'demo members' && ticks.push(by),
      stop: () => undefined,
    };
    const result = await seedDemo(db, new PhoneCipher(config.phoneEncryptionKey, config.phoneHmacKey), { members: 600, progress });
    expect(result.members).toBe(600);
    expect(ticks[0]).toBe(-600);
    expect(ticks.slice(1).reduce((a, b) => a + b, 0)).toBe(600);
    const [{ n }] = await db.query<{ n: string }[]>(`SELECT count(DISTINCT phone_hash) AS n FROM member WHERE member_no ~ '^S[0-9]{7}$'`);
    expect(Number(n)).toBe(600);
  });

  it('seeds a catalog, a published skin test, and skin results for a third of the demo members', async () => {
    const [c] = await db.query(
      `SELECT (SELECT count(*) FROM product)::int AS products,
              (SELECT count(DISTINCT category) FROM product)::int AS categories,
              (SELECT count(*) FROM questionnaire q JOIN questionnaire_version v ON v.questionnaire_id = q.id AND v.status = 'published' WHERE q."primary")::int AS skin_tests,
              (SELECT count(*) FROM skin_result r JOIN member m ON m.id = r.member_id WHERE m.member_no ~ '^S[0-9]{7}$')::int AS results,
              (SELECT count(*) FROM recommendation_impression)::int AS impressions`,
    );
    expect(c.products).toBeGreaterThanOrEqual(75);
    expect(c.categories).toBe(4);
    expect(c.skin_tests).toBe(1);
    expect(c.results).toBeGreaterThanOrEqual(100);
    expect(c.impressions).toBeGreaterThan(c.results);
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
