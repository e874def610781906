/**
 * `GET /api/v1/whoami`: the cheapest authenticated read, so the dashboard can check a token
 * when it is entered instead of at the first button that needs it.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requestIdentity } from '../../auth/require-role.js';
import { TOKEN_ROLES } from '../../auth/roles.js';
import { ALWAYS, errors, ROLE } from '../schemas/error-body.js';

const WhoAmI = Type.Object({
  name: Type.String(),
  role: Type.Union(TOKEN_ROLES.map((r) => Type.Literal(r))),
});

export async function whoamiRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/v1/whoami', { schema: { tags: ['auth'], summary: 'Name the token sent', response: { 200: WhoAmI, ...errors(...ALWAYS, ...ROLE) } }, preHandler: app.requireRole('operator') }, async (req, reply) => {
    const identity = requestIdentity(req);
    // the guard above sets it; an empty answer would still be a refusal, never a 5xx
    if (identity === null) return reply.code(401).send({ error: { code: 'auth.missing-token', message: 'This request needs a token of role operator or admin.' } });
    return { name: identity.name, role: identity.role };
  });
}
