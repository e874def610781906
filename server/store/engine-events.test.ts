import { fc, test } from '@fast-check/vitest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_REASONS } from '../core/engine/event-reason.js';
import type { EngineEvent } from '../core/engine/types.js';
import { openTestStore, sampleDrill, STORE_KINDS, type TestStore } from './test-stores.js';

function event(i: number, overrides: Partial<EngineEvent> = {}): EngineEvent {
  return {
    t: `2026-02-03T01:00:${String(i % 60).padStart(2, '0')}.000Z`,
    service: i % 2 === 0 ? 'messaging' : 'video',
    type: 'scale:decision',
    message: `event ${i}`,
    ...overrides,
  };
}

describe.each(STORE_KINDS)('engine events (%s)', (kind) => {
  let t: TestStore;
  beforeEach(async (context) => {
    t = await openTestStore(kind, context);
    await t.store.drills.insert(sampleDrill());
  });
  afterEach(async () => t?.dispose());

  it('appends a batch and reads it back in order, keeping reason and data only when present', async () => {
    const batch = [event(0, { reason: 'LevelEntered', data: { desired: 4, current: 2, note: null, ok: true } }), event(1)];
    await t.store.events.append('drill-1', batch);
    const stored = await t.store.events.list('drill-1');
    expect(stored.map(({ id: _id, drillId: _d, ...e }) => e)).toEqual(batch);
    expect(stored[1]).not.toHaveProperty('reason');
    expect(stored[1]).not.toHaveProperty('data');
    expect(stored[0]!.id).toBeLessThan(stored[1]!.id);
  });

  it('pages with afterId, filters by service, and gives the latest N oldest first', async () => {
    await t.store.events.append('drill-1', [0, 1, 2, 3, 4, 5].map((i) => event(i)));
    const all = await t.store.events.list('drill-1');
    const after = await t.store.events.list('drill-1', { afterId: all[2]!.id, limit: 2 });
    expect(after.map((e) => e.message)).toEqual(['event 3', 'event 4']);
    expect((await t.store.events.list('drill-1', { service: 'video' })).map((e) => e.message)).toEqual(['event 1', 'event 3', 'event 5']);
    expect((await t.store.events.latest('drill-1', 2)).map((e) => e.message)).toEqual(['event 4', 'event 5']);
    expect(await t.store.events.list('other')).toEqual([]);
  });

  it('filters by type in the query, so the limit counts only matching events', async () => {
    await t.store.events.append('drill-1', [0, 1, 2, 3, 4, 5].map((i) => event(i, i % 3 === 0 ? { type: 'trigger:firing' } : {})));
    const firing = await t.store.events.list('drill-1', { type: 'trigger:firing', limit: 2 });
    expect(firing.map((e) => e.message)).toEqual(['event 0', 'event 3']);
  });

  it('appends an empty batch as a no-op and a batch larger than one statement whole', async () => {
    await t.store.events.append('drill-1', []);
    const big = Array.from({ length: 1201 }, (_, i) => event(i));
    await t.store.events.append('drill-1', big);
    const stored = await t.store.events.list('drill-1', { limit: 5000 });
    expect(stored.map((e) => e.message)).toEqual(big.map((e) => e.message));
  });

  it('rejects a large batch whole when one row is bad (nothing of it is kept)', async () => {
    const bad = Array.from({ length: 700 }, (_, i) => event(i));
    bad[650] = { ...event(650), message: null as unknown as string };
    await expect(t.store.events.append('drill-1', bad)).rejects.toThrow();
    expect(await t.store.events.list('drill-1')).toEqual([]);
  });

  it('refuses events of a drill that does not exist', async () => {
    await expect(t.store.events.append('ghost', [event(0)])).rejects.toThrow(/foreign key/i);
  });
});

const eventArb = fc.record(
  {
    t: fc.constantFrom('2026-02-03T01:00:00.000Z', '2020-02-03T09:00:00+08:00'),
    service: fc.constantFrom('messaging', 'video'),
    type: fc.constantFrom('trigger:firing' as const, 'scale:decision' as const, 'incident:opened' as const),
    message: fc.string(),
    reason: fc.constantFrom(...EVENT_REASONS),
    data: fc.dictionary(fc.string(), fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.boolean(), fc.constant(null))),
  },
  { requiredKeys: ['t', 'service', 'type', 'message'] },
);

describe.each(STORE_KINDS)('engine events, any batches (%s)', (kind) => {
  let t: TestStore;
  let drills = 0;
  beforeEach(async (context) => {
    t = await openTestStore(kind, context);
  });
  afterEach(async () => t?.dispose());

  test.prop([fc.array(fc.array(eventArb, { maxLength: 8 }), { maxLength: 6 })], { numRuns: 30 })(
    'any sequence of batches reads back as their concatenation',
    async (batches) => {
      // one store for every run: each run writes to a drill of its own
      const drillId = `drill-${++drills}`;
      await t.store.drills.insert(sampleDrill({ id: drillId }));
      for (const batch of batches) await t.store.events.append(drillId, batch);
      const stored = await t.store.events.list(drillId, { limit: 10_000 });
      // JSON is how the events travel everywhere else too (-0 becomes 0)
      expect(stored.map(({ id: _id, drillId: _d, ...e }) => e)).toEqual(JSON.parse(JSON.stringify(batches.flat())));
    },
  );
});
