/**
 * How every public status answer goes out: a strong ETag (304 on If-None-Match), a short
 * shared cache life, the language it is written in, and CORS for browsers on other origins.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Language } from '../core/plan/types.js';
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

export function sendStatusDocument(request: FastifyRequest, reply: FastifyReply, doc: StatusDocument): FastifyReply {
  reply
    .header('ETag', doc.etag)
    .header('Cache-Control', STATUS_CACHE_CONTROL)
    .header('Vary', 'Accept-Language')
    .header('Content-Language', doc.language)
    .header('Access-Control-Allow-Origin', '*')
    .header('Access-Control-Expose-Headers', 'ETag, Content-Language');
  if (noneMatch(request.headers['if-none-match'], doc.etag)) return reply.code(304).send();
  return reply.type(doc.type).send(doc.body);
}
