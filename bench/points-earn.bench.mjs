#!/usr/bin/env node
// Store-purchase earn throughput through the whole API (staff auth, validation, member-code check, the transaction
// that writes the order, its points lot and ledger entry and tier spend and re-evaluates the tier) measured against
// a no-op endpoint of the same app, in the same run: once spread over many members, once on a single member (every
// purchase locks that member's points account). Ends with the points invariant check.
// Needs the API built (`npx nx run api:build`). Writes bench/results/points-earn.json.
//   node bench/points-earn.bench.mjs [requests=400] [concurrency=8] [members=200]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AccessTokenService, createApp, DataSource, dataSourceOptions, domain, here, loadConfig, measure, openScratchDatabase, PhoneCipher, runMigrations, seedDemo } from './harness.mjs';

const requests = Number(process.argv[2] ?? 400);
const concurrency = Number(process.argv[3] ?? 8);
const memberCount = Number(process.argv[4] ?? 200);

const scratch = await openScratchDatabase(`glow_bench_${Date.now()}`, process.env.DATABASE_URL);
const config = loadConfig({}, { nodeEnv: 'test', logLevel: 'silent', authThrottlePerMinute: 100000 });
const ds = await new DataSource(dataSourceOptions(scratch.url)).initialize();
await runMigrations(ds);
await seedDemo(ds, new PhoneCipher(config.phoneEncryptionKey, config.phoneHmacKey), { members: memberCount + 50 });
// memberCount members for the spread run, one more (not among them) for the hot-row run, the rest for warm-up.
const members = await ds.query(`SELECT id FROM member WHERE member_no ~ '^S' ORDER BY member_no LIMIT $1`, [memberCount + 11]);
await ds.destroy();
const spreadMembers = members.slice(0, memberCount);
const hotMember = members[memberCount];
const warmMembers = members.slice(memberCount + 1);

const app = await createApp(config, scratch.url);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
const json = { 'content-type': 'application/json' };
async function staffLogin(username) {
  const r = await fetch(`${base}/api/auth/staff/login`, { method: 'POST', headers: json, body: JSON.stringify({ username, password: 'glow1234' }) });
  if (!r.ok) throw new Error(`staff login ${username} answered ${r.status}: ${await r.text()}`);
  return { authorization: `Bearer ${(await r.json()).accessToken}`, ...json };
}
const advisor = await staffLogin('advisor1'); // store SH01
const admin = await staffLogin('admin');
const memberToken = (m) => app.get(AccessTokenService).sign({ kind: 'member', openid: `bench-${m.id}`, memberId: m.id });

// Member codes come from the mini-program endpoint with the member's own token; valid 5 minutes, so each run fetches
// them fresh just before it starts, and a code close to expiry is fetched again (inside the timing, rarely).
async function codesFor(list) {
  return Promise.all(
    list.map(async (m) => {
      const token = memberToken(m);
      const fetchCode = async () => {
        const r = await fetch(`${base}/api/loyalty/member-code`, { headers: { authorization: `Bearer ${token}` } });
        if (!r.ok) throw new Error(`member-code answered ${r.status}: ${await r.text()}`);
        const { code, expiresAt } = await r.json();
        return { code, expiresAt: Date.parse(expiresAt) };
      };
      const holder = { current: await fetchCode(), refreshed: 0 };
      holder.get = async () => {
        if (holder.current.expiresAt - Date.now() < 30_000) {
          holder.current = await fetchCode();
          holder.refreshed++;
        }
        return holder.current.code;
      };
      return holder;
    }),
  );
}

const run = Date.now().toString(36);
const totalFen = 29_900;
const failures = {};
let created = 0;
async function purchase(phase, i, codes) {
  const code = await codes[i % codes.length].get();
  const body = { memberCode: code, receiptNo: `B${run}-${phase}-${i}`, totalFen, idempotencyKey: `bench:${run}:${phase}:${i}` };
  const r = await fetch(`${base}/api/staff/orders/store-purchase`, { method: 'POST', headers: advisor, body: JSON.stringify(body) });
  if (r.status === 201) {
    created++;
    await r.arrayBuffer();
  } else {
    const key = `${phase} ${r.status}`;
    failures[key] = (failures[key] ?? 0) + 1;
    if (failures[key] === 1) console.log(`${key}: ${await r.text()}`);
    else await r.arrayBuffer();
  }
}

const warmCodes = await codesFor(warmMembers);
for (let i = 0; i < 50; i++) await (await fetch(`${base}/api/client-config`)).arrayBuffer(); // warm-up
for (let i = 0; i < 20; i++) await purchase('warm', i, warmCodes); // warm-up (other members)
created = 0;
async function orderCount() {
  const r = await fetch(`${base}/api/staff/orders?pageSize=1`, { headers: admin });
  if (!r.ok) throw new Error(`order list answered ${r.status}: ${await r.text()}`);
  return (await r.json()).total;
}
const ordersBefore = await orderCount(); // the demo seed has orders of its own
console.log(`${requests} purchases per run with ${concurrency} in flight: spread over ${spreadMembers.length} members, then on one member`);

const noop = await measure('no-op endpoint (client-config)', requests, concurrency, async () => {
  await (await fetch(`${base}/api/client-config`)).arrayBuffer();
});
const spreadCodes = await codesFor(spreadMembers);
const spread = await measure(`store purchase, ${spreadMembers.length} members`, requests, concurrency, (i) => purchase('many', i, spreadCodes));
const hotCodes = await codesFor([hotMember]);
const hot = await measure('store purchase, one member (hot row)', requests, concurrency, (i) => purchase('one', i, hotCodes));

const inv = await fetch(`${base}/api/staff/loyalty/invariant`, { headers: admin });
if (!inv.ok) throw new Error(`invariant answered ${inv.status}: ${await inv.text()}`);
const invariant = await inv.json();
const ordersAdded = (await orderCount()) - ordersBefore; // should equal `created`
await app.close();
await scratch.drop().catch(() => undefined);

const out = {
  when: new Date().toISOString(),
  machine: `${(await import('node:os')).cpus().length} cores, node ${process.version}`,
  requests,
  concurrency,
  members: spreadMembers.length,
  totalFen,
  perSecond: { noop: Math.round(noop), earnManyMembers: Math.round(spread), earnOneMember: Math.round(hot) },
  earnManyMembersVsNoop: +(spread / noop).toFixed(3),
  earnOneMemberVsNoop: +(hot / noop).toFixed(3),
  created,
  failures,
  codeRefreshes: [...spreadCodes, ...hotCodes].reduce((n, c) => n + c.refreshed, 0),
  ordersAdded,
  invariant: { ok: invariant.ok, violations: invariant.violations.length },
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'points-earn.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(
  `\nearn/no-op ${out.earnManyMembersVsNoop} (${out.members} members), ${out.earnOneMemberVsNoop} (one member); ` +
    `${created} created, failures ${JSON.stringify(failures)}, invariant ok=${invariant.ok} → bench/results/points-earn.json`,
);
process.exit(0);
