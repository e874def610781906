import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentRecord } from './incidents.js';
import { sampleNotice } from './test-samples.js';
import { openTestStore, STORE_KINDS, type TestStore } from './test-stores.js';

const opened: IncidentRecord = {
  id: 'inc-1',
  drillId: 'drill-1',
  service: 'messaging',
  level: 'surge',
  stage: 'investigating',
  openedAt: '2026-02-03T01:05:00.000Z',
  updatedAt: '2026-02-03T01:05:00.000Z',
  resolvedAt: null,
};

describe.each(STORE_KINDS)('incidents and acknowledgements (%s)', (kind) => {
  let t: TestStore;
  beforeEach(async (context) => {
    t = await openTestStore(kind, context);
  });
  afterEach(async () => t?.dispose());

  it('upserts: an update keeps openedAt and drill, changes stage and resolution', async () => {
    await t.store.incidents.upsert(opened);
    await t.store.incidents.upsert({
      ...opened,
      drillId: 'other',
      openedAt: '2030-01-01T00:00:00.000Z',
      stage: 'resolved',
      level: 'normal',
      updatedAt: '2026-02-03T02:00:00.000Z',
      resolvedAt: '2026-02-03T02:00:00.000Z',
    });
    expect(await t.store.incidents.get('inc-1')).toEqual({
      ...opened,
      stage: 'resolved',
      level: 'normal',
      updatedAt: '2026-02-03T02:00:00.000Z',
      resolvedAt: '2026-02-03T02:00:00.000Z',
    });
    expect(await t.store.incidents.get('nope')).toBeNull();
  });

  it('lists by drill, service and unresolved, newest opened first', async () => {
    await t.store.incidents.upsert(opened);
    await t.store.incidents.upsert({ ...opened, id: 'inc-2', service: 'video', openedAt: '2026-02-03T01:10:00.000Z' });
    await t.store.incidents.upsert({ ...opened, id: 'inc-3', drillId: null, openedAt: '2026-02-03T01:20:00.000Z', resolvedAt: '2026-02-03T01:30:00.000Z' });
    expect((await t.store.incidents.list()).map((i) => i.id)).toEqual(['inc-3', 'inc-2', 'inc-1']);
    expect((await t.store.incidents.list({ drillId: 'drill-1' })).map((i) => i.id)).toEqual(['inc-2', 'inc-1']);
    expect((await t.store.incidents.list({ service: 'video' })).map((i) => i.id)).toEqual(['inc-2']);
    expect((await t.store.incidents.list({ unresolvedOnly: true })).map((i) => i.id)).toEqual(['inc-2', 'inc-1']);
    expect((await t.store.incidents.list({ limit: 1 })).map((i) => i.id)).toEqual(['inc-3']);
  });

  it('records acknowledgements per incident, oldest first', async () => {
    await t.store.incidents.upsert(opened);
    const first = await t.store.incidents.acknowledge({ incidentId: 'inc-1', by: 'tok_a', at: '2026-02-03T01:06:00.000Z' });
    await t.store.incidents.acknowledge({ incidentId: 'inc-1', by: 'tok_b', at: '2026-02-03T01:07:00.000Z' });
    expect(first).toEqual({ id: expect.any(Number), incidentId: 'inc-1', by: 'tok_a', at: '2026-02-03T01:06:00.000Z' });
    expect((await t.store.incidents.acknowledgements('inc-1')).map((a) => a.by)).toEqual(['tok_a', 'tok_b']);
    expect(await t.store.incidents.acknowledgements('inc-2')).toEqual([]);
  });

  it('refuses to acknowledge an incident that does not exist', async () => {
    await expect(
      t.store.incidents.acknowledge({ incidentId: 'ghost', by: 'tok_a', at: '2026-02-03T01:06:00.000Z' }),
    ).rejects.toThrow(/foreign key/i);
  });

  it('keeps incidents and acknowledgements across a close and reopen', async () => {
    await t.store.incidents.upsert(opened);
    await t.store.incidents.acknowledge({ incidentId: 'inc-1', by: 'tok_a', at: '2026-02-03T01:06:00.000Z' });
    const store = await t.reopen();
    if (t.persistent) {
      expect(await store.incidents.get('inc-1')).toEqual(opened);
      expect(await store.incidents.acknowledgements('inc-1')).toHaveLength(1);
    } else {
      expect(await store.incidents.get('inc-1')).toBeNull();
    }
  });
  it('lists the newest incidents with all their notices in one query, or one incident by id', async () => {
    for (let i = 1; i <= 3; i++) {
      await t.store.incidents.upsert({ ...opened, id: `inc-${i}`, openedAt: `2026-02-03T01:0${i}:00.000Z` });
    }
    await t.store.notices.insert(sampleNotice({ id: 'n-1', incidentId: 'inc-1' }), { drillId: 'drill-1', author: null });
    await t.store.notices.insert(sampleNotice({ id: 'n-2', incidentId: 'inc-1', stage: 'identified' }), { drillId: 'drill-1', author: null });
    await t.store.notices.insert(sampleNotice({ id: 'n-3', incidentId: 'inc-3' }), { drillId: 'drill-1', author: null });
    await t.store.notices.edit(sampleNotice({ id: 'n-3', incidentId: 'inc-3', text: { en: { title: 'x', body: 'y' }, 'zh-CN': { title: 'x', body: 'y' } } }), { author: 'op', editedAt: '2026-12-01T00:00:00.000Z' });

    const newest = await t.store.incidents.listWithNotices({ limit: 2 });
    expect(newest.map((e) => e.incident.id)).toEqual(['inc-3', 'inc-2']);
    expect(newest[0]?.notices).toEqual([{ ...sampleNotice({ id: 'n-3', incidentId: 'inc-3', text: { en: { title: 'x', body: 'y' }, 'zh-CN': { title: 'x', body: 'y' } } }), editedAt: '2026-12-01T00:00:00.000Z' }]);
    expect(newest[1]?.notices).toEqual([]);

    const one = await t.store.incidents.listWithNotices({ id: 'inc-1' });
    expect(one.map((e) => e.incident.id)).toEqual(['inc-1']);
    expect(one[0]?.notices.map((n) => [n.id, n.editedAt]).sort()).toEqual([['n-1', null], ['n-2', null]]);
    expect(await t.store.incidents.listWithNotices({ id: 'constructor' })).toEqual([]);
  });
});
