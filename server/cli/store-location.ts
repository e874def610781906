/**
 * Which store a maintenance command works on: the one `serve` would open with the same
 * settings. FLASHCROWD_DATABASE_URL selects PostgreSQL; otherwise the SQLite file in the
 * data folder (--data-dir, FLASHCROWD_DATA_DIR, or ./data).
 */
import { join, resolve } from 'node:path';
import { openPostgresStore } from '../store/open-postgres-store.js';
import { openSqliteStore } from '../store/open-sqlite-store.js';
import type { Store } from '../store/store.js';

export const SQLITE_FILE_NAME = 'flashcrowd.db';

export type StoreLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export function storeLocation(dataDirFlag: string | undefined, env: NodeJS.ProcessEnv): StoreLocation {
  const url = env['FLASHCROWD_DATABASE_URL'];
  if (url) return { kind: 'postgres', url };
  return { kind: 'sqlite', file: join(resolve(dataDirFlag ?? env['FLASHCROWD_DATA_DIR'] ?? './data'), SQLITE_FILE_NAME) };
}

export function openStoreAt(location: StoreLocation): Promise<Store> {
  return location.kind === 'postgres' ? openPostgresStore(location.url) : openSqliteStore(location.file);
}

/** how to name the store in a message; a PostgreSQL URL holds a password, so it is never shown */
export function describeLocation(location: StoreLocation): string {
  return location.kind === 'postgres' ? 'the PostgreSQL database in FLASHCROWD_DATABASE_URL' : location.file;
}
