import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { auditActor } from '../../auth/require-role.js';
import type { DrillService } from '../../drills/drill-service.js';
import { ScaleAnswer } from '../../drills/scale-answer.js';
import { ScaleBody, StartDrillBody } from '../../drills/start-drill-body.js';
import { domainError } from '../../errors/codes.js';
import { sendError } from '../http-error.js';
import { reportJson, reportHtml } from '../../drills/drill-report.js';
import { ALWAYS, errors, READER, ROLE, FORWARDED } from '../schemas/error-body.js';
import { DrillDto, DrillStatus, EngineEvent, ReplayResult } from '../schemas/drill-schemas.js';
import { NoticeSchema } from './notice-schemas.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const ListQuery = Type.Object({
  status: Type.Optional(DrillStatus),
});
const EventsQuery = Type.Object({
  type: Type.Optional(Type.String({ maxLength: 64 })),
  service: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});
const tags = ['drills'];

export const drillRoutes: FastifyPluginAsyncTypebox<{ drills: DrillService }> = async (app, opts) => {
  const { drills } = opts;

  app.post('/api/v1/drills', {
    schema: { tags, summary: 'Start a drill', body: StartDrillBody, response: { 201: DrillDto, ...errors(...ALWAYS, ...ROLE, 409, ...FORWARDED) } },
    preHandler: app.requireRole('operator'),
  }, async (req, reply) => {
    const result = await drills.start(req.body, auditActor(req));
    if (!result.ok) return sendError(reply, result.errors[0]!);
    return reply.code(201).header('location', `/api/v1/drills/${result.value.id}`).send(result.value);
  });

  app.get('/api/v1/drills', {
    schema: { tags, summary: 'List drills', querystring: ListQuery, response: { 200: Type.Object({ drills: Type.Array(DrillDto) }), ...errors(...ALWAYS, ...READER) } },
    preHandler: app.requireReader,
  }, async (req) => ({ drills: await drills.list(req.query.status) }));

  app.get('/api/v1/drills/:id', {
    schema: { tags, summary: 'One drill', params: IdParams, response: { 200: DrillDto, ...errors(...ALWAYS, ...READER, 404) } },
    preHandler: app.requireReader,
  }, async (req, reply) => {
    const drill = await drills.get(req.params.id);
    if (!drill) return sendError(reply, domainError('drill.not-found', { id: req.params.id }));
    return drill;
  });

  app.post('/api/v1/drills/:id/stop', {
    schema: { tags, summary: 'Stop the running drill', params: IdParams, response: { 200: DrillDto, ...errors(...ALWAYS, ...ROLE, 404, 409, ...FORWARDED) } },
    preHandler: app.requireRole('operator'),
  }, async (req, reply) => {
    const result = await drills.stop(req.params.id, auditActor(req));
    if (!result.ok) return sendError(reply, result.errors[0]!);
    return result.value;
  });

  app.post('/api/v1/drills/:id/scale', {
    schema: { tags, summary: 'Ask for a number of servers', params: IdParams, body: ScaleBody, response: { 202: ScaleAnswer, ...errors(...ALWAYS, ...ROLE, 409, ...FORWARDED) } },
    preHandler: app.requireRole('operator'),
  }, async (req, reply) => {
    const result = await drills.scale(req.params.id, req.body, auditActor(req));
    if (!result.ok) return sendError(reply, result.errors[0]!);
    return reply.code(202).send(result.value);
  });

  app.get('/api/v1/drills/:id/events', {
    schema: { tags, summary: "A drill's engine events", params: IdParams, querystring: EventsQuery, response: { 200: Type.Object({ events: Type.Array(EngineEvent) }), ...errors(...ALWAYS, ...READER) } },
    preHandler: app.requireReader,
  }, async (req) => {
    await drills.flush();
    return { events: await drills.events(req.params.id, req.query) };
  });

  app.get('/api/v1/drills/:id/notices', {
    schema: { tags, summary: "A drill's notices", params: IdParams, response: { 200: Type.Object({ notices: Type.Array(NoticeSchema) }), ...errors(...ALWAYS, ...READER) } },
    preHandler: app.requireReader,
  }, async (req) => {
    await drills.flush();
    return { notices: await drills.notices(req.params.id) };
  });

  app.get('/api/v1/drills/:id/report.json', {
    schema: { tags, summary: "A drill's report, as the offline replay writes it", params: IdParams, response: { 200: ReplayResult, ...errors(...ALWAYS, ...READER, 404, 410) } },
    preHandler: app.requireReader,
  }, async (req, reply) => {
    const report = await reportJson(drills, req.params.id);
    if (!report.ok) return sendError(reply, report.errors[0]!);
    return report.value;
  });

  app.get('/api/v1/drills/:id/report.html', {
    schema: {
      tags, summary: "A drill's report as a self-contained page", params: IdParams,
      response: { 200: { description: 'the report page', content: { 'text/html': { schema: Type.String() } } }, ...errors(...ALWAYS, ...READER, 404, 410) },
    },
    preHandler: app.requireReader,
  }, async (req, reply) => {
    const html = await reportHtml(drills, req.params.id);
    if (!html.ok) return sendError(reply, html.errors[0]!);
    return reply.type('text/html; charset=utf-8').send(html.value);
  });
};
