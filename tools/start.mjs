#!/usr/bin/env node
// `npm start`: build what is missing, seed the demo brand once, then run the WeChat sandbox and the API
// (which serves the console and the H5 mini-program). Uses an embedded PostgreSQL unless DATABASE_URL is set.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const apiPort = env.PORT ?? '3000';
const sandboxPort = env.SANDBOX_PORT ?? '3100';
const host = env.HOST ?? '127.0.0.1';
const children = [];

function run(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed`);
    process.exit(r.status ?? 1);
  }
}

function start(name, args, extraEnv) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...env, ...extraEnv } });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`\n✗ ${name} stopped (${signal ?? code}); shutting down`);
    stop(1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.once('exit', r))))).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitFor(url, seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

console.log('▸ Building the API, WeChat sandbox, console and H5 mini-program (cached after the first run)…');
run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'wechat-sandbox', 'console', '--parallel=1', '--outputStyle=static']);
run('npx', ['nx', 'run', 'miniprogram:build-h5', '--outputStyle=static']);

const wechatBase = `http://${host}:${sandboxPort}`;
const apiEnv = {
  PORT: apiPort,
  HOST: host,
  WECHAT_API_BASE: env.WECHAT_API_BASE ?? wechatBase,
  WECHAT_PAY_API_BASE: env.WECHAT_PAY_API_BASE ?? wechatBase,
  // WeChat Pay notifies the API here (the sandbox posts to it).
  PUBLIC_BASE_URL: env.PUBLIC_BASE_URL ?? `http://${host}:${apiPort}`,
  DEMO_MODE: env.DEMO_MODE ?? 'true',
  CONSOLE_DIST: join(root, 'apps/console/dist'),
  H5_DIST: join(root, 'apps/miniprogram/dist/h5'),
};

console.log('▸ Migrating and seeding the demo brand (once; later starts skip what is there)…');
run(process.execPath, ['dist/apps/api/apps/api/src/seed/seed.cli.js', env.SEED_MEMBERS ?? '3000'], apiEnv);

console.log('▸ Starting the WeChat sandbox and the API…');
start('WeChat sandbox', ['dist/apps/wechat-sandbox/main.js'], { SANDBOX_PORT: sandboxPort, SANDBOX_HOST: host });
start('API', ['dist/apps/api/apps/api/src/main.js'], apiEnv);

try {
  await waitFor(`${wechatBase}/__control/calls`, 30);
  await waitFor(`http://${host}:${apiPort}/health`, 60);
} catch (e) {
  console.error(`✗ ${e.message}`);
  stop(1);
}
const base = `http://${host}:${apiPort}`;
console.log(`
Glow is running.

  Mini-program (H5)  ${base}/h5/
  Staff console      ${base}/console/
  API docs           ${base}/docs
  Health             ${base}/health
  WeChat sandbox     ${wechatBase}

Demo sign-ins for the console (password glow1234 for all):
  admin      管理员 (all stores)
  marketer   市场 (all stores)
  manager1   店长 · 上海静安嘉里中心店     manager2 · 北京   manager3 · 广州
  advisor1   导购 · 上海静安嘉里中心店     advisor2…advisor6 · other stores

In the H5 mini-program, WeChat login and the phone button are simulated by the sandbox (demo mode).
Press Ctrl+C to stop.
`);
