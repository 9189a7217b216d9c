// Child process for the embedded PostgreSQL recovery test: start the server on a data directory, then either
// write a row and wait to be killed, or read the rows back and stop cleanly.
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../apps/api/src/platform/database/embedded-postgres';

async function main(): Promise<void> {
  const [dir, port, mode] = process.argv.slice(2);
  const pg = await startEmbeddedPostgres({ dir, port: Number(port), database: 'glow' });
  const client = new Client({ connectionString: pg.url });
  await client.connect();
  if (mode === 'write') {
    await client.query('CREATE TABLE IF NOT EXISTS note (body text)');
    await client.query(`INSERT INTO note VALUES ('written before the crash')`);
    process.stdout.write('ready\n');
    setInterval(() => undefined, 1000);
    return;
  }
  const { rows } = await client.query<{ body: string }>('SELECT body FROM note');
  process.stdout.write(`${JSON.stringify(rows.map((r) => r.body))}\n`);
  await client.end();
  await pg.stop();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
