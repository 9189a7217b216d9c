#!/usr/bin/env node
// Booking throughput through the whole API (auth, validation, free-slot computation, the transaction with the
// advisor exclusion constraint, the booking view) measured against a no-op endpoint of the same app, in the same run.
// Needs the API built (`npx nx run api:build`). Writes bench/results/booking.json.
//   node bench/booking.bench.mjs [requests=400] [concurrency=8]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AccessTokenService, createApp, DataSource, dataSourceOptions, domain, here, loadConfig, measure, openScratchDatabase, PhoneCipher, runMigrations, seedDemo } from './harness.mjs';
const { addDays, businessDate } = domain;

const requests = Number(process.argv[2] ?? 400);
const concurrency = Number(process.argv[3] ?? 8);

const scratch = await openScratchDatabase(`glow_bench_${Date.now()}`, process.env.DATABASE_URL);
const config = loadConfig({}, { nodeEnv: 'test', logLevel: 'silent', authThrottlePerMinute: 100000 });
const ds = await new DataSource(dataSourceOptions(scratch.url)).initialize();
await runMigrations(ds);
await seedDemo(ds, new PhoneCipher(config.phoneEncryptionKey, config.phoneHmacKey), { members: 300 });
const members = await ds.query(`SELECT id FROM member WHERE member_no ~ '^S' ORDER BY member_no LIMIT 50`);
const [{ id: serviceId }] = await ds.query(`SELECT id FROM appointment_service WHERE code = 'TRY-ON'`);
const stores = await ds.query(`SELECT id FROM store ORDER BY code`);
await ds.destroy();

const app = await createApp(config, scratch.url);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
const tokens = members.map((m) => app.get(AccessTokenService).sign({ kind: 'member', openid: `bench-${m.id}`, memberId: m.id }));
const headers = (i) => ({ authorization: `Bearer ${tokens[i % tokens.length]}`, 'content-type': 'application/json' });

// Every free (store, time, advisor) of the next two weeks, spread so concurrent requests hit different advisors.
const candidates = [];
for (const store of stores) {
  for (let d = 1; d <= 14; d++) {
    const date = addDays(businessDate(new Date()), d);
    const r = await fetch(`${base}/api/appointments/slots?storeId=${store.id}&serviceId=${serviceId}&date=${date}`, { headers: headers(0) });
    const { slots } = await r.json();
    for (const s of slots) for (const a of s.advisors) candidates.push({ storeId: store.id, serviceId, startsAt: s.startsAt, advisorId: a.id });
  }
}
candidates.sort((a, b) => (a.advisorId + a.startsAt).localeCompare(b.advisorId + b.startsAt));
const spread = Array.from({ length: candidates.length }, (_, i) => candidates[(i * 7919) % candidates.length]);
const count = Math.min(requests, spread.length);
console.log(`${candidates.length} free advisor slots; booking ${count} of them with ${concurrency} in flight`);

for (let i = 0; i < 50; i++) await (await fetch(`${base}/api/client-config`)).arrayBuffer(); // warm-up
const noop = await measure('no-op endpoint (client-config)', count, concurrency, async () => {
  await (await fetch(`${base}/api/client-config`)).arrayBuffer();
});
let conflicts = 0;
const booking = await measure('POST /api/appointments (private slot)', count, concurrency, async (i) => {
  const r = await fetch(`${base}/api/appointments`, { method: 'POST', headers: headers(i), body: JSON.stringify(spread[i]) });
  if (r.status === 409) conflicts++;
  else if (r.status !== 201) throw new Error(`booking answered ${r.status}: ${await r.text()}`);
  else await r.arrayBuffer();
});
await app.close();
await scratch.drop().catch(() => undefined);

const out = {
  when: new Date().toISOString(),
  machine: `${(await import('node:os')).cpus().length} cores, node ${process.version}`,
  requests: count,
  concurrency,
  perSecond: { noop: Math.round(noop), booking: Math.round(booking) },
  bookingVsNoop: +(booking / noop).toFixed(3),
  conflicts,
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'booking.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(`\nbooking/no-op ${out.bookingVsNoop} (${conflicts} lost races) → bench/results/booking.json`);
process.exit(0);
