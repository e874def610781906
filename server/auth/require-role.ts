/**
 * Route guards for Fastify: `preHandler: app.requireRole('operator')` on a mutating route,
 * `preHandler: app.requireReader` on reads. One check, used by every route, instead of an
 * auth test repeated in each handler; the decision itself is `authorize`, which the live
 * feed's handshake calls too.
 *
 * A guard given as a preHandler is moved to the route's onRequest hooks when the route is
 * added: it then runs before the body is read and before any schema check, so an anonymous
 * caller gets 401 and learns nothing about the body a route expects.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import type { DomainError } from '../errors/codes.js';
import { sendError } from '../http/http-error.js';
import { createAuthorizer, type Authorize, type AuthorizerOptions, type Need } from './authorize.js';
import type { TokenRole } from './roles.js';
import type { TokenIdentity } from './tokens.js';

export type AuthOptions = AuthorizerOptions;

export interface Auth {
  requireRole(role: TokenRole): preHandlerAsyncHookHandler;
  requireReader: preHandlerAsyncHookHandler;
  authorize: Authorize;
}

/** who did it, for the audit log */
export interface AuditActor {
  tokenId: string;
  role: TokenRole;
}

declare module 'fastify' {
  interface FastifyInstance {
    requireRole(role: TokenRole): preHandlerAsyncHookHandler;
    requireReader: preHandlerAsyncHookHandler;
  }
}

const identities = new WeakMap<FastifyRequest, TokenIdentity>();
const guards = new WeakSet<object>();
/** guards that always let a request through (reads while publicRead is on): not installed at all */
const openGuards = new WeakSet<object>();

/** the identity a guard established for this request, or null on an unguarded or public route */
export function requestIdentity(request: FastifyRequest): TokenIdentity | null {
  return identities.get(request) ?? null;
}

export function auditActor(request: FastifyRequest): AuditActor | null {
  const identity = identities.get(request);
  return identity ? { tokenId: identity.tokenId, role: identity.role } : null;
}

/** rate-limit key: the token when one was verified, else the client address */
export function rateLimitKey(request: FastifyRequest): string {
  const identity = identities.get(request);
  return identity ? `token:${identity.tokenId}` : `ip:${request.ip}`;
}

/** the token of an `Authorization: Bearer <token>` header, any case of the scheme */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

/** RFC 6750 error for the WWW-Authenticate challenge, by denial */
const BEARER_ERROR: Partial<Record<DomainError['code'], string>> = { 'auth.invalid-token': 'invalid_token', 'auth.forbidden': 'insufficient_scope' };

function deny(reply: FastifyReply, error: DomainError) {
  const bearerError = BEARER_ERROR[error.code];
  if (error.code !== 'auth.throttled') reply.header('www-authenticate', bearerError ? `Bearer realm="flashcrowd", error="${bearerError}"` : 'Bearer realm="flashcrowd"');
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  return sendError(reply, error);
}

const asList = <T>(hook: T | T[] | undefined): T[] => (hook === undefined ? [] : Array.isArray(hook) ? hook : [hook]);

export function createAuth(options: AuthOptions): Auth {
  const authorize = createAuthorizer(options);
  function guard(need: Need): preHandlerAsyncHookHandler {
    const check: preHandlerAsyncHookHandler = async function checkToken(request, reply) {
      const decision = await authorize(need, bearerToken(request.headers.authorization), request.ip);
      if (!decision.ok) return deny(reply, decision.errors[0]!);
      if (decision.value) identities.set(request, decision.value);
    };
    guards.add(check);
    if (need === 'reader' && options.publicRead) openGuards.add(check);
    return check;
  }
  const byRole = { ingest: guard('ingest'), operator: guard('operator'), admin: guard('admin') };
  return { requireRole: (role) => byRole[role], requireReader: guard('reader'), authorize };
}

/** create the guards, make them available as `app.requireRole(role)` and `app.requireReader`, and run them first */
export function registerAuth(app: FastifyInstance, options: AuthOptions): Auth {
  const auth = createAuth(options);
  app.decorate('requireRole', auth.requireRole);
  app.decorate('requireReader', auth.requireReader);
  app.addHook('onRoute', (route) => {
    const pre = asList(route.preHandler);
    if (!pre.some((h) => guards.has(h))) return;
    route.preHandler = pre.filter((h) => !guards.has(h));
    // a guard is an async (request, reply) hook, valid at any stage; it goes first among the
    // route's own onRequest hooks, so a route that checks the media type answers only after it.
    // An open guard would only cost a hook and a promise per request: public reads are the
    // crowd's path, so the route gets none.
    const lifted = pre.filter((h) => guards.has(h) && !openGuards.has(h)) as unknown as onRequestHookHandler[];
    if (lifted.length > 0) route.onRequest = [...lifted, ...asList(route.onRequest)];
  });
  return auth;
}
