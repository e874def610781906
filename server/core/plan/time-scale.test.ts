import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parsePlan } from './parse.js';
import { scalePlanTime } from './time-scale.js';
import type { Plan } from './types.js';

const text = [
  'name: t',
  'services:',
  '  api:',
  '    capacity: {rpsPerServer: 100, maxServers: 10}',
  '    scale: {predictive: {horizon: 5m}}',
  '    triggers:',
  '      - level: surge',
  '        when: {any: ["growthPctPerMin >= 30", "latencyMs >= slo"]}',
  '        for: 2m',
  '        clear: {all: ["growthPctPerMin < 10"]}',
].join('\n');
const parsed = parsePlan(text, 'plan.yaml');
if (!parsed.ok) throw new Error('fixture plan must parse');
const plan: Plan = parsed.value;

/** Every number in the plan with its JSON path, for comparing two plans field by field. */
function numbers(value: unknown, path = ''): Map<string, number> {
  const found = new Map<string, number>();
  if (typeof value === 'number') found.set(path, value);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) for (const [p, n] of numbers(child, `${path}.${key}`)) found.set(p, n);
  }
  return found;
}

describe('scalePlanTime', () => {
  test('divides durations and multiplies per-minute allowances by the factor', () => {
    const fast = scalePlanTime(plan, 60);
    const api = fast.services.api;
    expect(fast.tickSeconds).toBe(0.25);
    expect(api?.triggers[0]).toMatchObject({ forSeconds: 2, clearForSeconds: 5 });
    expect(api?.triggers[0]?.when.conditions).toEqual([
      { metric: 'growthPctPerMin', op: '>=', value: 1800 },
      { metric: 'latencyMs', op: '>=', value: 500 },
    ]);
    expect(api?.standby.startSeconds).toBe(1.5);
    expect(api?.cold).toEqual({ provisionSeconds: 4, startSeconds: 1, quotaPerMinute: 600 });
    expect(api?.baseline.windowSeconds).toBe(1440);
    expect(api?.scale.cooldownSeconds).toBe(5);
    expect(api?.scale.predictive).toMatchObject({ horizonSeconds: 5, windowSeconds: 30 });
    expect(api?.scale.scaleIn).toMatchObject({ stabilizationWindowSeconds: 5, maxServersPerMinute: 600, drainSeconds: 1 });
    expect(api?.scale.targetTracking.behavior.scaleUp.policies[0]?.periodSeconds).toBe(0.25);
    expect(api?.scale.targetTracking.behavior.scaleDown.stabilizationWindowSeconds).toBe(5);
    expect(api?.throttle).toMatchObject({ retryAfterSeconds: 0.5, queueLimitSeconds: 0.5 });
    expect(api?.notices.updateEverySeconds).toBe(30);
    expect(api?.capacity).toEqual(plan.services.api?.capacity);
  });

  test('leaves its input untouched', () => {
    const before = JSON.stringify(plan);
    scalePlanTime(plan, 10);
    expect(JSON.stringify(plan)).toBe(before);
  });

  test.prop([fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.double({ min: 0.01, max: 1000, noNaN: true })])(
    'scaling by a then b equals scaling by a*b',
    (a, b) => {
      const twice = numbers(scalePlanTime(scalePlanTime(plan, a), b));
      const once = numbers(scalePlanTime(plan, a * b));
      expect([...twice.keys()]).toEqual([...once.keys()]);
      for (const [path, value] of once) expect(twice.get(path)).toBeCloseTo(value, 6);
    },
  );

  test('a factor of 1 changes nothing', () => {
    expect(scalePlanTime(plan, 1)).toEqual(plan);
  });

  test.prop([fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY)])('rejects a factor that is not a positive number', (factor) => {
    expect(() => scalePlanTime(plan, factor)).toThrow(RangeError);
  });
});
