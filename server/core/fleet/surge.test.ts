import { describe, expect, it } from 'vitest';
import type { EventType } from '../engine/types.js';
import { advanceFleet } from './advance-fleet.js';
import { initialFleetState, serversByState } from './fleet-state.js';
import { setDesired } from './scale-fleet.js';
import { serveTick } from './serve-tick.js';
import { testService } from './test-plan.js';

interface Input {
  demandRps: number;
  /** a scale decision taken this tick */
  desired?: number;
  /** the level allows throttling */
  throttle?: boolean;
}

/** The fleet's part of an engine tick: advance, scale, serve. */
function drill(inputs: Input[], tickSeconds = 10) {
  const svc = testService(); // 10 x 100 rps hard, queue 10 s, admit 90 %, pool 5 (30 s), cold 120 s + 60 s, 4/min
  let state = initialFleetState(svc, 0);
  return inputs.map((input, i) => {
    const t = (i + 1) * tickSeconds * 1000;
    const advanced = advanceFleet(svc, state, t);
    const scaled = input.desired === undefined ? { state: advanced.state, events: [] } : setDesired(svc, advanced.state, input.desired, t);
    const served = serveTick(svc, scaled.state, { demandRps: input.demandRps, dtSeconds: tickSeconds, throttleAllowed: input.throttle ?? false }, t);
    state = served.state;
    const r = served.result;
    const events: EventType[] = [...advanced.events, ...scaled.events, ...served.events].map((e) => e.type);
    return {
      s: t / 1000,
      capacity: r.capacityRps,
      served: r.servedRps,
      throttled: r.throttledRps,
      dropped: r.droppedRps,
      backlog: r.backlog,
      latency: Math.round(r.latencyMs),
      active: serversByState(state).active,
      events,
    };
  });
}

describe('a surge, tick by tick', () => {
  it('queues, throttles, scales out and drains back to normal', () => {
    const rows = drill([
      { demandRps: 600 }, //                                     10 s
      { demandRps: 1500 }, //                                    20 s: the surge
      { demandRps: 1500 }, //                                    30 s
      { demandRps: 1500, desired: 20, throttle: true }, //        40 s: surge level, scale out, throttle
      { demandRps: 1500, throttle: true }, //                    50 s
      { demandRps: 1500, throttle: true }, //                    60 s
      { demandRps: 1500, throttle: true }, //                    70 s: standby ready
      { demandRps: 1500 }, //                                    80 s: throttling no longer allowed
      { demandRps: 1200 }, //                                    90 s
      { demandRps: 1200 }, //                                   100 s
    ]);
    const table = rows.map((r) => [r.s, r.capacity, r.served, r.throttled, r.dropped, r.backlog, r.active]);
    expect(table).toEqual([
      // s  capacity served throttled dropped backlog active
      [10, 1000, 600, 0, 0, 0, 10],
      [20, 1000, 1000, 0, 0, 5000, 10],
      [30, 1000, 1000, 0, 0, 10_000, 10], // the queue is at its 10 s limit
      [40, 1000, 1000, 600, 0, 9000, 10], // admit 900: the backlog drains at 100 rps
      [50, 1000, 1000, 600, 0, 8000, 10],
      [60, 1000, 1000, 600, 0, 7000, 10],
      [70, 1500, 1500, 150, 0, 5500, 15], // standby ready: 15 active, admit 1,350
      [80, 1500, 1500, 0, 0, 5500, 15], // no throttling: demand = capacity, the backlog holds
      [90, 1500, 1500, 0, 0, 2500, 15], // demand eases to 1,200: drains at 300 rps
      [100, 1500, 1450, 0, 0, 0, 15],
    ]);
    expect(rows.map((r) => r.latency)).toEqual([80, 10_080, 10_080, 9087, 8087, 7087, 3751, 10_080, 1748, 81]);
    expect(rows.map((r) => r.events)).toEqual([
      [],
      [],
      [],
      ['servers:activated', 'servers:provisioning', 'throttle:started'],
      [],
      [],
      ['servers:ready'],
      ['throttle:stopped'],
      [],
      ['servers:provisioning'], // the quota slot taken at 40 s frees: the 5th cold server begins
    ]);
  });

  it('gives byte-identical output for the same inputs', () => {
    const inputs: Input[] = [{ demandRps: 900 }, { demandRps: 2600, desired: 30, throttle: true }, { demandRps: 2000 }];
    expect(JSON.stringify(drill(inputs))).toBe(JSON.stringify(drill(inputs)));
  });
});
