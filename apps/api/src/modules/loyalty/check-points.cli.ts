import '../../register-paths';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../platform/config/app-config';
import { dataSourceOptions } from '../../platform/database/data-source-options';
import { resolveDatabase } from '../../platform/database/database-url';
import { INVARIANT_SQL, type InvariantViolation } from './points.service';

/**
 * `npm run check:points`: checks the points invariant on the database named by DATABASE_URL (or the embedded one):
 * for every member, balance = Σ active lots = Σ ledger ≥ 0, pending and debt likewise. Exit code 1 on a violation.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const db = await resolveDatabase(config, (line) => console.log(`[check:points] ${line}`));
  const ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  try {
    const [{ n }] = await ds.query<{ n: number }[]>(`SELECT COUNT(*)::int AS n FROM points_account`);
    const bad = await ds.query<InvariantViolation[]>(INVARIANT_SQL, [50]);
    if (bad.length === 0) {
      console.log(`[check:points] ok: ${n} accounts, every balance equals its active lots and its ledger`);
      return;
    }
    console.error(`[check:points] ${bad.length} member(s) violate the invariant (first 50):`);
    console.table(bad);
    process.exitCode = 1;
  } finally {
    await ds.destroy();
    await db.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
