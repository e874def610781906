/**
 * Where an error becomes an HTTP answer: one table from error code to status, and the one
 * function that writes the body `{ error: { code, message, field? } }`.
 */
import type { FastifyReply } from 'fastify';
import type { DomainError, ErrorCode } from '../errors/codes.js';

const STATUS: Record<ErrorCode, number> = {
  'drill.not-found': 404,
  'drill.running': 409,
  'drill.not-running': 409,
  'drill.scenario': 400,
  'drill.services': 400,
  'drill.range': 400,
  'drill.speed': 400,
  'drill.service': 400,
  'cluster.no-owner': 503,
  'report.gone': 410,
  'notice.not-found': 404,
  'notice.service': 400,
  'incident.not-found': 404,
  'webhook.not-found': 404,
  'webhook.url': 400,
  'webhook.url-length': 400,
  'webhook.url-scheme': 400,
  'webhook.url-credentials': 400,
  'webhook.target-private': 400,
  'webhook.target-forbidden': 400,
  'token.not-found': 404,
  'traffic.service': 404,
  'traffic.weight': 400,
  'traffic.throttled': 429,
  'traffic.overloaded': 503,
  'auth.missing-token': 401,
  'auth.invalid-token': 401,
  'auth.forbidden': 403,
  'auth.throttled': 429,
  'auth.unavailable': 503,
  // the live feed answers these in its acknowledgement; over HTTP they would be refused input
  'live.subscribe': 400,
  'live.service': 400,
  'metrics.body': 400,
  'metrics.schema': 400,
  'metrics.service': 400,
  'metrics.timestamp': 400,
  'request.invalid': 400,
  'request.body': 400,
  'request.rate-limited': 429,
  'request.refused': 400,
  'route.not-found': 404,
  'server.internal': 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export interface ErrorBodyShape {
  error: { code: string; message: string; field?: string };
}

export function errorBody(e: Pick<DomainError, 'code' | 'message' | 'field'>): ErrorBodyShape {
  return { error: e.field === undefined ? { code: e.code, message: e.message } : { code: e.code, message: e.message, field: e.field } };
}

/** Answer with this error at its code's status (or the status given, for framework errors). */
export function sendError(reply: FastifyReply, e: Pick<DomainError, 'code' | 'message' | 'field'>, status = statusOf(e.code)): FastifyReply {
  return reply.code(status).send(errorBody(e));
}
