import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, STORE_KINDS, type TestStore } from './test-stores.js';

describe.each(STORE_KINDS)('audit log (%s)', (kind) => {
  let t: TestStore;
  beforeEach(async (context) => {
    t = await openTestStore(kind, context);
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
});
