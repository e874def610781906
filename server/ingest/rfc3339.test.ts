import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { RFC3339 } from './metrics-batch.js';
import { rfc3339Millis } from './rfc3339.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const timestamp = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 60 }),
    separator: fc.constantFrom('T', 't', ' '),
    fraction: fc.option(fc.stringMatching(/^\d{1,9}$/), { nil: undefined }),
    zone: fc.oneof(fc.constantFrom('Z', 'z'), fc.record({ sign: fc.constantFrom('+', '-'), h: fc.integer({ min: 0, max: 25 }), m: fc.integer({ min: 0, max: 60 }) }).map(({ sign, h, m }) => `${sign}${pad(h, 2)}:${pad(m, 2)}`)),
  })
  .map((t) => `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}${t.separator}${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}${t.fraction === undefined ? '' : `.${t.fraction}`}${t.zone}`);

describe('rfc3339Millis', () => {
  test.prop([timestamp], { numRuns: 5000 })('reads every string the schema lets through as Date.parse does', (s) => {
    expect(new RegExp(RFC3339).test(s)).toBe(true);
    expect(rfc3339Millis(s)).toBe(Date.parse(s));
  });

  it('agrees with Date.parse at the edges', () => {
    for (const s of ['2020-02-31T00:00:00Z', '2020-01-01T24:00:00.000Z', '2020-01-01T24:00:00.0001Z', '0099-03-01T00:00:00Z', '2020-01-01T00:00:00.9999+23:59', '2020-01-01T00:00:00-24:00']) {
      expect(rfc3339Millis(s)).toBe(Date.parse(s));
    }
  });
});
