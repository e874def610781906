import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiTokenRecord } from './api-tokens.js';
import { openTestStore, STORE_KINDS, type TestStore } from './test-stores.js';

const token: ApiTokenRecord = {
  id: 'tok_1',
  role: 'admin',
  hash: 'a'.repeat(64),
  name: 'first admin',
  createdAt: '2026-02-03T00:00:00.000Z',
  lastUsedAt: null,
};

describe.each(STORE_KINDS)('api tokens (%s)', (kind) => {
  let t: TestStore;
  beforeEach(async (context) => {
    t = await openTestStore(kind, context);
  });
  afterEach(async () => t?.dispose());

  it('finds tokens by hash and id, counts by role, records use, revokes', async () => {
    await t.store.tokens.insert(token);
    await t.store.tokens.insert({ ...token, id: 'tok_2', role: 'ingest', hash: 'b'.repeat(64), name: 'k6' });
    expect(await t.store.tokens.findByHash('a'.repeat(64))).toEqual(token);
    expect(await t.store.tokens.findByHash('c'.repeat(64))).toBeNull();
    expect(await t.store.tokens.get('tok_2')).toMatchObject({ role: 'ingest', name: 'k6' });
    expect(await t.store.tokens.countByRole('admin')).toBe(1);
    expect(await t.store.tokens.countByRole('operator')).toBe(0);
    await t.store.tokens.touch('tok_1', '2026-02-03T01:00:00.000Z');
    expect((await t.store.tokens.get('tok_1'))?.lastUsedAt).toBe('2026-02-03T01:00:00.000Z');
    expect((await t.store.tokens.list()).map((x) => x.id)).toEqual(['tok_1', 'tok_2']);
    expect(await t.store.tokens.revoke('tok_2')).toBe(true);
    expect(await t.store.tokens.revoke('tok_2')).toBe(false);
    expect(await t.store.tokens.get('tok_2')).toBeNull();
  });

  it('refuses two tokens with the same hash', async () => {
    await t.store.tokens.insert(token);
    await expect(t.store.tokens.insert({ ...token, id: 'tok_9' })).rejects.toThrow(/unique/i);
  });

  it('keeps tokens across a close and reopen', async () => {
    await t.store.tokens.insert(token);
    const store = await t.reopen();
    expect(await store.tokens.get('tok_1')).toEqual(t.persistent ? token : null);
  });
});
