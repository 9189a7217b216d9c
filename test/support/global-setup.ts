import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../apps/api/src/platform/config/app-config';
import { PhoneCipher } from '../../apps/api/src/platform/crypto/phone-cipher';
import { dataSourceOptions } from '../../apps/api/src/platform/database/data-source-options';
import { runMigrations } from '../../apps/api/src/platform/database/run-migrations';
import { openScratchDatabase, type ScratchDatabase } from '../../apps/api/src/platform/database/scratch-database';
import { seedDemo } from '../../apps/api/src/seed/demo-seed';

declare global {
  var __glowScratch: ScratchDatabase | undefined;
}

/**
 * One fresh database for the run: a throw-away embedded PostgreSQL when DATABASE_URL is unset, otherwise a new
 * database on that server (dropped afterwards). Real migrations, then a small demo seed.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const scratch = await openScratchDatabase(`glow_e2e_${Date.now()}_${process.pid}`, process.env['DATABASE_URL'] || undefined);
  globalThis.__glowScratch = scratch;
  process.env['E2E_DATABASE_URL'] = scratch.url;
  const ds = await new DataSource(dataSourceOptions(scratch.url)).initialize();
  try {
    await runMigrations(ds);
    const config = loadConfig({});
    await seedDemo(ds, new PhoneCipher(config.phoneEncryptionKey, config.phoneHmacKey), { members: 300 });
  } finally {
    await ds.destroy();
  }
  process.stdout.write(`\n[e2e] database ready in ${Date.now() - started} ms (${process.env['DATABASE_URL'] ? 'DATABASE_URL server' : 'embedded PostgreSQL'})\n`);
}
