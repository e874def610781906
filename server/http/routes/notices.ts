/**
 * Operators speak to users by hand too: post a notice, correct one, acknowledge an incident.
 * A posted or corrected notice reaches the same places as the engine's: store, live push,
 * webhooks, status documents and feed.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { randomUUID } from 'node:crypto';
import { auditActor } from '../../auth/require-role.js';
import type { DrillService } from '../../drills/drill-service.js';
import { planService } from '../../drills/plan-service.js';
import type { Notice } from '../../core/engine/types.js';
import type { Store } from '../../store/store.js';
import { domainError } from '../../errors/codes.js';
import { sendError } from '../http-error.js';
import { operatorNoticeId } from '../../status/operator-notice-id.js';
import { ALWAYS, errors, ROLE, FORWARDED } from '../schemas/error-body.js';
import { Acknowledgement, EditNotice, IdParams, NoticeSchema, PostNotice } from './notice-schemas.js';

const tags = ['notices'];

export const noticeRoutes: FastifyPluginAsyncTypebox<{ drills: DrillService; store: Store }> = async (app, opts) => {
  const { drills, store } = opts;

  app.post('/api/v1/notices', {
    schema: { tags, summary: 'Post a notice to users', body: PostNotice, response: { 201: NoticeSchema, ...errors(...ALWAYS, ...ROLE, ...FORWARDED) } },
    preHandler: app.requireRole('operator'),
  }, async (req, reply) => {
    const body = req.body;
    const svc = planService(drills.plan, body.service);
    if (!svc) {
      return sendError(reply, domainError('notice.service', { service: body.service, known: Object.keys(drills.plan.services) }, 'service'));
    }
    // only a running drill's engine state speaks for the moment; between drills an operator's
    // notice carries what the operator wrote and nothing else
    const runner = drills.running();
    const latest = runner && runner.spec.kind === 'drill' ? runner.latestTick(body.service) : null;
    const notice: Notice = {
      id: operatorNoticeId(app.clock.now()),
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
    const published = await drills.publishManualNotice(notice, auditActor(req));
    if (!published.ok) return sendError(reply, published.errors[0]!);
    return reply.code(201).send(published.value);
  });

  app.patch('/api/v1/notices/:id', {
    schema: { tags, summary: "Correct a published notice's text", params: IdParams, body: EditNotice, response: { 200: NoticeSchema, ...errors(...ALWAYS, ...ROLE, 404, ...FORWARDED) } },
    preHandler: app.requireRole('operator'),
  }, async (req, reply) => {
    const result = await drills.correctNotice(req.params.id, req.body.text, auditActor(req));
    if (!result.ok) return sendError(reply, result.errors[0]!);
    return result.value;
  });

  app.post('/api/v1/incidents/:id/acknowledge', {
    schema: { tags, summary: 'Acknowledge an incident', params: IdParams, response: { 201: Acknowledgement, ...errors(...ALWAYS, ...ROLE, 404) } },
    preHandler: app.requireRole('operator'),
  }, async (req, reply) => {
    const { id } = req.params;
    if (!(await store.incidents.get(id))) return sendError(reply, domainError('incident.not-found', { id }, 'id'));
    const actor = auditActor(req);
    const ack = await store.transaction(async (s) => {
      const a = await s.incidents.acknowledge({ incidentId: id, by: actor ? `token ${actor.tokenId}` : 'the server', at: new Date(app.clock.now()).toISOString() });
      await s.audit.append({ at: a.at, actor, action: 'incident.acknowledge', target: id });
      return a;
    });
    return reply.code(201).send(ack);
  });
};
