#!/usr/bin/env node
// Fills a migrated database with many members and their purchase history, for benchmarks at scale: members with
// realistic profiles (gender, birthday, one of ten cities, joined over three years, home store and advisor), WeChat
// links and consents, tiers from their spend, skin results and tags for some, and orders with their lines (store and
// online, refunds, discounts) spread over the time each member kept buying. Everything is written set-based by
// PostgreSQL (`INSERT … SELECT … FROM generate_series`): members a chunk at a time, then orders a time window at a
// time, as an order table grows in production (so orders of one member are scattered over the table, as they are
// there), each chunk or window its own statement and transaction, on as many connections as there are cores.
//
// The same arguments give the same data relative to the day it runs: member values come from a hash of the member's
// number (`hashint8extended`), order values from `random()` after `setseed` per window, ids from hashes and order
// numbers. Generated members are numbered G0000000001… (codes the API issues never contain a 0, so they cannot
// collide) and their phones use mainland prefixes the demo seed does not use. A second run adds members after the
// last generated one. A run that stops half-way leaves members without all their orders: start on a fresh database.
//
//   DATABASE_URL=postgres://… node bench/generate-members.mjs [members=1000000] [ordersPerMember=10] [--chunk=25000] [--window-days=14] [--jobs=2] [--no-vacuum]
//
// The database needs the migrations; stores, advisors, products, tiers and tags are taken from it (the demo seed
// provides them) and a minimal set is added when missing. With the API built, phones are encrypted and indexed with
// the keys the API reads from the same environment (PHONE_ENCRYPTION_KEY, PHONE_HMAC_KEY or the development defaults),
// so staff phone search and member profiles work on generated members; otherwise phone_cipher is left empty.
//
// Load-time shortcuts, all undone before it returns: the secondary indexes of sales_order and order_item are dropped
// during the order load and built afterwards; with a superuser and no user triggers on the tables it writes, the
// foreign-key triggers are skipped (session_replication_role = replica: every reference is correct by construction);
// commits do not wait for the WAL flush.
import { createHash } from 'node:crypto';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import pg from 'pg';

const DAY_SECONDS = 86_400;
/** Members joined over the last three years, more of them recently (days ago = 1095 · u^1.3). */
const JOIN_SPAN_DAYS = 1095;
const JOIN_SKEW = 1.3;
/** Share of members who never bought anything (lifecycle `prospect`). */
const NEVER_BOUGHT = 0.15;
/** Share of buyers still buying today; the others stopped at some point after joining (at-risk, dormant, lost). */
const STILL_ACTIVE = 0.45;
const MAX_ORDERS_PER_MEMBER = 999;

