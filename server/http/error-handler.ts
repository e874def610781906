import type { FastifyError, FastifyInstance } from 'fastify';
import { redactUrl } from '../auth/redact.js';
import { domainError } from '../errors/codes.js';
import { sendError } from './http-error.js';

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
      return sendError(reply, domainError('request.invalid', { field, what }, field));
    }
    const status = err.statusCode ?? 500;
    if (status < 500) {
      const code = err.code?.startsWith('FST_ERR_CTP_') ? 'request.body' : status === 429 ? 'request.rate-limited' : 'request.refused';
      return sendError(reply, domainError(code, { reason: err.message }), status);
    }
    req.log.error({ err, url: redactUrl(req.url), method: req.method }, 'request failed');
    return sendError(reply, domainError('server.internal', undefined));
  });

  app.setNotFoundHandler((req, reply) => {
    sendError(reply, domainError('route.not-found', { method: req.method, path: req.url.split('?')[0] ?? '' }));
  });
}
