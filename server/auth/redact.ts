/**
 * Fastify logger `redact` settings that keep bearer tokens out of logs, wherever a
 * request's headers get logged: `Fastify({ logger: { redact: AUTH_LOG_REDACT } })`.
 */
export const AUTH_LOG_REDACT = {
  paths: [
    'req.headers.authorization',
    'request.headers.authorization',
    'headers.authorization',
    'authorization',
    'token',
    'adminToken',
  ],
  censor: '[redacted]',
};

/** A token as it may appear in a message: its role prefix only. */
export function redactToken(token: string): string {
  const match = /^(fc_[a-z]+_)/.exec(token);
  return `${match?.[1] ?? ''}[redacted]`;
}
