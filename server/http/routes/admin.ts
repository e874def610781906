/**
 * What only an admin may change: webhook subscribers and API tokens; and the audit log that
 * records every change with who made it. Secrets and tokens are shown once, on creation.
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import { auditActor } from '../../auth/require-role.js';
import { createToken } from '../../auth/tokens.js';
import type { Store } from '../../store/store.js';
import { generateWebhookSecret } from '../../webhooks/sign.js';
import { WEBHOOK_EVENT_TYPES } from '../../webhooks/payloads.js';

const Subscribe = Type.Object({
  url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }),
  eventTypes: Type.Array(Type.Union(WEBHOOK_EVENT_TYPES.map((e) => Type.Literal(e))), { minItems: 1, uniqueItems: true }),
  secret: Type.Optional(Type.String({ pattern: '^whsec_[A-Za-z0-9+/=]{24,}$', description: 'your own Standard Webhooks secret; one is generated when omitted' })),
}, { additionalProperties: false });
const NewToken = Type.Object({
  role: Type.Union([Type.Literal('ingest'), Type.Literal('operator'), Type.Literal('admin')]),
  name: Type.String({ minLength: 1, maxLength: 100 }),
}, { additionalProperties: false });
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });
const AuditQuery = Type.Object({ beforeId: Type.Optional(Type.Integer({ minimum: 1 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) });

export async function adminRoutes(app: FastifyInstance, opts: { store: Store }): Promise<void> {
  const { store } = opts;
  const admin = { preHandler: app.requireRole('admin') };
  const now = (): string => new Date().toISOString();

  app.post('/api/v1/webhooks', { ...admin, schema: { body: Subscribe } }, async (req, reply) => {
    const body = req.body as Static<typeof Subscribe>;
    const sub = { id: `wh_${randomUUID()}`, url: body.url, eventTypes: body.eventTypes, secret: body.secret ?? generateWebhookSecret(), createdAt: now() };
    await store.transaction(async (s) => {
      await s.webhooks.subscribe(sub);
      await s.audit.append({ at: sub.createdAt, actor: auditActor(req), action: 'webhook.subscribe', target: sub.id, detail: { url: sub.url, eventTypes: sub.eventTypes } });
    });
    return reply.code(201).send(sub);
  });

  app.get('/api/v1/webhooks', admin, async () => ({
    webhooks: (await store.webhooks.listSubscriptions()).map(({ secret: _secret, ...rest }) => rest),
  }));

  app.delete('/api/v1/webhooks/:id', { ...admin, schema: { params: IdParams } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const removed = await store.transaction(async (s) => {
      const ok = await s.webhooks.unsubscribe(id);
      if (ok) await s.audit.append({ at: now(), actor: auditActor(req), action: 'webhook.unsubscribe', target: id });
      return ok;
    });
    if (!removed) return reply.code(404).send({ error: { code: 'webhook.not-found', message: `no webhook subscription ${id}` } });
    return reply.code(204).send();
  });

  app.post('/api/v1/tokens', { ...admin, schema: { body: NewToken } }, async (req, reply) => {
    const body = req.body as Static<typeof NewToken>;
    const created = await store.transaction(async (s) => {
      const token = await createToken(s, body.role, body.name);
      await s.audit.append({ at: now(), actor: auditActor(req), action: 'token.create', target: token.tokenId, detail: { role: body.role, name: body.name } });
      return token;
    });
    return reply.code(201).send(created);
  });

  app.get('/api/v1/tokens', admin, async () => ({
    tokens: (await store.tokens.list()).map(({ hash: _hash, ...rest }) => rest),
  }));

  app.delete('/api/v1/tokens/:id', { ...admin, schema: { params: IdParams } }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const revoked = await store.transaction(async (s) => {
      const ok = await s.tokens.revoke(id);
      if (ok) await s.audit.append({ at: now(), actor: auditActor(req), action: 'token.revoke', target: id });
      return ok;
    });
    if (!revoked) return reply.code(404).send({ error: { code: 'token.not-found', message: `no token ${id}` } });
    return reply.code(204).send();
  });

  app.get('/api/v1/audit', { ...admin, schema: { querystring: AuditQuery } }, async (req) => ({
    entries: await store.audit.list(req.query as { beforeId?: number; limit?: number }),
  }));
}
