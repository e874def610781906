import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Tick } from '../core/engine/types.js';
import { downsample, firstIncidentSpans, FOCUS_MARGIN_MS, FOCUS_POINTS, focusWindow, REST_POINTS, SURGE_MAX_MS, thin, toColumns } from './report-series.js';

const T0 = Date.parse('2020-02-02T16:00:00Z');
const MIN = 60_000;

function tick(i: number, over: Partial<Tick> = {}): Tick {
  return {
    t: new Date(T0 + i * 15_000).toISOString(), service: 'chat', policy: 'step', demandRps: 100, capacityRps: 200, servedRps: 100, throttledRps: 0, droppedRps: 0,
    backlog: 0, latencyMs: 50, utilization: 0.5, level: 'normal', baselineRps: 90, demandServers: 1, supplyServers: 2,
    servers: { standby: 1, provisioning: 0, starting: 0, active: 2, draining: 0 }, expectedRecoveryAt: null, ...over,
  } as Tick;
}

describe('the focus window', () => {
  test('spans the first incident of each service, with margins, capped for a run that never recovers', () => {
    const notices = [
      { t: new Date(T0 + 60 * MIN).toISOString(), service: 'a', incidentId: 'a-1' },
      { t: new Date(T0 + 90 * MIN).toISOString(), service: 'a', incidentId: 'a-1' },
      { t: new Date(T0 + 70 * MIN).toISOString(), service: 'b', incidentId: 'b-1' },
      { t: new Date(T0 + 100 * MIN).toISOString(), service: 'b', incidentId: 'b-1' },
      // a later incident of the same service is not the surge
      { t: new Date(T0 + 600 * MIN).toISOString(), service: 'a', incidentId: 'a-2' },
    ];
    const range = { startMs: T0, endMs: T0 + 48 * 60 * MIN };
    expect(focusWindow(firstIncidentSpans(notices), range)).toEqual({ startMs: T0 + 60 * MIN - FOCUS_MARGIN_MS, endMs: T0 + 100 * MIN + FOCUS_MARGIN_MS });
    const endless = [{ startMs: T0 + 60 * MIN, endMs: T0 + 40 * 60 * MIN }];
    expect(focusWindow(endless, range)?.endMs).toBe(T0 + 60 * MIN + SURGE_MAX_MS + FOCUS_MARGIN_MS);
    expect(focusWindow([], range)).toEqual(range);
  });
});

describe('downsampling', () => {
  test.prop([fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 11_519 }), fc.integer({ min: 1, max: 3_000 })])(
    'keeps at most FOCUS_POINTS inside the window and about REST_POINTS outside, in time order',
    (n, from, length) => {
      const ticks = Array.from({ length: Math.min(n, 11_520) }, (_, i) => tick(i));
      const window = { startMs: T0 + from * 15_000, endMs: T0 + (from + length) * 15_000 };
      const kept = downsample(ticks, window);
      expect(kept.length).toBeLessThanOrEqual(FOCUS_POINTS + REST_POINTS + 2);
      const times = kept.map((t) => Date.parse(t.t));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
    },
  );

  test('the worst tick of a stride survives', () => {
    const ticks = Array.from({ length: 100 }, (_, i) => tick(i, i === 37 ? { throttledRps: 5000 } : {}));
    expect(thin(ticks, 10).some((t) => t.throttledRps === 5000)).toBe(true);
  });

  test('columns carry seconds from t0 and rounded values', () => {
    const cols = toColumns([tick(0, { throttledRps: 1.26 }), tick(4)], T0);
    expect(cols.x).toEqual([0, 60]);
    expect(cols.throttled[0]).toBe(1.3);
    expect(cols.active).toEqual([2, 2]);
  });
});
