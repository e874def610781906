/**
 * The traffic target /t/:service/*: every request counts as demand for the service, and its
 * answer follows the simulated fleet, so a load generator feels the drill: refused with 429
 * and Retry-After while the plan throttles, 503 when the queue overflows, otherwise answered
 * after the simulated user delay (capped so a load generator's workers are not held forever).
 */
import type { FastifyInstance } from 'fastify';
import type { DrillService } from '../../drills/drill-service.js';
import { toWallSeconds } from '../../drills/drill-clock.js';
import { trafficVerdict } from '../../drills/traffic-verdict.js';

export interface TrafficRouteOptions {
  drills: DrillService;
  /** longest wall delay added to an answer, ms */
  maxDelayMs: number;
  /** uniform in [0, 1): which requests are refused is drawn by the latest tick's refused share */
  random?: () => number;
  /** counts each accepted request, for /metrics */
  onRequest?: (service: string) => void;
}

const WEIGHT_HEADER = 'x-flashcrowd-weight';
const MAX_WEIGHT = 1_000_000;

export async function trafficRoutes(app: FastifyInstance, opts: TrafficRouteOptions): Promise<void> {
  const random = opts.random ?? Math.random;
  app.all('/t/:service/*', { logLevel: 'warn' }, async (req, reply) => {
    const { service } = req.params as { service: string };
    const svc = opts.drills.plan.services[service];
    if (!svc) {
      return reply.code(404).send({ error: { code: 'traffic.service', message: `unknown service "${service}"; known: ${Object.keys(opts.drills.plan.services).join(', ')}` } });
    }
    const weight = parseWeight(req.headers[WEIGHT_HEADER]);
    if (weight === null) {
      return reply.code(400).send({ error: { code: 'traffic.weight', message: `header ${WEIGHT_HEADER} must be a positive number up to ${MAX_WEIGHT}`, field: WEIGHT_HEADER } });
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
    return { ok: true, service, level: tick?.level ?? 'normal', delayMs: Math.round(delayMs) };
  });
}

/** An absent header means weight unset (the drill's scale applies). */
function parseWeight(raw: string | string[] | undefined): number | undefined | null {
  if (raw === undefined) return undefined;
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isFinite(n) && n > 0 && n <= MAX_WEIGHT ? n : null;
}
