/**
 * Operators speak to users by hand too: post a notice, correct one, acknowledge an incident.
 * A posted or corrected notice reaches the same places as the engine's: store, live push,
 * webhooks, status documents and feed.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { randomUUID } from 'node:crypto';
import { auditActor } from '../../auth/require-role.js';
import type { DrillService } from '../../drills/drill-service.js';
import { planService } from '../../drills/plan-service.js';
import type { Notice } from '../../core/engine/types.js';
import type { Store } from '../../store/store.js';
import { errorBody } from '../http-error.js';
import { Acknowledgement, EditNotice, ErrorBody, IdParams, NoticeSchema, PostNotice } from './notice-schemas.js';

export async function noticeRoutes(plain: FastifyInstance, opts: { drills: DrillService; store: Store }): Promise<void> {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const { drills, store } = opts;

  app.post('/api/v1/notices', {
    schema: { body: PostNotice, response: { 201: NoticeSchema, 400: ErrorBody } },
    preHandler: app.requireRole('operator'),
  }, async (req, reply) => {
    const body = req.body;
    const svc = planService(drills.plan, body.service);
    if (!svc) {
      return reply.code(400).send({ error: { code: 'notice.service', message: `unknown service "${body.service}"; known: ${Object.keys(drills.plan.services).join(', ')}`, field: 'service' } });
    }
    // only a running drill's engine state speaks for the moment; between drills an operator's
    // notice carries what the operator wrote and nothing else
    const runner = drills.running();
    const latest = runner && runner.spec.kind === 'drill' ? runner.latestTick(body.service) : null;
    const notice: Notice = {
      id: `manual-${randomUUID()}`,
      incidentId: body.incidentId ?? `manual-${randomUUID()}`,
      t: latest?.t ?? new Date(app.clock.now()).toISOString(),
      service: body.service,
      level: latest?.level ?? 'normal',
      stage: body.stage,
      cause: body.cause ?? { en: '', 'zh-CN': '' },
      multiple: latest && latest.baselineRps > 0 ? latest.demandRps / latest.baselineRps : 1,
      expectedDelayMs: body.expectedDelayMs ?? (latest ? Math.max(latest.latencyMs - svc.capacity.baseLatencyMs, 0) : 0),
      expectedRecoveryAt: body.expectedRecoveryAt ?? latest?.expectedRecoveryAt ?? null,
      nextUpdateAt: body.nextUpdateAt ?? null,
      text: body.text,
    };
    await drills.publishManualNotice(notice, auditActor(req));
    return reply.code(201).send(notice);
  });

  app.patch('/api/v1/notices/:id', {
    schema: { params: IdParams, body: EditNotice, response: { 200: NoticeSchema, 404: ErrorBody } },
    preHandler: app.requireRole('operator'),
  }, async (req, reply) => {
    const result = await drills.correctNotice(req.params.id, req.body.text, auditActor(req));
    if (!result.ok) return reply.code(404).send(errorBody(result.error));
    return result.value;
  });

  app.post('/api/v1/incidents/:id/acknowledge', {
    schema: { params: IdParams, response: { 201: Acknowledgement, 404: ErrorBody } },
    preHandler: app.requireRole('operator'),
  }, async (req, reply) => {
    const { id } = req.params;
    if (!(await store.incidents.get(id))) return reply.code(404).send({ error: { code: 'incident.not-found', message: `no incident ${id}`, field: 'id' } });
    const actor = auditActor(req);
    const ack = await store.transaction(async (s) => {
      const a = await s.incidents.acknowledge({ incidentId: id, by: actor ? `token ${actor.tokenId}` : 'the server', at: new Date(app.clock.now()).toISOString() });
      await s.audit.append({ at: a.at, actor, action: 'incident.acknowledge', target: id });
      return a;
    });
    return reply.code(201).send(ack);
  });
}
