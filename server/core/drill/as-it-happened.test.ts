import { beforeAll, describe, expect, test } from 'vitest';
import { loadPlan } from '../../plan-file.js';
import { loadScenario } from '../../scenario-file.js';
import { replay, type ReplayResult } from './replay.js';

const PLAN_FILE = new URL('../../../scenarios/plans/feb3-as-it-happened.yaml', import.meta.url).pathname;
const at = (hhmm: string): number => Date.parse(`2020-02-03T${hhmm}:00+08:00`);
let run: ReplayResult;

beforeAll(async () => {
  const plan = await loadPlan(PLAN_FILE);
  const feb3 = await loadScenario('feb3');
  if (!plan.ok || !feb3.ok) throw new Error('the as-it-happened plan and the feb3 scenario must load');
  const r = replay(plan.value, feb3.value, { from: at('00:00') });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  run = r.value;
});

describe('3 February as it happened (no prepared standby, reactive expansion, throttling first)', () => {
  test('every service is in trouble from about 09:00, degraded for over an hour and a half, and recovered before noon', () => {
    for (const [name, s] of Object.entries(run.summary.services)) {
      const impact = Date.parse(s.firstImpactAt!);
      const recovered = Date.parse(s.recoveredAt!);
      expect({ name, from: impact >= at('08:40') && impact <= at('09:10') }).toEqual({ name, from: true });
      expect({ name, long: recovered - impact >= 90 * 60_000 }).toEqual({ name, long: true });
      expect({ name, beforeNoon: recovered < at('12:00') }).toEqual({ name, beforeNoon: true });
    }
  });

  test('throttling starts before the first added server serves', () => {
    for (const service of Object.keys(run.summary.services)) {
      const events = run.events.filter((e) => e.service === service);
      const throttled = events.find((e) => e.type === 'throttle:started');
      const added = events.find((e) => e.type === 'servers:ready' || e.type === 'servers:starting');
      expect(throttled).toBeDefined();
      expect(Date.parse(throttled!.t)).toBeLessThan(Date.parse(added!.t));
    }
  });

  test('no prepared standby pool: every server added is a cold one', () => {
    expect(run.ticks.every((t) => t.servers.standby === 0)).toBe(true);
  });
});
