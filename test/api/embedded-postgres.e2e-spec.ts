import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../apps/api/src/platform/database/scratch-database';

const CHILD = join(__dirname, '..', 'support', 'embedded-pg-child.ts');
const NODE_ARGS = ['-r', 'ts-node/register/transpile-only', CHILD];
const env = { ...process.env, TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0' }) };

describe('The embedded PostgreSQL used when DATABASE_URL is unset', () => {
  it('keeps its data across a crash of the app and starts again over the server the dead app left running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'glow-crash-'));
    const port = await freePort();
    try {
      const writer = spawn(process.execPath, [...NODE_ARGS, dir, String(port), 'write'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      writer.stderr.on('data', (d: Buffer) => (err += d.toString()));
      await new Promise<void>((resolve, reject) => {
        writer.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
        writer.on('exit', (code) => reject(new Error(`writer exited ${code}: ${err}`)));
      });
      // SIGKILL: no exit hooks run, so the postgres server stays behind as an orphan holding the data directory.
      writer.kill('SIGKILL');
      await new Promise((r) => writer.once('exit', r));

      const reader = spawnSync(process.execPath, [...NODE_ARGS, dir, String(port), 'read'], { env, encoding: 'utf8', timeout: 90_000 });
      expect(reader.stderr).toBe('');
      expect(reader.status).toBe(0);
      expect(JSON.parse(reader.stdout.trim().split('\n').pop() ?? '[]')).toEqual(['written before the crash']);
    } finally {
      spawnSync('pkill', ['-f', `-D ${dir}`]);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
