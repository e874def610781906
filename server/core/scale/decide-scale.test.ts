import { test, fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { FleetView, ScaleDecision } from '../engine/types.js';
import type { PolicyName } from '../plan/types.js';
import { makeServicePlan, TEST_LEVELS } from '../detect/test-plan.js';
import { decideScale, initialScaleState, SCALE_REASONS } from './index.js';
import { simulate, type SimRow, type SimTick } from './test-fleet.js';

/** The decisions of a run as "t: reason current→desired". */
function decisions(rows: SimRow[]): string[] {
  return rows.filter((r) => r.decision).map((r) => `${r.t}: ${r.decision?.reason} ${r.decision?.current}→${r.decision?.desired}`);
}

function ticks(from: number, to: number, step: number, level: string, demand: (t: number) => number): SimTick[] {
  const out: SimTick[] = [];
  for (let t = from; t <= to; t += step) out.push({ t, level, demand: demand(t) });
  return out;
}

describe('step policy on a small surge (4 servers, 100 rps each, cooldown 120 s)', () => {
  const svc = makeServicePlan();

  it('acts on entry, repeats each cooldown while over target, defers a rise during cooldown, scales in after the window', () => {
    const series = [
      ...ticks(10, 10, 10, 'normal', () => 300),
      ...ticks(20, 60, 10, 'elevated', () => 700),
      ...ticks(70, 190, 10, 'elevated', () => 900),
      ...ticks(200, 400, 10, 'surge', () => 1500),
      ...ticks(410, 1000, 10, 'normal', () => 300),
    ];
    expect(decisions(simulate(svc, 'step', series))).toEqual([
      '20: LevelEntered 4→6', // elevated: activate 2 standby
      '140: StepRuleRepeated 6→8', // cooldown over at 140 s and 900 rps > 600 rps at target
      // surge rose at 200 s, inside the cooldown; it acts when the cooldown ends:
      // 50% of the pool of 10 (5 standby, 6 left) and 25% of 8 (2)
      '260: LevelEntered 8→15',
      // 1500 rps is not over the 1500 rps 15 servers serve at target: no repeat at 380 s
      // back to normal at 410 s: the size was recommended until 400 s, the 300 s window ends after 700 s,
      // then at most 2 servers leave per minute, down to the 3 that 300 rps needs
      '700: ScaleDownLimit 15→13',
      '760: ScaleDownLimit 13→11',
      '820: ScaleDownLimit 11→9',
      '880: ScaleDownLimit 9→7',
      '940: ScaleDownLimit 7→5',
      '1000: ScaleIn 5→3',
    ]);
  });

  it('scales in at a level below the incident level once demand no longer needs the fleet', () => {
    // the test plan opens incidents at surge: elevated is a warning level, like watch
    const series = [
      ...ticks(10, 10, 10, 'normal', () => 300),
      ...ticks(20, 60, 10, 'elevated', () => 700),
      ...ticks(70, 1000, 10, 'elevated', () => 300),
    ];
    expect(decisions(simulate(svc, 'step', series))).toEqual([
      '20: LevelEntered 4→6',
      // still elevated, but 300 rps needs 3 servers: after the cooldown and the 300 s window
      // after the last tick needing more (60 s), at most 2 leave per minute
      '360: ScaleDownLimit 6→4',
      '420: ScaleIn 4→3',
    ]);
  });

  it('explains a decision with the actions and numbers', () => {
    const rows = simulate(svc, 'step', [{ t: 10, level: 'surge', demand: 1500 }]);
    expect(rows[0]?.decision?.message).toBe(
      'Level surge entered: activate 5 standby (50% of the pool of 10) and add 1 (25% of 4): 4 → 10 servers.',
    );
  });
});

describe('target tracking on a ramp (target utilisation 0.7, default HPA behavior)', () => {
  it('follows the HPA: rate-limited scale-up, then scale-down after the 300 s window', () => {
    const svc = makeServicePlan({ scale: { ...makeServicePlan().scale, policy: 'target-tracking' } });
    const series = [...ticks(5, 60, 5, 'normal', (t) => 300 + t * 20), ...ticks(65, 700, 5, 'normal', () => 300)];
    const rows = simulate(svc, 'target-tracking', series);
    const first = rows.find((r) => r.decision)?.decision as ScaleDecision;
    // at 5 s: 400 rps on 4 servers of 125 rps hard capacity = 0.8; 0.8/0.7 = 1.14 > 1.1 -> ceil(1.14 * 4) = 5
    expect(first).toMatchObject({ current: 4, desired: 5, reason: 'TargetTracking' });
    const peak = Math.max(...rows.map((r) => r.servers));
    expect(peak).toBe(Math.ceil(1500 / 125 / 0.7));
    const firstDown = rows.find((r) => r.decision && r.decision.desired < r.decision.current);
    expect(firstDown?.t).toBeGreaterThanOrEqual(60 + 300);
  });
});

describe('predictive on a ramp', () => {
  it('sizes to the demand one lead time ahead, never below current demand, with cooldown between scale-outs', () => {
    const svc = makeServicePlan();
    const rows = simulate(svc, 'predictive', ticks(10, 300, 10, 'normal', (t) => 300 + t * 5));
    const out = decisions(rows);
    // at 20 s: fit through (10, 350), (20, 400) read 60 s ahead = 700 rps; 87.5 rps per server at 0.7 -> 8
    expect(out[0]).toBe('20: ForecastDemand 4→8');
    expect(out[1]).toBe('140: ForecastDemand 8→15');
    expect(rows[1]?.decision?.message).toBe(
      'Demand forecast 700 rps in 60s (now 400 rps) needs 8 servers at 70% utilisation: 4 → 8 servers.',
    );
  });
});

describe('none', () => {
  it('never scales', () => {
    const rows = simulate(makeServicePlan(), 'none', ticks(10, 600, 10, 'critical', () => 5000));
    expect(decisions(rows)).toEqual([]);
  });
});

const fleetArb: fc.Arbitrary<FleetView> = fc.record({
  active: fc.integer({ min: 0, max: 50 }),
  starting: fc.integer({ min: 0, max: 5 }),
  provisioning: fc.integer({ min: 0, max: 5 }),
  standbyAvailable: fc.integer({ min: 0, max: 10 }),
  draining: fc.integer({ min: 0, max: 5 }),
  coldQuotaLeft: fc.integer({ min: 0, max: 5 }),
});
const stepArb = fc.record({
  dt: fc.integer({ min: 1, max: 60 }),
  level: fc.constantFrom(...TEST_LEVELS),
  demand: fc.integer({ min: 0, max: 8000 }),
  fleet: fleetArb,
});
const policyArb = fc.constantFrom<PolicyName>('step', 'target-tracking', 'predictive', 'none');

describe('decideScale: properties', () => {
  test.prop([policyArb, fc.array(stepArb, { minLength: 1, maxLength: 80 })])(
    'a decision changes the size, stays within [minServers, maxServers], and comes with one explained event',
    (policy, steps) => {
      const svc = makeServicePlan();
      let state = initialScaleState(svc, 0);
      let t = 0;
      let previousLevel = 'normal';
      for (const s of steps) {
        t += s.dt * 1000;
        const active = s.fleet.active;
        const out = decideScale(svc, policy, state, {
          t,
          level: s.level,
          previousLevel,
          levels: TEST_LEVELS,
          demandRps: s.demand,
          utilization: active > 0 ? s.demand / (active * 125) : 0,
          fleet: s.fleet,
          leadTimeSeconds: 60,
        });
        state = JSON.parse(JSON.stringify(out.state));
        previousLevel = s.level;
        if (out.decision === null) {
          expect(out.events).toEqual([]);
          continue;
        }
        const committed = s.fleet.active + s.fleet.starting + s.fleet.provisioning;
        expect(out.decision.current).toBe(committed);
        expect(out.decision.desired).not.toBe(committed);
        expect(out.decision.desired).toBeGreaterThanOrEqual(svc.capacity.minServers);
        expect(out.decision.desired).toBeLessThanOrEqual(svc.capacity.maxServers);
        expect(SCALE_REASONS).toContain(out.decision.reason);
        expect(out.events).toEqual([
          { type: 'scale:decision', reason: out.decision.reason, message: out.decision.message, data: expect.any(Object) },
        ]);
      }
    },
  );

  test.prop([fc.array(stepArb, { minLength: 1, maxLength: 80 })])(
    'the step policy never decides while cooling down (beyond bringing the fleet back within its bounds)',
    (steps) => {
    const svc = makeServicePlan();
    let state = initialScaleState(svc, 0);
    let t = 0;
    for (const s of steps) {
      t += s.dt * 1000;
      const lastOut = state.lastScaleOutAt;
      const out = decideScale(svc, 'step', state, {
        t,
        level: s.level,
        previousLevel: 'normal',
        levels: TEST_LEVELS,
        demandRps: s.demand,
        utilization: 0.5,
        fleet: s.fleet,
        leadTimeSeconds: 60,
      });
      const committed = s.fleet.active + s.fleet.starting + s.fleet.provisioning;
      const inBounds = committed >= svc.capacity.minServers && committed <= svc.capacity.maxServers;
      if (inBounds && lastOut !== null && t - lastOut < svc.scale.cooldownSeconds * 1000) expect(out.decision).toBeNull();
      state = out.state;
    }
  });
});
