import { fc, test } from '@fast-check/vitest';
import { beforeAll, describe, expect } from 'vitest';
import { demandAt, type Scenario } from '../drill/scenario.js';
import { scenarioHistory } from '../drill/scenario-history.js';
import type { Plan, PolicyName } from '../plan/types.js';
import { loadFeb3 } from '../../test-feb3.js';
import { initialEngineState, step, type EngineState, type StepOutput } from './step.js';

// Several instances resume a drill from its engine state stored as JSON: that state must be
// plain data, so a run cut at any tick and resumed from the parsed copy is the same run.
const FROM = Date.parse('2020-02-03T07:30:00+08:00');

function run(plan: Plan, scenario: Scenario, state: EngineState, fromTick: number, toTick: number): { state: EngineState; outputs: Omit<StepOutput, 'state'>[] } {
  const history = scenarioHistory(scenario, Object.keys(plan.services));
  const outputs: Omit<StepOutput, 'state'>[] = [];
  for (let i = fromTick + 1; i <= toTick; i++) {
    const t = FROM + i * plan.tickSeconds * 1000;
    const samples = Object.fromEntries(Object.keys(plan.services).map((s) => [s, { rps: demandAt(scenario, s, t) }]));
    const out = step(plan, state, { t, samples, commands: [], history });
    state = out.state;
    outputs.push({ ticks: out.ticks, events: out.events, notices: out.notices });
  }
  return { state, outputs };
}

describe('the engine state as a checkpoint', () => {
  let plan: Plan;
  let feb3: Scenario;
  beforeAll(async () => {
    ({ plan, feb3 } = await loadFeb3());
  });

  const TICKS = 400;
  test.prop([fc.integer({ min: 1, max: TICKS - 1 }), fc.constantFrom<PolicyName>('step', 'target-tracking', 'predictive', 'none')], { numRuns: 8, seed: 11 })(
    'resumed from its JSON at any tick, a run goes on exactly as it would have',
    (cut, policy) => {
      const whole = run(plan, feb3, initialEngineState(plan, FROM, policy), 0, TICKS);
      const first = run(plan, feb3, initialEngineState(plan, FROM, policy), 0, cut);
      const restored = JSON.parse(JSON.stringify(first.state)) as EngineState;
      expect(restored).toEqual(first.state);
      const rest = run(plan, feb3, restored, cut, TICKS);
      expect([...first.outputs, ...rest.outputs]).toEqual(whole.outputs);
      expect(rest.state).toEqual(whole.state);
    },
  );
});
