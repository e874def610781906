/**
 * What only an admin may change: webhook subscribers and API tokens; and the audit log that
 * records every change with who made it. Secrets and tokens are shown once, on creation.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import { auditActor } from '../../auth/require-role.js';
import { createToken } from '../../auth/tokens.js';
import type { Store } from '../../store/store.js';
import { generateWebhookSecret } from '../../webhooks/sign.js';
import { WEBHOOK_EVENT_TYPES } from '../../webhooks/payloads.js';
import { checkTargetUrl, MAX_URL_LENGTH } from '../../webhooks/targets/check-target-url.js';
import type { TargetPolicy } from '../../webhooks/targets/target-policy.js';
import { domainError } from '../../errors/codes.js';
import { sendError } from '../http-error.js';
import { ALWAYS, errors, ROLE } from '../schemas/error-body.js';

const ADMIN_ERRORS = [...ALWAYS, ...ROLE];
const EventTypes = Type.Array(Type.Union(WEBHOOK_EVENT_TYPES.map((e) => Type.Literal(e))), { minItems: 1, uniqueItems: true });
const Subscribe = Type.Object({
  // judged in full by checkTargetUrl, so a refusal can say why
  url: Type.String({ minLength: 1, maxLength: MAX_URL_LENGTH, description: 'http(s) URL of the receiver, at a public address unless the server allows private ones' }),
  eventTypes: EventTypes,
  secret: Type.Optional(Type.String({ pattern: '^whsec_[A-Za-z0-9+/=]{24,}$', description: 'your own Standard Webhooks secret; one is generated when omitted' })),
}, { additionalProperties: false });
const SubscriptionFields = { id: Type.String(), url: Type.String(), eventTypes: Type.Array(Type.String()), createdAt: Type.String() };
const Subscription = Type.Object({ ...SubscriptionFields, secret: Type.String() });
const Delivery = Type.Object({
  id: Type.String(),
  eventType: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('dead')]),
  attempts: Type.Integer(),
  createdAt: Type.String(),
  nextAttemptAt: Type.String(),
  deliveredAt: Type.Union([Type.String(), Type.Null()]),
  /** why the last attempt failed, e.g. "refused: 10.0.0.7 is a private network address ..." */
  lastError: Type.Union([Type.String(), Type.Null()]),
});
const DeliveriesQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('dead')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});
const Role = Type.Union([Type.Literal('ingest'), Type.Literal('operator'), Type.Literal('admin')]);
const NewToken = Type.Object({
  role: Role,
  name: Type.String({ minLength: 1, maxLength: 100 }),
}, { additionalProperties: false });
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });
const AuditQuery = Type.Object({ beforeId: Type.Optional(Type.Integer({ minimum: 1 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) });
const CreatedToken = Type.Object({ tokenId: Type.String(), role: Role, name: Type.String(), token: Type.String({ description: 'shown once; not recoverable afterwards' }) });
const TokenInfo = Type.Object({ id: Type.String(), role: Role, name: Type.String(), createdAt: Type.String(), lastUsedAt: Type.Union([Type.String(), Type.Null()]) });
const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actor: Type.Union([Type.Object({ tokenId: Type.String(), role: Role }), Type.Null()]),
  action: Type.String(),
  target: Type.String(),
  detail: Type.Optional(Type.Object({}, { additionalProperties: true })),
}, { additionalProperties: true });
const NoContent = Type.Null({ description: 'done' });
const tags = ['admin'];

export interface AdminRoutesOptions {
  store: Store;
  /** which receivers a subscription may name; deliveries are judged again when they connect */
  webhookTargets: TargetPolicy;
}

