import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from './embedded-postgres';

/** DATABASE_URL when set; otherwise an embedded PostgreSQL kept under `.data/`, started now. */
export async function resolveDatabase(config: AppConfig, log: (line: string) => void): Promise<{ url: string; stop: () => Promise<void> }> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };
  log(`starting embedded PostgreSQL on 127.0.0.1:${config.embeddedPgPort} (data in ${config.embeddedPgDir})`);
  return startEmbeddedPostgres({ dir: config.embeddedPgDir, port: config.embeddedPgPort, database: 'glow' });
}
