/**
 * The queueing model of the simulated fleet.
 *
 * Capacity. A server serves rpsPerServer requests per second at the plan's target
 * utilisation, so its hard ceiling is mu = rpsPerServer / targetUtilization. Active servers
 * give mu each; a starting server gives warmup.startingCapacityFraction * mu during its start
 * period (0 = nothing until ready); provisioning, draining and standby servers give nothing
 * (a draining server only finishes work already in flight). The supply s = active +
 * fraction * starting is counted in server-equivalents and the capacity is K = s * mu.
 *
 * Latency below saturation (M/M/c). Requests arrive at lambda (the admitted demand) and
 * each takes baseLatencyMs of service. With c = ceil(s) servers sharing K (each at K / c,
 * which is mu when s is whole), offered load a = lambda * c / K Erlangs and utilisation
 * rho = lambda / K, the expected queueing wait is W = ErlangC(c, a) / (K - lambda) seconds
 * (see erlang.ts), which rises steeply as rho -> 1.
 *
 * Saturation and the backlog (a fluid model per tick of dt seconds). Admitted arrivals
 * beyond what K serves join a backlog; the backlog drains with the spare capacity when the
 * admitted demand falls below K; served <= K always. The backlog holds at most
 * throttle.queueLimitSeconds * K requests. When throttling is allowed, demand beyond
 * admitFraction * K is refused with 429 (throttled) before it reaches the queue; whatever
 * still does not fit in the queue is dropped with 503. For every tick:
 *   demand*dt + backlog_before = served*dt + throttled*dt + dropped*dt + backlog_after.
 * Throttling applies only when svc.throttle.enabled and the caller says the current level
 * allows it; when throttle.levels is empty it applies only while demand exceeds K.
 *
 * Expected latency of a request arriving now: baseLatencyMs + W + backlog_after / K, the
 * wait capped at queueLimitSeconds, because the queue is capped there and a request that
 * would wait longer is dropped. At or above saturation (lambda >= K) the steady-state wait
 * is unbounded, so the cap applies; it is also the latency of a fleet with no capacity
 * (K = 0), where every request is throttled or dropped. The cap keeps the latency finite
 * and continuous: it rises monotonically to baseLatencyMs + queueLimitSeconds as rho -> 1.
 */
import type { ServicePlan } from '../plan/types.js';
import { erlangC } from './erlang.js';

/**
 * Expected wait in queue, milliseconds, of an M/M/c queue with `servers` whole servers
 * each serving `serverRps` requests per second and arrivals at `arrivalRps`. 0 when nothing
 * arrives; Infinity when the queue is unstable (arrivalRps >= servers * serverRps).
 */
export function mmcWaitMs(servers: number, serverRps: number, arrivalRps: number): number {
  if (arrivalRps <= 0) return 0;
  const capacity = servers * serverRps;
  if (servers < 1 || serverRps <= 0 || arrivalRps >= capacity) return Number.POSITIVE_INFINITY;
  return (erlangC(servers, arrivalRps / serverRps) / (capacity - arrivalRps)) * 1000;
}

/** The longest a request is expected to wait in the queue, milliseconds. */
const maxQueueWaitMs = (svc: ServicePlan): number => svc.throttle.queueLimitSeconds * 1000;

/**
 * Expected latency of a request arriving now, milliseconds: service time + M/M/c wait +
 * the wait behind the backlog, the waits capped at the queue limit.
 */
export function expectedLatencyMs(
  svc: ServicePlan,
  supplyServers: number,
  capacityRps: number,
  arrivalRps: number,
  backlog: number,
): number {
  const base = svc.capacity.baseLatencyMs;
  const cap = maxQueueWaitMs(svc);
  if (capacityRps <= 0) return base + cap;
  const servers = Math.ceil(supplyServers - 1e-9);
  const wait = mmcWaitMs(servers, capacityRps / servers, arrivalRps) + (backlog / capacityRps) * 1000;
  return base + Math.min(wait, cap);
}
