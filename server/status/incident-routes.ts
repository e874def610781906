/**
 * Where every incident link we publish leads: /incidents/:id (a page for people) and
 * /api/v2/incidents/:id.json (the Statuspage incident for programs), under the same reader
 * rules, caching and language choice as the other status documents.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { domainError } from '../errors/codes.js';
import { errorBody } from '../http/http-error.js';
import { ALWAYS, errors, READER } from '../http/schemas/error-body.js';
import { SpIncidentDocument } from './statuspage-schemas.js';
import type { Language } from '../core/plan/types.js';
import type { PreHandler } from '../ingest/pre-handler.js';
import { strongEtag } from './etag.js';
import { sendStatusDocument } from './send-document.js';
import { renderIncidentPage } from './incident-page.js';
import { buildIncident } from './incidents.js';
import type { SpIncident, SpPage } from './statuspage-schemas.js';
import { pickLanguage } from './language.js';
import { buildPage } from './components.js';
import type { StatusInput } from './status-input.js';

export interface IncidentRoutesOptions {
  /** the status input holding just this incident, or null when there is none */
  incident: (id: string) => Promise<StatusInput | null>;
  preHandler?: PreHandler;
}

const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const Query = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 35, description: 'en or zh-CN; otherwise Accept-Language, then the plan language' })) });
const Unchanged = Type.Null({ description: 'unchanged since the ETag sent in If-None-Match' });
const tags = ['status'];

interface Found {
  page: SpPage;
  incident: SpIncident;
  timeZone: string;
  language: Language;
}

export const incidentRoutes: FastifyPluginAsyncTypebox<IncidentRoutesOptions> = async (app, opts) => {
  const hooks = opts.preHandler ? { preHandler: opts.preHandler } : {};

  async function find(id: string, request: FastifyRequest<{ Querystring: { lang?: string } }>): Promise<Found | null> {
    const input = await opts.incident(id);
    const incident = input?.incidents[0];
    if (!input || !incident) return null;
    const language = pickLanguage(request.query.lang, request.headers['accept-language'], input.language);
    return { page: buildPage(input.page), incident: buildIncident(input, incident, language), timeZone: input.page.timeZone, language };
  }

  function send(request: FastifyRequest, reply: FastifyReply, type: string, body: string, language: Language): FastifyReply {
    return sendStatusDocument(request, reply, { body, etag: strongEtag(body), type, language });
  }

  const notFound = (id: string) => errorBody(domainError('incident.not-found', { id }, 'id'));

  app.get('/api/v2/incidents/:id.json', {
    ...hooks,
    schema: {
      tags, summary: 'Statuspage v2 incident: one incident with all its updates', params: Params, querystring: Query,
      response: { 200: SpIncidentDocument, 304: Unchanged, ...errors(...ALWAYS, ...READER, 404) },
    },
  }, async (request, reply) => {
    const found = await find(request.params.id, request);
    if (!found) return reply.code(404).send(notFound(request.params.id));
    return send(request, reply, 'application/json; charset=utf-8', JSON.stringify({ page: found.page, incident: found.incident }), found.language);
  });

  app.get('/incidents/:id', {
    ...hooks,
    schema: {
      tags, summary: 'An incident as a page for people', params: Params, querystring: Query,
      response: { 200: { description: 'the incident page', content: { 'text/html': { schema: Type.String() } } }, 304: Unchanged, ...errors(...ALWAYS, ...READER, 404) },
    },
  }, async (request, reply) => {
    const found = await find(request.params.id, request);
    if (!found) return reply.code(404).send(notFound(request.params.id));
    return send(request, reply, 'text/html; charset=utf-8', renderIncidentPage(found.incident, found.timeZone, found.language), found.language);
  });
};
