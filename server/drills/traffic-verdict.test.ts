import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { trafficVerdict } from './traffic-verdict.js';
import type { Tick } from '../core/engine/types.js';
import { sampleTick } from '../core/engine/test-tick.js';

const tick = (over: Partial<Tick>): Tick =>
  sampleTick({ demandRps: 1000, capacityRps: 1000, servedRps: 1000, latencyMs: 50, utilization: 1, ...over });

describe('trafficVerdict', () => {
  test('no tick yet: served at once', () => {
    expect(trafficVerdict(null, 0.5)).toEqual({ kind: 'served', delayMs: 0 });
  });

  test('draws below the throttled share are throttled, then dropped, then served with the latency', () => {
    const t = tick({ throttledRps: 300, droppedRps: 100, servedRps: 600, latencyMs: 420 });
    expect(trafficVerdict(t, 0.1)).toEqual({ kind: 'throttled' });
    expect(trafficVerdict(t, 0.35)).toEqual({ kind: 'dropped' });
    expect(trafficVerdict(t, 0.5)).toEqual({ kind: 'served', delayMs: 420 });
  });

  test.prop([fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })])(
    'over many draws the refused share matches the tick',
    (th, dr) => {
      const throttled = th * 1000;
      const dropped = Math.min(dr * 1000, 1000 - throttled);
      const t = tick({ throttledRps: throttled, droppedRps: dropped });
      const n = 1000;
      let refused = 0;
      for (let i = 0; i < n; i++) if (trafficVerdict(t, (i + 0.5) / n).kind !== 'served') refused++;
      expect(Math.abs(refused / n - (throttled + dropped) / 1000)).toBeLessThanOrEqual(1 / n + 1e-9);
    },
  );
});
