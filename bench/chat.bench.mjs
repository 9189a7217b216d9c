#!/usr/bin/env node
// Chat delivery with many members connected: 1,000 member sockets on the `/chat` namespace, the six demo advisors
// and one admin connected as staff, every member message sent over the socket (`message:send`) and timed from the
// member's emit to the first staff socket that receives it (the assigned advisor, or — for a conversation still in
// the store's queue — the store's advisors and the admin, who hear every queued conversation), and to the member's ack.
// The path measured is the whole of it: the token check at connect, validation, WeChat's content check (msg_sec_check,
// answered by the WeChat sandbox started in this process), the message transaction, routing to an advisor and the
// socket.io fan-out. Three phases: paced (every member sends `messages` texts, `rate` a second in all; the first
// message of each member opens and routes a conversation; when `rate` is more than the API keeps up with, this measures
// its throughput and the backlog, and the result says `saturated`), light (100 texts from members spread over all of
// them, 20 a second: the latency a member sees with everyone connected and the API not saturated) and a burst (every
// member sends one more at the same moment).
// The baseline, in the same run and process: a bare socket.io server on the same path and namespace, whose handler
// acks at once and forwards the message to one "staff" socket, driven by the same number of sockets and schedule.
// Advisors take at most 50 conversations (the most `AdvisorSettingsDto` allows): 6 × 50 = 300 of the members are
// assigned, the others wait in their store's queue, where the admin's socket receives their messages.
// Needs the API built (`npx nx run api:build`, which builds the WeChat sandbox too). Writes bench/results/chat.json.
//   node bench/chat.bench.mjs [--sockets=1000] [--messages=3] [--rate=200]
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';
import { Server } from 'socket.io';
import { io } from 'socket.io-client';
import { AccessTokenService, createApp, DataSource, dataSourceOptions, here, loadConfig, openScratchDatabase, PhoneCipher, require, runMigrations, seedDemo } from './harness.mjs';

const { createSandbox } = require(join(here, '..', 'dist', 'apps', 'wechat-sandbox', 'sandbox.js'));

const flag = (name, fallback) => {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`--${name} must be a positive integer`);
  return value;
};
const sockets = flag('sockets', 1000);
const messagesPerSocket = flag('messages', 3);
const rate = flag('rate', 200);
/** Members who send a few messages before anything is timed (JIT, pools, WeChat's access token); not measured. */
const WARM_MEMBERS = 12;
const CAPACITY = 50;
const CONNECT_IN_FLIGHT = 50;
/** The light phase: this many messages from members spread over all of them, at this rate, once the paced phase is done. */
const LIGHT_MESSAGES = 100;
const LIGHT_RATE = 20;
/** A message not acked or not delivered this long after it was sent counts as lost. */
const GIVE_UP_MS = 300_000;
const APP_ID = 'wxglowbench0000001';
const APP_SECRET = 'glow-bench-secret';
const SOCKET_PATH = '/api/socket.io';
const mb = (bytes) => Math.round(bytes / 1048576);

// --- data: the demo brand (stores, advisors) and one member per socket, each bound to a store that has advisors ---

