#!/usr/bin/env node
// `npm test`: unit tests of every project, API end-to-end tests on real PostgreSQL with the WeChat sandbox,
// then browser end-to-end tests in Chromium against the built H5 mini-program and console.
// Uses an embedded PostgreSQL unless DATABASE_URL is set (then a fresh database on that server).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, TZ: 'UTC', NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const out = join(root, 'test', 'output');
mkdirSync(out, { recursive: true });
const only = process.argv[2]; // unit | api | browser (optional)

const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  return r.status === 0;
}

function jest(label, config) {
  console.log(`\n▸ ${label}`);
  const json = join(out, `jest-${label.replace(/\W+/g, '-')}.json`);
  const passed = sh('npx', ['jest', '-c', config, '--json', `--outputFile=${json}`]);
  if (existsSync(json)) {
    const r = JSON.parse(readFileSync(json, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
    totals.skipped += r.numPendingTests + r.numTodoTests;
  }
  if (!passed) ok = false;
}

if (!only || only === 'unit') jest('unit tests', 'jest.config.js');
if (!only || only === 'api') jest('API end-to-end', 'test/api/jest.config.js');
if (!only || only === 'browser') {
  console.log('\n▸ building the clients and the API for the browser tests');
  const built =
    sh('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'wechat-sandbox', 'console', '--parallel=1', '--outputStyle=static']) &&
    sh('npx', ['nx', 'run', 'miniprogram:build-h5', '--outputStyle=static']);
  if (built) jest('browser end-to-end', 'test/browser/jest.config.js');
  else {
    ok = false;
    totals.failed += 1;
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