/** Where members live (weights in percent); members of a city without a store belong to a random store. */
const CITIES = [
  ['上海', 18],
  ['北京', 16],
  ['广州', 12],
  ['深圳', 12],
  ['杭州', 9],
  ['成都', 9],
  ['南京', 7],
  ['苏州', 6],
  ['武汉', 6],
  ['重庆', 5],
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const FEMALE_CHARS = '婷雪怡欣佳梦雨静丽敏琳慧颖洁萱涵悦彤晨璐瑶倩妍琪菲薇雅诗思馨璇蕾露芳娜燕红霞秀娟玲桐若语希可心月茜蓓宁'.split('');
const MALE_CHARS = '伟强磊洋勇军杰涛斌浩宇俊鹏辉明超刚华飞鑫波凯然晨阳博文哲'.split('');
const NICKNAMES = ['小鹿', '晴天', '橘子汽水', 'Coco', '阿紫', '星星', '茉莉', 'Yuki', '糖糖', '一颗柠檬', '向日葵', '小雨', 'Momo', '栗子', '奶茶少女', '夏天'];
/** Mainland prefixes the demo seed does not use, so generated phones never collide with demo ones. */
const PHONE_PREFIXES = ['130', '131', '132', '133', '152', '153', '155', '156', '157', '159', '166', '180', '181', '182', '183', '185', '187', '189', '191', '198'];
/** Manual tags staff give members; added when missing. */
const MANUAL_TAGS = ['VIP客户', '直播间粉丝', '团购客户', '企业客户', '学生党', '孕期关怀', '高客单', '老客推荐'];
/** The skin-data notice members agree to before a skin test (skin-data-notice.ts SKIN_DATA_NOTICE.version). */
const SKIN_DATA_NOTICE_VERSION = '2026-11-skin-1';
const SKIN_TYPE_SUMMARY = { dry: '干性肌肤', oily: '油性肌肤', combination: '混合性肌肤', normal: '中性肌肤' };

/** The API's default tier ladder (loyalty.service.ts DEFAULT_LADDER), used only when the database has none. */
const FALLBACK_TIERS = [
  ['pink', '粉卡', 0, 100],
  ['silver', '银卡', 200_000, 110],
  ['gold', '金卡', 600_000, 120],
  ['black', '黑金', 1_500_000, 150],
];
const FALLBACK_PRODUCTS = [
  ['GEN-SK-001', '氨基酸洁面乳 120g', 'skincare', 8900],
  ['GEN-SK-002', '玻尿酸保湿水 150ml', 'skincare', 16900],
  ['GEN-SK-003', '修护精华 30ml', 'skincare', 32900],
  ['GEN-SK-004', '保湿面霜 50g', 'skincare', 28900],
  ['GEN-SK-005', '防晒乳 50ml', 'skincare', 19900],
  ['GEN-MU-001', '丝绒口红', 'makeup', 22900],
  ['GEN-MU-002', '持妆粉底液 30ml', 'makeup', 35900],
  ['GEN-MU-003', '四色眼影盘', 'makeup', 29900],
  ['GEN-FR-001', '淡香水 50ml', 'fragrance', 59900],
  ['GEN-TL-001', '化妆刷套装', 'tools', 15900],
];

/** A uniform number in [0, 1) from the member number `n` and a salt: the same member gets the same value every run. */
const u = (salt, n = 'n') => `((hashint8extended(${n}, ${salt}) & 4503599627370495)::float8 / 4503599627370496.0)`;
/** A random-looking version-4 UUID that is the same every run for the same text (member and skin-session ids). */
const hashUuid = (text) => `overlay(overlay(md5(${text}) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid`;
/**
 * A version-4-shaped UUID that starts with the moment `at` (milliseconds, like UUIDv7) and ends with a unique number,
 * for order and line ids: their indexes then grow at the end, as the other time-keyed ones do.
 */
const timeUuid = (at, unique) =>
  `(lpad(to_hex(floor(extract(epoch FROM ${at}) * 1000)::bigint), 12, '0') || '4' || lpad(to_hex((${unique}) & 4095), 3, '0') || '8' || lpad(to_hex((${unique}) >> 12), 15, '0'))::uuid`;

/**
 * Adds `members` generated members (and about `ordersPerMember` orders each on average) to the database at `url`.
 * Resolves to what was written and how long it took. `phones` ({ encrypt, blindIndex }, e.g. the API's PhoneCipher)
 * makes real phone ciphertexts; without it phone_cipher is empty and the blind index is a plain SHA-256.
 *
 * Phases, each spread over `jobs` connections: members in chunks of `chunk` (with their WeChat links, consents, skin
 * results and tags); orders window by window in time (`windowDays` long), the way a shop's order table grows, so the
 * heap is in time order as in production; the secondary order indexes; each member's tier from the last 365 days of
 * spend; VACUUM ANALYZE (or only ANALYZE with `vacuum: false`).
 */
export async function generateMembers({
  url,
  members = 1_000_000,
  ordersPerMember = 10,
  chunk = 25_000,
  windowDays = 14,
  jobs = Math.max(1, cpus().length),
  phones = null,
  vacuum = true,
  progress = true,
  log = (line) => console.log(line),
  now = new Date(),
}) {
  if (!(members >= 1)) throw new RangeError('members must be at least 1');
  const started = process.hrtime.bigint();
  const elapsed = (since = started) => Number(process.hrtime.bigint() - since) / 1e9;
  const { ref, skipTriggers } = await withClient(url, async (db) => ({ ref: await referenceData(db, log), skipTriggers: await canSkipTriggers(db) }));
  const first = ref.lastMember + 1;
  const last = ref.lastMember + members;
  const params = statementParams(ref, { now, ordersPerMember });
  // Rows are consistent by construction (every reference comes from the same statement or from rows read back), so
  // when no user trigger would be skipped the load does without the foreign-key triggers: they were a fifth of the
  // time, mostly locking each referenced row. Needs superuser; otherwise the checks run as usual.
  const session = [`SET synchronous_commit = off`, `SET work_mem = '256MB'`, `SET temp_buffers = '256MB'`, `SET jit = off`];
  if (skipTriggers) session.push(`SET session_replication_role = replica`);

  const bars = progress
    ? new cliProgress.MultiBar(
        {
          format: ' {bar} {percentage}% | {label} {value}/{total} | {rate}/s | {duration_formatted}',
          hideCursor: true,
          clearOnComplete: false,
          noTTYOutput: true,
          notTTYSchedule: 10_000,
          barsize: 30,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const totals = { members: 0, orders: 0, items: 0, skinResults: 0, tags: 0 };
  const memberBar = bars?.create(members, 0, { label: 'members', rate: 0 });
  const expectedOrders = Math.round(members * ordersPerMember);
  const orderBar = bars?.create(expectedOrders, 0, { label: 'orders ', rate: 0 });
  const seconds = {};

  let t0 = process.hrtime.bigint();
  const chunks = [];
  for (let lo = first; lo <= last; lo += chunk) chunks.push({ lo, hi: Math.min(lo + chunk - 1, last) });
  await inParallel(url, jobs, session, chunks, null, async (db, c) => {
    await db.query('SELECT setseed($1)', [seedFor(c.lo)]);
    await db.query(MEMBER_SQL, [c.lo, ...phoneArrays(c, phones), ...params.member]);
    const [extras] = (await db.query(EXTRAS_SQL, [memberNo(c.lo), memberNo(c.hi), ...params.extras])).rows;
    totals.members += c.hi - c.lo + 1;
    totals.skinResults += Number(extras.skin);
    totals.tags += Number(extras.tags);
    memberBar?.update(totals.members, { rate: Math.round(totals.members / elapsed(t0)) });
  });
  seconds.members = elapsed(t0);

  // Orders, window by window. Each connection first lists the orders of its windows (every jobs-th one) in a temporary
  // table in time order. The secondary indexes of orders and lines are dropped for the load and built afterwards in
  // one sorted pass each: maintained row by row, those leading with member_id take random inserts all over them in
  // every window (as much I/O per window as the whole index at 10M orders), and even the time-keyed ones cost more
  // than a build. A run that fails or is interrupted (Ctrl-C) builds them before it exits; one that is killed prints
  // the statements to restore them first.
  t0 = process.hrtime.bigint();
  const windows = await withClient(url, async (db) => {
    const [{ start }] = (await db.query(WINDOW_START_SQL, [memberNo(first), memberNo(last)])).rows;
    const list = [];
    for (let from = start.getTime(); from < now.getTime(); from += windowDays * DAY_SECONDS * 1000) {
      list.push({ index: list.length, from: new Date(from), until: new Date(from + windowDays * DAY_SECONDS * 1000) });
    }
    return list;
  });
  const workers = Math.max(1, Math.min(jobs, windows.length));
  const dropped = await withClient(url, async (db) => {
    const { rows } = await db.query(LOAD_INDEXES_SQL);
    for (const ix of rows) await db.query(`DROP INDEX ${ix.name}`);
    return rows;
  });
  if (dropped.length > 0) log(`indexes built after the load (if this run is killed, restore them with: ${dropped.map((ix) => `${ix.def};`).join(' ')})`);
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const outcomes = await Promise.allSettled(
      Array.from({ length: workers }, (_, worker) =>
        withClient(url, async (db) => {
          for (const q of session) await db.query(q);
          await db.query(ORDER_PLAN_TABLE_SQL);
          await db.query(ORDER_PLAN_SQL, [memberNo(first), memberNo(last), ...params.plan, windows[0].from, `${windowDays} days`, worker, workers]);
          await db.query('CREATE INDEX ON gen_order (t)'); // on rows already in time order (ORDER_PLAN_SQL sorts them)
          await db.query('ANALYZE gen_order');
          for (const w of windows.filter((x) => x.index % workers === worker)) {
            if (stopping) throw new Error('stopped');
            await db.query('BEGIN');
            try {
              await db.query('SELECT setseed($1)', [seedFor(w.from.getTime() / 86_400_000)]);
              const [r] = (await db.query(ORDERS_SQL, [w.from, w.until, ...params.orders])).rows;
              await db.query('COMMIT');
              totals.orders += Number(r.orders);
              totals.items += Number(r.items);
              if (totals.orders > expectedOrders) orderBar?.setTotal(totals.orders);
              orderBar?.update(totals.orders, { rate: Math.round(totals.orders / elapsed(t0)) });
            } catch (e) {
              stopping = true;
              await db.query('ROLLBACK').catch(() => undefined);
              throw e;
            }
          }
        }),
      ),
    );
    const failure = outcomes.find((o) => o.status === 'rejected');
    if (failure) throw failure.reason;
  } finally {
    orderBar?.setTotal(totals.orders);
    bars?.stop();
    seconds.orders = elapsed(t0);
    t0 = process.hrtime.bigint();
    const queue = [...dropped];
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(jobs, queue.length)) }, () =>
        withClient(url, async (db) => {
          await db.query(`SET maintenance_work_mem = '1GB'`);
          for (let ix = queue.shift(); ix; ix = queue.shift()) await db.query(ix.def);
        }),
      ),
    );
    seconds.indexes = elapsed(t0);
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
  }

  t0 = process.hrtime.bigint();
  await withClient(url, async (db) => {
    for (const q of session) await db.query(q);
    await db.query(TIERS_SQL, [memberNo(first), memberNo(last), ...params.tiers]);
  });
  seconds.tiers = elapsed(t0);
  const loadSeconds = elapsed();

  // VACUUM rather than a bare ANALYZE: it also sets hint bits and the visibility map, which otherwise the first query
  // over the new rows (or autovacuum, in the middle of a benchmark) would do.
  t0 = process.hrtime.bigint();
  const tables = ['member', 'member_wechat', 'member_consent', 'member_tier', 'member_tag', 'skin_session', 'skin_result', 'sales_order', 'order_item'];
  await withClient(url, async (db) => {
    await db.query(`SET maintenance_work_mem = '512MB'`);
    await db.query(`${vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${tables.join(', ')}`);
  });
  seconds[vacuum ? 'vacuumAnalyze' : 'analyze'] = elapsed(t0);

  const result = {
    ...totals,
    firstMemberNo: memberNo(first),
    lastMemberNo: memberNo(last),
    chunk,
    windowDays,
    jobs,
    foreignKeyTriggers: !skipTriggers,
    encryptedPhones: Boolean(phones),
    seconds: Object.fromEntries(Object.entries({ ...seconds, load: loadSeconds, total: elapsed() }).map(([k, v]) => [k, +v.toFixed(1)])),
    membersPerSecond: Math.round(totals.members / seconds.members),
    ordersPerSecond: Math.round(totals.orders / seconds.orders),
  };
  log(
    `generated ${totals.members} members (${result.membersPerSecond}/s), ${totals.orders} orders with ${totals.items} lines (${result.ordersPerSecond} orders/s), ` +
      `${totals.skinResults} skin results, ${totals.tags} tags; tiers ${result.seconds.tiers}s, ${vacuum ? 'VACUUM ANALYZE' : 'ANALYZE'} ` +
      `${result.seconds[vacuum ? 'vacuumAnalyze' : 'analyze']}s, ${result.seconds.total}s in all`,
  );
  return result;
}

