/**
 * What checking a bearer token costs, the work every ingest batch does before its body is
 * read: verifyToken (hash, look up by hash in SQLite, compare) against a peer in the same
 * process that only hashes the token, the floor any lookup pays.
 *
 *   npx tsx bench/token-lookup.ts [--rounds N]
 */
import { parseArgs } from 'node:util';
import { createToken, hashToken, verifyToken } from '../server/auth/tokens.js';
import { openSqliteStore } from '../server/store/open-sqlite-store.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20000' } } });
const rounds = Math.max(1, Number(values.rounds) || 20_000);

const store = await openSqliteStore(':memory:');
for (let i = 0; i < 50; i++) await createToken(store, 'ingest', `k6-${i}`, Date.now());
const { token } = await createToken(store, 'ingest', 'bench', Date.now());
const now = Date.now();

async function time(label: string, fn: () => unknown): Promise<void> {
  for (let i = 0; i < 1000; i++) await fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) await fn();
  const micros = Number(process.hrtime.bigint() - start) / 1000 / rounds;
  console.log(`${label.padEnd(28)} ${micros.toFixed(2)} µs per call (${rounds} calls)`);
}

await time('hash only (peer)', () => hashToken(token));
await time('verifyToken', () => verifyToken(store, token, now));
await store.close();
