import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { erlangB, erlangC } from './erlang.js';

/** The plain O(c) recurrence from B(0) = 1: the reference the shortcuts are checked against. */
function erlangBFromZero(servers: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (a * b) / (k + a * b);
  return b;
}

describe('erlangB / erlangC', () => {
  it('matches textbook values', () => {
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 12);
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 12); // M/M/1: P(wait) = rho
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangC(10, 8)).toBeCloseTo(0.40918, 5);
  });

  it('is 1 when the queue is unstable and 0 when nothing arrives', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(10, 12)).toBe(1);
    expect(erlangC(0, 3)).toBe(1);
    expect(erlangC(10, 0)).toBe(0);
  });

  it('agrees with the full recurrence to 1e-12 where the late start and early stop apply', () => {
    for (const c of [50, 200, 999, 1000, 1001, 2500, 5000]) {
      for (const rho of [0.3, 0.7, 0.9, 0.97, 0.995]) {
        const a = c * rho;
        expect(Math.abs(erlangB(c, a) - erlangBFromZero(c, a))).toBeLessThan(1e-12);
      }
    }
  });

  test.prop([fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0.01, max: 1.5, noNaN: true })])(
    'agrees with the full recurrence for any c and load',
    (c, rho) => {
      const a = c * rho;
      expect(Math.abs(erlangB(c, a) - erlangBFromZero(c, a))).toBeLessThan(1e-12);
    },
  );

  test.prop([fc.integer({ min: 1, max: 4000 }), fc.double({ min: 0, max: 4000, noNaN: true })])(
    'erlangC lies in [0, 1] and does not rise with more servers',
    (c, a) => {
      const here = erlangC(c, a);
      expect(here).toBeGreaterThanOrEqual(0);
      expect(here).toBeLessThanOrEqual(1);
      expect(erlangC(c + 1, a)).toBeLessThanOrEqual(here + 1e-15);
    },
  );
});