async function withClient(url, fn) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

/** Runs `run(db, task)` for every task on `jobs` connections, each task in its own transaction. */
async function inParallel(url, jobs, session, tasks, setup, run) {
  let next = 0;
  let failed = null;
  const worker = () =>
    withClient(url, async (db) => {
      for (const q of session) await db.query(q);
      if (setup) await setup(db);
      while (next < tasks.length && !failed) {
        const task = tasks[next++];
        await db.query('BEGIN');
        try {
          await run(db, task);
          await db.query('COMMIT');
        } catch (e) {
          await db.query('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }
    }).catch((e) => {
      failed ??= e;
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, tasks.length)) }, worker));
  if (failed) throw failed;
}

/** A setseed() argument in [-1, 1] from a number, so each chunk or window draws the same values every run. */
function seedFor(x) {
  return ((Math.floor(x) % 1_000_003) / 1_000_003) * 2 - 1;
}

/** Superuser, and no trigger other than the foreign keys' on the tables the generator writes. */
async function canSkipTriggers(db) {
  const [{ superuser, triggers }] = (
    await db.query(
      `SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              (SELECT count(*)::int FROM pg_trigger WHERE NOT tgisinternal AND tgrelid = ANY($1::regclass[])) AS triggers`,
      [['member', 'member_wechat', 'member_consent', 'member_tier', 'member_tag', 'skin_session', 'skin_result', 'sales_order', 'order_item']],
    )
  ).rows;
  return superuser && triggers === 0;
}

export function memberNo(n) {
  return `G0${String(n).padStart(9, '0')}`;
}

/**
 * The n-th generated member's phone (11 digits). The last eight digits are a bijection of n modulo 10⁸ (the multiplier
 * is odd and not a multiple of 5) and the prefix tells the 10⁸ blocks apart, so phones are unique for n below 2·10⁹.
 */
export function generatedPhone(n) {
  const scrambled = Number((BigInt(n) * 7_919_993n + 7_654_321n) % 100_000_000n);
  const prefix = PHONE_PREFIXES[(n + Math.floor(n / 100_000_000)) % PHONE_PREFIXES.length];
  return `${prefix}${String(scrambled).padStart(8, '0')}`;
}

