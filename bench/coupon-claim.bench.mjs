#!/usr/bin/env node
// Coupon claims through the whole API (member auth, validation, the one-statement claim transaction: stock, the
// member's limit and the coupon row) against a no-op endpoint of the same app, in the same run. Every claim is by a
// different member on one template, so all of them contend for the template's stock row, as in a real campaign.
// Then claims on a sold-out template (the refusal path). Checks that stock and coupons agree and nobody has two.
// Needs the API built (`npx nx run api:build`). Writes bench/results/coupon-claim.json.
//   node bench/coupon-claim.bench.mjs [requests=2000] [concurrency=16]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AccessTokenService, createApp, DataSource, dataSourceOptions, here, loadConfig, measureLatency, openScratchDatabase, PhoneCipher, runMigrations, seedDemo } from './harness.mjs';

const requests = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 16);

const scratch = await openScratchDatabase(`glow_bench_${Date.now()}`, process.env.DATABASE_URL);
const config = loadConfig({}, { nodeEnv: 'test', logLevel: 'silent', authThrottlePerMinute: 100000 });
const ds = await new DataSource(dataSourceOptions(scratch.url)).initialize();
await runMigrations(ds);
await seedDemo(ds, new PhoneCipher(config.phoneEncryptionKey, config.phoneHmacKey), { members: 50 });
// One member per claim (plus warm-up ones), written straight to the database: the join flow is not what is measured.
const members = await ds.query(
  `INSERT INTO member (member_no, phone_cipher, phone_hash, phone_masked, channel, referral_code, joined_at)
   SELECT 'B' || lpad(i::text, 7, '0'), 'bench', encode(sha256(('bench-' || i)::bytea), 'hex'), '166****0000', 'wechat', 'B' || lpad(i::text, 7, '0'), now()
     FROM generate_series(1, $1::int) AS i RETURNING id`,
  [requests * 2 + 100],
);
await ds.destroy();

const app = await createApp(config, scratch.url);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
const json = { 'content-type': 'application/json' };
const login = await fetch(`${base}/api/auth/staff/login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'marketer', password: 'glow1234' }) });
const marketer = { authorization: `Bearer ${(await login.json()).accessToken}`, ...json };
const tokens = members.map((m) => app.get(AccessTokenService).sign({ kind: 'member', openid: `bench-${m.id}`, memberId: m.id }));

async function template(code, totalStock) {
  const body = {
    code,
    name: '压测满减券',
    description: '',
    kind: 'amount_off',
    amountOffFen: 1000,
    minSpendFen: 0,
    scope: { kind: 'all', values: [], excludeSkus: [] },
    validity: { kind: 'relative', days: 7, weekdays: [] },
    totalStock,
    perMemberLimit: 1,
    claimable: true,
    stacking: 'exclusive',
    costFen: 0,
  };
  const r = await fetch(`${base}/api/staff/coupon-templates`, { method: 'POST', headers: marketer, body: JSON.stringify(body) });
  if (r.status !== 201) throw new Error(`template answered ${r.status}: ${await r.text()}`);
  const { id } = await r.json();
  const s = await fetch(`${base}/api/staff/coupon-templates/${id}/status`, { method: 'POST', headers: marketer, body: JSON.stringify({ status: 'active' }) });
  if (s.status !== 200) throw new Error(`publish answered ${s.status}: ${await s.text()}`);
  return id;
}

const statuses = {};
async function claim(templateId, memberIndex, phase) {
  const r = await fetch(`${base}/api/coupons/claim-center/${templateId}/claim`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[memberIndex]}`, ...json },
    body: JSON.stringify({ idempotencyKey: `bench-${phase}-${memberIndex}` }),
  });
  const key = `${phase} ${r.status}`;
  statuses[key] = (statuses[key] ?? 0) + 1;
  if (r.status >= 500 && statuses[key] === 1) console.log(`${key}: ${await r.text()}`);
  else await r.arrayBuffer();
}

const open = await template('BENCH-OPEN', requests + 100);
const soldOut = await template('BENCH-GONE', 1);
for (let i = 0; i < 50; i++) await (await fetch(`${base}/api/client-config`)).arrayBuffer(); // warm-up
for (let i = 0; i < 50; i++) await claim(open, requests * 2 + i, 'warm'); // warm-up (other members)
await claim(soldOut, requests * 2 + 60, 'warm');
console.log(`${requests} requests per run with ${concurrency} in flight`);

const noop = await measureLatency('no-op endpoint (client-config)', requests, concurrency, async () => {
  await (await fetch(`${base}/api/client-config`)).arrayBuffer();
});
const claimed = await measureLatency('coupon claim (one template, new members)', requests, concurrency, (i) => claim(open, i, 'claim'));
const refused = await measureLatency('coupon claim, sold out (409)', requests, concurrency, (i) => claim(soldOut, requests + i, 'gone'));

const check = new DataSource(dataSourceOptions(scratch.url));
await check.initialize();
const [row] = await check.query(
  `SELECT t.remaining, t.total_stock, (SELECT COUNT(*)::int FROM member_coupon c WHERE c.template_id = t.id) AS coupons,
          (SELECT COUNT(*)::int FROM (SELECT member_id FROM member_coupon c WHERE c.template_id = t.id GROUP BY 1 HAVING COUNT(*) > 1) x) AS doubles
     FROM coupon_template t WHERE t.id = $1`,
  [open],
);
await check.destroy();
await app.close();
await scratch.drop().catch(() => undefined);

const out = {
  when: new Date().toISOString(),
  machine: `${(await import('node:os')).cpus().length} cores, node ${process.version}`,
  requests,
  concurrency,
  perSecond: { noop: Math.round(noop.perSecond), claim: Math.round(claimed.perSecond), soldOut: Math.round(refused.perSecond) },
  p99Ms: { noop: noop.p99, claim: claimed.p99, soldOut: refused.p99 },
  p50Ms: { noop: noop.p50, claim: claimed.p50, soldOut: refused.p50 },
  claimVsNoop: +(claimed.perSecond / noop.perSecond).toFixed(3),
  soldOutVsNoop: +(refused.perSecond / noop.perSecond).toFixed(3),
  claimP99VsNoopP99: +(claimed.p99 / noop.p99).toFixed(2),
  target: 'claimVsNoop ≥ 0.5',
  statuses,
  consistent: row.total_stock - row.remaining === row.coupons && row.doubles === 0,
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'coupon-claim.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(`\nclaim/no-op ${out.claimVsNoop}, sold-out/no-op ${out.soldOutVsNoop}; statuses ${JSON.stringify(statuses)}; consistent=${out.consistent} → bench/results/coupon-claim.json`);
process.exit(0);
