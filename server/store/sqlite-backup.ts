/**
 * Backup and restore of the embedded SQLite store. `VACUUM INTO` writes a consistent copy
 * from one read transaction, so a backup taken while the server writes is a snapshot, never
 * a torn file. Copies are written beside their destination and renamed into place, so a
 * crash leaves either the old file or the new one.
 */
import SqliteDatabase from 'better-sqlite3';
import { existsSync, lstatSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fail, ok, type FlashcrowdError, type Result } from '../core/errors.js';

const REQUIRED_TABLES = ['kysely_migration', 'drills', 'notices', 'incidents', 'audit_log'];

function vacuumInto(source: SqliteDatabase.Database, destination: string): void {
  const partial = join(dirname(destination), `.${basename(destination)}.partial`);
  rmSync(partial, { force: true });
  source.prepare('vacuum into ?').run(partial);
  renameSync(partial, destination);
}

/** a problem with the file at `file`, as a FlashcrowdError */
const fileError = (code: string, file: string, message: string): FlashcrowdError => ({ code, file, message });

function openExisting(file: string, code: string): Result<SqliteDatabase.Database> {
  let stat;
  try {
    stat = lstatSync(file);
  } catch {
    return fail(fileError(code, file, 'no such file'));
  }
  if (!stat.isFile()) return fail(fileError(code, file, 'not a regular file'));
  try {
    return ok(new SqliteDatabase(file, { readonly: true, fileMustExist: true }));
  } catch (e) {
    return fail(fileError(code, file, `cannot open it as a SQLite database: ${(e as Error).message}`));
  }
}

/** Copy the store at `databaseFile` to `outFile`, which must not exist yet. */
export function backupSqlite(databaseFile: string, outFile: string): Result<{ bytes: number }> {
  if (existsSync(outFile)) return fail(fileError('backup.exists', outFile, 'already exists; choose a new file name (a backup never overwrites)'));
  const source = openExisting(databaseFile, 'backup.source');
  if (!source.ok) return source;
  try {
    vacuumInto(source.value, outFile);
  } catch (e) {
    return fail(fileError('backup.write', outFile, `cannot write the backup: ${(e as Error).message}`));
  } finally {
    source.value.close();
  }
  return ok({ bytes: lstatSync(outFile).size });
}

/** Is `file` a whole, uncorrupted Flashcrowd store? */
function checkBackup(db: SqliteDatabase.Database, file: string): FlashcrowdError | null {
  let integrity: unknown;
  try {
    integrity = db.pragma('integrity_check', { simple: true });
  } catch (e) {
    return fileError('restore.source', file, `not a readable SQLite database: ${(e as Error).message}`);
  }
  if (integrity !== 'ok') return fileError('restore.corrupt', file, `the file is damaged (integrity check: ${String(integrity)})`);
  const tables = new Set(
    (db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name),
  );
  const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
  if (missing.length > 0) return fileError('restore.not-flashcrowd', file, `not a Flashcrowd store (no table ${missing.join(', ')})`);
  return null;
}

export interface RestoreOutcome {
  /** where the store that was there before now lies, if there was one */
  replacedTo: string | null;
}

/**
 * Put the backup `fromFile` in place as `databaseFile`. An existing store is replaced only
 * with `force`, and then kept beside it under `replacedSuffix` rather than deleted.
 */
export function restoreSqlite(fromFile: string, databaseFile: string, options: { force: boolean; replacedSuffix: string }): Result<RestoreOutcome> {
  const source = openExisting(fromFile, 'restore.source');
  if (!source.ok) return source;
  try {
    const problem = checkBackup(source.value, fromFile);
    if (problem) return fail(problem);
    let replacedTo: string | null = null;
    if (existsSync(databaseFile)) {
      if (!options.force) {
        return fail(fileError('restore.exists', databaseFile, 'a store is already there; stop the server, then add --force to replace it (the current store is kept beside it)'));
      }
      replacedTo = `${databaseFile}.${options.replacedSuffix}`;
      const current = new SqliteDatabase(databaseFile);
      try {
        // fold the write-ahead log into the file, so the kept copy is whole on its own
        current.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        current.close();
      }
      renameSync(databaseFile, replacedTo);
    }
    for (const sidecar of ['-wal', '-shm']) rmSync(`${databaseFile}${sidecar}`, { force: true });
    vacuumInto(source.value, databaseFile);
    return ok({ replacedTo });
  } catch (e) {
    return fail(fileError('restore.write', databaseFile, `cannot restore: ${(e as Error).message}`));
  } finally {
    source.value.close();
  }
}