function phoneArrays(c, phones) {
  const plain = [];
  const cipher = [];
  const hash = [];
  for (let n = c.lo; n <= c.hi; n++) {
    const phone = generatedPhone(n);
    const e164 = `+86${phone}`;
    plain.push(phone);
    cipher.push(phones ? phones.encrypt(e164) : '');
    hash.push(phones ? phones.blindIndex(e164) : createHash('sha256').update(e164).digest('hex'));
  }
  return [plain, cipher, hash];
}

/** Stores, advisors, products, tiers, tags, the privacy policy and the skin questionnaire; minimal ones when missing. */
async function referenceData(db, log) {
  let stores = (await db.query(`SELECT id, city FROM store WHERE active ORDER BY code`)).rows;
  if (stores.length === 0) {
    const { rows: [brand] } = await db.query(`INSERT INTO brand (name) VALUES ('Glow 光彩') ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`);
    stores = (
      await db.query(
        `INSERT INTO store (brand_id, code, name, city, address) VALUES
           ($1, 'GEN-SH', '上海生成门店', '上海', '上海市静安区南京西路1号'),
           ($1, 'GEN-BJ', '北京生成门店', '北京', '北京市朝阳区三里屯路1号'),
           ($1, 'GEN-GZ', '广州生成门店', '广州', '广州市天河区天河路1号')
         RETURNING id, city`,
        [brand.id],
      )
    ).rows;
    log('no stores: added 3');
  }
  let advisors = (await db.query(`SELECT id, store_id FROM staff WHERE role = 'advisor' AND active AND store_id IS NOT NULL ORDER BY code`)).rows;
  if (advisors.length === 0) {
    advisors = (
      await db.query(
        `INSERT INTO staff (code, name, role, store_id)
         SELECT 'GEN-A' || s.i || '-' || k, '生成顾问' || s.i || '-' || k, 'advisor', s.id
           FROM unnest($1::uuid[]) WITH ORDINALITY AS s(id, i), generate_series(1, 2) AS k
         RETURNING id, store_id`,
        [stores.map((s) => s.id)],
      )
    ).rows;
    log(`no advisors: added ${advisors.length}`);
  }
  let products = (await db.query(`SELECT id, sku, name, category, price_fen FROM product WHERE active AND price_fen > 0 ORDER BY sku`)).rows;
  if (products.length === 0) {
    products = (
      await db.query(
        `INSERT INTO product (sku, name, category, price_fen) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])
         RETURNING id, sku, name, category, price_fen`,
        [0, 1, 2, 3].map((k) => FALLBACK_PRODUCTS.map((p) => p[k])),
      )
    ).rows;
    log(`no products: added ${products.length}`);
  }
  let tiers = (await db.query(`SELECT code, min_spend_fen FROM tier ORDER BY rank`)).rows;
  if (tiers.length === 0) {
    for (const [rank, [code, name, minSpend, multiplier]] of FALLBACK_TIERS.entries()) {
      await db.query(`INSERT INTO tier (code, name, rank, min_spend_fen, multiplier_pct) VALUES ($1, $2, $3, $4, $5)`, [code, name, rank, minSpend, multiplier]);
    }
    tiers = (await db.query(`SELECT code, min_spend_fen FROM tier ORDER BY rank`)).rows;
    log('no tiers: added the default ladder');
  }
  await db.query(`INSERT INTO tag (label, kind) SELECT unnest($1::text[]), 'manual' ON CONFLICT DO NOTHING`, [MANUAL_TAGS]);
  const manualTags = (await db.query(`SELECT id FROM tag WHERE label = ANY($1::text[]) ORDER BY label`, [MANUAL_TAGS])).rows.map((t) => t.id);
  const [policy] = (await db.query(`SELECT version FROM privacy_policy ORDER BY published_at DESC LIMIT 1`)).rows;
  const [questionnaire] = (
    await db.query(`SELECT v.id FROM questionnaire q JOIN questionnaire_version v ON v.questionnaire_id = q.id AND v.status = 'published' WHERE q."primary"`)
  ).rows;
  if (!questionnaire) log('no published skin questionnaire: no skin results');
  const [{ last }] = (await db.query(`SELECT coalesce(max(substring(member_no FROM 3)::bigint), 0) AS last FROM member WHERE member_no ~ '^G0[0-9]{9}$'`)).rows;
  const lastMember = Number(last);
  return { stores, advisors, products, tiers, manualTags, policy: policy?.version ?? null, questionnaireVersion: questionnaire?.id ?? null, lastMember };
}

/** The arrays each statement indexes into, built once: store/advisor/city lookups, products, tiers, tags. */
function statementParams(ref, { now, ordersPerMember }) {
  const cities = CITIES.map(([name]) => name);
  for (const s of ref.stores) if (!cities.includes(s.city)) cities.push(s.city);
  const slots = CITIES.flatMap(([, weight], i) => Array(weight).fill(i + 1));
  const cityStoreOff = [];
  const cityStoreCnt = [];
  const cityStoreIdx = [];
  for (const city of cities) {
    const idx = ref.stores.flatMap((s, i) => (s.city === city ? [i + 1] : []));
    cityStoreOff.push(cityStoreIdx.length + 1);
    cityStoreCnt.push(idx.length);
    cityStoreIdx.push(...idx);
  }
  if (cityStoreIdx.length === 0) cityStoreIdx.push(1); // keeps the array non-empty; unused when every count is 0
  const advOff = [];
  const advCnt = [];
  const advIds = [];
  for (const s of ref.stores) {
    const ids = ref.advisors.filter((a) => a.store_id === s.id).map((a) => a.id);
    advOff.push(advIds.length + 1);
    advCnt.push(ids.length);
    advIds.push(...ids);
  }
  if (advIds.length === 0) advIds.push(null);
  // Order counts scale with how long a member has been buying; normalise by the mean buying span so the average over
  // all members is ordersPerMember. Mean of u^1.3 is 1/2.3; buyers who stopped did so half-way on average.
  const meanTenureDays = JOIN_SPAN_DAYS / (JOIN_SKEW + 1);
  const meanSpanDays = meanTenureDays * (STILL_ACTIVE + (1 - STILL_ACTIVE) / 2);
  const perBuyer = ordersPerMember / (1 - NEVER_BOUGHT);
  return {
    member: [now, cities, slots, cityStoreOff, cityStoreCnt, cityStoreIdx, ref.stores.map((s) => s.id), advOff, advCnt, advIds, SURNAMES, FEMALE_CHARS, MALE_CHARS, NICKNAMES],
    extras: [now, ref.policy, ref.questionnaireVersion, ref.manualTags],
    plan: [now, meanSpanDays, perBuyer],
    orders: [
      now,
      ref.stores.map((s) => s.id),
      ref.products.map((p) => p.id),
      ref.products.map((p) => p.sku),
      ref.products.map((p) => p.name),
      ref.products.map((p) => p.category),
      ref.products.map((p) => p.price_fen),
    ],
    tiers: [now, ref.tiers.map((t) => t.code), ref.tiers.map((t) => Number(t.min_spend_fen))],
  };
}

