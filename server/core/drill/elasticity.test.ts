import { describe, expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { elasticity } from './elasticity.js';

describe('elasticity', () => {
  test('perfect supply scores zero everywhere', () => {
    const d = [3, 5, 8, 8, 4];
    expect(elasticity(d, d, 60)).toEqual({
      accuracyU: 0, accuracyO: 0, timeshareU: 0, timeshareO: 0, instability: 0, jitter: 0,
    });
  });

  test('hand-computed vector', () => {
    // d: 2 4 4 2, s: 2 2 4 4, dt 60 s, T = 240 s
    const e = elasticity([2, 4, 4, 2], [2, 2, 4, 4], 60);
    // under only at tick 1: (4-2)/4*60 = 30 -> 100/240*30
    expect(e.accuracyU).toBeCloseTo(12.5);
    // over only at tick 3: (4-2)/2*60 = 60 -> 25
    expect(e.accuracyO).toBeCloseTo(25);
    expect(e.timeshareU).toBeCloseTo(25);
    expect(e.timeshareO).toBeCloseTo(25);
    // signs (Δd, Δs): (+,0) (0,+) (-,0): all three differ -> 100/(240-60)*180
    expect(e.instability).toBeCloseTo(100);
    // supply moves 2 units, demand 2+2 = 4 units, over 4 minutes: supply too sluggish
    expect(e.jitter).toBeCloseTo(-0.5);
  });

  test('demand below one server is floored at one', () => {
    const e = elasticity([0, 0], [1, 2], 60);
    expect(e.accuracyO).toBeCloseTo((100 / 120) * ((1 / 1) * 60));
  });

  test.prop([fc.array(fc.tuple(fc.nat(50), fc.nat(50)), { minLength: 2, maxLength: 60 })])(
    'percentages stay within 0..100 and shares add up to at most 100',
    (pairs) => {
      const e = elasticity(pairs.map((p) => p[0]), pairs.map((p) => p[1]), 15);
      for (const v of [e.accuracyU, e.timeshareU, e.timeshareO, e.instability]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(100 + 1e-9);
      }
      expect(e.timeshareU + e.timeshareO).toBeLessThanOrEqual(100 + 1e-9);
    },
  );
});
