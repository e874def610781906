import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { ServicePlan } from '../plan/types.js';
import { advanceFleet } from './advance-fleet.js';
import { initialFleetState, serverCeilingRps, supplyServers } from './fleet-state.js';
import { expectedLatencyMs } from './queueing.js';
import { estimateRecovery } from './recovery.js';
import { setDesired } from './scale-fleet.js';
import { serveTick } from './serve-tick.js';
import { testService } from './test-plan.js';
import type { FleetState } from './types.js';

/** Advances in 10 s ticks, as the engine does, so queued cold servers start when the quota frees. */
function advanceTo(svc: ServicePlan, state: FleetState, from: number, to: number): FleetState {
  let s = state;
  for (let at = from; at < to; at += 10_000) s = advanceFleet(svc, s, at).state;
  return advanceFleet(svc, s, to).state;
}

const servedNormally = (svc: ServicePlan, state: FleetState, demandRps: number): boolean => {
  const supply = supplyServers(svc, state);
  const capacity = supply * serverCeilingRps(svc);
  if (demandRps <= 0) return true;
  return demandRps < capacity && expectedLatencyMs(svc, supply, capacity, demandRps, 0) <= svc.capacity.sloLatencyMs;
};

/** Brute force: 100 ms ticks of the real fleet, no further scaling, until service is normal. */
function simulateRecovery(svc: ServicePlan, from: FleetState, t: number, demandRps: number, growth: number, horizonMs: number) {
  const demandAt = (at: number) => Math.max(0, demandRps + (growth * (at - t)) / 1000);
  let state = from;
  for (let at = t; at <= t + horizonMs; at += 100) {
    state = advanceFleet(svc, state, at).state;
    if (state.backlog < 1e-6 && servedNormally(svc, state, demandAt(at))) return at;
    const demand = (demandAt(at) + demandAt(at + 100)) / 2;
    state = serveTick(svc, state, { demandRps: demand, dtSeconds: 0.1, throttleAllowed: false }, at + 100).state;
  }
  return null;
}

describe('estimateRecovery', () => {
  const svc = testService(); // 10 servers x 100 rps hard; pool 5 (30 s); cold 120 s + 60 s, 4/min; SLO 300 ms

  it('is t when nothing is wrong', () => {
    expect(estimateRecovery(svc, initialFleetState(svc, 0), 5000, 600, 3)).toBe(5000);
  });

  it('waits for the servers on their way, then for the backlog to drain', () => {
    // 1,500 rps on 1,000 rps: the queue fills to its 10,000 limit in 20 s; 15 servers at 30 s only
    // hold it; 19 at 180 s drain it at 400 rps in 25 s.
    const ordered = setDesired(svc, initialFleetState(svc, 0), 20, 0).state;
    expect(estimateRecovery(svc, ordered, 0, 1500, 0)).toBe(205_000);
  });

  it('counts on falling demand when no servers come', () => {
    const fixed = testService({ capacity: { maxServers: 10 }, standby: { poolSize: 0 } });
    const state = initialFleetState(fixed, 0);
    const estimate = estimateRecovery(fixed, state, 0, 1500, -5);
    expect(estimate).not.toBeNull();
    const simulated = simulateRecovery(fixed, state, 0, 1500, -5, 600_000);
    expect(Math.abs((estimate ?? 0) - (simulated ?? Number.NaN))).toBeLessThanOrEqual(1000);
  });

  it('is null when even the largest fleet stays short', () => {
    const capped = testService({ capacity: { maxServers: 12 } });
    const full = setDesired(capped, initialFleetState(capped, 0), 12, 0).state;
    expect(estimateRecovery(capped, full, 0, 2000, 0)).toBeNull();
    const allActive = initialFleetState(testService({ capacity: { maxServers: 12, initialServers: 12 } }), 0);
    expect(estimateRecovery(capped, allActive, 0, 1300, 1)).toBeNull();
  });

  it('finds the moment between arrivals when growing demand is briefly served normally', () => {
    // 1,000 rps growing 1 rps/s: 450 queued by 30 s, when 12 servers drain it at 170 rps and rising
    const capped = testService({ capacity: { maxServers: 12 } });
    const full = setDesired(capped, initialFleetState(capped, 0), 12, 0).state;
    expect(estimateRecovery(capped, full, 0, 1000, 1)).toBe(32_668);
  });

  it('assumes the plan orders what it still allows when the committed servers fall short', () => {
    // nothing ordered yet: 6,000 queued by 30 s, when 5 standby servers drain it at 300 rps in 20 s
    expect(estimateRecovery(svc, initialFleetState(svc, 0), 0, 1200, 0)).toBe(50_000);
  });

  it('is null when the quota never lets the needed cold servers start', () => {
    const noQuota = testService({ cold: { quotaPerMinute: 0 }, standby: { poolSize: 0 } });
    expect(estimateRecovery(noQuota, initialFleetState(noQuota, 0), 0, 1500, 0)).toBeNull();
  });

  const scenario = fc.record({
    ordered: fc.integer({ min: 2, max: 40 }),
    demandRps: fc.integer({ min: 0, max: 3000 }),
    growth: fc.integer({ min: -20, max: 5 }),
    backlog: fc.integer({ min: 0, max: 8000 }),
    warm: fc.constantFrom(0, 0.5),
  });

  test.prop([scenario], { numRuns: 40 })(
    'agrees with a brute-force simulation of the committed fleet to within a second',
    ({ ordered, demandRps, growth, backlog, warm }) => {
      const svc = testService({ capacity: { maxServers: ordered }, warmup: { startingCapacityFraction: warm } });
      const initial = { ...initialFleetState(svc, 0), backlog: Math.min(backlog, 10 * 1000 * 10) };
      const state = setDesired(svc, initial, ordered, 0).state;
      const estimate = estimateRecovery(svc, state, 0, demandRps, growth);
      const horizon = 900_000;
      const simulated = simulateRecovery(svc, state, 0, demandRps, growth, horizon);
      if (estimate === null) expect(simulated).toBeNull();
      else if (estimate < horizon - 1000) expect(Math.abs(estimate - (simulated ?? Number.NaN))).toBeLessThanOrEqual(1000);
    },
  );

  test.prop([scenario], { numRuns: 60 })(
    'is never before the servers needed are ready',
    ({ ordered, demandRps, growth, backlog, warm }) => {
      const svc = testService({ warmup: { startingCapacityFraction: warm } });
      const state = setDesired(svc, { ...initialFleetState(svc, 0), backlog }, ordered, 0).state;
      const estimate = estimateRecovery(svc, state, 0, demandRps, growth);
      if (estimate === null) return;
      expect(estimate).toBeGreaterThanOrEqual(0);
      const demand = Math.max(0, demandRps + (growth * estimate) / 1000);
      const committedByThen = advanceTo(svc, state, 0, estimate);
      const orderedAll = advanceTo(svc, setDesired(svc, state, svc.capacity.maxServers, 0).state, 0, estimate);
      expect(servedNormally(svc, committedByThen, demand) || servedNormally(svc, orderedAll, demand)).toBe(true);
    },
  );
});