// $1 first member number; $2–$4 phones, ciphertexts, blind indexes; $5 now; $6 cities; $7 city slots (weights);
// $8–$10 stores of each city (offset, count, flattened store indexes); $11 store ids; $12–$14 advisors of each store;
// $15–$18 name parts and nicknames.
const MEMBER_SQL = `
INSERT INTO member (id, member_no, name, nickname, gender, birthday, city, phone_cipher, phone_hash, phone_masked, channel, store_id, advisor_id,
                    referral_code, joined_at, skin_profile_at, deleted_at, created_at, updated_at)
SELECT g.id, 'G0' || lpad(g.n::text, 9, '0'),
       CASE WHEN g.deleted OR ${u(3)} < 0.05 THEN NULL
            ELSE ($15::text[])[1 + floor(${u(11)} * array_length($15::text[], 1))::int]
              || CASE WHEN g.gender = 'male' THEN ($17::text[])[1 + floor(${u(12)} * array_length($17::text[], 1))::int]
                      ELSE ($16::text[])[1 + floor(${u(12)} * array_length($16::text[], 1))::int] END
              || CASE WHEN ${u(13)} < 0.3 THEN ''
                      WHEN g.gender = 'male' THEN ($17::text[])[1 + floor(${u(14)} * array_length($17::text[], 1))::int]
                      ELSE ($16::text[])[1 + floor(${u(14)} * array_length($16::text[], 1))::int] END
       END,
       CASE WHEN NOT g.deleted AND ${u(15)} < 0.4 THEN ($18::text[])[1 + floor(${u(16)} * array_length($18::text[], 1))::int] END,
       CASE WHEN g.deleted THEN 'unknown' ELSE g.gender END,
       -- Ages 18–63, most of them 25–40.
       CASE WHEN NOT g.deleted AND ${u(17)} < 0.92
            THEN ($5::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
                 - (make_interval(years => 18 + floor(45 * power((${u(18)} + ${u(19)} + ${u(20)}) / 3, 1.8))::int) + make_interval(days => floor(${u(21)} * 365)::int))
       END::date,
       CASE WHEN NOT g.deleted THEN ($6::text[])[g.ci] END,
       CASE WHEN g.deleted THEN '' ELSE g.cipher END,
       CASE WHEN g.deleted THEN encode(sha256(convert_to('deleted:' || g.id::text, 'UTF8')), 'hex') ELSE g.hash END,
       CASE WHEN g.deleted THEN '已注销' ELSE substr(g.phone, 1, 3) || '****' || substr(g.phone, 8, 4) END,
       CASE WHEN ${u(22)} < 0.35 THEN 'store' ELSE 'wechat' END,
       ($11::uuid[])[g.si],
       CASE WHEN ($13::int[])[g.si] > 0 AND ${u(23)} < 0.7 THEN ($14::uuid[])[($12::int[])[g.si] + floor(${u(24)} * ($13::int[])[g.si])::int] END,
       'R0' || lpad(g.n::text, 9, '0'),
       g.joined_at,
       CASE WHEN NOT g.deleted AND ${u(25)} < 0.2 THEN g.joined_at + ${u(26)} * ($5::timestamptz - g.joined_at) END,
       CASE WHEN g.deleted THEN g.joined_at + ${u(27)} * ($5::timestamptz - g.joined_at) END,
       g.joined_at, g.joined_at
  FROM (
    SELECT ${hashUuid("'member:' || x.n")} AS id, x.n, p.phone, p.cipher, p.hash, c.ci,
           ${u(2, 'x.n')} < 0.002 AS deleted,
           CASE WHEN ${u(4, 'x.n')} < 0.86 THEN 'female' WHEN ${u(4, 'x.n')} < 0.97 THEN 'male' ELSE 'unknown' END AS gender,
           $5::timestamptz - make_interval(secs => ${JOIN_SPAN_DAYS * DAY_SECONDS} * power(${u(10, 'x.n')}, ${JOIN_SKEW})) AS joined_at,
           CASE WHEN ($9::int[])[c.ci] > 0 THEN ($10::int[])[($8::int[])[c.ci] + floor(${u(6, 'x.n')} * ($9::int[])[c.ci])::int]
                ELSE 1 + floor(${u(6, 'x.n')} * array_length($11::uuid[], 1))::int END AS si
      FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS p(phone, cipher, hash, i)
     CROSS JOIN LATERAL (SELECT $1::bigint + p.i - 1 AS n) x
     CROSS JOIN LATERAL (SELECT ($7::int[])[1 + floor(${u(5, 'x.n')} * array_length($7::int[], 1))::int] AS ci) c
  ) g`;

