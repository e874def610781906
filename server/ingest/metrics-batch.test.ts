import { fc, test } from '@fast-check/vitest';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { MetricsSampleSchema, plainlyValid } from './metrics-batch.js';

const schemaAccepts = new Ajv({ strict: true }).compile(MetricsSampleSchema);

const field = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.boolean(), fc.string(), fc.double(), fc.integer(),
  fc.constantFrom(-1, 0, 1, 1e9, 1e9 + 1, 3_600_000, 3_600_001, 8.64e15, 8.64e15 + 2),
  fc.constantFrom('2020-02-03T09:00:00+08:00', '2020-02-03t09:00:00.123456789Z', '2020-02-03 09:00:00Z', '2020-02-03T09:00:00', 'x'.repeat(41)),
  fc.constantFrom('docs', '', 'a'.repeat(256), 'a'.repeat(257), '😀'.repeat(200)),
  fc.array(fc.integer(), { maxLength: 2 }), fc.object({ maxDepth: 1 }),
);
const sample = fc.record(
  { service: field, timestamp: field, rps: field, latencyMs: field, errorRate: field, extra: field },
  { requiredKeys: [] },
).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));

describe('plainlyValid', () => {
  test.prop([sample], { numRuns: 2000 })('vouches only for samples the schema accepts', (s) => {
    if (plainlyValid(s)) expect(schemaAccepts(s)).toBe(true);
  });

  it('vouches for the samples senders send', () => {
    expect(plainlyValid({ service: 'docs', timestamp: '2020-02-03T09:00:00+08:00', rps: 12, latencyMs: 40, errorRate: 0.01 })).toBe(true);
    expect(plainlyValid({ service: 'docs', timestamp: 1_580_691_600_000, rps: 0 })).toBe(true);
  });
});
