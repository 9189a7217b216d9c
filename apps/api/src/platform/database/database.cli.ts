import '../../register-paths';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { pendingSchemaChanges, runMigrations } from './run-migrations';
import { openScratchDatabase } from './scratch-database';

/**
 * Migration tooling on a scratch database (a throw-away embedded PostgreSQL, or a new database on the
 * server in DATABASE_URL), so it never touches real data:
 *   check            fail if the entities differ from what the migrations build (CI drift check)
 *   generate <Name>  write a migration with that difference into src/platform/database/migrations
 */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (command !== 'check' && !(command === 'generate' && name && /^[A-Z][A-Za-z0-9]+$/.test(name))) {
    console.error('usage: database.cli check | generate <PascalCaseName>');
    process.exit(2);
  }
  const scratch = await openScratchDatabase(`glow_schema_${Date.now()}`, process.env['DATABASE_URL']);
  const ds = new DataSource(dataSourceOptions(scratch.url));
  try {
    await ds.initialize();
    const applied = await runMigrations(ds);
    console.log(`applied ${applied.length} migration(s) to a scratch database`);
    const { up, down } = await pendingSchemaChanges(ds);
    if (command === 'check') {
      if (up.length === 0) {
        console.log('entities and migrations agree');
        return;
      }
      console.error(`entities and migrations drift; a migration is missing for:\n${up.join(';\n')};`);
      process.exitCode = 1;
      return;
    }
    if (up.length === 0) {
      console.log('nothing to generate: entities and migrations agree');
      return;
    }
    writeMigration(name, up, down);
  } finally {
    await ds.destroy().catch(() => undefined);
    await scratch.drop();
  }
}

function writeMigration(name: string, up: string[], down: string[]): void {
  const dir = resolve(process.env['MIGRATIONS_SRC_DIR'] ?? 'apps/api/src/platform/database/migrations');
  const stamp = Date.now();
  const cls = `${name}${stamp}`;
  const q = (s: string) => `    await queryRunner.query(\`${s.replace(/`/g, '\\`')}\`);`;
  const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.reverse().map(q).join('\n')}
  }
}
`;
  const file = join(dir, `${stamp}-${name.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase())}.ts`);
  writeFileSync(file, body);
  const files = readdirSync(dir).filter((f) => /^\d+-.*\.ts$/.test(f)).sort();
  const imports = files.map((f) => {
    const cname = /export class (\w+)/.exec(readFileSync(join(dir, f), 'utf8'))?.[1];
    return { cname, path: `./${f.replace(/\.ts$/, '')}` };
  });
  writeFileSync(
    join(dir, 'index.ts'),
    `${imports.map((i) => `import { ${i.cname} } from '${i.path}';`).join('\n')}\n\n/** Every migration, in order. The migration generator rewrites this list. */\nexport const MIGRATIONS = [${imports.map((i) => i.cname).join(', ')}];\n`,
  );
  console.log(`wrote ${file} (${up.length} statement(s)) and updated migrations/index.ts`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
