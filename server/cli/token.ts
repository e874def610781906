/** `flashcrowd token create --role ROLE [--name NAME] [--data-dir DIR]`: an API token, printed once. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createToken } from '../auth/tokens.js';
import { isoNow, systemClock } from '../clock/clock.js';
import { formatError } from '../core/errors.js';
import { TOKEN_ROLES, type TokenRole } from '../store/api-tokens.js';
import { openSqliteStore } from '../store/open-sqlite-store.js';
import { parseSubcommand } from './command-options.js';
import type { CliIo } from './io.js';
import { TOKEN_USAGE } from './token-usage.js';

const USAGE = TOKEN_USAGE;

export async function runToken(args: string[], io: CliIo): Promise<number> {
  const parsed = parseSubcommand(args, io, { command: 'token', subcommand: 'create', usage: USAGE, options: { role: { type: 'string' }, name: { type: 'string' } } });
  if (parsed.exit !== null) return parsed.exit;
  const { role, name } = parsed.values;
  if (typeof role !== 'string' || !(TOKEN_ROLES as readonly string[]).includes(role)) {
    io.err(`flashcrowd token create: --role: expected one of ${TOKEN_ROLES.join(', ')}, got ${role ? `"${role}"` : 'nothing'}`);
    return 2;
  }
  const dataDir = resolve(parsed.dataDir ?? process.env.FLASHCROWD_DATA_DIR ?? './data');
  let store;
  try {
    mkdirSync(dataDir, { recursive: true });
    store = await openSqliteStore(join(dataDir, 'flashcrowd.db'));
  } catch (e) {
    io.err(formatError({ code: 'token.store', message: `cannot open the database: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, file: dataDir, field: 'data-dir' }));
    return 1;
  }
  try {
    const created = await createToken(store, role as TokenRole, typeof name === 'string' ? name : `${role} token`, systemClock.now());
    await store.audit.append({ at: isoNow(systemClock), actor: null, action: 'token.create', target: created.tokenId, detail: { role, name: created.name, via: 'cli' } });
    io.out(created.token);
    io.err(`created ${role} token ${created.tokenId} (${created.name}); it is shown only now`);
    return 0;
  } finally {
    await store.close();
  }
}
