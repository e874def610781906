/**
 * The JSON batch of POST /api/v1/metrics: its schema and its validation. A batch is
 * accepted whole or not at all; the error names the first bad field by its index path,
 * e.g. `samples[3].rps`.
 */
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import type { ErrorObject } from 'ajv';
import formats from 'ajv-formats';
import { fail, ok } from '../core/errors.js';
import type { FlashcrowdError, Result } from '../core/errors.js';
import type { Plan } from '../core/plan/types.js';
import type { IngestSample } from './ingest-sample.js';

export const MAX_BATCH_SAMPLES = 10_000;

export const MetricsSampleSchema = Type.Object(
  {
    service: Type.String({ minLength: 1 }),
    timestamp: Type.Union([Type.String({ format: 'date-time' }), Type.Number({ minimum: 0 })], {
      description: 'RFC 3339 date-time with an offset, or epoch milliseconds',
    }),
    rps: Type.Number({ minimum: 0 }),
    latencyMs: Type.Optional(Type.Number({ minimum: 0 })),
    errorRate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
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
formats.default(ajv, ['date-time']);
// The envelope and each sample are checked apart, so the first bad sample in order is the
// one named, whether its fault is in the schema or in the plan.
const validateEnvelope = ajv.compile<{ samples: unknown[] }>(
  Type.Object({ samples: Type.Array(Type.Unknown(), { maxItems: MAX_BATCH_SAMPLES }) }, { additionalProperties: false }),
);
const validateSample = ajv.compile<MetricsBatch['samples'][number]>(MetricsSampleSchema);

const EXPECTED: Record<string, string> = {
  samples: `an array of at most ${MAX_BATCH_SAMPLES} samples`,
  service: 'a service name',
  timestamp: 'an RFC 3339 date-time with an offset (2020-02-03T09:00:00+08:00) or epoch milliseconds',
  rps: 'a number >= 0',
  latencyMs: 'a number >= 0',
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

function show(value: unknown): string {
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

const epochMs = (timestamp: string | number): number => (typeof timestamp === 'number' ? timestamp : Date.parse(timestamp));

function sampleError(i: number, s: unknown, plan: Plan): FlashcrowdError | null {
  if (!validateSample(s)) {
    const first = validateSample.errors?.[0];
    if (!first) return { code: 'metrics.schema', message: `samples[${i}]: is not a sample`, field: `samples[${i}]` };
    const { field, message } = schemaError({ ...first, instancePath: `/samples/${i}${first.instancePath}` }, { samples: { [i]: s } });
    return { code: 'metrics.schema', message: `${field}: ${message}`, field };
  }
  if (!Object.hasOwn(plan.services, s.service)) {
    const field = `samples[${i}].service`;
    const known = Object.keys(plan.services).join(', ');
    return { code: 'metrics.service', message: `${field}: unknown service ${show(s.service)}; the plan has ${known}`, field };
  }
  if (!Number.isFinite(epochMs(s.timestamp))) {
    const field = `samples[${i}].timestamp`;
    return { code: 'metrics.timestamp', message: `${field}: expected ${EXPECTED.timestamp}, got ${show(s.timestamp)}`, field };
  }
  return null;
}

function toIngestSample(s: MetricsBatch['samples'][number]): IngestSample {
  return {
    service: s.service,
    t: epochMs(s.timestamp),
    rps: s.rps,
    ...(s.latencyMs !== undefined ? { latencyMs: s.latencyMs } : {}),
    ...(s.errorRate !== undefined ? { errorRate: s.errorRate } : {}),
  };
}

/** Checks a parsed JSON body against the schema and the plan; the samples with epoch-ms times, or the first error. */
export function validateMetricsBatch(body: unknown, plan: Plan): Result<IngestSample[]> {
  if (!validateEnvelope(body)) {
    const first = validateEnvelope.errors?.[0];
    const { field, message } = first ? schemaError(first, body) : { field: 'body', message: 'is not a metrics batch' };
    return fail({ code: 'metrics.schema', message: `${field}: ${message}`, field });
  }
  for (const [i, s] of body.samples.entries()) {
    const error = sampleError(i, s, plan);
    if (error) return fail(error);
  }
  return ok((body as MetricsBatch).samples.map(toIngestSample));
}
