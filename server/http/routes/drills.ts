import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { auditActor } from '../../auth/require-role.js';
import type { DrillService } from '../../drills/drill-service.js';
import { ScaleAnswer } from '../../drills/scale-answer.js';
import { ScaleBody, StartDrillBody } from '../../drills/start-drill-body.js';
import { ErrorBody } from '../error-body-schema.js';
import { errorBody } from '../http-error.js';
import { reportJson, reportHtml } from '../../drills/drill-report.js';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const ListQuery = Type.Object({
  status: Type.Optional(Type.Union(['running', 'stopped', 'finished', 'interrupted'].map((s) => Type.Literal(s)))),
});
const EventsQuery = Type.Object({
  type: Type.Optional(Type.String({ maxLength: 64 })),
  service: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});

export async function drillRoutes(plain: FastifyInstance, opts: { drills: DrillService }): Promise<void> {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const { drills } = opts;

  app.post('/api/v1/drills', { schema: { body: StartDrillBody }, preHandler: app.requireRole('operator') }, async (req, reply) => {
    const result = await drills.start(req.body, auditActor(req));
    if (!result.ok) return reply.code(result.error.status).send(errorBody(result.error));
    return reply.code(201).header('location', `/api/v1/drills/${result.value.id}`).send(result.value);
  });

  app.get('/api/v1/drills', { schema: { querystring: ListQuery }, preHandler: app.requireReader }, async (req) => {
    return { drills: await drills.list(req.query.status) };
  });

  app.get('/api/v1/drills/:id', { schema: { params: IdParams }, preHandler: app.requireReader }, async (req, reply) => {
    const { id } = req.params;
    const drill = await drills.get(id);
    if (!drill) return reply.code(404).send({ error: { code: 'drill.not-found', message: `no drill ${id}` } });
    return drill;
  });

  app.post('/api/v1/drills/:id/stop', { schema: { params: IdParams }, preHandler: app.requireRole('operator') }, async (req, reply) => {
    const result = await drills.stop(req.params.id, auditActor(req));
    if (!result.ok) return reply.code(result.error.status).send(errorBody(result.error));
    return result.value;
  });

  app.post('/api/v1/drills/:id/scale', { schema: { params: IdParams, body: ScaleBody, response: { 202: ScaleAnswer, '4xx': ErrorBody, '5xx': ErrorBody } }, preHandler: app.requireRole('operator') }, async (req, reply) => {
    const result = await drills.scale(req.params.id, req.body, auditActor(req));
    if (!result.ok) return reply.code(result.error.status).send(errorBody(result.error));
    return reply.code(202).send(result.value);
  });

  app.get('/api/v1/drills/:id/events', { schema: { params: IdParams, querystring: EventsQuery }, preHandler: app.requireReader }, async (req) => {
    await drills.flush();
    return { events: await drills.events(req.params.id, req.query) };
  });

  app.get('/api/v1/drills/:id/notices', { schema: { params: IdParams }, preHandler: app.requireReader }, async (req) => {
    await drills.flush();
    return { notices: await drills.notices(req.params.id) };
  });

  app.get('/api/v1/drills/:id/report.json', { schema: { params: IdParams }, preHandler: app.requireReader }, async (req, reply) => {
    const report = await reportJson(drills, req.params.id);
    if (!report.ok) return reply.code(report.error.status).send(errorBody(report.error));
    return report.value;
  });

  app.get('/api/v1/drills/:id/report.html', { schema: { params: IdParams }, preHandler: app.requireReader }, async (req, reply) => {
    const html = await reportHtml(drills, req.params.id);
    if (!html.ok) return reply.code(html.error.status).send(errorBody(html.error));
    return reply.type('text/html; charset=utf-8').send(html.value);
  });
}
