#!/usr/bin/env node
// A one-off campaign that issues a coupon to every member, at scale: a scratch database filled by generate-members.mjs
// (1,000,000 members and about 10 orders each by default), then
//   1. the baseline: one `INSERT INTO member_coupon … SELECT … FROM member` issuing the same coupons, sent straight to
//      PostgreSQL and timed (then deleted again, and the table vacuumed);
//   2. the product path through the API as a marketer: an issued-only coupon template, a segment of all members, a
//      one-off campaign with a coupon action, launched; timed from the launch request until the run reports `done`,
//      with the peak memory of the API process (it runs in this process; RSS sampled every 100 ms) and of the
//      PostgreSQL backends of the database (their private memory, `Anonymous` in /proc/<pid>/smaps_rollup: shared
//      buffers are left out, they are the server's and the same for both); then checked: one coupon per member;
//   3. at that scale, as admin, the member-metrics job (twice: the full run, then the incremental one) and the
//      analytics rollup refresh; as marketer, segment previews of a few realistic rules and the analytics dashboard
//      for one year, each a few times (medians reported).
// Needs the API built (`npx nx run api:build`). Writes bench/results/campaign-fanout.json.
//   node bench/campaign-fanout.bench.mjs [members=1000000] [ordersPerMember=10] [--runs=3] [--batch=N] [--keep]
// --batch sets CAMPAIGN_BATCH_SIZE (members per transaction of a run); --query-timeout=600 is how many seconds a
// preview or dashboard request may take before it is abandoned (and its statements cancelled); --keep leaves the
// scratch database (its URL is printed) for a closer look. With DATABASE_URL the scratch database is created on that server, otherwise an embedded
// PostgreSQL is started.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { createApp, DataSource, dataSourceOptions, here, loadConfig, openScratchDatabase, PhoneCipher, require, runMigrations, seedDemo } from './harness.mjs';
import { generateMembers } from './generate-members.mjs';

const { Client } = require('pg');

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flag = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const members = Number(positional[0] ?? 1_000_000);
const ordersPerMember = Number(positional[1] ?? 10);
const runs = Number(flag('runs') ?? 3);
const batch = flag('batch') ? Number(flag('batch')) : undefined;
const keep = process.argv.includes('--keep');
const queryTimeoutMs = Number(flag('query-timeout') ?? 600) * 1000;

const ms = (since) => +(Number(process.hrtime.bigint() - since) / 1e6).toFixed(1);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : +((s[s.length / 2 - 1] + s[s.length / 2]) / 2).toFixed(1);
};
const mb = (bytes) => +(bytes / 1024 / 1024).toFixed(1);

