import { describe, expect, test } from 'vitest';
import type { Tick } from '../engine/types.js';
import type { Plan } from '../plan/types.js';
import { summarise } from './summary.js';

const plan = {
  name: 'p', timezone: 'UTC', tickSeconds: 60, levels: ['normal', 'watch', 'surge'],
  services: { chat: { capacity: { sloLatencyMs: 500 } } },
} as unknown as Plan;

/** One tick a minute from 00:00 UTC: [level, demandServers, supplyServers, latencyMs, throttledRps] */
function ticks(rows: [string, number, number, number, number][]): Tick[] {
  return rows.map(([level, d, s, latencyMs, throttledRps], i) => ({
    t: new Date(Date.UTC(2020, 1, 3, 0, i)).toISOString(), service: 'chat', policy: 'step',
    demandRps: d * 100, capacityRps: s * 140, servedRps: d * 100 - throttledRps, throttledRps, droppedRps: 0, backlog: 0,
    latencyMs, utilization: d / s, level, baselineRps: 100, demandServers: d, supplyServers: s,
    servers: { standby: 0, provisioning: 0, starting: 0, active: s, draining: 0 }, expectedRecoveryAt: null,
  }));
}

const at = (minute: number): string => new Date(Date.UTC(2020, 1, 3, 0, minute)).toISOString();

describe('summary', () => {
  test('a watch raised before the surge starts counts as seeing it coming: negative detection delay', () => {
    const s = summarise({
      plan, scenario: 's', policy: 'step', events: [], notices: [],
      ticks: ticks([
        ['normal', 2, 4, 50, 0], // 00:00
        ['watch', 3, 4, 50, 0], // 00:01 watch raised
        ['watch', 5, 4, 60, 0], // 00:02 overload begins...
        ['surge', 6, 4, 900, 30], // 00:03 ...and lasts: surge start is 00:02
        ['surge', 6, 8, 80, 0], // 00:04
        ['normal', 3, 8, 50, 0], // 00:05
      ]),
    }).services.chat!;
    expect(s.firstOverloadAt).toBe(at(2));
    expect(s.detectedAt).toBe(at(1));
    expect(s.detectionDelaySeconds).toBe(-60);
    expect(s.firstImpactAt).toBe(at(3));
    expect(s.timeToRecoverSeconds).toBe(60);
    expect(s.minutesOverSlo).toBe(1);
    expect(s.requestsThrottled).toBe(30 * 60);
    expect(s.peakLevel).toBe('surge');
  });

  test('a one-tick blip is not a surge, and a rise that ended before the surge does not count', () => {
    const s = summarise({
      plan, scenario: 's', policy: 'step', events: [], notices: [],
      ticks: ticks([
        ['watch', 5, 4, 50, 0], // 00:00 blip, with a watch that then clears
        ['normal', 2, 4, 50, 0], // 00:01
        ['normal', 5, 4, 50, 0], // 00:02 surge start
        ['normal', 5, 4, 50, 0], // 00:03
        ['surge', 6, 4, 50, 0], // 00:04 detected, 2 minutes late
      ]),
    }).services.chat!;
    expect(s.firstOverloadAt).toBe(at(2));
    expect(s.detectedAt).toBe(at(4));
    expect(s.detectionDelaySeconds).toBe(120);
    expect(s.timeToRecoverSeconds).toBeNull();
  });
});
