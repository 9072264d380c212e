import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger.ts';
import type { Store } from './engine.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version UInt32,
  name String,
  applied_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(applied_at)
ORDER BY version`;

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

/** Numbered `NNNN_name.sql` files in order; statements end with `;` at the end of a line. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      statements: splitStatements(readFileSync(`${dir}/${file}`, 'utf8')),
    }));
}

export function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Applies the migrations not yet recorded; each statement is idempotent, so a crash mid-way is safe. */
export async function migrate(
  store: Store,
  logger: Logger,
  migrations = readMigrations(),
): Promise<string[]> {
  for (const s of store.ddl(MIGRATIONS_TABLE)) await store.command(s);
  const applied = new Set(
    (
      await store.query<{ version: number }>('appliedMigrations', {
        query: 'SELECT DISTINCT version FROM schema_migrations',
        params: {},
      })
    ).map((r) => Number(r.version)),
  );
  const done: string[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    for (const statement of migration.statements) {
      for (const s of store.ddl(statement)) await store.command(s);
    }
    await store.insert('schema_migrations', [
      { version: migration.version, name: migration.name, applied_at: Date.now() },
    ]);
    logger.info({ migration: migration.name }, 'migration applied');
    done.push(migration.name);
  }
  return done;
}
