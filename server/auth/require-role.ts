/**
 * Route guards for Fastify: `preHandler: app.requireRole('operator')` on a mutating route,
 * `preHandler: app.requireReader` on public reads. One check, used by every route, instead
 * of an auth test repeated in each handler.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Store } from '../store/store.js';
import { rolesAllowed, roleSatisfies, type TokenRole } from './roles.js';
import { verifyToken, type TokenIdentity } from './tokens.js';

export interface AuthOptions {
  store: Store;
  /** when false, reads (status API, feed, dashboard) need a valid token of any role */
  publicRead: boolean;
  now?: () => number;
}

export interface Auth {
  requireRole(role: TokenRole): preHandlerAsyncHookHandler;
  requireReader: preHandlerAsyncHookHandler;
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

/** the token of an "Authorization: Bearer" header, or null */
export function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

function deny(reply: FastifyReply, status: 401 | 403, bearerError: string | null, code: string, message: string) {
  const challenge = bearerError ? `Bearer realm="flashcrowd", error="${bearerError}"` : 'Bearer realm="flashcrowd"';
  return reply.code(status).header('www-authenticate', challenge).send({ error: { code, message } });
}

function describeRoles(need: TokenRole | null): string {
  return need ? `a token of role ${rolesAllowed(need).join(' or ')}` : 'a valid token (any role)';
}

export function createAuth(options: AuthOptions): Auth {
  const now = options.now ?? Date.now;

  function guard(need: TokenRole | null): preHandlerAsyncHookHandler {
    return async function checkToken(request, reply) {
      const token = bearerToken(request);
      if (token === null) {
        const create = need ? `; an admin can create one with "flashcrowd token create --role ${need}"` : '';
        return deny(reply, 401, null, 'auth.missing-token', `This request needs ${describeRoles(need)}. Send the header "Authorization: Bearer <token>"${create}.`);
      }
      const identity = await verifyToken(options.store, token, now());
      if (!identity) {
        return deny(reply, 401, 'invalid_token', 'auth.invalid-token', 'The bearer token is not known here (mistyped, revoked or from another server). Check it, or ask an admin for a new one.');
      }
      if (need && !roleSatisfies(identity.role, need)) {
        return deny(reply, 403, 'insufficient_scope', 'auth.forbidden', `This request needs ${describeRoles(need)}; your token "${identity.name}" has role ${identity.role}. Use a token with one of those roles.`);
      }
      identities.set(request, identity);
    };
  }

  const byRole = { ingest: guard('ingest'), operator: guard('operator'), admin: guard('admin') };
  const anyToken = guard(null);
  return {
    requireRole: (role) => byRole[role],
    requireReader: options.publicRead ? async () => undefined : anyToken,
  };
}

/** create the guards and make them available as `app.requireRole(role)` and `app.requireReader` */
export function registerAuth(app: FastifyInstance, options: AuthOptions): Auth {
  const auth = createAuth(options);
  app.decorate('requireRole', auth.requireRole);
  app.decorate('requireReader', auth.requireReader);
  return auth;
}
