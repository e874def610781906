import { beforeAll, describe, expect, test } from 'vitest';
import type { Plan, PolicyName } from '../plan/types.js';
import { replay } from './replay.js';
import type { Scenario } from './scenario.js';
import { loadFeb3 } from '../../test-feb3.js';

let plan: Plan;
let feb3: Scenario;
const MIDNIGHT = Date.parse('2020-02-03T00:00:00+08:00');
const CLIMB_FROM = Date.parse('2020-02-03T07:30:00+08:00');
const CLIMB_TO = Date.parse('2020-02-03T08:55:00+08:00');

beforeAll(async () => {
  ({ plan, feb3 } = await loadFeb3());
});

describe('no thrash while demand climbs', () => {
  test.each(['step', 'target-tracking', 'predictive'])('under %s the committed fleet never shrinks between 07:30 and 08:55 on Feb 3', (policy) => {
    const r = replay(plan, feb3, { policy: policy as PolicyName, from: MIDNIGHT, to: CLIMB_TO });
    if (!r.ok) throw new Error('replay must succeed');
    for (const service of ['messaging', 'meetings', 'docs']) {
      const committed = r.value.ticks
        .filter((t) => t.service === service && Date.parse(t.t) >= CLIMB_FROM)
        .map((t) => t.servers.active + t.servers.starting + t.servers.provisioning);
      const shrinks = committed.filter((c, i) => i > 0 && c < committed[i - 1]!).length;
      expect({ service, shrinks }).toEqual({ service, shrinks: 0 });
    }
  });
});
