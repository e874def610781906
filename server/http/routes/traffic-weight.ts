/**
 * X-Flashcrowd-Weight: how many users' requests one request to the traffic target stands
 * for. A weight multiplies demand, so only a request that proves it may ingest (a valid
 * token of role ingest or higher) may set it; from anyone else the header is ignored and the
 * request counts once, at the drill's own scale. Otherwise one anonymous request could open
 * a public incident by itself.
 */
import type { FastifyRequest } from 'fastify';
import { bearerToken } from '../../auth/require-role.js';
import { roleSatisfies } from '../../auth/roles.js';
import { verifyToken } from '../../auth/tokens.js';
import type { Store } from '../../store/store.js';

export const WEIGHT_HEADER = 'x-flashcrowd-weight';
export const MIN_WEIGHT = 1;
export const MAX_WEIGHT = 1_000_000;

/** undefined: the drill's scale applies; null: a weight the sender may set but out of range. */
export type Weight = number | undefined | null;

function parseWeight(raw: string | string[] | undefined): number | null {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isFinite(n) && n >= MIN_WEIGHT && n <= MAX_WEIGHT ? n : null;
}

async function mayWeigh(store: Store, request: FastifyRequest, now: number): Promise<boolean> {
  const token = bearerToken(request.headers.authorization);
  if (token === null) return false;
  const identity = await verifyToken(store, token, now);
  return identity !== null && roleSatisfies(identity.role, 'ingest');
}

/** Synchronous without the header, as for nearly every request of a load generator. */
export function requestWeight(store: Store, request: FastifyRequest, now: number): Weight | Promise<Weight> {
  const raw = request.headers[WEIGHT_HEADER];
  if (raw === undefined) return undefined;
  return mayWeigh(store, request, now).then((may) => (may ? parseWeight(raw) : undefined));
}
