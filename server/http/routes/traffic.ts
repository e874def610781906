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

const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) }),
});

const schema = {
  params: Type.Object({ service: Type.String(), '*': Type.String() }),
  response: {
    200: Type.Object({ ok: Type.Literal(true), service: Type.String(), level: Type.String(), delayMs: Type.Number() }),
    400: ErrorBody,
    404: ErrorBody,
    429: ErrorBody,
    503: ErrorBody,
  },
};

export const trafficRoutes: FastifyPluginAsyncTypebox<TrafficRouteOptions> = async (app, opts) => {
  const random = opts.random ?? Math.random;
  const now = opts.now ?? (() => app.clock.now());
  app.all('/t/:service/*', { logLevel: 'warn', schema }, async (req, reply) => {
    const { service } = req.params;
    // own properties only: a service named "constructor" or "__proto__" is unknown, not Object's
    const svc = Object.hasOwn(opts.drills.plan.services, service) ? opts.drills.plan.services[service] : undefined;
    if (!svc) {
      return reply.code(404).send({ error: { code: 'traffic.service', message: `unknown service "${service}"; known: ${Object.keys(opts.drills.plan.services).join(', ')}` } });
    }
    const weight = await requestWeight(opts.store, req, now());
    if (weight === null) {
      return reply.code(400).send({ error: { code: 'traffic.weight', message: `header ${WEIGHT_HEADER} must be a number from ${MIN_WEIGHT} to ${MAX_WEIGHT}`, field: WEIGHT_HEADER } });
    }
    const runner = opts.drills.running();
    runner?.countRequest(service, weight);
    opts.onRequest?.(service);
    const tick = runner?.latestTick(service) ?? null;
    const verdict = trafficVerdict(tick, random());
    if (verdict.kind === 'throttled') {
      return reply.code(429)
        .header('retry-after', String(toWallSeconds(svc.throttle.retryAfterSeconds, runner?.clock.speed ?? 1)))
        .send({ error: { code: 'throttled', message: `${svc.displayName} is throttling during a surge; retry later` } });
    }
    if (verdict.kind === 'dropped') {
      return reply.code(503).send({ error: { code: 'overloaded', message: `${svc.displayName} is overloaded and dropped this request` } });
    }
    const delayMs = Math.min(verdict.delayMs, opts.maxDelayMs);
    if (delayMs >= 1) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return { ok: true as const, service, level: tick?.level ?? 'normal', delayMs: Math.round(delayMs) };
  });
};
