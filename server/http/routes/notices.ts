/**
 * Operators speak to users by hand too: post a notice, correct one, acknowledge an incident.
 * A posted notice reaches the same places as the engine's: store, live push, webhooks, feed.
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import { auditActor } from '../../auth/require-role.js';
import type { DrillService } from '../../drills/drill-service.js';
import type { Notice } from '../../core/engine/types.js';
import { INCIDENT_STAGES } from '../../core/plan/types.js';
import type { Store } from '../../store/store.js';

const Text = Type.Object({ title: Type.String({ minLength: 1, maxLength: 200 }), body: Type.String({ minLength: 1, maxLength: 5000 }) }, { additionalProperties: false });
const NoticeTexts = Type.Object({ en: Text, 'zh-CN': Text }, { additionalProperties: false });
const PostNotice = Type.Object({
  service: Type.String({ minLength: 1 }),
  stage: Type.Union(INCIDENT_STAGES.map((s) => Type.Literal(s))),
  text: NoticeTexts,
  incidentId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  expectedRecoveryAt: Type.Optional(Type.String({ format: 'date-time' })),
  nextUpdateAt: Type.Optional(Type.String({ format: 'date-time' })),
}, { additionalProperties: false });
const EditNotice = Type.Object({ text: NoticeTexts }, { additionalProperties: false });
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 160 }) });

export async function noticeRoutes(app: FastifyInstance, opts: { drills: DrillService; store: Store }): Promise<void> {
  const { drills, store } = opts;

  app.post('/api/v1/notices', { schema: { body: PostNotice }, preHandler: app.requireRole('operator') }, async (req, reply) => {
    const body = req.body as Static<typeof PostNotice>;
    const svc = drills.plan.services[body.service];
    if (!svc) {
      return reply.code(400).send({ error: { code: 'notice.service', message: `unknown service "${body.service}"; known: ${Object.keys(drills.plan.services).join(', ')}`, field: 'service' } });
    }
    const latest = drills.running()?.latestTick(body.service) ?? null;
    const notice: Notice = {
      id: `manual-${randomUUID()}`,
      incidentId: body.incidentId ?? `manual-${randomUUID()}`,
      t: latest?.t ?? new Date().toISOString(),
      service: body.service,
      level: latest?.level ?? 'normal',
      stage: body.stage,
      cause: svc.notices.cause,
      multiple: latest && latest.baselineRps > 0 ? latest.demandRps / latest.baselineRps : 1,
      expectedDelayMs: latest ? Math.max(latest.latencyMs - svc.capacity.baseLatencyMs, 0) : 0,
      expectedRecoveryAt: body.expectedRecoveryAt ?? latest?.expectedRecoveryAt ?? null,
      nextUpdateAt: body.nextUpdateAt ?? null,
      text: body.text,
    };
    await drills.publishManualNotice(notice, auditActor(req));
    return reply.code(201).send(notice);
  });

  app.patch('/api/v1/notices/:id', { schema: { params: IdParams, body: EditNotice }, preHandler: app.requireRole('operator') }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const stored = await store.notices.get(id);
    if (!stored) return reply.code(404).send({ error: { code: 'notice.not-found', message: `no notice ${id}` } });
    const actor = auditActor(req);
    const edited: Notice = { ...stored.notice, text: (req.body as Static<typeof EditNotice>).text };
    await store.transaction(async (s) => {
      await s.notices.edit(edited, { author: actor ? `token ${actor.tokenId}` : 'the server', editedAt: new Date().toISOString() });
      await s.audit.append({ at: new Date().toISOString(), actor, action: 'notice.edit', target: id });
    });
    return edited;
  });

  app.post('/api/v1/incidents/:id/acknowledge', { schema: { params: IdParams }, preHandler: app.requireRole('operator') }, async (req, reply) => {
    const { id } = req.params as { id: string };
    if (!(await store.incidents.get(id))) return reply.code(404).send({ error: { code: 'incident.not-found', message: `no incident ${id}` } });
    const actor = auditActor(req);
    const ack = await store.transaction(async (s) => {
      const a = await s.incidents.acknowledge({ incidentId: id, by: actor ? `token ${actor.tokenId}` : 'the server', at: new Date().toISOString() });
      await s.audit.append({ at: a.at, actor, action: 'incident.acknowledge', target: id });
      return a;
    });
    return reply.code(201).send(ack);
  });
}
