import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { scaleAnswer } from './scale-answer.js';

const svc = { capacity: { minServers: 40, maxServers: 400 } } as Parameters<typeof scaleAnswer>[1];

describe('scaleAnswer', () => {
  test('below the minimum is raised to it, and says so', () => {
    expect(scaleAnswer('messaging', svc, 10)).toMatchObject({ applied: 40, reason: 'raised-to-minimum', message: "messaging will run 40 servers; 10 is below the plan's minimum of 40." });
  });
  test('above the maximum is capped, and says so', () => {
    expect(scaleAnswer('messaging', svc, 5000)).toMatchObject({ applied: 400, reason: 'capped-at-maximum' });
  });
  test('within the limits is applied as asked', () => {
    expect(scaleAnswer('messaging', svc, 120)).toMatchObject({ applied: 120, reason: 'within-limits', message: 'messaging will run 120 servers.' });
  });
  test.prop([fc.integer({ min: 0, max: 100_000 })])('the applied count is always within the plan limits', (n) => {
    const a = scaleAnswer('s', svc, n);
    expect(a.applied).toBeGreaterThanOrEqual(40);
    expect(a.applied).toBeLessThanOrEqual(400);
    expect(a.reason === 'within-limits').toBe(a.applied === n);
  });
});
