/**
 * `flashcrowd backup --out FILE` and `flashcrowd restore --from FILE [--force]`: a consistent
 * online copy of the SQLite store, and putting one back. PostgreSQL has its own tools.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatError } from '../core/errors.js';
import { backupSqlite, restoreSqlite } from '../store/sqlite-backup.js';
import { parseCommand } from './command-options.js';
import type { CliIo } from './io.js';
import { openStoreAt, storeLocation, type StoreLocation } from './store-location.js';

export const BACKUP_USAGE = `usage: flashcrowd backup --out FILE [--data-dir DIR]
       flashcrowd restore --from FILE [--data-dir DIR] [--force]

backup   writes a consistent copy of the SQLite store while the server keeps running
         (one read transaction: nothing written meanwhile is half in it). FILE must not exist.
restore  checks the copy (integrity, a Flashcrowd store, its audit chain) and puts it in place
         in the data folder. Stop the server first. An existing store is replaced only with
         --force, and kept beside it as flashcrowd.db.replaced-<time>.

With FLASHCROWD_DATABASE_URL set the store is on PostgreSQL: use pg_dump and pg_restore
(see the README), not these commands.`;

const POSTGRES_ADVICE =
  'the store is on PostgreSQL (FLASHCROWD_DATABASE_URL is set): back it up with pg_dump --format=custom and restore with pg_restore, as the README shows';

function sqliteOnly(command: string, location: StoreLocation, io: CliIo): location is { kind: 'sqlite'; file: string } {
  if (location.kind === 'sqlite') return true;
  io.err(`flashcrowd ${command}: ${POSTGRES_ADVICE}`);
  return false;
}

export async function runBackup(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = parseCommand(args, io, { command: 'backup', usage: BACKUP_USAGE, options: { out: { type: 'string' } }, required: { out: 'expected the file to write the backup to' } });
  if (parsed.exit !== null) return parsed.exit;
  const { out } = parsed.required;
  const location = storeLocation(parsed.dataDir, env);
  if (!sqliteOnly('backup', location, io)) return 2;
  const outFile = resolve(out);
  mkdirSync(dirname(outFile), { recursive: true });
  const done = backupSqlite(location.file, outFile);
  if (!done.ok) {
    for (const e of done.errors) io.err(formatError(e));
    return 1;
  }
  io.out(`backup of ${location.file} written to ${outFile} (${done.value.bytes} bytes)`);
  return 0;
}

export async function runRestore(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): Promise<number> {
  const parsed = parseCommand(args, io, {
    command: 'restore',
    usage: BACKUP_USAGE,
    options: { from: { type: 'string' }, force: { type: 'boolean' } },
    required: { from: 'expected the backup file to restore' },
  });
  if (parsed.exit !== null) return parsed.exit;
  const { from } = parsed.required;
  const location = storeLocation(parsed.dataDir, env);
  if (!sqliteOnly('restore', location, io)) return 2;
  mkdirSync(dirname(location.file), { recursive: true });
  const suffix = `replaced-${now().toISOString().replace(/[:.]/g, '-')}`;
  const done = restoreSqlite(resolve(from), location.file, { force: parsed.values['force'] === true, replacedSuffix: suffix });
  if (!done.ok) {
    for (const e of done.errors) io.err(formatError(e));
    return 1;
  }
  // opening it also brings an older backup's schema up to date
  const store = await openStoreAt(location);
  try {
    const chain = await store.audit.verify();
    io.out(`restored ${resolve(from)} to ${location.file}`);
    if (done.value.replacedTo) io.out(`the store that was there is kept as ${done.value.replacedTo}`);
    if (chain.firstBreak) {
      io.err(`warning: the restored audit log is broken at row ${chain.firstBreak.id}: ${chain.firstBreak.message}`);
      return 1;
    }
    io.out(`audit log intact: ${chain.rows} rows`);
    return 0;
  } finally {
    await store.close();
  }
}
