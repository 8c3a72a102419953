import { readdir, readFile } from 'node:fs/promises';
import type { Sql } from './sql';

/**
 * Numbered SQL migrations: `migrations/NNNN_name.sql`, applied in order, each in its own
 * transaction together with its row in `schema_migrations`. A released migration is never
 * edited; a change is a new file (with its test in migrations.test.ts).
 */
export const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

export type Migration = { readonly version: number; readonly name: string; readonly sql: string };

export async function readMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match?.[1] || !match[2])
      throw new Error(`Migration file ${file}: the name must be NNNN_lower_case_name.sql`);
    const version = Number(match[1]);
    if (version !== migrations.length + 1)
      throw new Error(`Migration file ${file}: expected number ${String(migrations.length + 1)}`);
    migrations.push({ version, name: match[2], sql: await readFile(new URL(file, dir), 'utf8') });
  }
  return migrations;
}

/** Applies the migrations not applied yet; returns their versions. `upTo` stops early (tests). */
export async function migrate(
  sql: Sql,
  options: { readonly upTo?: number; readonly dir?: URL } = {},
): Promise<number[]> {
  await sql.exec(`create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    applied_at timestamptz not null default now()
  )`);
  const rows = await sql.query('select version from schema_migrations');
  const applied = new Set(rows.map((row) => Number(row['version'])));
  const done: number[] = [];
  for (const migration of await readMigrations(options.dir)) {
    if (applied.has(migration.version)) continue;
    if (options.upTo !== undefined && migration.version > options.upTo) break;
    await sql.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    });
    done.push(migration.version);
  }
  return done;
}
