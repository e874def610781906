import type { ServicePlan } from '../plan/types.js';
import type { ScaleReason } from './reasons.js';
import type { ScaleInHistory } from './types.js';

const MINUTE_MS = 60_000;

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
 * minServers, and at most maxServersPerMinute servers leave in any trailing minute.
 */
export function applyScaleIn(svc: ServicePlan, history: ScaleInHistory, t: number, current: number, recommendation: number): ScaleInOutcome {
  const cfg = svc.scale.scaleIn;
  const cutoff = t - cfg.stabilizationWindowSeconds * 1000;
  const recommendations = history.recommendations.filter((r) => r.t > cutoff);
  const last = recommendations[recommendations.length - 1];
  // a repeat of the newest value only moves its time forward: same window maximum, shorter list
  if (last && last.replicas === recommendation) recommendations[recommendations.length - 1] = { t, replicas: recommendation };
  else recommendations.push({ t, replicas: recommendation });
  const removals = history.removals.filter((r) => r.t > t - MINUTE_MS);
  const held: ScaleInOutcome = { history: { recommendations, removals }, change: null };
  if (recommendation >= current) return held;
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
  return { history: { recommendations, removals }, change: { desired, reason, message } };
}
