/**
 * The JSON batch of POST /api/v1/metrics: its schema and its validation. A batch is
 * accepted whole or not at all; the error names the first bad field by its index path,
 * e.g. `samples[3].rps`.
 */
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import type { ErrorObject } from 'ajv';
import { domainError, type DomainError } from '../errors/codes.js';
import { fail, ok, type Result } from '../errors/result.js';
import type { Plan } from '../core/plan/types.js';
import type { IngestSample } from './ingest-sample.js';
import { rfc3339Millis } from './rfc3339.js';
import { SAMPLE_RANGES } from './sample-ranges.js';
import { MAX_TIMESTAMP_MS } from './write-request-limits.js';

export const MAX_BATCH_SAMPLES = 10_000;
export const MAX_SERVICE_NAME_LENGTH = 256;

// RFC 3339 with a required offset. A pattern, not ajv-formats' date-time: that format
// validates each part by hand and was a quarter of the cost of a batch; rfc3339Millis below
// rejects impossible dates (month 13, hour 25) in the same pass that converts.
export const RFC3339 = '^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})$';

export const MetricsSampleSchema = Type.Object(
  {
    service: Type.String({ minLength: 1, maxLength: MAX_SERVICE_NAME_LENGTH }),
    timestamp: Type.Union([Type.String({ pattern: RFC3339, maxLength: 40 }), Type.Number({ minimum: 0, maximum: MAX_TIMESTAMP_MS })], {
      description: 'RFC 3339 date-time with an offset, or epoch milliseconds',
    }),
    rps: Type.Number(SAMPLE_RANGES.rps),
    latencyMs: Type.Optional(Type.Number(SAMPLE_RANGES.latencyMs)),
    errorRate: Type.Optional(Type.Number(SAMPLE_RANGES.errorRate)),
  },
  { additionalProperties: false },
);

export const MetricsBatchSchema = Type.Object(
  { samples: Type.Array(MetricsSampleSchema, { maxItems: MAX_BATCH_SAMPLES }) },
  { additionalProperties: false },
);

export type MetricsBatch = Static<typeof MetricsBatchSchema>;

// A validator of its own, so coercion or defaults configured on the app never change what a batch means.
const ajv = new Ajv({ allErrors: false, strict: true });
// The envelope and each sample are checked apart, so the first bad sample in order is the
// one named, whether its fault is in the schema or in the plan.
const validateEnvelope = ajv.compile<{ samples: unknown[] }>(
  Type.Object({ samples: Type.Array(Type.Unknown(), { maxItems: MAX_BATCH_SAMPLES }) }, { additionalProperties: false }),
);
const validateSample = ajv.compile<MetricsBatch['samples'][number]>(MetricsSampleSchema);

const EXPECTED: Record<string, string> = {
  samples: `an array of at most ${MAX_BATCH_SAMPLES} samples`,
  service: `a service name of at most ${MAX_SERVICE_NAME_LENGTH} characters`,
  timestamp: `an RFC 3339 date-time with an offset (2020-02-03T09:00:00+08:00) or epoch milliseconds from 0 to ${MAX_TIMESTAMP_MS}`,
  rps: `a number from 0 to ${SAMPLE_RANGES.rps.maximum}`,
  latencyMs: `a number from 0 to ${SAMPLE_RANGES.latencyMs.maximum}`,
  errorRate: 'a number from 0 to 1',
};

/** '/samples/3/rps' -> 'samples[3].rps' */
function fieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

// Objects and arrays are named, not printed: a value nested thousands deep would overflow
// JSON.stringify's stack, and a person needs its kind, not its contents.
function show(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function schemaError(e: ErrorObject, body: unknown): { field: string; message: string } {
  if (e.keyword === 'required') {
    const field = fieldPath(`${e.instancePath}/${String(e.params.missingProperty)}`);
    const leaf = String(e.params.missingProperty);
    return { field, message: `is required: ${EXPECTED[leaf] ?? 'a value'}` };
  }
  if (e.keyword === 'additionalProperties') {
    const field = fieldPath(`${e.instancePath}/${String(e.params.additionalProperty)}`);
    return { field, message: `unknown field; a sample has service, timestamp, rps, latencyMs, errorRate` };
  }
  const field = fieldPath(e.instancePath) || 'body';
  const leaf = e.instancePath.split('/').at(-1) ?? '';
  const expected = EXPECTED[leaf] ?? (/^\d+$/.test(leaf) ? 'a sample { service, timestamp, rps }' : 'an object { samples: [...] }');
  const value = e.instancePath.split('/').slice(1).reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], body);
  return { field, message: `expected ${expected}, got ${show(value)}` };
}

