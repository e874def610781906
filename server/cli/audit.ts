/** `flashcrowd audit verify [--data-dir DIR]`: walks the audit log's hash chain. */
import { existsSync } from 'node:fs';
import { parseSubcommand } from './command-options.js';
import type { CliIo } from './io.js';
import { describeLocation, openStoreAt, storeLocation } from './store-location.js';

export const AUDIT_USAGE = `usage: flashcrowd audit verify [--data-dir DIR]

Checks that no row of the audit log was altered or deleted: every row carries a hash of its
contents and of the row before it. Prints the number of rows and the newest row's hash (keep
it somewhere else: a later run that ends on another hash with fewer rows shows the newest
rows were removed). Works on the SQLite store in the data folder, or on PostgreSQL when
FLASHCROWD_DATABASE_URL is set.

exit status: 0 the chain holds, 1 it is broken (the first broken row is named), 2 usage or no store`;

export async function runAudit(args: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = parseSubcommand(args, io, { command: 'audit', subcommand: 'verify', usage: AUDIT_USAGE, options: {} });
  if (parsed.exit !== null) return parsed.exit;
  const location = storeLocation(parsed.dataDir, env);
  if (location.kind === 'sqlite' && !existsSync(location.file)) {
    io.err(`${location.file}: no store here; pass the server's --data-dir`);
    return 2;
  }
  const store = await openStoreAt(location);
  try {
    const report = await store.audit.verify();
    const span = report.firstId === null ? 'no rows' : `${report.rows} rows (ids ${report.firstId}-${report.lastId})`;
    const cut = report.prunedThroughId !== null ? `; rows through id ${report.prunedThroughId} were removed by retention` : '';
    if (report.firstBreak) {
      io.err(`audit log of ${describeLocation(location)} is BROKEN at row ${report.firstBreak.id}: ${report.firstBreak.message}`);
      io.err(`checked ${span}${cut}`);
      return 1;
    }
    io.out(`audit log intact: ${span}${cut}`);
    io.out(`newest hash: ${report.headHash}`);
    return 0;
  } finally {
    await store.close();
  }
}
