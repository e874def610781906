/**
 * A request body described in the API document but checked by the route itself (so its
 * errors come in the route's own order and words), not by Fastify's validator.
 */
import type { SwaggerTransform } from '@fastify/swagger';

export function documentedBody(body: object, consumes: string[] = ['application/json']): { swaggerTransform: SwaggerTransform } {
  return { swaggerTransform: ({ schema, url }) => ({ schema: { ...schema, body, consumes } as typeof schema, url }) };
}
