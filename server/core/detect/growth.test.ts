import { describe, expect, it } from 'vitest';
import { addGrowthPoint, growthSlopePerMin } from './growth.js';
import type { GrowthState } from './types.js';

function slopes(windowSeconds: number, samples: Array<[number, number]>): number[] {
  let s: GrowthState = { points: [] };
  return samples.map(([t, rps]) => {
    s = addGrowthPoint(s, { windowSeconds }, 0, t * 1000, rps);
    return growthSlopePerMin(s);
  });
}

describe('growth slope', () => {
  it('is 0 with one point and the exact slope of a straight ramp after', () => {
    // +10 rps every 10 s = 60 rps per minute
    const ramp: Array<[number, number]> = [10, 20, 30, 40].map((t) => [t, 100 + t]);
    expect(slopes(60, ramp)).toEqual([0, 60, 60, 60]);
  });

  it('only sees the window: a step older than the window no longer counts', () => {
    const series: Array<[number, number]> = [[10, 100], [20, 400], [30, 400], [40, 400]];
    const s = slopes(20, series);
    // window (t-20, t]: at 30 s the points are 20 s and 30 s, both 400
    expect(s[1]).toBeCloseTo(1800, 9);
    expect(s[2]).toBe(0);
    expect(s[3]).toBe(0);
  });

  it('fits a least-squares line through noise', () => {
    const series: Array<[number, number]> = [[0, 100], [60, 130], [120, 140], [180, 190]];
    // x in minutes 0..3, y 100,130,140,190: slope = 28
    expect(slopes(600, series).at(-1)).toBeCloseTo(28, 9);
  });
});