const loadAtStart = loadavg()[0];
const scratch = await openScratchDatabase(`glow_bench_${Date.now()}`, process.env.DATABASE_URL);
const sandbox = createSandbox({ appId: APP_ID, secret: APP_SECRET });
await sandbox.listen({ port: 0, host: '127.0.0.1' });
const config = loadConfig(
  {},
  {
    nodeEnv: 'test',
    logLevel: 'silent',
    authThrottlePerMinute: 100000,
    wechatApiBase: `http://127.0.0.1:${sandbox.server.address().port}`,
    wechatAppId: APP_ID,
    wechatAppSecret: APP_SECRET,
    // People answer all day and the bot waits an hour: no bot message is written during the run.
    chatServiceHours: '00:00-24:00',
    chatBotDelaySeconds: 3600,
    chatDefaultCapacity: CAPACITY,
  },
);
const ds = await new DataSource(dataSourceOptions(scratch.url)).initialize();
await runMigrations(ds);
await seedDemo(ds, new PhoneCipher(config.phoneEncryptionKey, config.phoneHmacKey), { members: 0 });
const members = await ds.query(
  `WITH stores AS (SELECT array_agg(DISTINCT store_id ORDER BY store_id) AS ids FROM staff WHERE role = 'advisor' AND active AND store_id IS NOT NULL),
        m AS (
          INSERT INTO member (member_no, phone_cipher, phone_hash, phone_masked, channel, referral_code, store_id, joined_at)
          SELECT 'C' || lpad(i::text, 7, '0'), 'bench', encode(sha256(('chat-bench-' || i)::bytea), 'hex'), '166****0000', 'wechat',
                 'C' || lpad(i::text, 7, '0'), stores.ids[1 + i % array_length(stores.ids, 1)], now()
            FROM generate_series(1, $1::int) AS i, stores
          RETURNING id, member_no)
   INSERT INTO member_wechat (openid, member_id, last_login_at) SELECT 'obench' || member_no, id, now() FROM m RETURNING openid, member_id AS id`,
  [sockets + WARM_MEMBERS],
);
await ds.destroy();
// msg_sec_check wants a visit to the mini program within two hours: each openid logs in once, as on opening it.
for (const m of members) {
  const code = (await sandbox.inject({ method: 'POST', url: '/__control/login-code', payload: { openid: m.openid } })).json().code;
  const login = await sandbox.inject({ method: 'GET', url: `/sns/jscode2session?appid=${APP_ID}&secret=${APP_SECRET}&js_code=${code}&grant_type=authorization_code` });
  if (login.json().openid !== m.openid) throw new Error(`sandbox login failed: ${login.body}`);
}
const warmMembers = members.slice(sockets);
const benchMembers = members.slice(0, sockets);

// --- the baseline: bare socket.io, an immediate ack and one forward to a "staff" socket ---

const bareHttp = createServer();
const bare = new Server(bareHttp, { path: SOCKET_PATH, transports: ['websocket'] });
let bareId = 0;
bare.of('/chat').on('connection', (socket) => {
  const { role, member } = socket.handshake.auth;
  socket.join(role === 'staff' ? 'q:*' : `m:${member}`);
  socket.on('message:send', (dto, ack) => {
    const now = new Date().toISOString();
    const view = { id: String(++bareId), conversationId: member, seq: bareId, senderKind: 'member', senderId: member, senderName: null, type: 'text', body: { text: dto.text }, clientId: dto.clientId, flagged: false, delivery: null, createdAt: now };
    bare.of('/chat').to(['q:*', `m:${member}`]).emit('message', view);
    ack({ ok: true, data: view });
  });
});
await new Promise((resolve) => bareHttp.listen(0, '127.0.0.1', resolve));
const bareBase = `http://127.0.0.1:${bareHttp.address().port}`;

// --- clients ---

