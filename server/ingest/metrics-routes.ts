/**
 * POST /api/v1/metrics: JSON batches of samples. 202 { accepted } when the whole batch is
 * valid, else 400 { error: { code, message, field } } and nothing of it is applied.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { Plan } from '../core/plan/types.js';
import type { IngestSample } from './ingest-sample.js';
import { validateMetricsBatch } from './metrics-batch.js';
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

const ErrorBody = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }) });

// The body is checked by validateMetricsBatch, not here, so the first bad field is named in
// order whether its fault is in the schema or in the plan.
const schema = {
  response: { 202: Type.Object({ accepted: Type.Integer() }), 400: ErrorBody, 413: ErrorBody, 415: ErrorBody },
};

export async function metricsRoutes(app: FastifyInstance, opts: MetricsRoutesOptions): Promise<void> {
  // Body-parsing failures (bad JSON, wrong media type, too large) answer in this route's
  // error shape; everything else (the app's auth, 5xx) goes on to the app's handler.
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (!error.code?.startsWith('FST_ERR_CTP_') || (error.statusCode ?? 500) >= 500) throw error;
    opts.onRejected?.();
    return reply.code(error.statusCode ?? 400).send({ error: { code: 'metrics.body', message: error.message, field: 'body' } });
  });

  app.post(
    '/api/v1/metrics',
    { schema, bodyLimit: opts.bodyLimit ?? 1024 * 1024, ...(opts.preHandler ? { preHandler: opts.preHandler } : {}) },
    async (request, reply) => {
      const result = validateMetricsBatch(request.body, opts.plan());
      if (!result.ok) {
        opts.onRejected?.();
        const [first] = result.errors;
        return reply.code(400).send({ error: { code: first?.code, message: first?.message, field: first?.field } });
      }
      if (result.value.length > 0) opts.onSamples(result.value);
      return reply.code(202).send({ accepted: result.value.length });
    },
  );
}
