import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { COMPARISON_OPS, CONDITION_METRICS, CONDITION_PATTERN, parseConditionText, resolveCondition } from './condition.js';

describe('condition strings', () => {
  test.prop([fc.constantFrom(...CONDITION_METRICS), fc.constantFrom(...COMPARISON_OPS), fc.double({ min: -1e6, max: 1e6, noNaN: true })])(
    'every metric, comparison and number round-trips, and the schema pattern accepts it',
    (metric, op, value) => {
      const text = `${metric} ${op} ${value.toFixed(3)}`;
      expect(new RegExp(CONDITION_PATTERN).test(text)).toBe(true);
      expect(parseConditionText(text)).toEqual({ metric, op, value: Number(value.toFixed(3)), sloMultiple: null });
    },
  );

  test('slo thresholds resolve against the service objective', () => {
    const spec = parseConditionText('latencyMs < 0.5 * slo');
    expect('problem' in spec ? spec : resolveCondition(spec, 600)).toEqual({ metric: 'latencyMs', op: '<', value: 300 });
    const whole = parseConditionText('latencyMs>=slo');
    expect('problem' in whole ? whole : resolveCondition(whole, 600)).toEqual({ metric: 'latencyMs', op: '>=', value: 600 });
  });

  test.each([
    ['utilisation >= 0.9', /^unknown metric "utilisation"; did you mean "utilization"\?/],
    ['rps == 5', /^unknown comparison "=="/],
    ['rps > fast', /^expected a number, "slo" or "0.5\*slo" after ">", got "fast"/],
    ['just words', /^expected a condition like "utilization >= 0.9"/],
  ])('"%s" is explained', (text, problem) => {
    const parsed = parseConditionText(text);
    expect('problem' in parsed && parsed.problem).toMatch(problem);
    expect(new RegExp(CONDITION_PATTERN).test(text)).toBe(false);
  });
});
