#!/usr/bin/env node
// Staff phone search through the whole API (auth guard, validation, blind index, audit row) measured against a
// no-op endpoint and against the same SQL sent straight to PostgreSQL, in the same run on the same machine.
// Needs the API built (`npx nx run api:build`). Writes bench/results/member-search.json.
//   node bench/member-search.bench.mjs [requests=2000] [concurrency=10]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, DataSource, dataSourceOptions, demoPhone, here, loadConfig, openScratchDatabase, PhoneCipher, require, runMigrations, seedDemo } from './harness.mjs';

const { Pool } = require('pg');

const requests = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 10);

async function measure(label, fn) {
  for (let i = 0; i < 50; i++) await fn(i); // warm-up
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) await fn(next++);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perSecond = requests / seconds;
  console.log(`${label.padEnd(34)} ${perSecond.toFixed(0).padStart(7)} req/s`);
  return perSecond;
}

const scratch = await openScratchDatabase(`glow_bench_${Date.now()}`, process.env.DATABASE_URL);
const config = loadConfig({}, { nodeEnv: 'test', logLevel: 'silent', authThrottlePerMinute: 100000 });
const ds = await new DataSource(dataSourceOptions(scratch.url)).initialize();
await runMigrations(ds);
const cipher = new PhoneCipher(config.phoneEncryptionKey, config.phoneHmacKey);
await seedDemo(ds, cipher, { members: 3000 });
await ds.destroy();

const app = await createApp(config, scratch.url);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
const login = await (await fetch(`${base}/api/auth/staff/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'glow1234' }) })).json();
const auth = { authorization: `Bearer ${login.accessToken}` };
const phones = Array.from({ length: 3000 }, (_, i) => demoPhone(i));
const pool = new Pool({ connectionString: scratch.url, max: concurrency });

const results = {
  noop: await measure('no-op endpoint (client-config)', async () => {
    const r = await fetch(`${base}/api/client-config`);
    await r.arrayBuffer();
  }),
  search: await measure('staff phone search via the API', async (i) => {
    const r = await fetch(`${base}/api/staff/members?q=${phones[i % phones.length]}`, { headers: auth });
    if (!r.ok) throw new Error(`search answered ${r.status}`);
    await r.arrayBuffer();
  }),
  rawSql: await measure('same SQL straight to PostgreSQL', async (i) => {
    const hash = cipher.blindIndex(`+86${phones[i % phones.length]}`);
    await pool.query(
      `SELECT m.*, s.name AS store_name, a.name AS advisor_name FROM member m LEFT JOIN store s ON s.id = m.store_id
        LEFT JOIN staff a ON a.id = m.advisor_id WHERE m.phone_hash = $1 ORDER BY m.joined_at DESC LIMIT 20`,
      [hash],
    );
    await pool.query(`SELECT count(*) FROM member WHERE phone_hash = $1`, [hash]);
    await pool.query(`INSERT INTO audit_log (actor_kind, actor_id, action, detail) VALUES ('staff', $1, 'member.search', '{}')`, [login.staff.id]);
  }),
};
await pool.end();
await app.close();
await scratch.drop().catch(() => undefined);

const out = {
  when: new Date().toISOString(),
  machine: `${(await import('node:os')).cpus().length} cores, node ${process.version}`,
  requests,
  concurrency,
  perSecond: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Math.round(v)])),
  searchVsNoop: +(results.search / results.noop).toFixed(3),
  searchVsRawSql: +(results.search / results.rawSql).toFixed(3),
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'member-search.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(`\nsearch/no-op ${out.searchVsNoop}, search/raw SQL ${out.searchVsRawSql} → bench/results/member-search.json`);
process.exit(0);
