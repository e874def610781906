/**
 * How every public status answer goes out: a strong ETag (304 on If-None-Match), a short
 * shared cache life, the language it is written in, and CORS for browsers on other origins.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../core/plan/types.js';
import { proxyAddsConstantHeaders } from '../http/security-headers.js';
import { noneMatch } from './etag.js';

// one second fresh: a cache in front (deploy/nginx) then revalidates with the ETag, so what it
// serves is never more than about a second behind
export const STATUS_CACHE_CONTROL = 'public, max-age=1, stale-while-revalidate=30';

export interface StatusDocument {
  body: string;
  etag: string;
  /** the media type, charset included */
  type: string;
  language: Language;
}

/**
 * For nginx in front (deploy/nginx): fresh until the end of the current second. nginx counts
 * a cache life in whole seconds, so with max-age=1 alone it served a copy until up to two
 * seconds after it was made; an absolute expiry at the current second keeps a copy's age
 * under one second plus the revalidation. nginx takes it off before answering its clients.
 * It assumes the server's clock and nginx's agree (NTP), as any cache in front does.
 */
export const nginxExpiry = (nowMs: number): string => `@${Math.floor(nowMs / 1000)}`;

/** the same on every status document, so a proxy in front may add them itself (deploy/nginx) */
export const STATUS_CONSTANT_HEADERS: Readonly<Record<string, string>> = {
  vary: 'Accept-Language',
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Content-Language',
};

// a crowd's requests mostly fall in the same second: the header is made once per second
let expirySecond = Number.NaN;
let expiry = '';
function expiryAt(nowMs: number): string {
  const second = Math.floor(nowMs / 1000);
  if (second !== expirySecond) {
    expirySecond = second;
    expiry = nginxExpiry(nowMs);
  }
  return expiry;
}

/**
 * The headers a status document goes out with after the security headers, in order, as a flat
 * list of names and values: the route (below) and the fast path (fast-path.ts) both send these.
 * `nowMs` null: no expiry for nginx (an app without a clock, a route under test on its own).
 */
export function statusDocumentHeaders(doc: Pick<StatusDocument, 'etag' | 'language'>, nowMs: number | null, proxyAdds: boolean): string[] {
  const head = nowMs === null ? [] : ['x-accel-expires', expiryAt(nowMs)];
  if (!proxyAdds) head.push(...CONSTANT_PAIRS);
  head.push('etag', doc.etag, 'cache-control', STATUS_CACHE_CONTROL, 'content-language', doc.language);
  return head;
}

const CONSTANT_PAIRS = Object.entries(STATUS_CONSTANT_HEADERS).flat();

export function sendStatusDocument(request: FastifyRequest, reply: FastifyReply, doc: StatusDocument): FastifyReply {
  const clock = (reply.server as { clock?: { now(): number } }).clock;
  const head = statusDocumentHeaders(doc, clock ? clock.now() : null, proxyAddsConstantHeaders(request));
  for (let i = 0; i < head.length; i += 2) reply.header(head[i] as string, head[i + 1]);
  if (noneMatch(request.headers['if-none-match'], doc.etag)) return reply.code(304).send();
  return reply.type(doc.type).send(doc.body);
}
