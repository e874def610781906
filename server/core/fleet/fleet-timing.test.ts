import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { CoreEvent, ServersByState } from '../engine/types.js';
import type { ServicePlan } from '../plan/types.js';
import { advanceFleet } from './advance-fleet.js';
import { committedCount, fleetView, initialFleetState, serversByState } from './fleet-state.js';
import { setDesired } from './scale-fleet.js';
import { testService } from './test-plan.js';
import type { FleetState } from './types.js';

type Row = [seconds: number, standby: number, provisioning: number, starting: number, active: number, draining: number];

const row = (seconds: number, s: ServersByState): Row =>
  [seconds, s.standby, s.provisioning, s.starting, s.active, s.draining];

/** Advances every 10 s, applying `desired[second]` after the advance of that tick; one row per tick. */
function timeline(svc: ServicePlan, desired: Record<number, number>, untilSeconds: number, from = initialFleetState(svc, 0)) {
  let state = from;
  const rows: Row[] = [];
  const events: { seconds: number; event: CoreEvent }[] = [];
  for (let seconds = 0; seconds <= untilSeconds; seconds += 10) {
    const t = seconds * 1000;
    const advanced = advanceFleet(svc, state, t);
    state = advanced.state;
    const wanted = desired[seconds];
    const scaled = wanted === undefined ? { state, events: [] } : setDesired(svc, state, wanted, t);
    state = scaled.state;
    for (const event of [...advanced.events, ...scaled.events]) events.push({ seconds, event });
    rows.push(row(seconds, serversByState(state)));
  }
  return { rows, events, state };
}

const at = (rows: Row[], ...seconds: number[]): Row[] => rows.filter((r) => seconds.includes(r[0]));

describe('fleet timings', () => {
  const svc = testService(); // pool 5 (30 s start), cold 120 s + 60 s, quota 4/min

  it('takes standby servers first, then cold ones behind the quota', () => {
    const { rows } = timeline(svc, { 0: 20 }, 250);
    //                     s  standby prov starting active draining
    expect(at(rows, 0, 20, 30, 50, 60, 110, 120, 170, 180, 230, 240)).toEqual([
      [0, 0, 5, 5, 10, 0], // 5 standby activated; 4 cold provisioning + 1 held by the quota
      [20, 0, 5, 5, 10, 0],
      [30, 0, 5, 0, 15, 0], // standby ready after standby.startSeconds
      [50, 0, 5, 0, 15, 0],
      [60, 0, 5, 0, 15, 0], // the quota frees a slot: the 5th begins provisioning
      [110, 0, 5, 0, 15, 0],
      [120, 0, 1, 4, 15, 0], // the first 4 provisioned: starting
      [170, 0, 1, 4, 15, 0],
      [180, 0, 0, 1, 19, 0], // ready after provision + start; the 5th starts
      [230, 0, 0, 1, 19, 0],
      [240, 0, 0, 0, 20, 0],
    ]);
  });

  it('begins no more than quotaPerMinute cold servers in any rolling minute', () => {
    const noPool = testService({ standby: { poolSize: 0 } });
    const { events } = timeline(noPool, { 0: 24 }, 300);
    const begun = events.filter((e) => e.event.type === 'servers:provisioning').map((e) => [e.seconds, e.event.data?.count]);
    expect(begun).toEqual([[0, 4], [60, 4], [120, 4], [180, 2]]);
  });

  it('drains newest first and returns pool servers to standby after drainSeconds', () => {
    const grown = timeline(svc, { 0: 20 }, 250).state;
    const { rows, events } = timeline(svc, { 300: 12 }, 370, grown);
    expect(at(rows, 300, 350, 360)).toEqual([
      [300, 0, 0, 0, 12, 8], // the 5 cold and 3 of the standby servers drain
      [350, 0, 0, 0, 12, 8],
      [360, 3, 0, 0, 12, 0], // drained: 3 back to the pool, 5 released
    ]);
    const stopped = events.find((e) => e.event.type === 'servers:stopped');
    expect(stopped?.event.data).toMatchObject({ count: 8, returnedToStandby: 3, released: 5 });
  });

  it('releases drained standby servers when returnToStandby is false', () => {
    const release = testService({ scaleIn: { returnToStandby: false } });
    const grown = timeline(release, { 0: 15 }, 40).state;
    const { rows } = timeline(release, { 50: 10 }, 120, grown);
    expect(at(rows, 50, 110)).toEqual([[50, 0, 0, 0, 10, 5], [110, 0, 0, 0, 10, 0]]);
  });

  it('cancels servers not yet serving before draining any: queued, provisioning, then starting', () => {
    const { rows, events } = timeline(svc, { 0: 20, 10: 13 }, 10);
    expect(at(rows, 10)).toEqual([[10, 2, 0, 3, 10, 0]]);
    const stopped = events.find((e) => e.event.type === 'servers:stopped');
    expect(stopped?.event.data).toMatchObject({ count: 7, queued: 1, provisioning: 4, starting: 2, returnedToStandby: 2 });
  });

  it('follows scheduled times, not tick times, when a tick spans several transitions', () => {
    const noPool = testService({ standby: { poolSize: 0 } });
    const ordered = setDesired(noPool, initialFleetState(noPool, 0), 12, 0).state;
    const { state, events } = advanceFleet(noPool, ordered, 300_000);
    expect(serversByState(state)).toMatchObject({ provisioning: 0, starting: 0, active: 12 });
    expect(events.map((e) => e.type)).toEqual(['servers:starting', 'servers:ready']);
  });

  it('serves at once when the start takes no time', () => {
    const instant = testService({ standby: { startSeconds: 0 } });
    const { state } = setDesired(instant, initialFleetState(instant, 0), 13, 0);
    expect(serversByState(state).active).toBe(13);
  });

  it('clamps to [minServers, maxServers], and asking for the current size does nothing', () => {
    const big = setDesired(svc, initialFleetState(svc, 0), 1000, 0).state;
    expect(committedCount(big)).toBe(40);
    const small = setDesired(svc, initialFleetState(svc, 0), 0, 0).state;
    expect(serversByState(small).active).toBe(2);
    const same = setDesired(svc, big, 40, 10_000);
    expect(same.events).toEqual([]);
    expect(same.state).toEqual({ ...big, t: 10_000 });
  });

  it('reports the cold quota left net of queued servers', () => {
    const noPool = testService({ standby: { poolSize: 0 } });
    const start = initialFleetState(noPool, 0);
    expect(fleetView(noPool, start, 0).coldQuotaLeft).toBe(4);
    const two = setDesired(noPool, start, 12, 0).state;
    expect(fleetView(noPool, two, 30_000)).toMatchObject({ coldQuotaLeft: 2, provisioning: 2, standbyAvailable: 0 });
    const six = setDesired(noPool, start, 16, 0).state;
    expect(fleetView(noPool, six, 60_000).coldQuotaLeft).toBe(2);
  });

  it('keeps plain data: the state survives JSON and the input state is never changed', () => {
    const before = setDesired(svc, initialFleetState(svc, 0), 20, 0).state;
    const frozen = JSON.stringify(before);
    const after = advanceFleet(svc, before, 200_000).state;
    setDesired(svc, after, 3, 200_000);
    expect(JSON.stringify(before)).toBe(frozen);
    expect(JSON.parse(JSON.stringify(after))).toEqual(after);
  });
});

