import { describe, expect, it } from 'vitest';
import { carriedTrend, DAY_MS, demandForecast } from './demand-forecast.js';
import type { DemandHistory } from './types.js';

const MIN = 60_000;
/** A day and a bit of history at one sample a minute, flat at `rps`. */
const flatDay = (rps: number): DemandHistory => ({ startMs: 0, stepMs: MIN, rps: new Array<number>(1500).fill(rps) });

describe('demandForecast', () => {
  it('lets a decline settle at the level the day before had, not below it', () => {
    const t = DAY_MS + 60 * MIN;
    // the wave is falling back at 10 rps a second towards a day that ran at 1000 rps
    const demand = demandForecast(flatDay(1000), t, 1200, -10, 600);
    expect(demand(t + 10 * MIN)).toBe(1000);
    expect(demand(t + 60 * MIN)).toBe(1000);
  });

  it('carries a rise forward, damped after a quarter of an hour', () => {
    const t = DAY_MS + 60 * MIN;
    const demand = demandForecast(flatDay(1000), t, 1000, 1, 600);
    expect(demand(t + 5 * MIN)).toBeCloseTo(1300, 6);
    expect(demand(t + 60 * MIN)).toBeCloseTo(1900, 6);
  });
});

describe('carriedTrend', () => {
  it('is the gentler of the window trend and the recent rise when they agree, else 0', () => {
    expect(carriedTrend(10, 4)).toBe(4);
    expect(carriedTrend(4, 10)).toBe(4);
    expect(carriedTrend(-10, -4)).toBe(-4);
    expect(carriedTrend(10, 0)).toBe(0);
    expect(carriedTrend(-10, 3)).toBe(0);
  });
});
