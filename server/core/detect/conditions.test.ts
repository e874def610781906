import { describe, expect, it } from 'vitest';
import { describeGroup, groupHolds, type ConditionValues } from './conditions.js';
import { all, any, cond } from './test-plan.js';

const values: ConditionValues = { rps: 1000, baselineMultiple: 3, growthPctPerMin: 25, utilization: 0.9, latencyMs: 400, errorRate: 0.02 };

describe('conditions', () => {
  it('compares with each operator, boundaries included only by >= and <=', () => {
    expect([
      groupHolds(all(cond('rps', '>', 1000)), values),
      groupHolds(all(cond('rps', '>=', 1000)), values),
      groupHolds(all(cond('rps', '<', 1000)), values),
      groupHolds(all(cond('rps', '<=', 1000)), values),
    ]).toEqual([false, true, false, true]);
  });

  it('combines with any and all', () => {
    const high = cond('baselineMultiple', '>=', 3);
    const slow = cond('latencyMs', '>', 500);
    expect(groupHolds(any(high, slow), values)).toBe(true);
    expect(groupHolds(all(high, slow), values)).toBe(false);
    expect(groupHolds(all(high, cond('errorRate', '<', 0.05), cond('utilization', '>', 0.8), cond('growthPctPerMin', '>', 20)), values)).toBe(true);
  });

  it('reads as a person would write it', () => {
    expect(describeGroup(any(cond('rps', '>', 1200), cond('baselineMultiple', '>=', 3)))).toBe('rps > 1200 or baselineMultiple >= 3');
  });
});
