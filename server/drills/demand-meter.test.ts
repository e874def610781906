import { describe, expect, test } from 'vitest';
import { DemandMeter } from './demand-meter.js';

describe('DemandMeter traffic', () => {
  test('a steady load measures its rate whatever the tick length', () => {
    for (const tickMs of [62.5, 125, 300, 1000, 4000]) {
      const meter = new DemandMeter(1000);
      let rps = 0;
      for (let i = 1; i <= 20; i++) {
        meter.countRequest('chat', (500 * tickMs) / 1000);
        rps = meter.takeTraffic(['chat'], i * tickMs, tickMs).chat!.rps;
      }
      expect(rps).toBeCloseTo(500, 6);
    }
  });

  test('lumpy arrivals over short ticks are smoothed over the window', () => {
    const meter = new DemandMeter(1000);
    const rates: number[] = [];
    for (let i = 1; i <= 40; i++) {
      // 125 ms ticks alternating 50 and 75 requests: 500 rps on average, +-20% per tick
      meter.countRequest('chat', i % 2 === 0 ? 50 : 75);
      rates.push(meter.takeTraffic(['chat'], i * 125, 125).chat!.rps);
    }
    for (const r of rates.slice(8)) expect(Math.abs(r - 500)).toBeLessThan(500 * 0.05);
  });

  test('weights add up and a service with no requests reads zero', () => {
    const meter = new DemandMeter(1000);
    meter.countRequest('chat', 10);
    meter.countRequest('chat', 30);
    const out = meter.takeTraffic(['chat', 'docs'], 1000, 1000);
    expect(out.chat!.rps).toBe(40);
    expect(out.docs!.rps).toBe(0);
  });
});

describe('DemandMeter metrics', () => {
  test('the latest sample per service, scaled, kept between pushes', () => {
    const meter = new DemandMeter();
    meter.recordSample('chat', { rps: 20, latencyMs: 80 });
    expect(meter.takeMetrics(['chat', 'docs'], 10)).toEqual({ chat: { rps: 200, latencyMs: 80 }, docs: { rps: 0 } });
    expect(meter.takeMetrics(['chat'], 10).chat!.rps).toBe(200);
  });
});