const SAMPLE_FIELDS = new Set(['service', 'timestamp', 'rps', 'latencyMs', 'errorRate']);
const RFC3339_PATTERN = new RegExp(RFC3339);
const within = (v: unknown, range: { minimum: number; maximum: number }): boolean =>
  typeof v === 'number' && v >= range.minimum && v <= range.maximum;

/**
 * True only for a sample the schema accepts, checked by hand: ajv's generated validator was
 * the larger part of a batch's cost. Anything this does not vouch for (a long or unusual
 * service name included) goes to ajv, which decides and names the fault.
 */
export function plainlyValid(s: unknown): s is MetricsBatch['samples'][number] {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return false;
  for (const key in s) if (!SAMPLE_FIELDS.has(key)) return false;
  const { service, timestamp, rps, latencyMs, errorRate } = s as Record<string, unknown>;
  // UTF-16 length bounds the code points ajv counts from above
  if (typeof service !== 'string' || service.length === 0 || service.length > MAX_SERVICE_NAME_LENGTH) return false;
  const timeOk = typeof timestamp === 'number'
    ? timestamp >= 0 && timestamp <= MAX_TIMESTAMP_MS
    : typeof timestamp === 'string' && timestamp.length <= 40 && RFC3339_PATTERN.test(timestamp);
  return timeOk && within(rps, SAMPLE_RANGES.rps)
    && (latencyMs === undefined || within(latencyMs, SAMPLE_RANGES.latencyMs))
    && (errorRate === undefined || within(errorRate, SAMPLE_RANGES.errorRate));
}

/** The sample's time in epoch ms, or the error naming the first fault of sample `i`. */
function checkSample(i: number, s: unknown, plan: Plan): number | DomainError {
  if (!plainlyValid(s) && !validateSample(s)) {
    const first = validateSample.errors?.[0];
    const { field, message } = first
      ? schemaError({ ...first, instancePath: `/samples/${i}${first.instancePath}` }, { samples: { [i]: s } })
      : { field: `samples[${i}]`, message: 'is not a sample' };
    return domainError('metrics.schema', { field, what: message }, field);
  }
  if (!Object.hasOwn(plan.services, s.service)) {
    const field = `samples[${i}].service`;
    return domainError('metrics.service', { field, service: show(s.service), known: Object.keys(plan.services) }, field);
  }
  const t = typeof s.timestamp === 'number' ? s.timestamp : rfc3339Millis(s.timestamp);
  if (!(t >= 0 && t <= MAX_TIMESTAMP_MS)) {
    const field = `samples[${i}].timestamp`;
    return domainError('metrics.timestamp', { field, expected: EXPECTED.timestamp!, got: show(s.timestamp) }, field);
  }
  return t;
}

function toIngestSample(s: MetricsBatch['samples'][number], t: number): IngestSample {
  const sample: IngestSample = { service: s.service, t, rps: s.rps };
  if (s.latencyMs !== undefined) sample.latencyMs = s.latencyMs;
  if (s.errorRate !== undefined) sample.errorRate = s.errorRate;
  return sample;
}

/** Checks a parsed JSON body against the schema and the plan; the samples with epoch-ms times, or the first error. */
export function validateMetricsBatch(body: unknown, plan: Plan): Result<IngestSample[]> {
  if (!validateEnvelope(body)) {
    const first = validateEnvelope.errors?.[0];
    const { field, message } = first ? schemaError(first, body) : { field: 'body', message: 'is not a metrics batch' };
    return fail(domainError('metrics.schema', { field, what: message }, field));
  }
  const samples: IngestSample[] = [];
  for (const [i, s] of body.samples.entries()) {
    const t = checkSample(i, s, plan);
    if (typeof t !== 'number') return fail(t);
    samples.push(toIngestSample(s as MetricsBatch['samples'][number], t));
  }
  return ok(samples);
}
