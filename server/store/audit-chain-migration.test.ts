import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { migrationProvider } from './migrations.js';
import { openSqliteStore } from './open-sqlite-store.js';

let dir: string | null = null;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('links the audit rows a database held before the chain existed', async () => {
  dir = mkdtempSync(join(tmpdir(), 'flashcrowd-migrate-'));
  const file = join(dir, 'flashcrowd.db');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) });
  const { error } = await new Migrator({ db, provider: migrationProvider('sqlite') }).migrateTo('0001_initial_schema');
  expect(error).toBeUndefined();
  const raw = new SqliteDatabase(file);
  const insert = raw.prepare('insert into audit_log (at, actor_token_id, actor_role, action, target, detail_json) values (?, ?, ?, ?, ?, ?)');
  insert.run('2025-01-01T00:00:00.000Z', null, null, 'server.start', '-', null);
  insert.run('2025-01-01T00:01:00.000Z', 'tok_1', 'admin', 'token.create', 'tok_2', '{"role":"operator"}');
  raw.close();
  await db.destroy();

  const store = await openSqliteStore(file);
  try {
    await store.audit.append({ at: '2025-01-02T00:00:00.000Z', actor: null, action: 'server.start', target: '-' });
    expect(await store.audit.verify()).toMatchObject({ rows: 3, firstBreak: null });
  } finally {
    await store.close();
  }
});