const scratch = await openScratchDatabase(`glow_bench_${Date.now()}`, process.env.DATABASE_URL);
const config = loadConfig({}, { nodeEnv: 'test', logLevel: 'silent', authThrottlePerMinute: 100000, accessTokenTtlSeconds: 86400, ...(batch && { campaignBatchSize: batch }) });
const cipher = new PhoneCipher(config.phoneEncryptionKey, config.phoneHmacKey);
let app = null;
let sql = null;
let probe = null;
try {
  const ds = await new DataSource(dataSourceOptions(scratch.url)).initialize();
  await runMigrations(ds);
  await seedDemo(ds, cipher, { members: 0 }); // the brand, stores, staff, catalogue, tiers, tags and coupon templates
  await ds.destroy();
  console.log(`generating ${members} members with about ${ordersPerMember} orders each`);
  const generated = await generateMembers({ url: scratch.url, members, ordersPerMember, phones: cipher });

  app = await createApp(config, scratch.url);
  await app.listen({ port: 0, host: '127.0.0.1' });
  // The API's own schedules (the analytics rollup, journeys, loyalty bonuses every ten minutes, …) would land in the
  // middle of a long run; this benchmark runs the jobs it measures itself. They are mounted when the app starts.
  const crons = app.get(require('@nestjs/schedule').SchedulerRegistry).getCronJobs();
  for (const job of crons.values()) job.stop();
  console.log(`stopped the API's ${crons.size} scheduled jobs for the run`);
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  // node:http rather than fetch: a job over a million members may take longer than fetch's five-minute header timeout.
  const api = (method, path, token, body, timeoutMs = 0) =>
    new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const headers = { ...(token && { authorization: `Bearer ${token}` }), ...(data && { 'content-type': 'application/json', 'content-length': data.length }) };
      let timer = null;
      // A connection of its own for a request with a deadline, so an abandoned one takes no pooled socket with it.
      const req = http.request(`${base}/api${path}`, { method, headers, ...(timeoutMs > 0 && { agent: false }) }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = JSON.parse(text);
          } catch {
            // not JSON; the text is kept for the error message
          }
          resolve({ status: res.statusCode, json, text });
        });
      });
      if (timeoutMs > 0) {
        timer = setTimeout(() => {
          req.destroy();
          resolve({ status: 0, json: null, text: `no answer within ${timeoutMs / 1000} s`, timedOut: true });
        }, timeoutMs);
      }
      req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
      if (data) req.write(data);
      req.end();
    });
  const ok = async (what, pending) => {
    const r = await pending;
    if (r.status < 200 || r.status >= 300) throw new Error(`${what} answered ${r.status}: ${r.text.slice(0, 600)}`);
    return r.json;
  };
  const login = async (username) => (await ok(`login ${username}`, api('POST', '/auth/staff/login', null, { username, password: 'glow1234' }))).accessToken;
  const marketer = await login('marketer');
  const admin = await login('admin');

  sql = new Client({ connectionString: scratch.url });
  await sql.connect();
  probe = new Client({ connectionString: scratch.url });
  await probe.connect();
  const [{ active, orders }] = (
    await sql.query(`SELECT (SELECT count(*)::int FROM member WHERE deleted_at IS NULL) AS active, (SELECT count(*)::int FROM sales_order) AS orders`)
  ).rows;

  // Peak memory while `fn` runs: this process's RSS (the API runs in it) and the summed private memory of every
  // backend of the scratch database except the probe's own.
  const dbName = new URL(scratch.url).pathname.slice(1);
  let pgReadable = true;
  const privateKb = (pid) => {
    try {
      return Number(/^Anonymous:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch (e) {
      if (e.code === 'EACCES' || e.code === 'EPERM') pgReadable = false; // another user's process; ENOENT, ESRCH: it ended
      return 0;
    }
  };
  async function sampled(fn) {
    let pids = [];
    const refresh = async () => {
      pids = (await probe.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName])).rows.map((r) => r.pid);
    };
    await refresh();
    const pgNow = () => pids.map(privateKb).reduce((a, b) => a + b, 0) * 1024;
    const before = { rss: process.memoryUsage().rss, pg: pgNow() };
    const peak = { ...before };
    const sample = () => {
      peak.rss = Math.max(peak.rss, process.memoryUsage().rss);
      peak.pg = Math.max(peak.pg, pgNow());
    };
    const timer = setInterval(sample, 100);
    const pidTimer = setInterval(() => void refresh().catch(() => undefined), 1000);
    try {
      const value = await fn();
      sample();
      return {
        value,
        memory: {
          apiProcessRssMB: mb(peak.rss),
          apiProcessRssGrowthMB: mb(Math.max(0, peak.rss - before.rss)),
          postgresPrivateMB: pgReadable ? mb(peak.pg) : null,
          postgresPrivateGrowthMB: pgReadable ? mb(Math.max(0, peak.pg - before.pg)) : null,
        },
      };
    } finally {
      clearInterval(timer);
      clearInterval(pidTimer);
    }
  }

  async function template(code) {
    const body = {
      code,
      name: '压测活动满减券',
      description: '',
      kind: 'amount_off',
      amountOffFen: 2000,
      minSpendFen: 10000,
      scope: { kind: 'all', values: [], excludeSkus: [] },
      validity: { kind: 'relative', days: 30, weekdays: [] },
      totalStock: null,
      perMemberLimit: 1,
      claimable: false,
      stacking: 'exclusive',
      costFen: 500,
    };
    const { id } = await ok(`template ${code}`, api('POST', '/staff/coupon-templates', marketer, body));
    await ok(`activate ${code}`, api('POST', `/staff/coupon-templates/${id}/status`, marketer, { status: 'active' }));
    return id;
  }

  // 1. The baseline: the same coupons in one statement.
  const baselineTemplate = await template('BENCH-FANOUT-BASE');
  const baseline = await sampled(async () => {
    const t0 = process.hrtime.bigint();
    const { rowCount } = await sql.query(
      `INSERT INTO member_coupon (template_id, member_id, code, source, issue_key, valid_from, valid_until)
       SELECT $1, m.id, upper(substr(md5(random()::text), 1, 4) || lpad(to_hex(row_number() OVER ()), 8, '0')), 'campaign',
              'bench-baseline:' || m.id, now(), now() + interval '30 days'
         FROM member m WHERE m.deleted_at IS NULL`,
      [baselineTemplate],
    );
    return { ms: ms(t0), rows: rowCount };
  });
  console.log(`baseline: INSERT … SELECT of ${baseline.value.rows} coupons in ${(baseline.value.ms / 1000).toFixed(1)} s`);
  await sql.query(`DELETE FROM member_coupon WHERE template_id = $1`, [baselineTemplate]);
  await sql.query(`VACUUM (ANALYZE) member_coupon`);

  // 2. The product path: template, segment of everyone, one-off campaign, launch, wait for the run.
  const fanOutTemplate = await template('BENCH-FANOUT');
  const everyone = { op: 'and', children: [{ field: 'joinedDaysAgo', min: 0 }] };
  let t0 = process.hrtime.bigint();
  const segment = await ok('create segment', api('POST', '/staff/segments', marketer, { name: '压测：全部会员', rule: everyone }));
  const segmentCreateMs = ms(t0); // saving a segment counts it
  const campaign = await ok(
    'create campaign',
    api('POST', '/staff/campaigns', marketer, {
      name: '压测：全员发券',
      kind: 'one-off',
      segmentId: segment.id,
      actions: [{ kind: 'coupon', couponTemplateCode: 'BENCH-FANOUT' }],
      holdoutPct: 0,
      attributionDays: 7,
    }),
  );
  const fanOut = await sampled(async () => {
    const t0 = process.hrtime.bigint();
    await ok('launch', api('POST', `/staff/campaigns/${campaign.id}/status`, marketer, { action: 'launch' }));
    let lastLog = Date.now();
    for (;;) {
      const view = await ok('campaign', api('GET', `/staff/campaigns/${campaign.id}`, marketer));
      const run = view.lastRun;
      if (run?.status === 'done') return { ms: ms(t0), run, status: view.status };
      if (run?.status === 'failed') throw new Error(`campaign run failed: ${run.error} (${JSON.stringify(run)})`);
      if (Date.now() - lastLog > 10_000) {
        console.log(`  run ${run?.status ?? 'not started'}: ${run?.processed ?? 0}/${run?.audience ?? '?'} processed, ${run?.touched ?? 0} touched`);
        lastLog = Date.now();
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  const [check] = (
    await sql.query(
      `SELECT count(*)::int AS coupons, count(DISTINCT member_id)::int AS members,
              (SELECT count(*)::int FROM member m WHERE m.deleted_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM member_coupon c WHERE c.member_id = m.id AND c.template_id = $1)) AS missed
         FROM member_coupon WHERE template_id = $1`,
      [fanOutTemplate],
    )
  ).rows;
  const consistent = check.coupons === active && check.members === active && check.missed === 0;
  const fanOutVsBaseline = +(baseline.value.ms / fanOut.value.ms).toFixed(3);
  console.log(
    `fan-out through the API: ${check.coupons} coupons in ${(fanOut.value.ms / 1000).toFixed(1)} s (${fanOutVsBaseline}× the baseline's speed); ` +
      `one per member: ${consistent}`,
  );

  // 3. Jobs, then the queries marketers run, at this scale.
  const job = async (name) => {
    const t0 = process.hrtime.bigint();
    const outcome = await ok(`job ${name}`, api('POST', `/staff/jobs/${name}/run`, admin));
    return { ms: ms(t0), result: outcome.result };
  };
  const jobs = {
    memberMetrics: await job('member-metrics'),
    memberMetricsIncremental: await job('member-metrics'),
    analyticsRefresh: await job('analytics-refresh'),
  };
  console.log(
    `member-metrics job ${(jobs.memberMetrics.ms / 1000).toFixed(1)} s (again, incremental: ${(jobs.memberMetricsIncremental.ms / 1000).toFixed(1)} s); ` +
      `analytics refresh ${(jobs.analyticsRefresh.ms / 1000).toFixed(1)} s`,
  );

  const nextMonth = ((new Date().getUTCMonth() + 1) % 12) + 1;
  const rules = {
    'tier gold or black': { field: 'tier', values: ['gold', 'black'] },
    'spend ≥ ¥2000 in 365 days and at-risk': {
      op: 'and',
      children: [
        { field: 'spend', windowDays: 365, minFen: 200_000 },
        { field: 'lifecycle', values: ['at-risk'] },
      ],
    },
    'bought skincare in 90 days and birthday next month': {
      op: 'and',
      children: [
        { field: 'bought', kind: 'category', values: ['skincare'], windowDays: 90 },
        { field: 'birthdayMonth', values: [nextMonth] },
      ],
    },
    'Shanghai or Beijing women 25–34, no purchase in 60 days, or RFM champions': {
      op: 'or',
      children: [
        {
          op: 'and',
          children: [
            { field: 'city', values: ['上海', '北京'] },
            { field: 'gender', values: ['female'] },
            { field: 'ageBand', values: ['25-29', '30-34'] },
            { field: 'daysSinceLastPurchase', min: 60 },
          ],
        },
        { field: 'rfmClass', values: ['champion'] },
      ],
    },
  };
  // A request that outlives its timeout is abandoned and its statements cancelled, so the next measurement has the
  // database to itself.
  const cancelQueries = () =>
    sql.query(`SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid NOT IN (pg_backend_pid(), $2)`, [
      dbName,
      probe.processID,
    ]);
  // Each query `runs` times, fewer when they have taken more than `budgetMs` together; a failure (the preview's
  // statement timeout, say) or no answer within `timeoutMs` is recorded with its time, not fatal.
  const timed = async (call, { timeoutMs = queryTimeoutMs, budgetMs = 120_000 } = {}) => {
    const took = [];
    let last = null;
    let error = null;
    for (let i = 0; i < runs && took.reduce((a, b) => a + b, 0) < budgetMs; i++) {
      const t0 = process.hrtime.bigint();
      const r = await call(timeoutMs);
      took.push(ms(t0));
      if (r.status >= 200 && r.status < 300) last = r.json;
      else error = `${r.status || 'timeout'}: ${r.text.slice(0, 300)}`;
      if (r.timedOut) {
        await cancelQueries();
        break;
      }
    }
    return { medianMs: median(took), runsMs: took, last, ...(error && { error }) };
  };
  const previews = {};
  for (const [name, rule] of Object.entries({ ...rules, 'everyone (the fan-out segment)': everyone })) {
    const t = await timed((timeout) => api('POST', '/staff/segments/preview', marketer, { rule }, timeout));
    previews[name] = { medianMs: t.medianMs, runsMs: t.runsMs, count: t.last?.count ?? null, ...(t.error && { error: t.error }) };
    console.log(`segment preview "${name}": ${t.last ? `${t.last.count} members` : t.error}, median ${t.medianMs} ms`);
  }

  const today = new Date(Date.now() + 8 * 3600_000); // business days are Asia/Shanghai
  const to = today.toISOString().slice(0, 10);
  const from = new Date(today.getTime() - 364 * 86_400_000).toISOString().slice(0, 10);
  const [store] = (await sql.query(`SELECT id, name FROM store ORDER BY code LIMIT 1`)).rows;
  const analyticsAll = await timed((timeout) => api('GET', `/staff/analytics?from=${from}&to=${to}`, marketer, undefined, timeout));
  const analyticsStore = await timed((timeout) => api('GET', `/staff/analytics?from=${from}&to=${to}&storeId=${store.id}`, marketer, undefined, timeout));
  console.log(
    `analytics dashboard ${from}…${to}: median ${analyticsAll.medianMs} ms${analyticsAll.error ? ` (${analyticsAll.error})` : ''} ` +
      `(one store: ${analyticsStore.medianMs} ms${analyticsStore.error ? `, ${analyticsStore.error}` : ''})`,
  );

  const baselineGrowth = baseline.memory.apiProcessRssGrowthMB + (baseline.memory.postgresPrivateGrowthMB ?? 0);
  const fanOutGrowth = fanOut.memory.apiProcessRssGrowthMB + (fanOut.memory.postgresPrivateGrowthMB ?? 0);
  const out = {
    when: new Date().toISOString(),
    machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, node ${process.version}`,
    members: generated.members,
    activeMembers: active,
    orders,
    orderLines: generated.items,
    generator: { seconds: generated.seconds, membersPerSecond: generated.membersPerSecond, ordersPerSecond: generated.ordersPerSecond },
    campaignBatchSize: config.campaignBatchSize ?? null,
    baselineMs: baseline.value.ms,
    fanOutMs: fanOut.value.ms,
    fanOutVsBaseline,
    peakMemory: {
      baseline: baseline.memory,
      fanOut: fanOut.memory,
      fanOutGrowthVsBaselineGrowth: baselineGrowth > 0 ? +(fanOutGrowth / baselineGrowth).toFixed(2) : null,
      note: 'API process = this process (RSS, sampled every 100 ms); PostgreSQL = summed private (anonymous) memory of the database backends; growth = peak minus the level just before',
    },
    run: fanOut.value.run,
    check: { ...check, expected: active, consistent },
    segmentCreateMs,
    jobsMs: Object.fromEntries(Object.entries(jobs).map(([k, v]) => [k, v.ms])),
    jobResults: Object.fromEntries(Object.entries(jobs).map(([k, v]) => [k, v.result])),
    segmentPreviewMs: previews,
    analyticsMs: {
      range: { from, to },
      allStores: { medianMs: analyticsAll.medianMs, runsMs: analyticsAll.runsMs, ...(analyticsAll.error && { error: analyticsAll.error }) },
      oneStore: { store: store.name, medianMs: analyticsStore.medianMs, runsMs: analyticsStore.runsMs, ...(analyticsStore.error && { error: analyticsStore.error }) },
    },
    runs,
  };
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'campaign-fanout.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log(
    `\n${out.members} members (${active} active), ${orders} orders: fan-out ${(out.fanOutMs / 1000).toFixed(1)} s vs INSERT … SELECT ${(out.baselineMs / 1000).toFixed(1)} s ` +
      `= ${fanOutVsBaseline}× the baseline's speed; peak memory growth API +${fanOut.memory.apiProcessRssGrowthMB} MB, PostgreSQL +${fanOut.memory.postgresPrivateGrowthMB} MB ` +
      `(baseline +${baseline.memory.apiProcessRssGrowthMB} / +${baseline.memory.postgresPrivateGrowthMB} MB); consistent=${consistent} → bench/results/campaign-fanout.json`,
  );
} finally {
  await probe?.end().catch(() => undefined);
  await sql?.end().catch(() => undefined);
  await app?.close().catch(() => undefined);
  if (keep) console.log(`scratch database kept: ${scratch.url}`);
  else await scratch.drop().catch(() => undefined);
}
process.exit(0);
