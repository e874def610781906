import { Kysely, Migrator, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import type { Database } from './database.js';
import { migrationProvider } from './migrations.js';
import { createStore, type Store } from './store.js';

/**
 * Open a store on a PostgreSQL database (a postgres:// connection URL) and bring its schema
 * up to date. Several instances may open the same database: the migrator takes an advisory
 * lock, so only one of them migrates. Rejects when the database cannot be reached or a
 * migration fails.
 */
export async function openPostgresStore(url: string): Promise<Store> {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: url }) }) });
  const { error } = await new Migrator({ db, provider: migrationProvider('postgres') }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw new Error(`could not migrate the PostgreSQL database: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return createStore(db, 'postgres');
}
