import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, sampleDrill, STORE_KINDS, type TestStore } from './test-stores.js';

const T0 = '2026-02-03T01:00:00.000Z';
const T5 = '2026-02-03T01:00:05.000Z';
const T6 = '2026-02-03T01:00:06.000Z';
const T10 = '2026-02-03T01:00:10.000Z';

describe.each(STORE_KINDS)('leases, checkpoints and takeovers (%s)', (kind) => {
  let t: TestStore;
  beforeEach(async (context) => {
    t = await openTestStore(kind, context);
  });
  afterEach(async () => t?.dispose());

  it('gives a lease to one instance until it runs out, then to another', async () => {
    const { leases } = t.store;
    expect(await leases.acquire('engine', 'a', T0, T5)).toBe(true);
    expect(await leases.acquire('engine', 'b', T0, T5)).toBe(false);
    expect(await leases.holder('engine', T0)).toEqual({ holder: 'a', expiresAt: T5 });
    // the holder extends it
    expect(await leases.acquire('engine', 'a', T5, T10)).toBe(true);
    expect(await leases.acquire('engine', 'b', T6, T10)).toBe(false);
    // run out: another takes it, and the old holder can no longer confirm or extend it
    expect(await leases.holder('engine', '2026-02-03T01:00:11.000Z')).toBeNull();
    expect(await leases.acquire('engine', 'b', '2026-02-03T01:00:11.000Z', '2026-02-03T01:00:16.000Z')).toBe(true);
    expect(await leases.confirm('engine', 'a', '2026-02-03T01:00:12.000Z')).toBe(false);
    expect(await leases.acquire('engine', 'a', '2026-02-03T01:00:12.000Z', '2026-02-03T01:00:17.000Z')).toBe(false);
    expect(await leases.confirm('engine', 'b', '2026-02-03T01:00:12.000Z')).toBe(true);
  });

  it('lets a released lease go at once', async () => {
    const { leases } = t.store;
    await leases.acquire('engine', 'a', T0, T10);
    await leases.release('engine', 'b');
    expect((await leases.holder('engine', T0))?.holder).toBe('a');
    await leases.release('engine', 'a');
    expect(await leases.holder('engine', T0)).toBeNull();
    expect(await leases.acquire('engine', 'b', T0, T5)).toBe(true);
  });

  it('keeps the latest checkpoint of a drill, and forgets it on request', async () => {
    const { checkpoints } = t.store;
    expect(await checkpoints.get('d-1')).toBeNull();
    await checkpoints.save({ drillId: 'd-1', scenarioNow: T0, stateJson: '{"t":1}', outputJson: '{"ticks":[]}', holder: 'a', savedAt: T0 });
    await checkpoints.save({ drillId: 'd-1', scenarioNow: T5, stateJson: '{"t":2}', outputJson: '{"ticks":[1]}', holder: 'a', savedAt: T5 });
    expect(await checkpoints.get('d-1')).toEqual({ drillId: 'd-1', scenarioNow: T5, stateJson: '{"t":2}', outputJson: '{"ticks":[1]}', holder: 'a', savedAt: T5 });
    await checkpoints.remove('d-1');
    expect(await checkpoints.get('d-1')).toBeNull();
  });

  it('lists the takeovers of a drill in order', async () => {
    await t.store.drills.insert(sampleDrill());
    await t.store.drills.recordTakeover('drill-1', { at: T5, scenarioAt: T0, from: 'a', to: 'b' });
    await t.store.drills.recordTakeover('drill-1', { at: T10, scenarioAt: T5, from: 'b', to: 'c' });
    await t.store.drills.recordTakeover('nope', { at: T10, scenarioAt: T5, from: 'b', to: 'c' });
    expect((await t.store.drills.get('drill-1'))?.takeovers).toEqual([
      { at: T5, scenarioAt: T0, from: 'a', to: 'b' },
      { at: T10, scenarioAt: T5, from: 'b', to: 'c' },
    ]);
  });

  it('keeps finished drills\' reports until the drill retention prunes them', async () => {
    await t.store.drills.insert(sampleDrill({ id: 'old', status: 'finished', endedAt: T0 }));
    await t.store.drills.insert(sampleDrill({ id: 'new', status: 'finished', endedAt: T10 }));
    await t.store.reports.save('old', '{"policy":"step"}');
    await t.store.reports.save('new', '{"policy":"none"}');
    await t.store.reports.save('new', '{"policy":"predictive"}');
    expect(await t.store.reports.get('new')).toBe('{"policy":"predictive"}');
    expect(await t.store.reports.pruneEndedBefore(T5)).toBe(1);
    expect(await t.store.reports.get('old')).toBeNull();
    expect(await t.store.reports.get('new')).not.toBeNull();
  });
});
