/** `flashcrowd token create --role ROLE [--name NAME] [--data-dir DIR]`: an API token, printed once. */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createToken } from '../auth/tokens.js';
import { TOKEN_ROLES, type TokenRole } from '../store/api-tokens.js';
import { openSqliteStore } from '../store/open-sqlite-store.js';
import type { CliIo } from './io.js';

const USAGE = `usage: flashcrowd token create --role ${TOKEN_ROLES.join('|')} [--name NAME] [--data-dir DIR]

Creates an API token in the server's data folder (default ./data, or FLASHCROWD_DATA_DIR) and
prints it once; only its hash is kept.`;

export async function runToken(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') {
    io.err(sub ? `flashcrowd token: unknown subcommand "${sub}"` : 'flashcrowd token: a subcommand is required');
    io.err(USAGE);
    return 2;
  }
  let values;
  try {
    ({ values } = parseArgs({ args: rest, options: { role: { type: 'string' }, name: { type: 'string' }, 'data-dir': { type: 'string' } }, strict: true }));
  } catch (e) {
    io.err(`flashcrowd token create: ${(e as Error).message}`);
    io.err(USAGE);
    return 2;
  }
  const role = values.role;
  if (!role || !(TOKEN_ROLES as readonly string[]).includes(role)) {
    io.err(`flashcrowd token create: --role: expected one of ${TOKEN_ROLES.join(', ')}, got ${role ? `"${role}"` : 'nothing'}`);
    return 2;
  }
  const dataDir = resolve(values['data-dir'] ?? process.env.FLASHCROWD_DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  const store = await openSqliteStore(join(dataDir, 'flashcrowd.db'));
  try {
    const created = await createToken(store, role as TokenRole, values.name ?? `${role} token`);
    await store.audit.append({ at: new Date().toISOString(), actor: null, action: 'token.create', target: created.tokenId, detail: { role, name: created.name, via: 'cli' } });
    io.out(created.token);
    io.err(`created ${role} token ${created.tokenId} (${created.name}); it is shown only now`);
    return 0;
  } finally {
    await store.close();
  }
}
