import type { ServicePlan } from '../plan/types.js';
import { coldBeginSchedule } from './cold-quota.js';
import { committedCount } from './fleet-state.js';
import type { ColdStart, FleetState } from './types.js';

/** Server-equivalents of supply added at `at` (a server starting adds its warm-up fraction, a ready one the rest). */
export interface SupplyStep {
  at: number;
  servers: number;
}

function startingSteps(svc: ServicePlan, count: number, startsAt: number, readyAt: number): SupplyStep[] {
  const warm = svc.warmup.startingCapacityFraction;
  return [
    { at: startsAt, servers: warm * count },
    { at: readyAt, servers: (1 - warm) * count },
  ];
}

function coldSteps(svc: ServicePlan, begin: ColdStart): SupplyStep[] {
  const startsAt = begin.at + svc.cold.provisionSeconds * 1000;
  return startingSteps(svc, begin.count, startsAt, startsAt + svc.cold.startSeconds * 1000);
}

/**
 * When the servers already on their way add supply: starting ones when ready, provisioning
 * ones when they start and when ready, and queued cold ones as the quota lets them begin.
 * `extraStandby` and `extraCold` add servers as if ordered at t.
 */
export function supplyForecast(
  svc: ServicePlan,
  state: FleetState,
  t: number,
  extraStandby = 0,
  extraCold = 0,
): SupplyStep[] {
  const warm = svc.warmup.startingCapacityFraction;
  const steps: SupplyStep[] = state.starting.map((c) => ({ at: c.until, servers: (1 - warm) * c.count }));
  for (const c of state.provisioning) {
    steps.push(...startingSteps(svc, c.count, c.until, c.until + svc.cold.startSeconds * 1000));
  }
  if (extraStandby > 0) steps.push(...startingSteps(svc, extraStandby, t, t + svc.standby.startSeconds * 1000));
  for (const begin of coldBeginSchedule(svc, state.coldStarts, state.coldQueued + extraCold, t)) {
    steps.push(...coldSteps(svc, begin));
  }
  return steps.filter((step) => step.servers > 0).sort((a, b) => a.at - b.at);
}

/** The forecast if every server the plan still allows (up to maxServers) were ordered at t: standby first, then cold. */
export function fullFleetForecast(svc: ServicePlan, state: FleetState, t: number): SupplyStep[] | null {
  const extra = svc.capacity.maxServers - committedCount(state);
  if (extra <= 0) return null;
  const standby = Math.min(extra, state.standby);
  return supplyForecast(svc, state, t, standby, extra - standby);
}