describe('fleet under random scaling', () => {
  const op = fc.record({ desired: fc.option(fc.integer({ min: 0, max: 60 })), waitSeconds: fc.integer({ min: 0, max: 90 }) });

  test.prop([fc.array(op, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 6 })])(
    'hits the clamped target, keeps the pool whole and never exceeds the cold quota',
    (ops, quota) => {
      const svc = testService({ cold: { quotaPerMinute: quota, provisionSeconds: 40, startSeconds: 20 } });
      let state: FleetState = initialFleetState(svc, 0);
      let t = 0;
      const coldBegins: { t: number; count: number }[] = [];
      const record = (events: CoreEvent[]) => {
        for (const e of events) if (e.type === 'servers:provisioning') coldBegins.push({ t, count: Number(e.data?.count) });
      };
      for (const { desired, waitSeconds } of ops) {
        t += waitSeconds * 1000;
        const advanced = advanceFleet(svc, state, t);
        record(advanced.events);
        state = advanced.state;
        if (desired !== null) {
          const scaled = setDesired(svc, state, desired, t);
          record(scaled.events);
          state = scaled.state;
          expect(committedCount(state)).toBe(Math.min(40, Math.max(2, desired)));
        }
        const fromPool = [...state.starting, ...state.active, ...state.draining]
          .filter((c) => c.origin === 'standby')
          .reduce((sum, c) => sum + c.count, 0);
        expect(state.standby + fromPool).toBe(svc.standby.poolSize);
        expect(Object.values(serversByState(state)).every((n) => n >= 0)).toBe(true);
      }
      for (const first of coldBegins) {
        const inMinute = coldBegins.filter((b) => b.t >= first.t && b.t < first.t + 60_000);
        expect(inMinute.reduce((sum, b) => sum + b.count, 0)).toBeLessThanOrEqual(quota);
      }
    },
  );
});
