/**
 * POST /api/v1/metrics: JSON batches of samples. 202 { accepted } when the whole batch is
 * valid, else 400 { error: { code, message, field } } and nothing of it is applied.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { documentedBody } from '../http/openapi/documented-body.js';
import { domainError } from '../errors/codes.js';
import { sendError } from '../http/http-error.js';
import { errors } from '../http/schemas/error-body.js';
import { serializeAsIs } from '../http/schemas/serialize-as-is.js';
import type { Plan } from '../core/plan/types.js';
import type { IngestSample } from './ingest-sample.js';
import { MetricsBatchSchema, validateMetricsBatch } from './metrics-batch.js';
import type { PreHandler } from './pre-handler.js';

export interface MetricsRoutesOptions {
  plan: () => Plan;
  onSamples: (samples: IngestSample[]) => void;
  preHandler?: PreHandler;
  /** body limit in bytes (--ingest-body-limit); default 1 MiB, as the app's */
  bodyLimit?: number;
  /** counts each refused batch, for /metrics */
  onRejected?: () => void;
}

// The body is checked by validateMetricsBatch, not here, so the first bad field is named in
// order whether its fault is in the schema or in the plan.
const schema = {
  tags: ['ingest'],
  summary: 'Ingest a JSON batch of samples, whole or not at all',
  response: { 202: Type.Object({ accepted: Type.Integer() }), ...errors(400, 401, 403, 413, 415, 429, 500) },
};

export async function metricsRoutes(plain: FastifyInstance, opts: MetricsRoutesOptions): Promise<void> {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  app.setSerializerCompiler(serializeAsIs);
  // Body-parsing failures (bad JSON, wrong media type, too large) answer in this route's
  // error shape; everything else (the app's auth, 5xx) goes on to the app's handler.
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (!error.code?.startsWith('FST_ERR_CTP_') || (error.statusCode ?? 500) >= 500) throw error;
    opts.onRejected?.();
    return sendError(reply, domainError('metrics.body', { reason: error.message }, 'body'), error.statusCode ?? 400);
  });

  app.post(
    '/api/v1/metrics',
    { schema, config: documentedBody(MetricsBatchSchema), bodyLimit: opts.bodyLimit ?? 1024 * 1024, ...(opts.preHandler ? { preHandler: opts.preHandler } : {}) },
    async (request, reply) => {
      const result = validateMetricsBatch(request.body, opts.plan());
      if (!result.ok) {
        opts.onRejected?.();
        const [first] = result.errors;
        return sendError(reply, first!, 400);
      }
      if (result.value.length > 0) opts.onSamples(result.value);
      return reply.code(202).send({ accepted: result.value.length });
    },
  );
}
