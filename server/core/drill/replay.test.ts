import { beforeAll, describe, expect, test } from 'vitest';
import type { Plan } from '../plan/types.js';
import { replay, type ReplayResult } from './replay.js';
import type { Scenario } from './scenario.js';
import { loadFeb3 } from '../../test-feb3.js';

let plan: Plan;
let feb3: Scenario;
let run: ReplayResult;
const FEB3_0600 = Date.parse('2020-02-03T06:00:00+08:00');
const FEB3_1300 = Date.parse('2020-02-03T13:00:00+08:00');

beforeAll(async () => {
  ({ plan, feb3 } = await loadFeb3());
  const r = replay(plan, feb3);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  run = r.value;
});

describe('replay of the Feb-3 day under the default plan', () => {
  test('every tick carries the Replay JSON contract fields', () => {
    const tick = run.ticks[0]!;
    for (const key of ['t', 'service', 'demandRps', 'capacityRps', 'servedRps', 'throttledRps', 'backlog', 'latencyMs', 'level', 'demandServers', 'supplyServers', 'servers']) {
      expect(tick).toHaveProperty(key);
    }
    for (const e of run.events) expect(Object.keys(e)).toEqual(expect.arrayContaining(['t', 'service', 'type']));
  });

  test.each(['messaging', 'meetings', 'docs'])('%s: detects the surge on the morning of 3 February, scales out and recovers', (service) => {
    const events = run.events.filter((e) => e.service === service);
    const opened = events.find((e) => e.type === 'incident:opened');
    expect(opened, 'an incident opens').toBeDefined();
    const openedAt = Date.parse(opened!.t);
    expect(openedAt).toBeGreaterThan(FEB3_0600);
    expect(openedAt).toBeLessThan(Date.parse('2020-02-03T09:30:00+08:00'));

    const morning = run.ticks.filter((t) => t.service === service && Date.parse(t.t) >= FEB3_0600 && Date.parse(t.t) < FEB3_1300);
    const peakServers = Math.max(...morning.map((t) => t.servers.active));
    expect(peakServers).toBeGreaterThan(morning[0]!.servers.active);
    expect(events.some((e) => e.type === 'servers:activated'), 'starts standby servers').toBe(true);

    const resolved = events.find((e) => e.type === 'incident:resolved' && Date.parse(e.t) > openedAt);
    expect(resolved, 'the incident resolves').toBeDefined();
    expect(Date.parse(resolved!.t)).toBeLessThan(Date.parse('2020-02-03T12:00:00+08:00'));

    const noon = morning.filter((t) => Date.parse(t.t) >= Date.parse('2020-02-03T11:30:00+08:00'));
    expect(noon.every((t) => t.throttledRps === 0 && t.latencyMs <= plan.services[service]!.capacity.sloLatencyMs)).toBe(true);
  });

  test('the plan throttles where capacity falls short, as operators did on the day', () => {
    const throttling = run.events.filter((e) => e.type === 'throttle:started');
    expect(throttling.map((e) => e.service)).toEqual(expect.arrayContaining(['messaging', 'meetings']));
    for (const e of throttling) {
      const t = Date.parse(e.t);
      expect(t).toBeGreaterThan(FEB3_0600);
      expect(t).toBeLessThan(FEB3_1300);
    }
  });

  test('notices carry cause, expected delay and expected recovery time in both languages', () => {
    expect(run.notices.length).toBeGreaterThan(0);
    for (const n of run.notices) {
      expect(n.cause.en.length).toBeGreaterThan(0);
      expect(n.cause['zh-CN'].length).toBeGreaterThan(0);
      expect(n.expectedDelayMs).toBeGreaterThanOrEqual(0);
      expect(n.text.en.body.length).toBeGreaterThan(0);
      expect(n.text['zh-CN'].body.length).toBeGreaterThan(0);
      if (n.stage !== 'resolved') expect(n.nextUpdateAt).not.toBeNull();
    }
    expect(run.notices.some((n) => n.stage !== 'resolved' && n.expectedRecoveryAt !== null)).toBe(true);
  });

  test('the summary carries the per-service figures and elasticity metrics', () => {
    for (const service of ['messaging', 'meetings', 'docs']) {
      const s = run.summary.services[service]!;
      expect(s.detectionDelaySeconds).not.toBeNull();
      expect(s.serverHours).toBeGreaterThan(0);
      expect(s.worstUserDelayMs).toBeGreaterThan(plan.services[service]!.capacity.baseLatencyMs);
      expect(Object.keys(s.elasticity).sort()).toEqual(['accuracyO', 'accuracyU', 'instability', 'jitter', 'timeshareO', 'timeshareU']);
    }
  });

  test('same plan, scenario and policy give byte-identical JSON', () => {
    const again = replay(plan, feb3);
    expect(again.ok).toBe(true);
    expect(JSON.stringify(again.ok && again.value)).toBe(JSON.stringify(run));
  });

  test('a policy that never scales throttles far more than the plan', () => {
    const none = replay(plan, feb3, { policy: 'none', from: FEB3_0600, to: FEB3_1300 });
    const step = replay(plan, feb3, { policy: 'step', from: FEB3_0600, to: FEB3_1300 });
    if (!none.ok || !step.ok) throw new Error('replays must succeed');
    for (const service of ['messaging', 'meetings', 'docs']) {
      expect(none.value.summary.services[service]!.requestsThrottled).toBeGreaterThan(step.value.summary.services[service]!.requestsThrottled);
    }
  });
});

describe('replay input errors', () => {
  test('a scenario with no service of the plan is refused with a message naming both', () => {
    const r = replay(plan, { ...feb3, services: { chat: feb3.services.messaging! } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/chat.*not in plan.*messaging/);
  });

  test('a range outside the scenario is refused', () => {
    const r = replay(plan, feb3, { from: Date.parse('2021-01-01T00:00:00Z') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.code).toBe('replay.range');
  });
});