// $1, $2 first and last member_no of the chunk; $3 now; $4 privacy policy version (or null); $5 published skin
// questionnaire version (or null); $6 manual tag ids. WeChat links and privacy consents for members who joined on
// WeChat; a skin session, result, consent and rule tags for members with skin_profile_at; manual tags for a fifth.
const EXTRAS_SQL = `
WITH m AS MATERIALIZED (
  SELECT id, substring(member_no FROM 3)::bigint AS n, channel, joined_at, deleted_at, skin_profile_at, advisor_id
    FROM member WHERE member_no BETWEEN $1 AND $2
), wx AS (
  INSERT INTO member_wechat (openid, member_id, created_at, last_login_at)
  SELECT 'ogen' || lpad(n::text, 10, '0') || substr(md5(id::text), 1, 14), id, joined_at, joined_at + ${u(50)} * ($3::timestamptz - joined_at)
    FROM m WHERE channel = 'wechat' AND deleted_at IS NULL
), privacy AS (
  INSERT INTO member_consent (member_id, kind, version, granted_at, revoked_at)
  SELECT id, 'privacy', $4::varchar, joined_at, deleted_at FROM m WHERE channel = 'wechat' AND $4::varchar IS NOT NULL
), s AS MATERIALIZED (
  SELECT id, n, skin_profile_at AS taken_at, ${hashUuid("'skin-session:' || n")} AS session_id,
         CASE WHEN ${u(60)} < 0.25 THEN 'dry' WHEN ${u(60)} < 0.45 THEN 'oily' WHEN ${u(60)} < 0.8 THEN 'combination' ELSE 'normal' END AS skin_type,
         ${u(61)} < 0.35 AS sensitive, ${u(62)} AS sens_u
    FROM m WHERE skin_profile_at IS NOT NULL AND $5::uuid IS NOT NULL
), sc AS MATERIALIZED (
  SELECT s.*,
         (array_remove(ARRAY[
            CASE WHEN ${u(63)} < 0.25 THEN 'acne' END, CASE WHEN ${u(64)} < 0.3 THEN 'spots' END, CASE WHEN ${u(65)} < 0.2 THEN 'wrinkles' END,
            CASE WHEN ${u(66)} < 0.35 THEN 'dullness' END, CASE WHEN ${u(67)} < (CASE WHEN skin_type IN ('oily', 'combination') THEN 0.5 ELSE 0.15 END) THEN 'pores' END,
            CASE WHEN ${u(68)} < (CASE WHEN sensitive THEN 0.6 ELSE 0.1 END) THEN 'redness' END,
            CASE WHEN ${u(69)} < (CASE WHEN skin_type = 'dry' THEN 0.6 ELSE 0.2 END) THEN 'dehydration' END,
            CASE WHEN ${u(70)} < 0.2 THEN 'dark_circles' END, CASE WHEN ${u(71)} < 0.15 THEN 'firmness' END], NULL))[1:4] AS concerns,
         array_remove(ARRAY[CASE WHEN ${u(72)} < (CASE WHEN sensitive THEN 0.4 ELSE 0.08 END) THEN 'fragrance' END,
                            CASE WHEN ${u(73)} < (CASE WHEN sensitive THEN 0.3 ELSE 0.05 END) THEN 'alcohol' END,
                            CASE WHEN ${u(74)} < 0.04 THEN 'retinol' END], NULL) AS allergens,
         CASE WHEN sensitive THEN 40 + floor(sens_u * 61)::int ELSE floor(sens_u * 40)::int END AS score
    FROM s
), sessions AS (
  INSERT INTO skin_session (id, member_id, questionnaire_version_id, answers, status, started_at, updated_at, submitted_at)
  SELECT session_id, id, $5::uuid, '[]', 'submitted', taken_at - interval '3 minutes', taken_at, taken_at FROM sc
), results AS (
  INSERT INTO skin_result (member_id, session_id, questionnaire_version_id, answers, skin_type, sensitive, sensitivity, sensitivity_score, concerns, allergens,
                           type_scores, concern_scores, summary, explanation, taken_at)
  SELECT id, session_id, $5::uuid, '[]', skin_type, sensitive, CASE WHEN score >= 70 THEN 'high' WHEN score >= 40 THEN 'medium' ELSE 'low' END, score, concerns, allergens,
         jsonb_build_object('dry', CASE WHEN skin_type = 'dry' THEN 9 ELSE 3 END, 'oily', CASE WHEN skin_type = 'oily' THEN 9 ELSE 3 END,
                            'combination', CASE WHEN skin_type = 'combination' THEN 9 ELSE 4 END, 'normal', CASE WHEN skin_type = 'normal' THEN 9 ELSE 2 END),
         coalesce((SELECT jsonb_object_agg(c, 3) FROM unnest(concerns) c), '{}'),
         ('${JSON.stringify(SKIN_TYPE_SUMMARY)}'::jsonb ->> skin_type) || CASE WHEN sensitive THEN '·易敏感' ELSE '' END,
         '根据问卷作答综合评估得出（生成数据）。', taken_at
    FROM sc
), skin_consent AS (
  INSERT INTO member_consent (member_id, kind, version, granted_at) SELECT id, 'skin_data', '${SKIN_DATA_NOTICE_VERSION}', taken_at - interval '4 minutes' FROM sc
), rule_tags AS (
  INSERT INTO member_tag (member_id, tag_id, added_at)
  SELECT sc.id, t.id, sc.taken_at
    FROM sc
   CROSS JOIN LATERAL unnest(array_remove(ARRAY[
           CASE WHEN sensitive THEN 'sensitive-skin' END, CASE WHEN 'acne' = ANY(concerns) THEN 'acne-concern' END,
           CASE WHEN skin_type = 'dry' THEN 'dry-skin' END, CASE WHEN skin_type = 'oily' THEN 'oily-skin' END,
           CASE WHEN concerns && ARRAY['wrinkles', 'firmness'] THEN 'anti-aging' END,
           CASE WHEN concerns && ARRAY['spots', 'dullness'] THEN 'brightening' END], NULL)) AS k
    JOIN tag t ON t.key = k
  RETURNING 1
), manual AS (
  INSERT INTO member_tag (member_id, tag_id, added_by_id, added_at)
  SELECT m.id, ($6::uuid[])[1 + (x.first + k * (1 + floor(${u(82)} * (cardinality($6::uuid[]) - 1))::int)) % cardinality($6::uuid[])], m.advisor_id,
         m.joined_at + ${u(83)} * ($3::timestamptz - m.joined_at)
    FROM m
   CROSS JOIN LATERAL (SELECT floor(${u(81)} * cardinality($6::uuid[]))::int AS first) x
   CROSS JOIN LATERAL generate_series(0, CASE WHEN ${u(84)} < 0.3 AND cardinality($6::uuid[]) > 1 THEN 1 ELSE 0 END) k
   WHERE m.deleted_at IS NULL AND ${u(80)} < 0.2 AND cardinality($6::uuid[]) > 0
  RETURNING 1
)
SELECT (SELECT count(*) FROM sc) AS skin, (SELECT count(*) FROM rule_tags) + (SELECT count(*) FROM manual) AS tags`;

