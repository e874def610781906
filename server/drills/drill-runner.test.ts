import { beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../core/drill/replay.js';
import type { Scenario } from '../core/drill/scenario.js';
import type { Notice } from '../core/engine/types.js';
import type { Plan, PolicyName } from '../core/plan/types.js';
import { DrillRunner } from './drill-runner.js';
import type { Clock } from '../clock/clock.js';
import { loadFeb3 } from '../test-feb3.js';

let plan: Plan;
let feb3: Scenario;
// the start of the 09:00 wave, where forecasts lean on the previous day's shape
const FROM = Date.parse('2020-02-03T08:40:00+08:00');
const TO = Date.parse('2020-02-03T09:20:00+08:00');
const stillTimers: Clock = { now: () => 0, setInterval: () => null, clearInterval: () => undefined };

beforeAll(async () => {
  ({ plan, feb3 } = await loadFeb3());
});

function drillNotices(policy: PolicyName): Notice[] {
  const drill = new DrillRunner(
    { id: 'd1', kind: 'drill', scenarioName: 'feb3', scenario: feb3, plan, policy, speed: 1, source: 'generated', demandFrom: 'traffic', scale: 1, from: FROM, to: TO },
    stillTimers,
  );
  const notices: Notice[] = [];
  drill.onOutput((out) => notices.push(...out.notices));
  while (drill.status === 'running') drill.tick();
  // the drill namespaces ids by drill; the replay does not
  return notices.map((n) => ({ ...n, id: n.id.replace('d1:', ''), incidentId: n.incidentId.replace('d1:', '') }));
}

describe('a generated drill and the replay of the same window', () => {
  it.each<PolicyName>(['step', 'predictive'])('publish the same notices under %s', (policy) => {
    const replayed = replay(plan, feb3, { policy, from: FROM, to: TO });
    if (!replayed.ok) throw new Error(replayed.errors.map((e) => e.message).join('; '));
    const expected = replayed.value.notices;
    expect(expected.some((n) => n.expectedRecoveryAt !== null && n.stage !== 'resolved')).toBe(true);
    expect(drillNotices(policy)).toEqual(expected);
  });
});

describe('a runner following a drill driven elsewhere', () => {
  it("leaves out a tick's output it already holds, so each tick is kept once", () => {
    const spec = { id: 'd1', kind: 'drill' as const, scenarioName: 'feb3', scenario: feb3, plan, policy: 'step' as const, speed: 1, source: 'generated' as const, demandFrom: 'traffic' as const, scale: 1, from: FROM, to: TO };
    const driver = new DrillRunner(spec, stillTimers);
    const outputs: Parameters<DrillRunner['absorb']>[0][] = [];
    driver.onOutput((out) => outputs.push(out));
    for (let i = 0; i < 3; i++) driver.tick();
    const follower = new DrillRunner(spec, stillTimers);
    const [first, second, third] = outputs;
    if (!first || !second || !third) throw new Error('three ticks');
    // the driver's memory answered the follower with two ticks; the second also arrives on its own
    expect(follower.absorb({ drillId: 'd1', ticks: [...first.ticks, ...second.ticks], events: [], notices: [] }, second.ticks[0]?.t ?? '')).toBe(true);
    expect(follower.absorb(second, second.ticks[0]?.t ?? '')).toBe(false);
    expect(follower.absorb(third, third.ticks[0]?.t ?? '')).toBe(true);
    expect(follower.run().ticks.map((t) => `${t.service} ${t.t}`)).toEqual(driver.run().ticks.map((t) => `${t.service} ${t.t}`));
  });
});

describe('a drill on a loaded machine', () => {
  /** a wall clock whose timer fires only when told, as late as the test likes */
  function lateTimers(): Clock & { at: number; fire: () => void } {
    let fn: (() => void) | null = null;
    const clock = {
      at: 0,
      now: () => clock.at,
      setInterval: (f: () => void) => {
        fn = f;
        return 1;
      },
      clearInterval: () => {
        fn = null;
      },
      fire: () => fn?.(),
    };
    return clock;
  }

  const started = (clock: Clock): DrillRunner => {
    const drill = new DrillRunner({ id: 'd1', kind: 'drill', scenarioName: 'feb3', scenario: feb3, plan, policy: 'step', speed: 60, source: 'generated', demandFrom: 'traffic', scale: 1, from: FROM, to: TO }, clock);
    drill.start();
    return drill;
  };
  const scenarioMinutes = (drill: DrillRunner): number => (Date.parse(drill.dto().scenarioNow) - FROM) / 60_000;

  it('catches up on the ticks that fell due while its timer was late, and keeps pace with the wall', () => {
    const clock = lateTimers();
    const drill = started(clock);
    const every = drill.clock.wallTickMs;
    for (const late of [0, every, every / 2, 2 * every, 0]) {
      clock.at += every + late;
      clock.fire();
    }
    // 5 fires over 8.5 ticks of wall time: 8 ticks run, the half tick left for the next fire
    expect(scenarioMinutes(drill)).toBe((8 * plan.tickSeconds) / 60);
    clock.at += every / 2;
    clock.fire();
    expect(scenarioMinutes(drill)).toBe((9 * plan.tickSeconds) / 60);
  });

  it('fires early or on time: one tick per turn, never two', () => {
    const clock = lateTimers();
    const drill = started(clock);
    const every = drill.clock.wallTickMs;
    for (const offset of [-1, 1, -2, 0, 2]) {
      clock.at += every + offset;
      clock.fire();
    }
    expect(scenarioMinutes(drill)).toBe((5 * plan.tickSeconds) / 60);
  });

  it('after a stall goes on from the present instead of racing through what it missed', () => {
    const clock = lateTimers();
    const drill = started(clock);
    const every = drill.clock.wallTickMs;
    clock.at += 100 * every;
    clock.fire();
    // the tick this turn is for and three that fell due, then on from now
    expect(scenarioMinutes(drill)).toBe((4 * plan.tickSeconds) / 60);
    clock.at += every;
    clock.fire();
    expect(scenarioMinutes(drill)).toBe((5 * plan.tickSeconds) / 60);
  });
});
