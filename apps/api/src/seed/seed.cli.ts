import '../register-paths';
import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { DataSource } from 'typeorm';
import { loadConfig } from '../platform/config/app-config';
import { PhoneCipher } from '../platform/crypto/phone-cipher';
import { dataSourceOptions } from '../platform/database/data-source-options';
import { resolveDatabase } from '../platform/database/database-url';
import { runMigrations } from '../platform/database/run-migrations';
import { startDemoCampaign } from './demo-campaigns';
import { type SeedProgress, seedDemo } from './demo-seed';

/** `seed.cli [members]`: migrate, then seed the demo brand (default 3000 members), with a progress bar. */
async function main(): Promise<void> {
  const members = Number(process.argv[2] ?? process.env['SEED_MEMBERS'] ?? 3000);
  const config = loadConfig();
  const db = await resolveDatabase(config, (line) => console.log(`[seed] ${line}`));
  const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  try {
    await runMigrations(ds);
    const started = Date.now();
    const result = await seedDemo(ds, new PhoneCipher(config.phoneEncryptionKey, config.phoneHmacKey), { members, progress: progressBar(), log: (l) => console.log(`[seed] ${l}`) });
    await startDemoCampaign(ds, (l) => console.log(`[seed] ${l}`));
    console.log(`[seed] done: ${result.members} demo members (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await ds.destroy();
    await db.stop();
  }
}

export function progressBar(): SeedProgress {
  const bar = new SingleBar({ format: '[seed] {label} [{bar}] {percentage}% {value}/{total}', noTTYOutput: true, notTTYSchedule: 1000, hideCursor: true }, Presets.shades_classic);
  let label = '';
  return {
    start: (total, l) => {
      label = l;
      bar.start(total, 0, { label });
    },
    advance: (by) => bar.increment(by, { label }),
    stop: () => bar.stop(),
  };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
