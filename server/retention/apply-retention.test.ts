import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import { openTestStore, sampleDrill, STORE_KINDS, type TestStore } from '../store/test-stores.js';
import { applyRetention, scheduleRetention } from './apply-retention.js';
import { AUDIT_MINIMUM_DAYS } from './retention-policy.js';

const NOW = Date.parse('2026-12-01T00:00:00.000Z');
const daysAgo = (days: number): string => new Date(NOW - days * 86_400_000).toISOString();
const event = (t: string) => ({ t, service: 'messaging', type: 'level:changed' as const, message: 'level rose' });

describe.each(STORE_KINDS)('retention (%s)', (kind) => {
  let t: TestStore;
  let reports: string;
  beforeEach(async (context) => {
    t = await openTestStore(kind, context);
    reports = mkdtempSync(join(tmpdir(), 'flashcrowd-reports-'));
  });
  afterEach(async () => {
    await t?.dispose();
    rmSync(reports, { recursive: true, force: true });
  });

  it('drops the events and reports of drills that ended long ago, and keeps the rest', async () => {
    const { store } = t;
    await store.drills.insert(sampleDrill({ id: 'old', status: 'finished', endedAt: daysAgo(100) }));
    await store.drills.insert(sampleDrill({ id: 'recent', status: 'finished', endedAt: daysAgo(10) }));
    await store.drills.insert(sampleDrill({ id: 'running', status: 'running', endedAt: null }));
    for (const id of ['old', 'recent', 'running']) await store.events.append(id, [event(daysAgo(200)), event(daysAgo(150))]);
    for (const [name, age] of [['old.json', 100], ['recent.json', 10]] as const) {
      const file = join(reports, name);
      writeFileSync(file, '{}');
      utimesSync(file, new Date(NOW - age * 86_400_000), new Date(NOW - age * 86_400_000));
    }

    const outcome = await applyRetention(store, { drillDays: 90, auditDays: 365 }, NOW, reports);

    expect(outcome).toMatchObject({ events: 2, reports: 1 });
    expect(await store.events.list('old')).toEqual([]);
    expect(await store.events.list('recent')).toHaveLength(2);
    expect(await store.events.list('running')).toHaveLength(2);
    expect(await store.drills.get('old')).not.toBeNull();
    expect(readdirSync(reports)).toEqual(['recent.json']);
  });

  it(`never prunes audit rows younger than ${AUDIT_MINIMUM_DAYS} days, whatever it is told, and the chain still verifies`, async () => {
    const { store } = t;
    for (const age of [400, 200, 179, 1]) await store.audit.append({ at: daysAgo(age), actor: null, action: 'notice.edit', target: `aged-${age}` });

    const outcome = await applyRetention(store, { drillDays: 90, auditDays: 30 }, NOW);

    expect(outcome.auditRows).toBe(2);
    const kept = (await store.audit.list()).map((e) => e.target);
    expect(kept).toEqual([expect.stringMatching(/^through-/), 'aged-1', 'aged-179']);
    expect(await store.audit.verify()).toMatchObject({ firstBreak: null });
  });

  it('runs at once and then every six hours of its clock, pruning what has aged by then, and stops', async () => {
    await t.store.drills.insert(sampleDrill({ id: 'aging', status: 'finished', endedAt: daysAgo(89.6) }));
    await t.store.events.append('aging', [event(daysAgo(95))]);
    const clock = new ManualClock(NOW);
    const runs: number[] = [];
    const schedule = scheduleRetention({
      store: t.store,
      policy: { drillDays: 90, auditDays: 365 },
      clock,
      onRun: (o) => runs.push(o.events),
      onError: (err) => { throw err; },
    });
    await vi.waitFor(() => expect(runs).toEqual([0]));
    clock.advance(6 * 3_600_000);
    await vi.waitFor(() => expect(runs).toEqual([0, 0]));
    // 90.1 days since the drill ended, by the clock: its events go
    clock.advance(6 * 3_600_000);
    await vi.waitFor(() => expect(runs).toEqual([0, 0, 1]));
    await schedule.stop();
    expect(clock.pendingIntervals).toBe(0);
    clock.advance(24 * 3_600_000);
    expect(runs).toEqual([0, 0, 1]);
  });
});
