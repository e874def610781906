/**
 * When users can expect normal service again.
 *
 * Service is normal when the backlog is empty and a request arriving would be served
 * within the latency objective: demand below capacity and base + M/M/c wait <= sloLatencyMs
 * (for a plan whose objective is at or below the bare service time, demand within the
 * target-utilisation rate instead). Demand follows the forecast line demandRps +
 * growthRpsPerSec * s, never below 0. Supply grows only by servers already on their way
 * (see capacity-forecast.ts); between two arrivals capacity is constant, so the backlog has
 * a closed form (backlog-curve.ts) and the first normal moment is found per stretch.
 * Throttling is left out, so the estimate errs late: refusing requests only drains faster.
 *
 * If the servers already committed never bring service back, the estimate assumes the plan
 * orders what it still allows (up to maxServers) now; if even that falls short, it is null.
 */
import type { ServicePlan } from '../plan/types.js';
import { backlogAfter, emptyForGoodFrom, firstEmptyWhileFalling } from './backlog-curve.js';
import type { BacklogStretch } from './backlog-curve.js';
import { fullFleetForecast, supplyForecast } from './capacity-forecast.js';
import type { SupplyStep } from './capacity-forecast.js';
import { serverCeilingRps, supplyServers } from './fleet-state.js';
import { expectedLatencyMs } from './queueing.js';
import type { FleetState } from './types.js';

/** Search precision for the moment falling demand meets the objective, seconds. */
const PRECISION_SECONDS = 0.001;

function demandIsServedNormally(svc: ServicePlan, supply: number, demandRps: number): boolean {
  if (demandRps <= 0) return true;
  const capacity = supply * serverCeilingRps(svc);
  if (demandRps >= capacity) return false;
  const { sloLatencyMs, baseLatencyMs, rpsPerServer } = svc.capacity;
  if (sloLatencyMs <= baseLatencyMs) return demandRps <= supply * rpsPerServer;
  return expectedLatencyMs(svc, supply, capacity, demandRps, 0) <= sloLatencyMs;
}

interface Stretch {
  supply: number;
  backlog: number;
  demandRps: number;
  growthRpsPerSec: number;
  seconds: number;
}

function backlogCurve(svc: ServicePlan, st: Stretch): BacklogStretch {
  const capacity = st.supply * serverCeilingRps(svc);
  return {
    backlog: st.backlog,
    netRps: st.demandRps - capacity,
    growthRpsPerSec: st.growthRpsPerSec,
    limit: svc.throttle.queueLimitSeconds * capacity,
    seconds: st.seconds,
  };
}

/** Seconds into the stretch at which service is normal, or null if it is not within it. */
function normalWithin(svc: ServicePlan, st: Stretch): number | null {
  const curve = backlogCurve(svc, st);
  const normalAt = (s: number): boolean =>
    demandIsServedNormally(svc, st.supply, st.demandRps + st.growthRpsPerSec * s);
  if (st.growthRpsPerSec >= 0) {
    // demand only rises: once the backlog is gone, now or never in this stretch
    const empty = firstEmptyWhileFalling(curve);
    return empty <= curve.seconds && normalAt(empty) ? empty : null;
  }
  let low = emptyForGoodFrom(curve);
  if (low > curve.seconds) return null;
  if (normalAt(low)) return low;
  let high = curve.seconds;
  if (!normalAt(high)) return null;
  while (high - low > PRECISION_SECONDS) {
    const mid = (low + high) / 2;
    if (normalAt(mid)) high = mid;
    else low = mid;
  }
  return high;
}

function firstNormalTime(
  svc: ServicePlan,
  state: FleetState,
  t: number,
  steps: readonly SupplyStep[],
  demandRps: number,
  growthRpsPerSec: number,
): number | null {
  // falling demand stops at 0; from that moment it is flat (compared by time, not by a float that may not reach 0)
  const zeroAt = growthRpsPerSec < 0 ? t + (Math.max(0, demandRps) / -growthRpsPerSec) * 1000 : Number.POSITIVE_INFINITY;
  const demandAt = (at: number): number =>
    at >= zeroAt ? 0 : Math.max(0, demandRps + (growthRpsPerSec * (at - t)) / 1000);
  const breaks = steps.map((s) => s.at).filter((at) => at > t);
  if (zeroAt > t && zeroAt < Number.POSITIVE_INFINITY) breaks.push(zeroAt);
  const ends = [...new Set(breaks)].sort((a, b) => a - b);
  const supplyAddedBy = (at: number, after: number): number =>
    steps.filter((s) => s.at > after && s.at <= at).reduce((total, s) => total + s.servers, 0);
  let supply = supplyServers(svc, state) + supplyAddedBy(t, Number.NEGATIVE_INFINITY);
  let backlog = state.backlog;
  let start = t;
  for (let i = 0; ; i++) {
    const end = ends[i] ?? Number.POSITIVE_INFINITY;
    const stretch: Stretch = {
      supply,
      // a fleet that shrank drops what its queue no longer holds, as serveTick does
      backlog: Math.min(backlog, svc.throttle.queueLimitSeconds * supply * serverCeilingRps(svc)),
      demandRps: demandAt(start),
      growthRpsPerSec: start >= zeroAt ? 0 : growthRpsPerSec,
      seconds: (end - start) / 1000,
    };
    const found = normalWithin(svc, stretch);
    if (found !== null) return Math.ceil(start + found * 1000);
    if (end === Number.POSITIVE_INFINITY) return null;
    const curve = backlogCurve(svc, stretch);
    backlog = backlogAfter(curve, curve.seconds);
    supply += supplyAddedBy(end, start);
    start = end;
  }
}

/**
 * When users can expect normal service again (epoch ms), or null if it cannot be foreseen
 * (even the largest fleet the plan allows stays short). Returns t when nothing is wrong.
 */
export function estimateRecovery(
  svc: ServicePlan,
  state: FleetState,
  t: number,
  demandRps: number,
  growthRpsPerSec: number,
): number | null {
  if (state.backlog <= 0 && demandIsServedNormally(svc, supplyServers(svc, state), demandRps)) return t;
  const committed = firstNormalTime(svc, state, t, supplyForecast(svc, state, t), demandRps, growthRpsPerSec);
  if (committed !== null) return committed;
  const full = fullFleetForecast(svc, state, t);
  return full === null ? null : firstNormalTime(svc, state, t, full, demandRps, growthRpsPerSec);
}
