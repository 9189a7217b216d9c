// What every benchmark shares: the built API's modules (run `npx nx run api:build` first), a scratch database
// seeded with the demo brand, and a throughput measurement with a fixed number of requests in flight.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist', 'apps', 'api', 'apps', 'api', 'src');
export const require = createRequire(import.meta.url);
require(join(dist, 'register-paths.js'));
require('reflect-metadata');
export const { DataSource } = require('typeorm');
export const { createApp } = require(join(dist, 'bootstrap.js'));
export const { loadConfig } = require(join(dist, 'platform/config/app-config.js'));
export const { PhoneCipher } = require(join(dist, 'platform/crypto/phone-cipher.js'));
export const { AccessTokenService } = require(join(dist, 'platform/auth/access-token.service.js'));
export const { dataSourceOptions } = require(join(dist, 'platform/database/data-source-options.js'));
export const { runMigrations } = require(join(dist, 'platform/database/run-migrations.js'));
export const { openScratchDatabase } = require(join(dist, 'platform/database/scratch-database.js'));
export const { seedDemo, demoPhone } = require(join(dist, 'seed/demo-seed.js'));
export const domain = require(join(here, '..', 'dist', 'apps', 'api', 'libs', 'domain', 'src', 'index.js'));

/** Requests per second for `count` calls of `fn`, `concurrency` at a time; prints one line under `label`. */
export async function measure(label, count, concurrency, fn) {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await fn(next++);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const perSecond = count / seconds;
  console.log(`${label.padEnd(44)} ${perSecond.toFixed(0).padStart(7)} req/s`);
  return perSecond;
}

/**
 * Like `measure`, and also the latency of each call: answers requests per second, p50 and p99 in milliseconds.
 */
export async function measureLatency(label, count, concurrency, fn) {
  const took = [];
  const perSecond = await measure(label, count, concurrency, async (i) => {
    const t0 = process.hrtime.bigint();
    await fn(i);
    took.push(Number(process.hrtime.bigint() - t0) / 1e6);
  });
  took.sort((a, b) => a - b);
  const at = (q) => +took[Math.min(took.length - 1, Math.floor(q * took.length))].toFixed(2);
  console.log(`${''.padEnd(44)} p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`);
  return { perSecond, p50: at(0.5), p99: at(0.99) };
}