export const adminRoutes: FastifyPluginAsyncTypebox<AdminRoutesOptions> = async (app, opts) => {
  const { store, webhookTargets } = opts;
  const admin = { preHandler: app.requireRole('admin') };
  const now = (): string => new Date(app.clock.now()).toISOString();
  /** removes one thing and logs who did it in the same transaction; false when there was nothing to remove */
  const removeAudited = (req: FastifyRequest, action: string, id: string, remove: (s: Store) => Promise<boolean>): Promise<boolean> =>
    store.transaction(async (s) => {
      const removed = await remove(s);
      if (removed) await s.audit.append({ at: now(), actor: auditActor(req), action, target: id });
      return removed;
    });

  app.post('/api/v1/webhooks', { ...admin, schema: { tags, summary: 'Subscribe a webhook receiver', body: Subscribe, response: { 201: Subscription, ...errors(...ADMIN_ERRORS) } } }, async (req, reply) => {
    const target = checkTargetUrl(req.body.url, webhookTargets);
    if (!target.ok) {
      const [e] = target.errors;
      return sendError(reply, { code: e!.code, message: `body.url: ${e!.message}`, field: 'body.url' });
    }
    const sub = { id: `wh_${randomUUID()}`, url: target.value.href, eventTypes: req.body.eventTypes, secret: req.body.secret ?? generateWebhookSecret(), createdAt: now() };
    await store.transaction(async (s) => {
      await s.webhooks.subscribe(sub);
      await s.audit.append({ at: sub.createdAt, actor: auditActor(req), action: 'webhook.subscribe', target: sub.id, detail: { url: sub.url, eventTypes: sub.eventTypes } });
    });
    return reply.code(201).send(sub);
  });

  app.get('/api/v1/webhooks', { ...admin, schema: { tags, summary: 'List webhook subscriptions', response: { 200: Type.Object({ webhooks: Type.Array(Type.Object(SubscriptionFields)) }), ...errors(...ADMIN_ERRORS) } } }, async () => ({
    webhooks: (await store.webhooks.listSubscriptions()).map(({ secret: _secret, ...rest }) => rest),
  }));

  // where delivery attempts and their failures (a refused target among them) can be read
  app.get('/api/v1/webhooks/:id/deliveries', {
    ...admin,
    schema: { tags, summary: "A subscription's delivery attempts", params: IdParams, querystring: DeliveriesQuery, response: { 200: Type.Object({ deliveries: Type.Array(Delivery) }), ...errors(...ADMIN_ERRORS, 404) } },
  }, async (req, reply) => {
    if (!(await store.webhooks.getSubscription(req.params.id))) return sendError(reply, domainError('webhook.not-found', { id: req.params.id }));
    const messages = await store.webhooks.listMessages({ subscriptionId: req.params.id, ...req.query });
    return { deliveries: messages.map(({ subscriptionId: _s, payload: _p, ...rest }) => rest) };
  });

  app.delete('/api/v1/webhooks/:id', { ...admin, schema: { tags, summary: 'Unsubscribe a webhook receiver', params: IdParams, response: { 204: NoContent, ...errors(...ADMIN_ERRORS, 404) } } }, async (req, reply) => {
    const { id } = req.params;
    const removed = await removeAudited(req, 'webhook.unsubscribe', id, (s) => s.webhooks.unsubscribe(id));
    if (!removed) return sendError(reply, domainError('webhook.not-found', { id }));
    return reply.code(204).send(null);
  });

  app.post('/api/v1/tokens', { ...admin, schema: { tags, summary: 'Create an API token', body: NewToken, response: { 201: CreatedToken, ...errors(...ADMIN_ERRORS) } } }, async (req, reply) => {
    const { role, name } = req.body;
    const created = await store.transaction(async (s) => {
      const token = await createToken(s, role, name, app.clock.now());
      await s.audit.append({ at: now(), actor: auditActor(req), action: 'token.create', target: token.tokenId, detail: { role, name } });
      return token;
    });
    return reply.code(201).send(created);
  });

  app.get('/api/v1/tokens', { ...admin, schema: { tags, summary: 'List API tokens (never the tokens themselves)', response: { 200: Type.Object({ tokens: Type.Array(TokenInfo) }), ...errors(...ADMIN_ERRORS) } } }, async () => ({
    tokens: (await store.tokens.list()).map(({ hash: _hash, ...rest }) => rest),
  }));

  app.delete('/api/v1/tokens/:id', { ...admin, schema: { tags, summary: 'Revoke an API token', params: IdParams, response: { 204: NoContent, ...errors(...ADMIN_ERRORS, 404) } } }, async (req, reply) => {
    const { id } = req.params;
    const revoked = await removeAudited(req, 'token.revoke', id, (s) => s.tokens.revoke(id));
    if (!revoked) return sendError(reply, domainError('token.not-found', { id }));
    return reply.code(204).send(null);
  });

  app.get('/api/v1/audit', { ...admin, schema: { tags, summary: 'The audit log, newest first', querystring: AuditQuery, response: { 200: Type.Object({ entries: Type.Array(AuditEntry) }), ...errors(...ADMIN_ERRORS) } } }, async (req) => ({
    entries: await store.audit.list(req.query),
  }));
};
