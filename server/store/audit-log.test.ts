import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import SqliteDatabase from 'better-sqlite3';
import { Pool } from 'pg';
import { openTestStore, STORE_KINDS, type StoreKind, type TestStore } from './test-stores.js';

/** tamper with the database behind the store's back, as an insider with database access would */
async function tamper(kind: StoreKind, location: string, statement: string): Promise<void> {
  if (kind === 'postgres') {
    const pool = new Pool({ connectionString: location, max: 1 });
    try {
      await pool.query(statement);
    } finally {
      await pool.end();
    }
    return;
  }
  const db = new SqliteDatabase(location);
  try {
    db.exec(statement);
  } finally {
    db.close();
  }
}

const at = (minute: number): string => `2026-02-03T01:${String(minute).padStart(2, '0')}:00.000Z`;

describe.each(STORE_KINDS)('audit log (%s)', (storeKind) => {
  let t: TestStore;
  beforeEach(async (context) => {
    t = await openTestStore(storeKind, context);
  });
  afterEach(async () => t?.dispose());

  it('appends entries with and without an actor and lists newest first', async () => {
    const a = await t.store.audit.append({
      at: '2026-02-03T01:00:00.000Z',
      actor: { tokenId: 'tok_1', role: 'operator' },
      action: 'drill.start',
      target: 'drill-1',
      detail: { speed: 60 },
    });
    await t.store.audit.append({ at: '2026-02-03T01:01:00.000Z', actor: null, action: 'drill.interrupted', target: 'drill-0' });
    const entries = await t.store.audit.list();
    expect(entries).toEqual([
      { id: expect.any(Number), at: '2026-02-03T01:01:00.000Z', actor: null, action: 'drill.interrupted', target: 'drill-0' },
      a,
    ]);
    expect(await t.store.audit.list({ beforeId: entries[0]!.id })).toEqual([a]);
    expect(await t.store.audit.list({ limit: 1 })).toHaveLength(1);
  });

  it('keeps entries across a close and reopen', async () => {
    await t.store.audit.append({ at: '2026-02-03T01:00:00.000Z', actor: null, action: 'server.start', target: '-' });
    const store = await t.reopen();
    expect(await store.audit.list()).toHaveLength(t.persistent ? 1 : 0);
  });

  it('chains every append so the log verifies', async () => {
    for (let i = 0; i < 5; i++) await t.store.audit.append({ at: at(i), actor: null, action: 'notice.edit', target: `n-${i}`, detail: { i } });
    const report = await t.store.audit.verify();
    expect(report).toMatchObject({ rows: 5, firstBreak: null, prunedThroughId: null });
    expect(report.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps the chain across appends from concurrent callers', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => t.store.audit.append({ at: at(i), actor: null, action: 'drill.tick', target: `d-${i}` })));
    expect(await t.store.audit.verify()).toMatchObject({ rows: 20, firstBreak: null });
  });

  it('prunes the oldest rows and still verifies from the cut', async () => {
    for (let i = 0; i < 6; i++) await t.store.audit.append({ at: at(i), actor: null, action: 'notice.edit', target: `n-${i}` });
    const pruned = await t.store.audit.pruneBefore(at(3), at(10));
    expect(pruned.deleted).toBe(3);
    const report = await t.store.audit.verify();
    expect(report).toMatchObject({ rows: 4, firstBreak: null, prunedThroughId: pruned.throughId });
    expect((await t.store.audit.list({ limit: 1 }))[0]).toMatchObject({ action: 'audit.prune' });
    expect(await t.store.audit.pruneBefore(at(0), at(11))).toEqual({ deleted: 0, throughId: null });
  });

});

// the in-memory store has nobody behind its back to tamper with it
describe.each(STORE_KINDS.filter((k) => k !== 'memory'))('audit log tampering (%s)', (storeKind) => {
  let t: TestStore;
  beforeEach(async (context) => {
    t = await openTestStore(storeKind, context);
  });
  afterEach(async () => t?.dispose());

  it.each([
    ['altered', (id: number) => `update audit_log set target = 'someone-else' where id = ${id}`, 'altered'],
    ['deleted', (id: number) => `delete from audit_log where id = ${id}`, 'deleted'],
  ] as const)('finds the first %s row', async (_name, statement, kind) => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await t.store.audit.append({ at: at(i), actor: null, action: 'notice.edit', target: `n-${i}` })).id);
    await tamper(storeKind, t.location, statement(ids[2]!));
    const report = await (await t.reopen()).audit.verify();
    expect(report.firstBreak).toMatchObject({ kind, id: kind === 'altered' ? ids[2] : ids[3] });
  });
});
