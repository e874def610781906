import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { POLICY_NAMES, type Plan } from '../plan/types.js';
import { replay } from './replay.js';
import type { Scenario } from './scenario.js';
import { surgeScenario, type Surge } from './test-surges.js';
import { loadFeb3 } from '../../test-feb3.js';

/*
 * The promise record on surges the plan was not written for, over a fixed sample of each
 * family (fixed seed, bounded count: the same traces every run, no timing). The goal of
 * issue 9 is at most 5% broken and at least 70% on target under the plan policies, at most
 * 10% broken under `none`. Where a family does not meet it, the bound below is what holds
 * today and the comment says how far the goal is; see forecast-recovery.ts for why notices
 * at the start of a steep wave say "not known yet".
 */

let plan: Plan;
let feb3: Scenario;
const FROM = Date.parse('2020-02-03T06:00:00+08:00');
const TO = Date.parse('2020-02-03T13:00:00+08:00');
const SEED = 20200203;
const RUNS = 6;

beforeAll(async () => {
  ({ plan, feb3 } = await loadFeb3());
});

const FAMILIES: Record<Surge['kind'], fc.Arbitrary<Surge>> = {
  feb3: fc.record({ kind: fc.constant('feb3' as const), scale: fc.double({ min: 0.5, max: 1.5, noNaN: true }), shift: fc.integer({ min: -30, max: 30 }) }),
  ramp: fc.record({
    kind: fc.constant('ramp' as const),
    base: fc.integer({ min: 1000, max: 4000 }),
    multiple: fc.double({ min: 3, max: 15, noNaN: true }),
    rampMinutes: fc.integer({ min: 3, max: 60 }),
    holdMinutes: fc.integer({ min: 20, max: 120 }),
  }),
  double: fc.record({
    kind: fc.constant('double' as const),
    base: fc.integer({ min: 1000, max: 4000 }),
    first: fc.double({ min: 2, max: 8, noNaN: true }),
    second: fc.double({ min: 2, max: 12, noNaN: true }),
    rampMinutes: fc.integer({ min: 3, max: 40 }),
    gapMinutes: fc.integer({ min: 0, max: 60 }),
  }),
  plateau: fc.record({
    kind: fc.constant('plateau' as const),
    base: fc.integer({ min: 1000, max: 4000 }),
    multiple: fc.double({ min: 3, max: 15, noNaN: true }),
    rampMinutes: fc.integer({ min: 3, max: 60 }),
  }),
};

interface Tally {
  scored: number;
  onTarget: number;
  broken: number;
}

/** The promise record of a family's sample, summed over services: plan policies apart from `none`. */
function familyRecord(kind: Surge['kind']): { plan: Tally; none: Tally } {
  const plans: Tally = { scored: 0, onTarget: 0, broken: 0 };
  const none: Tally = { scored: 0, onTarget: 0, broken: 0 };
  for (const surge of fc.sample(FAMILIES[kind], { seed: SEED, numRuns: RUNS })) {
    // Feb 3 reshaped moves every service; the synthetic shapes are sized for video meetings
    const services = surge.kind === 'feb3' ? Object.keys(feb3.services) : ['meetings'];
    const scenario = surgeScenario(feb3, services, surge);
    for (const policy of POLICY_NAMES) {
      const run = replay(plan, scenario, { policy, from: FROM, to: TO });
      if (!run.ok) throw new Error(`${JSON.stringify(surge)}: ${run.errors.map((e) => e.message).join('; ')}`);
      const into = policy === 'none' ? none : plans;
      for (const s of Object.values(run.value.summary.services)) {
        into.scored += s.promises.scored;
        into.onTarget += Math.round(s.promises.onTarget * s.promises.scored);
        into.broken += Math.round(s.promises.broken * s.promises.scored);
      }
    }
  }
  return { plan: plans, none };
}

describe('the promise record on generated surges', () => {
  test('Feb 3 scaled and shifted: at least 70% on target, at most 10% broken (goal 5%: 6 of 78)', () => {
    const r = familyRecord('feb3');
    expect(r.plan.scored).toBeGreaterThan(50);
    expect(r.plan.onTarget / r.plan.scored).toBeGreaterThanOrEqual(0.7);
    expect(r.plan.broken / r.plan.scored).toBeLessThanOrEqual(0.1);
    expect(r.none.broken / r.none.scored).toBeLessThanOrEqual(0.1);
  });

  test('double waves: at most 5% broken (on target: 39%, the goal is 70%)', () => {
    const r = familyRecord('double');
    expect(r.plan.scored).toBeGreaterThan(30);
    expect(r.plan.broken / r.plan.scored).toBeLessThanOrEqual(0.05);
    expect(r.plan.onTarget / r.plan.scored).toBeGreaterThanOrEqual(0.3);
    expect(r.none.broken / r.none.scored).toBeLessThanOrEqual(0.1);
  });

  test.each(['ramp', 'plateau'] as const)('%s: at most 10% broken (goal 5%: 3 of 33; on target 39%, the goal is 70%)', (kind) => {
    const r = familyRecord(kind);
    expect(r.plan.scored).toBeGreaterThan(20);
    expect(r.plan.broken / r.plan.scored).toBeLessThanOrEqual(0.1);
    expect(r.plan.onTarget / r.plan.scored).toBeGreaterThanOrEqual(0.3);
    expect(r.none.broken / r.none.scored).toBeLessThanOrEqual(0.1);
  });
});
