import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseDuration } from './duration.js';

describe('parseDuration', () => {
  test.each([
    ['250ms', 0.25], ['90s', 90], ['5m', 300], ['1h', 3600], ['1d', 86_400], ['1h30m', 5400], ['1.5s', 1.5], [42, 42], [0, 0],
  ] as const)('%s is %s seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  test.each(['90 seconds', '5', 'm', '-5s', '1w', ''])('rejects "%s"', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  test('rejects negative and non-finite numbers', () => {
    expect([parseDuration(-1), parseDuration(Number.NaN), parseDuration(Number.POSITIVE_INFINITY)]).toEqual([null, null, null]);
  });

  test.prop([fc.nat(10_000), fc.nat(59), fc.nat(59)])('compound durations add up', (h, m, s) => {
    expect(parseDuration(`${h}h${m}m${s}s`)).toBe(h * 3600 + m * 60 + s);
  });
});