// The first window starts at midnight (Shanghai) of the day the first generated member joined.
const WINDOW_START_SQL = `
SELECT date_trunc('day', min(joined_at) AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai' AS start FROM member WHERE member_no BETWEEN $1 AND $2`;

// The indexes of sales_order and order_item that back no constraint (all but the primary keys, which foreign keys
// depend on): dropped during the load and built afterwards, largest first.
const LOAD_INDEXES_SQL = `
SELECT format('%I', c.relname) AS name, pg_get_indexdef(i.indexrelid) AS def
  FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
 WHERE i.indrelid IN ('sales_order'::regclass, 'order_item'::regclass)
   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
 ORDER BY i.indrelid = 'order_item'::regclass DESC, c.relname`;

const ORDER_PLAN_TABLE_SQL = `
CREATE TEMP TABLE gen_order (t timestamptz, member_id uuid, n bigint, j int, joined_at timestamptz, home_store uuid, home_advisor uuid)`;

// Every order of the member range that falls in this connection's windows (window i goes to connection i mod $8):
// its member, number j and moment t. A member buys from joining until active_until (today for the 45% still buying,
// else some moment after joining), k times in all, k exponential with a mean proportional to that span (most
// members buy a few times, some very often); the j-th order falls at joined_at + span · (j − 1 + v)/k with v a hash
// of the order, so orders are spread over the span and every order has one moment, whatever the windows.
// $1, $2 member_no range; $3 now; $4 mean buying span in days; $5 mean orders per buyer; $6 first window's start;
// $7 window length; $8 this connection; $9 connections.
const ORDER_PLAN_SQL = `
INSERT INTO gen_order
SELECT x.t, p.id, p.n, j, p.joined_at, p.store_id, p.advisor_id
  FROM (SELECT m.*, greatest(60, extract(epoch FROM active_until - joined_at)) AS span,
               CASE WHEN ${u(30)} < ${NEVER_BOUGHT} THEN 0
                    ELSE least(${MAX_ORDERS_PER_MEMBER}, 1 + round(-ln(1 - ${u(31)}) * greatest(0, $5::float8 * extract(epoch FROM active_until - joined_at) / ${DAY_SECONDS} / $4::float8 - 1)))::int
               END AS k
          FROM (SELECT id, x.n, joined_at, store_id, advisor_id,
                       CASE WHEN ${u(32, 'x.n')} < ${STILL_ACTIVE} THEN $3::timestamptz ELSE joined_at + ${u(33, 'x.n')} * ($3::timestamptz - joined_at) END AS active_until
                  FROM member CROSS JOIN LATERAL (SELECT substring(member_no FROM 3)::bigint AS n) x
                 WHERE member_no BETWEEN $1 AND $2) m) p
 CROSS JOIN LATERAL generate_series(1, p.k) AS j
 CROSS JOIN LATERAL (SELECT p.joined_at + make_interval(secs => p.span * (j - 1 + ${u(90, 'p.n * 1000 + j')}) / p.k) AS t) x
 WHERE floor(extract(epoch FROM x.t - $6::timestamptz) / extract(epoch FROM $7::interval))::int % $9::int = $8::int
 ORDER BY x.t`;

