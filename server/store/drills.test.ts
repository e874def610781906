import { fc, test } from '@fast-check/vitest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, sampleDrill, STORE_KINDS, type TestStore } from './test-stores.js';

describe.each(STORE_KINDS)('drills (%s)', (kind) => {
  let t: TestStore;
  beforeEach(async (context) => {
    t = await openTestStore(kind, context);
  });
  afterEach(async () => t?.dispose());

  it('inserts and reads back a drill with its config', async () => {
    await t.store.drills.insert(sampleDrill());
    expect(await t.store.drills.get('drill-1')).toEqual(sampleDrill());
    expect(await t.store.drills.get('nope')).toBeNull();
  });

  it('keeps an open-ended drill (no scenario end) open-ended', async () => {
    await t.store.drills.insert(sampleDrill({ id: 'live', source: 'external', scenarioEnd: null }));
    expect((await t.store.drills.get('live'))?.scenarioEnd).toBeNull();
  });

  test.prop([fc.double({ min: 0.001, max: 10_000, noNaN: true })], { numRuns: 20 })('keeps any speed exactly', async (speed) => {
    const id = `speed-${speed}`;
    await t.store.drills.insert(sampleDrill({ id, speed }));
    expect((await t.store.drills.get(id))?.speed).toBe(speed);
  });

  it('breaks ties between drills started together by id, byte order (as SQLite compares)', async () => {
    for (const id of ['b', 'B', 'a', 'A', '_x', 'Z']) await t.store.drills.insert(sampleDrill({ id }));
    expect((await t.store.drills.list()).map((d) => d.id)).toEqual(['b', 'a', '_x', 'Z', 'B', 'A']);
  });

  it('lists newest first, filtered by status and limited', async () => {
    await t.store.drills.insert(sampleDrill({ id: 'a', startedAt: '2026-01-01T00:00:00.000Z' }));
    await t.store.drills.insert(sampleDrill({ id: 'b', startedAt: '2026-01-02T00:00:00.000Z', status: 'finished' }));
    await t.store.drills.insert(sampleDrill({ id: 'c', startedAt: '2026-01-03T00:00:00.000Z' }));
    expect((await t.store.drills.list()).map((d) => d.id)).toEqual(['c', 'b', 'a']);
    expect((await t.store.drills.list({ status: 'running' })).map((d) => d.id)).toEqual(['c', 'a']);
    expect((await t.store.drills.list({ limit: 1 })).map((d) => d.id)).toEqual(['c']);
  });

  it('moves the scenario clock and finishes a running drill once', async () => {
    await t.store.drills.insert(sampleDrill());
    await t.store.drills.updateProgress('drill-1', '2020-02-03T09:00:00+08:00');
    expect(await t.store.drills.finish('drill-1', 'stopped', '2026-02-03T01:30:00.000Z')).toBe(true);
    expect(await t.store.drills.finish('drill-1', 'finished', '2026-02-03T01:40:00.000Z')).toBe(false);
    expect(await t.store.drills.get('drill-1')).toMatchObject({
      status: 'stopped',
      endedAt: '2026-02-03T01:30:00.000Z',
      scenarioNow: '2020-02-03T09:00:00+08:00',
    });
  });

  it('marks every running drill interrupted and leaves ended ones alone', async () => {
    await t.store.drills.insert(sampleDrill({ id: 'r1' }));
    await t.store.drills.insert(sampleDrill({ id: 'r2' }));
    await t.store.drills.insert(sampleDrill({ id: 'f', status: 'finished', endedAt: '2026-02-03T00:59:00.000Z' }));
    expect(await t.store.drills.markInterrupted('2026-02-03T02:00:00.000Z')).toEqual(['r1', 'r2']);
    expect(await t.store.drills.get('r1')).toMatchObject({ status: 'interrupted', endedAt: '2026-02-03T02:00:00.000Z' });
    expect(await t.store.drills.get('f')).toMatchObject({ status: 'finished', endedAt: '2026-02-03T00:59:00.000Z' });
    expect(await t.store.drills.markInterrupted('2026-02-03T03:00:00.000Z')).toEqual([]);
  });
});

describe('drills in a file', () => {
  it('survive a close and reopen, and a drill left running is found and marked at the next start', async () => {
    const t = await openTestStore('file');
    try {
      await t.store.drills.insert(sampleDrill());
      const store = await t.reopen();
      expect(await store.drills.get('drill-1')).toEqual(sampleDrill());
      expect(await store.drills.markInterrupted('2026-02-03T02:00:00.000Z')).toEqual(['drill-1']);
    } finally {
      await t.dispose();
    }
  });
});
