import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { counterStep } from './counter-rates.js';
import type { CounterPoint } from './counter-rates.js';

describe('counterStep', () => {
  it.each([
    // prev, t, v, rate
    [undefined, 1000, 5, null],
    [{ t: 1000, v: 5 }, 2000, 15, 10],
    [{ t: 1000, v: 5 }, 3000, 15, 5],
    [{ t: 1000, v: 50 }, 2000, 4, 4],
    [{ t: 1000, v: 5 }, 1000, 9, null],
    [{ t: 2000, v: 5 }, 1000, 9, null],
  ] as const)('from %o, a sample (%s, %s) gives rate %s', (prev, t, v, rate) => {
    expect(counterStep(prev, t, v).rate).toBe(rate);
  });

  it('keeps the previous point for an ignored sample', () => {
    expect(counterStep({ t: 2000, v: 5 }, 1000, 9).point).toEqual({ t: 2000, v: 5 });
  });

  test.prop([fc.array(fc.tuple(fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 0, max: 1e6 })), { minLength: 1, maxLength: 50 })])(
    'rates of a counter that never resets integrate back to its increase',
    (steps) => {
      let point: CounterPoint | undefined;
      let t = 0;
      let v = 0;
      let integral = 0;
      for (const [dt, inc] of steps) {
        t += dt;
        v += inc;
        const step = counterStep(point, t, v);
        if (step.rate !== null && step.intervalMs !== null) integral += (step.rate * step.intervalMs) / 1000;
        point = step.point;
      }
      const first = steps[0]?.[1] ?? 0;
      expect(integral).toBeCloseTo(v - first, 3);
    },
  );

  test.prop([fc.array(fc.tuple(fc.integer({ min: 1, max: 60_000 }), fc.double({ min: 0, max: 1e9, noNaN: true })), { maxLength: 50 })])(
    'a rate is never negative, resets included',
    (samples) => {
      let point: CounterPoint | undefined;
      let t = 0;
      for (const [dt, v] of samples) {
        t += dt;
        const step = counterStep(point, t, v);
        expect(step.rate === null || step.rate >= 0).toBe(true);
        point = step.point;
      }
    },
  );
});
