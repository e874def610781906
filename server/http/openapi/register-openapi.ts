/**
 * The API description, generated from the routes' own schemas (@fastify/swagger, dynamic
 * mode): registered before any route so it sees them all, served as OpenAPI 3.1 at
 * /api/openapi.json and as a page for people at /api/docs.
 */
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { packageVersion } from '../../cli/version.js';
import { docsPage } from './docs-page.js';

// what an OpenAPI 3.1 path item may hold; a catch-all route also answers QUERY, which it may not
const PATH_ITEM_KEYS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'summary', 'description', 'servers', 'parameters', '$ref']);

function onlyPathItemKeys<T extends { paths?: Record<string, Record<string, unknown>> }>(document: T): T {
  const paths = Object.entries(document.paths ?? {}).map(([path, item]) => [path, Object.fromEntries(Object.entries(item).filter(([key]) => PATH_ITEM_KEYS.has(key)))]);
  return { ...document, paths: Object.fromEntries(paths) };
}

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Flashcrowd',
        version: packageVersion(),
        description: 'Rehearse traffic surges: drills, notices, Statuspage-compatible status documents, metrics ingest. Errors are { "error": { "code", "message", "field" } }.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'an API token: ingest, operator or admin' } } },
    },
    transformObject: (doc) => ('openapiObject' in doc ? onlyPathItemKeys(doc.openapiObject as Parameters<typeof onlyPathItemKeys>[0]) : doc.swaggerObject),
  });
  const hidden = { schema: { hide: true }, logLevel: 'warn' as const };
  app.get('/api/openapi.json', hidden, async (_req, reply) => reply.header('access-control-allow-origin', '*').send(app.swagger()));
  app.get('/api/docs', hidden, async (_req, reply) => reply.type('text/html; charset=utf-8').send(docsPage(app.swagger())));
}
