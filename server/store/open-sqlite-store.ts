import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import type { Database } from './database.js';
import { migrationProvider } from './migrations.js';
import { withStatementCache } from './statement-cache.js';
import { createStore, type Store } from './store.js';

/**
 * Open (creating if needed) the embedded SQLite store and bring its schema up to date.
 * `file` is a path, or ':memory:' for a throwaway database. Rejects when the file cannot be
 * opened or a migration fails.
 */
export async function openSqliteStore(file: string): Promise<Store> {
  const sqlite = new SqliteDatabase(file);
  // WAL lets readers run beside the writer; synchronous=FULL fsyncs every commit, so a
  // write acknowledged to a client survives kill -9 and power loss.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const { error } = await new Migrator({ db, provider: migrationProvider('sqlite') }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw new Error(`could not migrate the database ${file}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return createStore(db, 'sqlite');
}
