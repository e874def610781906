/**
 * The expected recovery as the engine itself foresees it: the service's state run forward
 * tick by tick under the plan's own policy and limits (quota, maximum, warm-up, throttling)
 * with the demand forecast, through the same stages as step(). Users are affected at a tick
 * when latency exceeds the objective or requests are refused; they have recovered from the
 * start of a calm stretch that lasts STABLE_MS and, if it starts sooner, through LOOKAHEAD_MS.
 *
 * The run is bounded (HORIZON_MS) and made only when a notice needs it, so it stays cheap;
 * past the first half hour it takes coarser steps (stepAfter), where a minute or two of
 * resolution is well within what a promise that far out can be held to.
 * The range: earliest is the first calm tick of the run; latest the recovery of a second run
 * with demand 15% above the forecast (null when that one does not recover in the horizon).
 *
 * While demand rises steeply beyond what the forecast explains (steep-rise.ts), the forecast
 * cannot be stood behind: the second run instead lets that unexplained rise go on for
 * RISE_SECONDS, and the point estimate is the later end of the range, or "not known yet"
 * (pessimistic()). A person told "about 10:05" who is served at 10:03 is better off than one
 * told 09:58 and still waiting at 10:03; one told "not known yet, next update 10:00" can plan.
 */
import type { Plan, PolicyName, ServicePlan } from '../plan/types.js';
import { advanceAndServe, detectStage, scaleStage, type TickContext } from './stages.js';
import type { ServiceState } from './step.js';
import { RISE_SECONDS } from './steep-rise.js';
import type { RecoveryForecast } from './types.js';

export const STABLE_MS = 10 * 60_000;
export const LOOKAHEAD_MS = 30 * 60_000;
export const HORIZON_MS = 3 * 3_600_000;
const HIGH_DEMAND = 1.15;

/** The simulated tick `elapsedMs` into the run: the plan's own tick first, then 1 and 2 minutes. */
function stepAfter(tickMs: number, elapsedMs: number): number {
  if (elapsedMs < 30 * 60_000) return tickMs;
  return Math.max(tickMs, elapsedMs < 60 * 60_000 ? 60_000 : 120_000);
}

interface Run {
  firstCalm: number | null;
  recovered: number | null;
}

function runForward(
  plan: Plan,
  svc: ServicePlan,
  policy: PolicyName,
  start: ServiceState,
  demand: (at: number) => number,
  factor: number,
): Run {
  const tickMs = plan.tickSeconds * 1000;
  const t = start.lastT;
  let state = start;
  let firstCalm: number | null = null;
  let calmSince: number | null = null;
  for (let at = t + tickMs; at <= t + HORIZON_MS; at += stepAfter(tickMs, at - t)) {
    const demandRps = demand(at) * factor;
    const ctx: TickContext = { plan, svc, policy, prev: state, t: at, demandRps };
    const served = advanceAndServe(ctx, state.fleet);
    const r = served.result;
    const detected = detectStage(ctx, { rps: demandRps }, r);
    const scaled = scaleStage(ctx, served.state, detected.level, r);
    state = { detect: detected.state, scale: scaled.state, fleet: scaled.fleet, incident: state.incident, level: detected.level, lastT: at };
    const affected = r.latencyMs > svc.capacity.sloLatencyMs || r.throttledRps + r.droppedRps > 0;
    if (affected) {
      calmSince = null;
      continue;
    }
    firstCalm ??= at;
    calmSince ??= at;
    if (at >= Math.max(calmSince + STABLE_MS, t + LOOKAHEAD_MS)) return { firstCalm, recovered: calmSince };
  }
  return { firstCalm, recovered: null };
}

/**
 * The point estimate while demand rises steeply: the recovery with the rise going on, or not
 * known when that run foresees none, or none later than the forecast's own (more demand
 * recovering no sooner and no later means the run hinges on when a level is reached, which
 * a rise we cannot foresee moves either way).
 */
function pessimistic(base: number, high: number | null): number | null {
  return high === null || high <= base ? null : high;
}

/**
 * `start` is the service's state at the end of the current tick (its lastT is now);
 * `unexplainedRps`: the rise (rps per second) the forecast does not explain, 0 when it does.
 */
export function forecastRecovery(
  plan: Plan,
  svc: ServicePlan,
  policy: PolicyName,
  start: ServiceState,
  demand: (at: number) => number,
  unexplainedRps = 0,
): RecoveryForecast {
  const base = runForward(plan, svc, policy, start, demand, 1);
  const firstTick = start.lastT + plan.tickSeconds * 1000;
  const calmAhead = base.recovered === firstTick;
  if (base.recovered === null) return { at: null, earliest: null, latest: null, calmAhead };
  const earliest = Math.min(base.firstCalm ?? base.recovered, base.recovered);
  if (calmAhead) return { at: base.recovered, earliest, latest: base.recovered, calmAhead };
  if (unexplainedRps > 0) {
    const now = start.lastT;
    const rising = (at: number): number => demand(at) + unexplainedRps * Math.min((at - now) / 1000, RISE_SECONDS);
    const high = runForward(plan, svc, policy, start, rising, 1).recovered;
    return { at: pessimistic(base.recovered, high), earliest, latest: high === null ? null : Math.max(high, base.recovered), calmAhead };
  }
  const high = runForward(plan, svc, policy, start, demand, HIGH_DEMAND).recovered;
  return { at: base.recovered, earliest, latest: high === null ? null : Math.max(high, base.recovered), calmAhead };
}