// The orders of one window [$1, $2) from gen_order, each moved to a shop hour (10:00–22:00 Shanghai) of its day.
// Order and line ids start with the order's time (version-4-shaped UUIDs), so the primary keys grow at the end. 70% are store purchases (the home store mostly, with the
// member's advisor), 30% online (W…, no store); 1.5% of online orders were never paid and were cancelled, 2.5% are
// refunded, 3% partly refunded (the last line returned); a quarter had a discount of 5–20% spread over the lines.
// $3 now; $4 store ids; $5–$9 products (id, sku, name, category, price).
const ORDERS_SQL = `
WITH c AS MATERIALIZED (
  SELECT member_id, n, j, t, joined_at, home_store, home_advisor FROM gen_order WHERE t >= $1::timestamptz AND t < $2::timestamptz
), o0 AS MATERIALIZED (
  SELECT member_id, n * 1000 + j AS serial, home_store, home_advisor,
         greatest(joined_at + interval '5 minutes',
                  least((((t AT TIME ZONE 'Asia/Shanghai')::date + time '10:00' + random() * interval '12 hours') AT TIME ZONE 'Asia/Shanghai'),
                        $3::timestamptz - interval '1 minute')) AS at,
         random() AS r_channel, random() AS r_status, random() AS r_store, random() AS r_lines, random() AS r_disc, random() AS r_refund
    FROM c
), o AS MATERIALIZED (
  SELECT ${timeUuid('at', 'serial')} AS id,
         member_id, serial, at, ch.channel,
         CASE WHEN ch.channel = 'online' AND r_status < 0.015 THEN 'cancelled'
              WHEN r_status < 0.04 THEN 'refunded'
              WHEN r_status < 0.07 AND r_lines >= 0.55 THEN 'partially_refunded'
              ELSE 'paid' END AS status,
         CASE WHEN ch.channel = 'online' THEN NULL
              WHEN home_store IS NOT NULL AND r_store < 0.85 THEN home_store
              ELSE ($4::uuid[])[1 + floor(r_store * 0.999 * cardinality($4::uuid[]))::int] END AS store_id,
         home_store, home_advisor,
         CASE WHEN r_lines < 0.55 THEN 1 WHEN r_lines < 0.83 THEN 2 WHEN r_lines < 0.95 THEN 3 ELSE 4 END AS lines,
         CASE WHEN r_disc < 0.25 THEN 0.05 + 0.6 * r_disc ELSE 0 END AS disc_rate,
         r_refund
    FROM o0 CROSS JOIN LATERAL (SELECT CASE WHEN r_channel < 0.3 THEN 'online' ELSE 'store' END AS channel) ch
), l0 AS MATERIALIZED (
  SELECT o.id AS order_id, o.serial, o.at, o.status, o.lines, o.disc_rate, q AS position,
         1 + floor(random() * cardinality($5::uuid[]))::int AS pi, 1 + (random() < 0.1)::int + (random() < 0.02)::int AS qty
    FROM o CROSS JOIN LATERAL generate_series(1, o.lines) AS q
), l AS MATERIALIZED (
  SELECT order_id, serial, at, position, pi, qty, ($9::int[])[pi] * qty AS line_fen, floor(($9::int[])[pi] * qty * disc_rate)::int AS line_disc,
         (status = 'refunded' OR (status = 'partially_refunded' AND position = lines)) AS returned
    FROM l0
), sums AS MATERIALIZED (
  SELECT order_id, sum(line_fen)::int AS subtotal, sum(line_disc)::int AS discount, coalesce(sum(line_fen - line_disc) FILTER (WHERE returned), 0)::int AS refunded
    FROM l GROUP BY order_id
), orders AS (
  INSERT INTO sales_order (id, order_no, member_id, channel, status, store_id, advisor_id, receipt_no, subtotal_fen, discount_fen, total_fen, refunded_fen,
                           payment_ref, idempotency_key, paid_at, cancelled_at, pay_before, created_at, updated_at)
  SELECT o.id, x.order_no, o.member_id, o.channel, o.status, o.store_id,
         CASE WHEN o.store_id = o.home_store THEN o.home_advisor END,
         CASE WHEN o.channel = 'store' THEN 'G' || substr(x.order_no, 2) END,
         s.subtotal, s.discount, s.subtotal - s.discount, s.refunded,
         CASE WHEN o.channel = 'online' AND o.status <> 'cancelled' THEN 'gen' || o.serial END,
         'gen:' || x.order_no,
         CASE WHEN o.status <> 'cancelled' THEN o.at END,
         CASE WHEN o.status = 'cancelled' THEN o.at + interval '30 minutes' END,
         CASE WHEN o.channel = 'online' THEN o.at + interval '30 minutes' END,
         CASE WHEN o.channel = 'online' THEN o.at - interval '2 minutes' ELSE o.at END,
         CASE WHEN o.status IN ('refunded', 'partially_refunded') THEN o.at + (1 + floor(o.r_refund * 7)) * interval '1 day'
              WHEN o.status = 'cancelled' THEN o.at + interval '30 minutes' ELSE o.at END
    FROM o JOIN sums s ON s.order_id = o.id
   CROSS JOIN LATERAL (SELECT CASE WHEN o.channel = 'online' THEN 'W' ELSE 'S' END || to_char(o.at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD')
                              || lpad(o.serial::text, 12, '0') AS order_no) x
   ORDER BY o.at
), items AS (
  INSERT INTO order_item (id, order_id, product_id, sku, name, category, unit_price_fen, quantity, paid_fen, refunded_quantity, position)
  SELECT ${timeUuid('at', 'serial * 4 + position - 1')},
         order_id, ($5::uuid[])[pi], ($6::text[])[pi], ($7::text[])[pi], ($8::text[])[pi], ($9::int[])[pi], qty, line_fen - line_disc,
         CASE WHEN returned THEN qty ELSE 0 END, position
    FROM l
)
SELECT (SELECT count(*) FROM o) AS orders, (SELECT count(*) FROM l) AS items`;

// Each generated member's tier from the last 365 days of net spend on the ladder. $1, $2 member_no range; $3 now;
// $4, $5 tier codes and minimum spends by rank.
const TIERS_SQL = `
INSERT INTO member_tier (member_id, tier_code, since)
SELECT m.id, t.code, CASE WHEN t.rank = 1 THEN m.joined_at ELSE greatest(m.joined_at, $3::timestamptz - ${u(40)} * interval '300 days') END
  FROM (SELECT id, joined_at, substring(member_no FROM 3)::bigint AS n FROM member WHERE member_no BETWEEN $1 AND $2) m
  LEFT JOIN (SELECT member_id, sum(total_fen - refunded_fen) AS fen FROM sales_order
              WHERE status IN ('paid', 'partially_refunded') AND paid_at > $3::timestamptz - interval '365 days' GROUP BY member_id) s ON s.member_id = m.id
 CROSS JOIN LATERAL (SELECT code, rank FROM unnest($4::text[], $5::bigint[]) WITH ORDINALITY AS t(code, min_fen, rank)
                      WHERE t.min_fen <= coalesce(s.fen, 0) ORDER BY t.rank DESC LIMIT 1) t`;

async function cipherFromBuiltApi() {
  try {
    const { loadConfig, PhoneCipher } = await import('./harness.mjs');
    const config = loadConfig(process.env, { logLevel: 'silent' });
    return new PhoneCipher(config.phoneEncryptionKey, config.phoneHmacKey);
  } catch (e) {
    console.warn(`API not built or config invalid (${e.message.split('\n')[0]}): phones are not encrypted (phone_cipher empty, blind index = SHA-256)`);
    return null;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const flag = (name) => process.argv.find((a) => a.startsWith(`--${name}`))?.split('=')[1];
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('Set DATABASE_URL to a migrated database (e.g. postgres://postgres@127.0.0.1:5432/glow_big).');
    process.exit(2);
  }
  const result = await generateMembers({
    url,
    members: Number(positional[0] ?? 1_000_000),
    ordersPerMember: Number(positional[1] ?? 10),
    chunk: Number(flag('chunk') ?? 25_000),
    windowDays: Number(flag('window-days') ?? 14),
    jobs: Number(flag('jobs') ?? Math.max(1, cpus().length)),
    vacuum: !process.argv.includes('--no-vacuum'),
    phones: await cipherFromBuiltApi(),
  });
  console.log(JSON.stringify(result, null, 2));
  process.exit(0);
}
