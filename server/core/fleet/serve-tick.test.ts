import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { initialFleetState } from './fleet-state.js';
import { MAX_UTILIZATION, serveTick } from './serve-tick.js';
import { testService } from './test-plan.js';
import type { FleetState, ServeInput } from './types.js';

const svc = testService(); // 10 servers x 100 rps hard = 1,000 rps; queue limit 10 s; admit 90 %
const fresh = (): FleetState => initialFleetState(svc, 0);
const serve = (state: FleetState, input: Partial<ServeInput>) =>
  serveTick(svc, state, { demandRps: 0, dtSeconds: 10, throttleAllowed: false, ...input }, 10_000);

describe('serveTick', () => {
  it('serves everything below capacity with M/M/c latency and no backlog', () => {
    const { result, events } = serve(fresh(), { demandRps: 700 });
    expect(result).toMatchObject({ capacityRps: 1000, servedRps: 700, throttledRps: 0, droppedRps: 0, backlog: 0 });
    expect(result.utilization).toBeCloseTo(0.7, 12);
    expect(result.supplyServers).toBe(10);
    expect(result.demandServers).toBe(10);
    expect(result.latencyMs).toBeGreaterThan(80);
    expect(result.latencyMs).toBeLessThan(100);
    expect(events).toEqual([]);
  });

  it('queues demand above capacity, then drops what the queue limit cannot hold', () => {
    const first = serve(fresh(), { demandRps: 1500 });
    expect(first.result).toMatchObject({ servedRps: 1000, backlog: 5000, droppedRps: 0 });
    const second = serve(first.state, { demandRps: 1500 });
    expect(second.result).toMatchObject({ servedRps: 1000, backlog: 10_000, droppedRps: 0 });
    const third = serve(second.state, { demandRps: 1500 });
    expect(third.result).toMatchObject({ servedRps: 1000, backlog: 10_000, droppedRps: 500 });
    expect(third.events.map((e) => e.type)).toEqual(['drop:started']);
    const fourth = serve(third.state, { demandRps: 1500 });
    expect(fourth.events).toEqual([]);
    const drained = serve(fourth.state, { demandRps: 500 });
    expect(drained.result).toMatchObject({ servedRps: 1000, backlog: 5000, droppedRps: 0 });
    expect(drained.events.map((e) => e.type)).toEqual(['drop:stopped']);
  });

  it('throttles demand beyond admitFraction of capacity when the level allows it', () => {
    const { result, events, state } = serve(fresh(), { demandRps: 1500, throttleAllowed: true });
    expect(result).toMatchObject({ servedRps: 900, throttledRps: 600, droppedRps: 0, backlog: 0 });
    expect(events.map((e) => e.type)).toEqual(['throttle:started']);
    const calm = serve(state, { demandRps: 600, throttleAllowed: false });
    expect(calm.events.map((e) => e.type)).toEqual(['throttle:stopped']);
  });

  it('with no throttle levels, throttles only while demand exceeds capacity', () => {
    const anyLevel = testService({ throttle: { levels: [] } });
    const at = (demandRps: number) =>
      serveTick(anyLevel, initialFleetState(anyLevel, 0), { demandRps, dtSeconds: 10, throttleAllowed: true }, 0).result;
    expect(at(950).throttledRps).toBe(0);
    expect(at(1200).throttledRps).toBeCloseTo(300, 9);
  });

  it('never throttles when throttling is disabled', () => {
    const off = testService({ throttle: { enabled: false } });
    const { result } = serveTick(off, initialFleetState(off, 0), { demandRps: 1500, dtSeconds: 10, throttleAllowed: true }, 0);
    expect(result.throttledRps).toBe(0);
  });

  it('with no servers, refuses everything and reports the capped latency', () => {
    const empty = testService({ capacity: { initialServers: 0, minServers: 0 } });
    const state = initialFleetState(empty, 0);
    const dropped = serveTick(empty, state, { demandRps: 200, dtSeconds: 10, throttleAllowed: false }, 0).result;
    expect(dropped).toMatchObject({ capacityRps: 0, servedRps: 0, droppedRps: 200, backlog: 0, latencyMs: 10_080 });
    expect(dropped.utilization).toBe(MAX_UTILIZATION);
    const throttled = serveTick(empty, state, { demandRps: 200, dtSeconds: 10, throttleAllowed: true }, 0).result;
    expect(throttled).toMatchObject({ throttledRps: 200, droppedRps: 0 });
  });

  it('counts warming servers for their warm-up fraction', () => {
    const warm = testService({ warmup: { startingCapacityFraction: 0.5 } });
    const state: FleetState = { ...initialFleetState(warm, 0), starting: [{ origin: 'standby', count: 4, until: 30_000 }] };
    const { result } = serveTick(warm, state, { demandRps: 0, dtSeconds: 10, throttleAllowed: false }, 0);
    expect(result.supplyServers).toBe(12);
    expect(result.capacityRps).toBe(1200);
  });

  const tick = fc.record({
    demandRps: fc.double({ min: 0, max: 5000, noNaN: true }),
    dtSeconds: fc.double({ min: 0.5, max: 60, noNaN: true }),
    throttleAllowed: fc.boolean(),
  });

  test.prop([fc.integer({ min: 0, max: 30 }), fc.array(tick, { minLength: 1, maxLength: 40 })])(
    'conserves requests, never serves above capacity, never holds a negative or oversize backlog',
    (servers, ticks) => {
      const sized = testService({ capacity: { initialServers: servers, minServers: 0 } });
      let state = initialFleetState(sized, 0);
      for (const input of ticks) {
        const before = state.backlog;
        const next = serveTick(sized, state, input, 0);
        const r = next.result;
        const dt = input.dtSeconds;
        const inflow = input.demandRps * dt + before;
        const outflow = (r.servedRps + r.throttledRps + r.droppedRps) * dt + r.backlog;
        expect(Math.abs(inflow - outflow)).toBeLessThanOrEqual(1e-9 * Math.max(1, inflow));
        expect(r.servedRps).toBeLessThanOrEqual(r.capacityRps * (1 + 1e-12));
        expect(r.backlog).toBeGreaterThanOrEqual(0);
        expect(r.backlog).toBeLessThanOrEqual(sized.throttle.queueLimitSeconds * r.capacityRps * (1 + 1e-12));
        expect(Number.isFinite(r.latencyMs)).toBe(true);
        state = next.state;
      }
    },
  );

  test.prop([fc.double({ min: 0, max: 3000, noNaN: true }), fc.double({ min: 0, max: 3000, noNaN: true }), fc.double({ min: 0, max: 10_000, noNaN: true })])(
    'latency never falls as demand rises (fixed servers, no throttling)',
    (d1, d2, backlog) => {
      const state = { ...fresh(), backlog };
      const [low, high] = d1 <= d2 ? [d1, d2] : [d2, d1];
      expect(serve(state, { demandRps: high }).result.latencyMs).toBeGreaterThanOrEqual(
        serve(state, { demandRps: low }).result.latencyMs,
      );
    },
  );
});
