import type { FastifyError, FastifyInstance } from 'fastify';
import { redactUrl } from '../auth/redact.js';

/**
 * One error handler for every route: a request the schema refuses gets 400 naming the field
 * and what was expected; anything unexpected is logged with its context and answered 500
 * with nothing internal in the body.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err.validation) {
      const first = err.validation[0];
      const path = first?.instancePath ? first.instancePath.slice(1).replace(/\//g, '.') : '';
      const missing = first?.keyword === 'required' ? String((first.params as { missingProperty?: string }).missingProperty ?? '') : '';
      const extra = first?.keyword === 'additionalProperties' ? String((first.params as { additionalProperty?: string }).additionalProperty ?? '') : '';
      const field = [err.validationContext, path, missing || extra].filter(Boolean).join('.');
      const what = extra ? `unknown property "${extra}"` : missing ? 'is required' : (first?.message ?? 'is invalid');
      return reply.code(400).send({ error: { code: 'validation', message: `${field}: ${what}`, field } });
    }
    const status = err.statusCode ?? 500;
    if (status < 500) {
      return reply.code(status).send({ error: { code: err.code ?? 'bad_request', message: err.message } });
    }
    req.log.error({ err, url: redactUrl(req.url), method: req.method }, 'request failed');
    return reply.code(500).send({ error: { code: 'internal', message: 'the server failed to handle this request; it has been logged' } });
  });

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: { code: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` } });
  });
}
