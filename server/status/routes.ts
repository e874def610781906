/**
 * The public status read API: Statuspage v2 documents under /api/v2 and the Atom feed at
 * /history.atom. Every answer has a strong ETag (304 on If-None-Match), a short shared
 * cache lifetime and CORS for browsers; bodies are rendered once per input version.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ALWAYS, errors, READER } from '../http/schemas/error-body.js';
import { serializeAsIs } from '../http/schemas/serialize-as-is.js';
import type { PreHandler } from '../ingest/pre-handler.js';
import { buildAtomFeed } from './atom-feed.js';
import { pickLanguage } from './language.js';
import type { FrontAnswer } from '../http/front-door.js';
import { statusFastPath, type DocumentSpec } from './fast-path.js';
import { renderedCache, type Snapshot } from './rendered-cache.js';
import { sendStatusDocument } from './send-document.js';
import type { StatusInput } from './status-input.js';
import { buildComponents, buildIncidents, buildStatus, buildSummary, buildUnresolved } from './statuspage.js';
import { STATUS_DOCUMENTS } from './statuspage-schemas.js';

export interface StatusRoutesOptions {
  source: () => Promise<StatusInput> | StatusInput;
  /** increases whenever anything in the input changes; without it every request rebuilds */
  version?: () => number;
  preHandler?: PreHandler;
  /** where to put the fast path for plain GETs (fast-path.ts), with what it needs from the app */
  front?: { use(answer: FrontAnswer): void; securityHeaders: Readonly<Record<string, string>>; now: () => number };
}

const JSON_TYPE = 'application/json; charset=utf-8';

const DOCUMENTS: Record<string, DocumentSpec> = {
  '/api/v2/summary.json': { type: JSON_TYPE, render: (i, l) => JSON.stringify(buildSummary(i, l)) },
  '/api/v2/status.json': { type: JSON_TYPE, render: (i, l) => JSON.stringify(buildStatus(i, l)) },
  '/api/v2/components.json': { type: JSON_TYPE, render: (i, l) => JSON.stringify(buildComponents(i, l)) },
  '/api/v2/incidents.json': { type: JSON_TYPE, render: (i, l) => JSON.stringify(buildIncidents(i, l)) },
  '/api/v2/incidents/unresolved.json': { type: JSON_TYPE, render: (i, l) => JSON.stringify(buildUnresolved(i, l)) },
  '/history.atom': { type: 'application/atom+xml; charset=utf-8', render: buildAtomFeed },
};

const FEED = { summary: 'Atom feed of every published notice', schema: Type.String({ description: 'an Atom 1.0 document' }) };
const Query = Type.Object({ lang: Type.Optional(Type.String({ description: 'en or zh-CN; otherwise Accept-Language, then the plan language' })) });

function describe(url: string, type: string): { tags: string[]; summary: string; querystring: typeof Query; response: Record<number, TSchema | object> } {
  const doc = url in STATUS_DOCUMENTS ? STATUS_DOCUMENTS[url as keyof typeof STATUS_DOCUMENTS] : FEED;
  const mediaType = type.split(';')[0] ?? type;
  return {
    tags: ['status'],
    summary: doc.summary,
    querystring: Query,
    response: {
      200: { description: doc.summary, content: { [mediaType]: { schema: doc.schema } } },
      304: Type.Null({ description: 'unchanged since the ETag sent in If-None-Match' }),
      ...errors(...ALWAYS, ...READER),
    },
  };
}

const PREFLIGHT = { tags: ['status'], summary: 'CORS preflight', response: { 204: Type.Null({ description: 'what a browser script may send' }) } };

export const statusRoutes: FastifyPluginAsyncTypebox<StatusRoutesOptions> = async (app, opts) => {
  app.setSerializerCompiler(serializeAsIs);
  const cache = renderedCache(opts.source, opts.version);
  if (opts.front) opts.front.use(statusFastPath({ documents: DOCUMENTS, ready: cache.ready, securityHeaders: opts.front.securityHeaders, now: opts.front.now }));

  const hooks = opts.preHandler ? { preHandler: opts.preHandler } : {};

  for (const [url, doc] of Object.entries(DOCUMENTS)) {
    const send = (request: FastifyRequest<{ Querystring: Static<typeof Query> }>, reply: FastifyReply, snapshot: Snapshot): void => {
      const language = pickLanguage(request.query.lang, request.headers['accept-language'], snapshot.input.language);
      const { body, etag } = snapshot.render(url, language, doc.render);
      sendStatusDocument(request, reply, { body, etag, type: doc.type, language });
    };
    // Not async, and nothing returned once sent (Fastify would try to send a returned reply
    // again): once the input of this version is in hand, as for nearly every request of a
    // crowd, the answer goes out without a promise.
    app.get(url, { ...hooks, config: { html: false }, schema: describe(url, doc.type) }, (request, reply) => {
      const snapshot = cache.snapshot();
      if (snapshot instanceof Promise) return snapshot.then((s) => send(request, reply, s));
      send(request, reply, snapshot);
      return undefined;
    });

    // A script that sets If-None-Match itself makes the browser ask first.
    app.options(url, { schema: PREFLIGHT }, async (_request, reply) =>
      reply
        .code(204)
        .header('Access-Control-Allow-Origin', '*')
        .header('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS')
        .header('Access-Control-Allow-Headers', 'If-None-Match, Accept-Language')
        .header('Access-Control-Max-Age', '86400')
        .send(null),
    );
  }
};
