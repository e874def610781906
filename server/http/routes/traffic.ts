/**
 * The traffic target /t/:service/*: every request counts as demand for the service, and its
 * answer follows the simulated fleet, so a load generator feels the drill: refused with 429
 * and Retry-After while the plan throttles, 503 when the queue overflows, otherwise answered
 * after the simulated user delay (capped so a load generator's workers are not held forever).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { DrillService } from '../../drills/drill-service.js';
import { toWallSeconds } from '../../drills/drill-clock.js';
import { trafficVerdict } from '../../drills/traffic-verdict.js';
import type { Store } from '../../store/store.js';
import { MAX_WEIGHT, MIN_WEIGHT, requestWeight, WEIGHT_HEADER } from './traffic-weight.js';
import { domainError } from '../../errors/codes.js';
import { sendError } from '../http-error.js';
import { errors } from '../schemas/error-body.js';

export interface TrafficRouteOptions {
  drills: DrillService;
  /** where tokens are checked, for X-Flashcrowd-Weight */
  store: Store;
  now?: () => number;
  /** longest wall delay added to an answer, ms */
  maxDelayMs: number;
  /** uniform in [0, 1): which requests are refused is drawn by the latest tick's refused share */
  random?: () => number;
  /** counts each accepted request, for /metrics */
  onRequest?: (service: string) => void;
}

const schema = {
  tags: ['traffic'],
  summary: 'The traffic target: answers as the simulated fleet would',
  // not a header schema: a header the sender may not set is ignored, not refused
  description: `Any method, any path under the service. Header ${WEIGHT_HEADER}: users' requests this one stands for, ${MIN_WEIGHT} to ${MAX_WEIGHT}; honoured only with an ingest token or higher.`,
  params: Type.Object({ service: Type.String(), '*': Type.String() }),
  response: {
    200: Type.Object({ ok: Type.Literal(true), service: Type.String(), level: Type.String(), delayMs: Type.Number() }),
    ...errors(400, 404, 429, 500, 503),
  },
};

export const trafficRoutes: FastifyPluginAsyncTypebox<TrafficRouteOptions> = async (app, opts) => {
  const random = opts.random ?? Math.random;
  const now = opts.now ?? (() => app.clock.now());
  app.all('/t/:service/*', { logLevel: 'warn', config: { html: false }, schema }, async (req, reply) => {
    const { service } = req.params;
    // own properties only: a service named "constructor" or "__proto__" is unknown, not Object's
    const svc = Object.hasOwn(opts.drills.plan.services, service) ? opts.drills.plan.services[service] : undefined;
    if (!svc) {
      return sendError(reply, domainError('traffic.service', { service, known: Object.keys(opts.drills.plan.services) }));
    }
    const weighed = requestWeight(opts.store, req, now());
    const weight = weighed instanceof Promise ? await weighed : weighed;
    if (weight === null) {
      return sendError(reply, domainError('traffic.weight', { header: WEIGHT_HEADER, min: MIN_WEIGHT, max: MAX_WEIGHT }, WEIGHT_HEADER));
    }
    const runner = opts.drills.running();
    opts.drills.countRequest(service, weight);
    opts.onRequest?.(service);
    const tick = runner?.latestTick(service) ?? null;
    const verdict = trafficVerdict(tick, random());
    if (verdict.kind === 'throttled') {
      reply.header('retry-after', String(toWallSeconds(svc.throttle.retryAfterSeconds, runner?.clock.speed ?? 1)));
      return sendError(reply, domainError('traffic.throttled', { service: svc.displayName }));
    }
    if (verdict.kind === 'dropped') {
      return sendError(reply, domainError('traffic.overloaded', { service: svc.displayName }));
    }
    const delayMs = Math.min(verdict.delayMs, opts.maxDelayMs);
    if (delayMs >= 1) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return { ok: true as const, service, level: tick?.level ?? 'normal', delayMs: Math.round(delayMs) };
  });
};
