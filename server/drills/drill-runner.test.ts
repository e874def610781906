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
