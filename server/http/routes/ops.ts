import type { FastifyInstance } from 'fastify';
import type { OpsMetrics } from '../ops-metrics.js';

/** Liveness, readiness and the server's own metrics for Prometheus. */
export async function opsRoutes(app: FastifyInstance, opts: { metrics: OpsMetrics; ready: () => boolean }): Promise<void> {
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'warn' }, async (_req, reply) => {
    if (!opts.ready()) return reply.code(503).send({ status: 'starting' });
    return { status: 'ready' };
  });
  app.get('/metrics', { logLevel: 'warn' }, async (_req, reply) => {
    reply.type(opts.metrics.registry.contentType);
    return opts.metrics.registry.metrics();
  });
}
