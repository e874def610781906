import type { FastifyReply, FastifyRequest } from 'fastify';

/** A hook the app runs before a route's handler, e.g. its bearer-token check for a role. */
export type PreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
