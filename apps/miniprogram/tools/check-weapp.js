#!/usr/bin/env node
/*
 * Offline validity checks of the WeChat build in apps/miniprogram/dist/weapp (run after build-weapp):
 *  1. every WXML file compiles with the official wcc and every page renders;
 *  2. every WXSS file compiles with the official wcsc;
 *  3. miniprogram-ci: app.json / page JSON schemas, the code-quality checks and the code analysis
 *     (with a throw-away appid and private key; nothing here talks to WeChat's servers);
 *  4. the main package and every subpackage stay under WeChat's 2 MB limit (each).
 * Writes the package sizes to dist/weapp-report.json and exits non-zero on any failure.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { wxmlToJs } = require('miniprogram-compiler');
// The package's wxssToJs() hides wcsc failures (the compiler returns an Error instead of throwing).
const wcsc = require('miniprogram-compiler/src/wcsc');
const ci = require('miniprogram-ci');

const APP_ROOT = path.resolve(__dirname, '..');
const WEAPP = path.join(APP_ROOT, 'dist', 'weapp');
const REPORT = path.join(APP_ROOT, 'dist', 'weapp-report.json');
const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024;
// WeChat limits each subpackage to 2 MB as well (and the whole app to 20 MB).
const SUBPACKAGE_LIMIT = 2 * 1024 * 1024;
const COMPILER_BUFFER = 64 * 1024 * 1024;

const errors = [];
const fail = (check, message) => errors.push({ check, message });

function listFiles(dir, extension, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listFiles(full, extension, base);
    return entry.name.endsWith(extension) ? [path.relative(base, full).split(path.sep).join('/')] : [];
  });
}

function readJson(relative) {
  return JSON.parse(fs.readFileSync(path.join(WEAPP, relative), 'utf8'));
}

function checkWxml() {
  const files = listFiles(WEAPP, '.wxml');
  let $gwx;
  try {
    const code = wxmlToJs(WEAPP, { maxBuffer: COMPILER_BUFFER });
    // The generated code expects a browser-like global object.
    globalThis.window = globalThis;
    globalThis.navigator ??= { userAgent: 'node' };
    $gwx = new Function('global', code)({});
  } catch (error) {
    fail('wxml', error.message);
    return { files: files.length, rendered: 0 };
  }
  // Taro renders every page through generic templates; component wrappers (comp.wxml) pick one by `i.nn`.
  const baseWxml = fs.existsSync(path.join(WEAPP, 'base.wxml')) ? fs.readFileSync(path.join(WEAPP, 'base.wxml'), 'utf8') : '';
  const someNode = /<template name="tmpl_0_([A-Za-z0-9]+)"/.exec(baseWxml)?.[1] ?? '0';
  const data = { root: { cn: [], uid: 'check' }, i: { nn: someNode, cn: [], uid: 'check' } };
  // The WXML runtime reports missing templates and bad expressions on the console instead of throwing.
  const runtimeProblems = [];
  const original = { log: console.log, warn: console.warn, error: console.error };
  const capture = (...args) => runtimeProblems.push(args.map(String).join(' '));
  let rendered = 0;
  for (const file of files) {
    const render = $gwx(file);
    if (typeof render !== 'function') {
      fail('wxml', `${file}: wcc produced no template`);
      continue;
    }
    runtimeProblems.length = 0;
    Object.assign(console, { log: capture, warn: capture, error: capture });
    try {
      render(data, {}, undefined);
      rendered += 1;
    } catch (error) {
      fail('wxml', `${file}: rendering failed: ${error.message}`);
    } finally {
      Object.assign(console, original);
    }
    for (const problem of runtimeProblems) fail('wxml', `${file}: ${problem}`);
  }
  return { files: files.length, rendered };
}

function checkWxss() {
  const files = listFiles(WEAPP, '.wxss');
  const result = wcsc(
    WEAPP,
    files.map((file) => file.slice(0, -'.wxss'.length)),
    { maxBuffer: COMPILER_BUFFER },
  );
  if (result instanceof Error) fail('wxss', result.message);
  return { files: files.length };
}

function checkSchemas() {
  const appJson = readJson('app.json');
  const targets = [['app', 'app.json', appJson]];
  const subPages = (appJson.subPackages ?? appJson.subpackages ?? []).flatMap((sub) => (sub.pages ?? []).map((page) => path.posix.join(sub.root, page)));
  for (const page of [...(appJson.pages ?? []), ...subPages]) {
    if (fs.existsSync(path.join(WEAPP, `${page}.json`))) targets.push(['page', `${page}.json`, readJson(`${page}.json`)]);
    else fail('schema', `${page}: registered in app.json but not built`);
  }
  for (const [kind, file, json] of targets) {
    const { error = [] } = ci.schemaValidate(kind, json);
    for (const problem of error) fail('schema', `${file}: ${JSON.stringify(problem)}`);
  }
  return { files: targets.length };
}

function throwAwayProject() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glow-mpci-'));
  const { privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const privateKeyPath = path.join(dir, 'private.key');
  fs.writeFileSync(privateKeyPath, privateKey, { mode: 0o600 });
  const project = new ci.Project({
    appid: 'wx0000000000000000',
    type: 'miniProgram',
    projectPath: WEAPP,
    privateKeyPath,
    ignores: ['node_modules/**/*'],
  });
  return { project, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function checkQuality(project) {
  const items = await ci.checkCodeQuality(project);
  for (const item of items) if (!item.success) fail('code-quality', `${item.name}: ${item.text}`);
  const sizeItem = items.find((item) => item.name === 'PACKAGE_SIZE_LIMIT');
  return { checks: items.length, failed: items.filter((item) => !item.success).map((item) => item.name), mainPackageBytes: sizeItem?.detail?.__APP__ ?? null };
}

async function analyse(project) {
  const result = await ci.analyseCode(project, { silent: true });
  const files = result?.files ?? [];
  if (files.length === 0) fail('analyse', 'analyseCode found no files');
  const main = files.filter((file) => !file.subPackage);
  const largest = [...main]
    .sort((a, b) => b.size - a.size)
    .slice(0, 5)
    .map((file) => ({ path: file.path, bytes: file.size }));
  const subPackageBytes = {};
  for (const file of files) if (file.subPackage) subPackageBytes[file.subPackage] = (subPackageBytes[file.subPackage] ?? 0) + file.size;
  return { files: files.length, mainPackageBytes: main.reduce((sum, file) => sum + file.size, 0), subPackageBytes, largest };
}

async function main() {
  if (!fs.existsSync(path.join(WEAPP, 'app.json'))) {
    console.error(`No weapp build at ${WEAPP}; run "nx run miniprogram:build-weapp" first.`);
    process.exit(1);
  }
  const wxml = checkWxml();
  const wxss = checkWxss();
  const schema = checkSchemas();
  const { project, cleanup } = throwAwayProject();
  let quality;
  let analysis;
  try {
    quality = await checkQuality(project);
    analysis = await analyse(project);
  } finally {
    cleanup();
  }

  const mainPackageBytes = analysis.mainPackageBytes;
  if (mainPackageBytes > MAIN_PACKAGE_LIMIT) fail('size', `main package ${mainPackageBytes} bytes exceeds ${MAIN_PACKAGE_LIMIT}`);
  for (const [root, bytes] of Object.entries(analysis.subPackageBytes)) {
    if (bytes > SUBPACKAGE_LIMIT) fail('size', `subpackage ${root} ${bytes} bytes exceeds ${SUBPACKAGE_LIMIT}`);
  }

  const report = {
    mainPackageBytes,
    mainPackageKiB: Math.round((mainPackageBytes / 1024) * 10) / 10,
    limitBytes: MAIN_PACKAGE_LIMIT,
    subPackageBytes: analysis.subPackageBytes,
    largestFiles: analysis.largest,
    checks: { wxml, wxss, schema, codeQuality: quality, analyse: { files: analysis.files } },
    errors,
  };
  fs.writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);

  console.log(`weapp main package: ${mainPackageBytes} bytes (${report.mainPackageKiB} KiB) of ${MAIN_PACKAGE_LIMIT}`);
  for (const [root, bytes] of Object.entries(analysis.subPackageBytes)) console.log(`weapp subpackage ${root}: ${bytes} bytes of ${SUBPACKAGE_LIMIT}`);
  console.log(`wxml: ${wxml.files} files compiled, ${wxml.rendered} rendered; wxss: ${wxss.files} files compiled; schema: ${schema.files} JSON files; code quality: ${quality.checks} checks`);
  console.log(`report: ${path.relative(process.cwd(), REPORT)}`);
  if (errors.length > 0) {
    for (const { check, message } of errors) console.error(`✗ [${check}] ${message}`);
    process.exit(1);
  }
  console.log('✓ weapp checks passed');
  // miniprogram-ci leaves a file watcher open; do not wait for it.
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
