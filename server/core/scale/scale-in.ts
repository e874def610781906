import { windowShift } from '../window-shift.js';
import type { ServicePlan } from '../plan/types.js';
import type { ScaleReason } from './reasons.js';
import type { ScaleInHistory, TimestampedRecommendation } from './types.js';

const MINUTE_MS = 60_000;
/** demand within this much of where the window started counts as not rising (noise, not a trend) */
const RISE_TOLERANCE = 0.02;

/**
 * Demand has stopped rising: the window reaches back its full length and no sample in it is
 * above the one at its start (within RISE_TOLERANCE). Shrinking the fleet on a climb only
 * means buying the same servers back minutes later.
 */
function demandSettled(demand: readonly { t: number; rps: number }[], cutoff: number, windowMs: number): boolean {
  const first = demand[0];
  if (!first || first.t > cutoff + windowMs / 4) return windowMs === 0;
  const ceiling = first.rps * (1 + RISE_TOLERANCE);
  return demand.every((d) => d.rps <= ceiling);
}

/**
 * The recommendations after `cutoff` with `rec` recorded: a repeat of the newest value only
 * moves its time forward (same window maximum, shorter list). The list is in time order, so
 * what stays is its newest part, copied once at its final length.
 */
function recorded(list: readonly TimestampedRecommendation[], cutoff: number, rec: TimestampedRecommendation): TimestampedRecommendation[] {
  let expired = 0;
  while (expired < list.length && !((list[expired] as TimestampedRecommendation).t > cutoff)) expired++;
  const last = list[list.length - 1];
  if (last === undefined || expired === list.length || last.replicas !== rec.replicas) return windowShift(list, expired, rec);
  const kept = list.slice(expired);
  kept[kept.length - 1] = rec;
  return kept;
}

export interface PolicyChange {
  desired: number;
  reason: ScaleReason;
  message: string;
}

export interface ScaleInOutcome {
  history: ScaleInHistory;
  /** the shrink decided this tick, or null */
  change: PolicyChange | null;
}

/**
 * Records this tick's recommendation (every policy calls this every tick, so the window
 * sees scale-ups too). When the recommendation is below `current`: the size is the highest
 * recommendation in the trailing stabilisation window (HPA style), no lower than
 * minServers, and at most maxServersPerMinute servers leave in any trailing minute; and
 * nothing leaves while demand is still rising within that window (see demandSettled).
 */
export function applyScaleIn(svc: ServicePlan, history: ScaleInHistory, t: number, current: number, recommendation: number, demandRps: number): ScaleInOutcome {
  const cfg = svc.scale.scaleIn;
  const windowMs = cfg.stabilizationWindowSeconds * 1000;
  const cutoff = t - windowMs;
  // the sample at or just before the cutoff stays: it is where the window starts
  let keepFrom = 0;
  while (keepFrom + 1 < history.demand.length && (history.demand[keepFrom + 1] as { t: number }).t <= cutoff) keepFrom++;
  const demand = windowShift(history.demand, keepFrom, { t, rps: demandRps });
  const recommendations = recorded(history.recommendations, cutoff, { t, replicas: recommendation });
  const removals = history.removals.filter((r) => r.t > t - MINUTE_MS);
  const held: ScaleInOutcome = { history: { recommendations, removals, demand }, change: null };
  if (recommendation >= current || !demandSettled(demand, cutoff, windowMs)) return held;
  const stabilized = recommendations.reduce((m, r) => Math.max(m, r.replicas), recommendation);
  if (stabilized >= current) return held;
  const removedLastMinute = removals.reduce((s, r) => s + r.change, 0);
  const allowance = cfg.maxServersPerMinute - removedLastMinute;
  if (allowance <= 0) return held;
  const floor = Math.max(stabilized, svc.capacity.minServers);
  const desired = Math.max(floor, current - allowance);
  const reason: ScaleReason =
    desired > floor ? 'ScaleDownLimit' : desired > stabilized ? 'TooFewServers' : stabilized > recommendation ? 'StabilisationWindow' : 'ScaleIn';
  if (desired >= current) return held;
  removals.push({ t, change: current - desired });
  const message =
    `Scale-in: ${recommendation} servers recommended, highest in the last ${cfg.stabilizationWindowSeconds}s is ${stabilized}` +
    `${reason === 'ScaleDownLimit' ? `, at most ${cfg.maxServersPerMinute} removed per minute` : ''}` +
    `${reason === 'TooFewServers' ? `, minServers ${svc.capacity.minServers}` : ''}: ${current} → ${desired} servers.`;
  return { history: { recommendations, removals, demand }, change: { desired, reason, message } };
}
