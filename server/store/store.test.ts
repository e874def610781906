import SqliteDatabase from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from './open-sqlite-store.js';
import { openTestStore, sampleDrill, sampleNotice, STORE_KINDS, type TestStore } from './test-stores.js';

describe.each(STORE_KINDS)('store transactions (%s)', (kind) => {
  let t: TestStore;
  beforeEach(async (context) => {
    t = await openTestStore(kind, context);
  });
  afterEach(async () => t?.dispose());

  it('commits every write of a transaction together', async () => {
    const result = await t.store.transaction(async (tx) => {
      await tx.drills.insert(sampleDrill());
      await tx.notices.insert(sampleNotice(), { drillId: 'drill-1', author: null });
      return 'done';
    });
    expect(result).toBe('done');
    expect(await t.store.drills.get('drill-1')).not.toBeNull();
    expect(await t.store.notices.get('notice-1')).not.toBeNull();
  });

  it('rolls back every write when the work fails, and a nested transaction joins the outer one', async () => {
    await expect(
      t.store.transaction(async (tx) => {
        await tx.drills.insert(sampleDrill());
        await tx.transaction(async (inner) => inner.notices.insert(sampleNotice(), { drillId: null, author: null }));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.store.drills.get('drill-1')).toBeNull();
    expect(await t.store.notices.get('notice-1')).toBeNull();
  });
});

describe('openSqliteStore', () => {
  it('puts a file in WAL mode and migrates it only once across reopens', async () => {
    const t = await openTestStore('file');
    try {
      await t.store.drills.insert(sampleDrill());
      const store = await t.reopen();
      expect(await store.drills.get('drill-1')).not.toBeNull();
      const raw = new SqliteDatabase(t.location, { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.prepare('select name from kysely_migration order by name').all()).toEqual([{ name: '0001_initial_schema' }, { name: '0010_audit_chain' }, { name: '0011_cluster' }]);
      raw.close();
    } finally {
      await t.dispose();
    }
  });

  it('rejects a path it cannot open', async () => {
    await expect(openSqliteStore('/nonexistent-dir/for/sure/x.sqlite')).rejects.toThrow();
  });
});

describe('durability', () => {
  it('keeps a write acknowledged just before the process is killed with SIGKILL', async () => {
    const t = await openTestStore('file');
    await t.store.close();
    try {
      const writer = fileURLToPath(new URL('./test-writer-process.ts', import.meta.url));
      const child = spawn(process.execPath, ['--import', 'tsx', writer, t.location], { stdio: ['ignore', 'pipe', 'inherit'] });
      let output = '';
      child.stdout.setEncoding('utf8');
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: string) => {
          output += chunk;
          if (output.includes('written')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
      });
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      expect((await exited)[1]).toBe('SIGKILL');
      const store = await t.reopen();
      expect((await store.drills.get('acknowledged'))?.id).toBe('acknowledged');
    } finally {
      await t.dispose();
    }
  });
});
