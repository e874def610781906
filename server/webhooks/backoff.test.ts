import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, parseRetryAfterMs, retryDelayMs } from './backoff.js';

describe('retryDelayMs', () => {
  it('doubles from 5 s and caps at 1 h without jitter', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((a) => retryDelayMs(a, mid) / 1000)).toEqual([
      5, 10, 20, 40, 80, 160, 320, 640, 1280, 2560, 3600, 3600,
    ]);
  });

  test.prop([fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })])(
    'stays within the jitter band around the nominal delay and never past the cap',
    (attempt, r) => {
      const nominal = Math.min(DEFAULT_BACKOFF.baseMs * 2 ** Math.min(attempt - 1, 52), DEFAULT_BACKOFF.maxMs);
      const delay = retryDelayMs(attempt, () => r);
      expect(delay).toBeGreaterThanOrEqual(Math.floor(nominal * (1 - DEFAULT_BACKOFF.jitter)));
      expect(delay).toBeLessThanOrEqual(Math.min(Math.ceil(nominal * (1 + DEFAULT_BACKOFF.jitter)), DEFAULT_BACKOFF.maxMs));
    },
  );
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-02-03T01:00:00.000Z');
  it.each([
    [null, null],
    ['120', 120_000],
    [' 0 ', 0],
    ['Tue, 03 Feb 2026 01:00:30 GMT', 30_000],
    ['Tue, 03 Feb 2026 00:59:00 GMT', 0],
    ['soon', null],
  ])('%s -> %s', (header, expected) => {
    expect(parseRetryAfterMs(header, now)).toBe(expected);
  });
});
