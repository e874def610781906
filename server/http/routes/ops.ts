import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { OpsMetrics } from '../ops-metrics.js';
import { errors } from '../schemas/error-body.js';

const tags = ['operations'];

/** Liveness, readiness and the server's own metrics for Prometheus. */
export const opsRoutes: FastifyPluginAsyncTypebox<{ metrics: OpsMetrics; ready: () => boolean }> = async (app, opts) => {
  app.get('/healthz', { logLevel: 'warn', schema: { tags, summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('ok') }), ...errors(500) } } }, async () => ({ status: 'ok' as const }));
  app.get('/readyz', {
    logLevel: 'warn',
    schema: { tags, summary: 'Readiness: a drill or the live session is running', response: { 200: Type.Object({ status: Type.Literal('ready') }), 503: Type.Object({ status: Type.Literal('starting') }), ...errors(500) } },
  }, async (_req, reply) => {
    if (!opts.ready()) return reply.code(503).send({ status: 'starting' });
    return { status: 'ready' as const };
  });
  app.get('/metrics', {
    logLevel: 'warn',
    schema: {
      tags, summary: 'Prometheus metrics of this server',
      response: { 200: { description: 'the Prometheus text exposition format', content: { 'text/plain; version=0.0.4': { schema: Type.String() } } }, ...errors(500) },
    },
  }, async (_req, reply) => {
    reply.type(opts.metrics.registry.contentType);
    return opts.metrics.registry.metrics();
  });
};