function connect(url, auth) {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/chat`, { path: SOCKET_PATH, auth, transports: ['websocket'], forceNew: true, reconnection: false, timeout: 30_000 });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
  });
}

async function connectAll(label, list) {
  const bar = new cliProgress.SingleBar(
    { format: ` {bar} {percentage}% | ${label} {value}/{total} | {duration_formatted}`, hideCursor: true, noTTYOutput: true, notTTYSchedule: 5_000, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(list.length, 0);
  const out = new Array(list.length);
  let next = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECT_IN_FLIGHT }, async () => {
      while (next < list.length) {
        const i = next++;
        out[i] = await list[i]().catch(() => {
          failed += 1;
          return null;
        });
        bar.increment();
      }
    }),
  );
  bar.stop();
  const seconds = (performance.now() - started) / 1000;
  return { sockets: out.filter(Boolean), connect: { seconds: +seconds.toFixed(2), perSecond: Math.round(list.length / seconds), failed } };
}

/**
 * Watches the staff sockets: a member message counts as delivered when the first of them receives it. `pending` maps
 * clientId → the send record; `drops` counts member sockets that disconnected during the run.
 */
function tracker(staffSockets, memberSockets) {
  const pending = new Map();
  const state = { pending, drops: 0, peakRss: process.memoryUsage().rss };
  for (const s of staffSockets) {
    s.on('message', (m) => {
      if (m.senderKind !== 'member') return;
      const rec = pending.get(m.clientId);
      if (!rec || rec.deliveredMs !== undefined) return;
      rec.deliveredMs = performance.now() - rec.t0;
      rec.deliveredTo = s.benchRole;
      rec.settle();
    });
  }
  for (const s of memberSockets) s.on('disconnect', () => (state.drops += 1));
  state.sampler = setInterval(() => (state.peakRss = Math.max(state.peakRss, process.memoryUsage().rss)), 250);
  return state;
}

/** Sends one text and resolves once it is both acked and delivered to staff (or given up on). */
function send(track, socket, clientId) {
  return new Promise((resolve) => {
    const rec = { t0: 0, ackMs: undefined, deliveredMs: undefined, error: null };
    let left = 2;
    const timer = setTimeout(() => {
      rec.error ??= rec.ackMs === undefined ? 'ack timeout' : 'not delivered';
      resolve(rec);
    }, GIVE_UP_MS);
    rec.settle = () => {
      left -= 1;
      if (left === 0) {
        clearTimeout(timer);
        resolve(rec);
      }
    };
    track.pending.set(clientId, rec);
    rec.t0 = performance.now();
    socket.emit('message:send', { clientId, type: 'text', text: `请问这款精华适合敏感肌吗？（${clientId}）` }, (ack) => {
      rec.ackMs = performance.now() - rec.t0;
      if (!ack?.ok) {
        rec.error = ack?.code ?? 'bad ack';
        clearTimeout(timer);
        resolve(rec);
        return;
      }
      rec.settle();
    });
  });
}

function stats(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => +sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: +sorted[sorted.length - 1].toFixed(2) };
}

function summary(records, seconds) {
  const errors = {};
  for (const r of records) if (r.error) errors[r.error] = (errors[r.error] ?? 0) + 1;
  const delivered = records.filter((r) => r.deliveredMs !== undefined);
  const deliveredTo = {};
  for (const r of delivered) deliveredTo[r.deliveredTo] = (deliveredTo[r.deliveredTo] ?? 0) + 1;
  return {
    sent: records.length,
    acked: records.filter((r) => r.ackMs !== undefined && !r.error).length,
    delivered: delivered.length,
    deliveredTo,
    errors,
    seconds: +seconds.toFixed(2),
    deliveredPerSecond: Math.round(delivered.length / seconds),
    deliverMs: stats(delivered.map((r) => r.deliveredMs)),
    ackMs: stats(records.filter((r) => r.ackMs !== undefined).map((r) => r.ackMs)),
  };
}

/** Sends `jobs` (each answers a promise of a record) `perSecond` a second; resolves to the records and the seconds taken. */
async function paced(jobs, perSecond) {
  const started = performance.now();
  const promises = [];
  while (promises.length < jobs.length) {
    const due = Math.min(jobs.length, Math.floor(((performance.now() - started) / 1000) * perSecond) + 1);
    while (promises.length < due) promises.push(jobs[promises.length]());
    if (promises.length < jobs.length) await new Promise((r) => setTimeout(r, Math.max(0, (promises.length / perSecond) * 1000 - (performance.now() - started))));
  }
  const records = await Promise.all(promises);
  return { records, seconds: (performance.now() - started) / 1000 };
}

function line(label, s) {
  const d = s.deliverMs ?? {};
  const a = s.ackMs ?? {};
  const errs = Object.keys(s.errors).length ? ` errors ${JSON.stringify(s.errors)}` : '';
  console.log(
    `${label.padEnd(36)} ${String(s.delivered).padStart(5)}/${s.sent} delivered, ${String(s.deliveredPerSecond).padStart(5)}/s | delivery p50 ${d.p50} p90 ${d.p90} p99 ${d.p99} max ${d.max} ms | ack p50 ${a.p50} p99 ${a.p99} ms${errs}`,
  );
}

/** The same run against one target: connect, warm up, the paced phase, the burst. */
async function run(label, target) {
  const staff = await target.connectStaff();
  const warm = await Promise.all(warmMembers.map((m) => target.connectMember(m)));
  const warmTrack = tracker(staff, warm);
  for (let round = 0; round < 3; round++) await Promise.all(warm.map((s, i) => send(warmTrack, s, `warm-${round}-${i}`)));
  clearInterval(warmTrack.sampler);
  const rssBefore = process.memoryUsage().rss;
  const { sockets: connected, connect } = await connectAll(`${label} sockets`, benchMembers.map((m) => () => target.connectMember(m)));
  const rssConnected = process.memoryUsage().rss;
  console.log(`${label}: ${connected.length} member sockets in ${connect.seconds} s (${connect.perSecond}/s), RSS ${mb(rssBefore)} → ${mb(rssConnected)} MB`);
  if (connected.length === 0) throw new Error(`${label}: no member socket connected`);
  const track = tracker(staff, connected);
  const jobs = [];
  for (let round = 0; round < messagesPerSocket; round++) {
    connected.forEach((s, i) => jobs.push(() => send(track, s, `bench-${round}-${i}`)));
  }
  const pacedRun = await paced(jobs, rate);
  const first = pacedRun.records.slice(0, connected.length);
  const following = pacedRun.records.slice(connected.length);
  const spread = Math.max(1, Math.floor(connected.length / LIGHT_MESSAGES));
  const lightJobs = Array.from({ length: Math.min(LIGHT_MESSAGES, connected.length) }, (_, k) => () => send(track, connected[k * spread], `bench-light-${k}`));
  const lightRun = await paced(lightJobs, LIGHT_RATE);
  const burstStarted = performance.now();
  const burstRecords = await Promise.all(connected.map((s, i) => send(track, s, `bench-burst-${i}`)));
  const burstSeconds = (performance.now() - burstStarted) / 1000;
  clearInterval(track.sampler);
  const pacedSummary = summary(pacedRun.records, pacedRun.seconds);
  const result = {
    connect,
    paced: {
      offeredPerSecond: rate,
      saturated: pacedSummary.deliveredPerSecond < 0.9 * rate,
      ...pacedSummary,
      firstMessageDeliverMs: stats(first.filter((r) => r.deliveredMs !== undefined).map((r) => r.deliveredMs)),
      followingDeliverMs: stats(following.filter((r) => r.deliveredMs !== undefined).map((r) => r.deliveredMs)),
    },
    light: { offeredPerSecond: LIGHT_RATE, ...summary(lightRun.records, lightRun.seconds) },
    burst: summary(burstRecords, burstSeconds),
    memoryMb: { rssBeforeConnect: mb(rssBefore), rssConnected: mb(rssConnected), rssPeak: mb(Math.max(track.peakRss, rssConnected)), perSocketKb: Math.round((rssConnected - rssBefore) / 1024 / connected.length) },
    socketsDropped: track.drops,
  };
  line(`${label}, paced at ${rate}/s`, result.paced);
  line(`${label}, light, ${LIGHT_RATE}/s`, result.light);
  line(`${label}, burst of ${connected.length}`, result.burst);
  for (const s of [...staff, ...warm, ...connected]) s.close();
  return result;
}

console.log(`${sockets} member sockets: ${messagesPerSocket} messages each at ${rate}/s, ${LIGHT_MESSAGES} at ${LIGHT_RATE}/s, then a burst of one each`);

const baseline = await run('baseline (bare socket.io)', {
  connectStaff: async () => [Object.assign(await connect(bareBase, { role: 'staff' }), { benchRole: 'staff' })],
  connectMember: (m) => connect(bareBase, { role: 'member', member: m.id }),
});
await new Promise((resolve) => bare.close(() => resolve()));

// The API starts after the baseline, so its scheduled jobs and timers do not run during the baseline.
const app = await createApp(config, scratch.url);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
const tokenOf = (m) => app.get(AccessTokenService).sign({ kind: 'member', openid: m.openid, memberId: m.id });

const json = { 'content-type': 'application/json' };
const staffTokens = [];
for (const username of ['admin', 'advisor1', 'advisor2', 'advisor3', 'advisor4', 'advisor5', 'advisor6']) {
  const r = await fetch(`${base}/api/auth/staff/login`, { method: 'POST', headers: json, body: JSON.stringify({ username, password: 'glow1234' }) });
  if (r.status !== 200) throw new Error(`${username} login answered ${r.status}: ${await r.text()}`);
  staffTokens.push({ username, token: (await r.json()).accessToken });
}
const chat = await run('chat (API)', {
  connectStaff: async () => {
    const list = [];
    for (const { username, token } of staffTokens) {
      list.push(Object.assign(await connect(base, { token }), { benchRole: username === 'admin' ? 'admin' : 'advisor' }));
      if (username === 'admin') continue;
      const r = await fetch(`${base}/api/staff/advisors/me`, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, ...json }, body: JSON.stringify({ capacity: CAPACITY }) });
      if (r.status !== 200) throw new Error(`${username} capacity answered ${r.status}: ${await r.text()}`);
    }
    return list;
  },
  connectMember: (m) => connect(base, { token: tokenOf(m) }),
});

const check = await new DataSource(dataSourceOptions(scratch.url)).initialize();
const [stored] = await check.query(
  `SELECT count(*)::int AS messages, count(DISTINCT client_id)::int AS distinct_ids, count(*) FILTER (WHERE flagged)::int AS flagged
     FROM chat_message WHERE sender_kind = 'member' AND client_id LIKE 'bench-%'`,
);
const [conversations] = await check.query(
  `SELECT count(*)::int AS total, count(advisor_id)::int AS assigned,
          (SELECT COALESCE(max(n), 0)::int FROM (SELECT count(*) AS n FROM conversation WHERE advisor_id IS NOT NULL AND status <> 'resolved' GROUP BY advisor_id) x) AS per_advisor_max
     FROM conversation`,
);
const [bots] = await check.query(`SELECT count(*)::int AS n FROM chat_message WHERE sender_kind = 'bot'`);
await check.destroy();
const secChecks = (await sandbox.inject({ method: 'GET', url: '/__control/calls?path=/wxa/msg_sec_check' })).json().count;
await app.close();
await sandbox.close();
await scratch.drop().catch(() => undefined);

const ok = (s) => s.sent - Object.values(s.errors).reduce((a, b) => a + b, 0);
const out = {
  when: new Date().toISOString(),
  machine: `${cpus().length} cores, node ${process.version}`,
  loadAverage: { start: +loadAtStart.toFixed(1), end: +loadavg()[0].toFixed(1) },
  sockets,
  messagesPerSocket,
  rate,
  staffSockets: 7,
  advisorCapacity: CAPACITY,
  note: 'load generator, API, WeChat sandbox and baseline server share one process; RSS covers both ends of every socket',
  chat,
  baseline,
  burstPerSecondVsBaseline: +(chat.burst.deliveredPerSecond / baseline.burst.deliveredPerSecond).toFixed(3),
  pacedPerSecondVsBaseline: +(chat.paced.deliveredPerSecond / baseline.paced.deliveredPerSecond).toFixed(3),
  lightDeliverP50VsBaseline: +(chat.light.deliverMs.p50 / baseline.light.deliverMs.p50).toFixed(1),
  lightDeliverP99VsBaseline: +(chat.light.deliverMs.p99 / baseline.light.deliverMs.p99).toFixed(1),
  checks: {
    storedOnce: stored.messages === stored.distinct_ids && stored.messages === ok(chat.paced) + ok(chat.light) + ok(chat.burst),
    memberMessagesStored: stored.messages,
    flagged: stored.flagged,
    contentChecks: secChecks,
    conversations: conversations.total,
    assigned: conversations.assigned,
    queued: conversations.total - conversations.assigned,
    perAdvisorMax: conversations.per_advisor_max,
    capacityHeld: conversations.per_advisor_max <= CAPACITY,
    botMessages: bots.n,
  },
};
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'chat.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(
  `\nburst ${out.burstPerSecondVsBaseline}× and paced ${out.pacedPerSecondVsBaseline}× the bare socket.io's rate; light delivery p50 ${out.lightDeliverP50VsBaseline}× and p99 ${out.lightDeliverP99VsBaseline}× its latency; ` +
    `checks ${JSON.stringify(out.checks)} → bench/results/chat.json`,
);
process.exit(0);
