import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, sampleNotice, STORE_KINDS, type TestStore } from './test-stores.js';

describe.each(STORE_KINDS)('notices (%s)', (kind) => {
  let t: TestStore;
  beforeEach(async (context) => {
    t = await openTestStore(kind, context);
  });
  afterEach(async () => t?.dispose());

  it('stores the engine notice whole and reads it back', async () => {
    await t.store.notices.insert(sampleNotice(), { drillId: 'drill-1', author: null });
    expect(await t.store.notices.get('notice-1')).toEqual({
      notice: sampleNotice(),
      drillId: 'drill-1',
      author: null,
      editedAt: null,
    });
    expect(await t.store.notices.get('nope')).toBeNull();
  });

  it('lets an operator edit a notice, recording who and when', async () => {
    await t.store.notices.insert(sampleNotice(), { drillId: null, author: 'ops-token' });
    const edited = sampleNotice({ stage: 'identified', text: { en: { title: 'Fixed title', body: 'b' }, 'zh-CN': { title: '标题', body: '正文' } } });
    expect(await t.store.notices.edit(edited, { author: 'ops-2', editedAt: '2026-02-03T01:06:00.000Z' })).toBe(true);
    expect(await t.store.notices.edit(sampleNotice({ id: 'ghost' }), { author: 'x', editedAt: 'y' })).toBe(false);
    expect(await t.store.notices.get('notice-1')).toEqual({
      notice: edited,
      drillId: null,
      author: 'ops-2',
      editedAt: '2026-02-03T01:06:00.000Z',
    });
    expect((await t.store.notices.list({ incidentId: 'inc-1' }))[0]?.notice.stage).toBe('identified');
  });

  it('lists newest first by drill, incident and service', async () => {
    await t.store.notices.insert(sampleNotice({ id: 'n1', t: '2026-02-03T01:00:00.000Z' }), { drillId: 'd1', author: null });
    await t.store.notices.insert(sampleNotice({ id: 'n2', t: '2026-02-03T01:10:00.000Z', service: 'video', incidentId: 'inc-2' }), { drillId: 'd1', author: null });
    await t.store.notices.insert(sampleNotice({ id: 'n3', t: '2026-02-03T01:20:00.000Z' }), { drillId: 'd2', author: null });
    const ids = async (q: Parameters<typeof t.store.notices.list>[0]) => (await t.store.notices.list(q)).map((n) => n.notice.id);
    expect(await ids({})).toEqual(['n3', 'n2', 'n1']);
    expect(await ids({ drillId: 'd1' })).toEqual(['n2', 'n1']);
    expect(await ids({ incidentId: 'inc-2' })).toEqual(['n2']);
    expect(await ids({ service: 'messaging' })).toEqual(['n3', 'n1']);
    expect(await ids({ limit: 2 })).toEqual(['n3', 'n2']);
  });

  it('rejects a second notice with the same id', async () => {
    await t.store.notices.insert(sampleNotice(), { drillId: null, author: null });
    await expect(t.store.notices.insert(sampleNotice(), { drillId: null, author: null })).rejects.toThrow(/unique/i);
  });
});

describe('notices in a file', () => {
  it('survive a close and reopen', async () => {
    const t = await openTestStore('file');
    try {
      await t.store.notices.insert(sampleNotice(), { drillId: 'drill-1', author: null });
      const store = await t.reopen();
      expect((await store.notices.get('notice-1'))?.notice).toEqual(sampleNotice());
    } finally {
      await t.dispose();
    }
  });
});
