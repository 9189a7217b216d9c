import './register-paths';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createApp } from './bootstrap';
import { loadConfig } from './platform/config/app-config';
import { dataSourceOptions } from './platform/database/data-source-options';
import { resolveDatabase } from './platform/database/database-url';
import { runMigrations } from './platform/database/run-migrations';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await resolveDatabase(config, (line) => process.stdout.write(`[api] ${line}\n`));
  const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  const applied = await runMigrations(ds);
  if (applied.length) process.stdout.write(`[api] applied ${applied.length} migration(s)\n`);
  await ds.destroy();

  const app = await createApp(config, db.url);
  const stop = async () => {
    await app.close();
    await db.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`[api] listening on http://${config.host}:${config.port} (docs at /docs)\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
