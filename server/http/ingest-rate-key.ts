import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/**
 * Rate limits run before authentication, so the key is the presented bearer token (hashed:
 * the raw token never sits in the limiter's memory) or, without one, the client address.
 */
export function ingestRateKey(req: FastifyRequest): string {
  const auth = req.headers.authorization;
  if (auth) return `token:${createHash('sha256').update(auth).digest('base64url').slice(0, 22)}`;
  return `ip:${req.ip}`;
}
