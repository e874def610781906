/**
 * Keeping tokens out of logs: request headers that carry them, query parameters that look
 * like credentials, and anything shaped like a Flashcrowd token wherever it appears in a URL.
 */
import type { FastifyServerOptions } from 'fastify';

/**
 * Fastify logger `redact` settings that keep bearer tokens out of logs, wherever a
 * request's headers get logged: `Fastify({ logger: { redact: AUTH_LOG_REDACT } })`.
 */
export const AUTH_LOG_REDACT = {
  paths: [
    'req.headers.authorization',
    'request.headers.authorization',
    'headers.authorization',
    'req.headers.cookie',
    'request.headers.cookie',
    'headers.cookie',
    'headers["x-api-key"]',
    'authorization',
    'token',
    'adminToken',
  ],
  censor: '[redacted]',
};

const TOKEN_SHAPE = /\b(fc_[a-z]+_)[A-Za-z0-9_-]+/g;
// a query parameter whose name says it holds a credential
const SECRET_PARAM = /(token|auth|key|secret|password|passwd|signature|sig|session)/i;

/** A token as it may appear in a message: its role prefix only. */
export function redactToken(token: string): string {
  const match = /^(fc_[a-z]+_)/.exec(token);
  return `${match?.[1] ?? ''}[redacted]`;
}

/** The URL with credential-like query values and token-shaped text replaced by "[redacted]". */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const query = q === -1 ? null : url.slice(q + 1);
  const safeQuery = query === null ? '' : `?${query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq === -1 ? pair : pair.slice(0, eq);
    let decoded = name;
    try {
      decoded = decodeURIComponent(name);
    } catch {
      // a malformed escape: judge the name as written
    }
    return eq !== -1 && SECRET_PARAM.test(decoded) ? `${name}=[redacted]` : pair;
  }).join('&')}`;
  return `${path}${safeQuery}`.replace(TOKEN_SHAPE, '$1[redacted]');
}

interface LoggedRequest {
  method: string;
  url: string;
  version?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's request serializer, with the URL redacted. */
export function serializeRequest(req: LoggedRequest): Record<string, unknown> {
  return { method: req.method, url: redactUrl(req.url), version: req.version, host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}

/** A logger option with redaction added: header paths and the request serializer. A ready-made logger instance is left as it is. */
export function withLogRedaction(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === undefined || logger === false) return false;
  const base = logger === true ? {} : logger;
  return { redact: AUTH_LOG_REDACT, ...base, serializers: { ...(base.serializers ?? {}), req: serializeRequest } } as FastifyServerOptions['logger'];
}
