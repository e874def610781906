import type { FleetView, ServersByState } from '../engine/types.js';
import type { ServicePlan } from '../plan/types.js';
import { coldQuotaLeft } from './cold-quota.js';
import type { FleetState } from './types.js';

function sumCounts(cohorts: readonly { count: number }[]): number {
  let total = 0;
  for (const c of cohorts) total += c.count;
  return total;
}

/**
 * Every FleetState the fleet builds per tick comes from this one literal, so they all share
 * one shape and the property reads of every tick stay monomorphic (spreads from several
 * places would give the engine several shapes to tell apart).
 */
export function fleetWith(state: FleetState, t: number, backlog: number, throttling: boolean, dropping: boolean): FleetState {
  return {
    t,
    standby: state.standby,
    coldQueued: state.coldQueued,
    provisioning: state.provisioning,
    starting: state.starting,
    active: state.active,
    draining: state.draining,
    coldStarts: state.coldStarts,
    backlog,
    throttling,
    dropping,
  };
}

/** initialServers active, the standby pool full, nothing queued. Same key order as fleetWith. */
export function initialFleetState(svc: ServicePlan, t0: number): FleetState {
  const initial = svc.capacity.initialServers;
  return {
    t: t0,
    standby: svc.standby.poolSize,
    coldQueued: 0,
    provisioning: [],
    starting: [],
    active: initial > 0 ? [{ origin: 'base', count: initial }] : [],
    draining: [],
    coldStarts: [],
    backlog: 0,
    throttling: false,
    dropping: false,
  };
}

export const activeCount = (state: FleetState): number => sumCounts(state.active);
export const startingCount = (state: FleetState): number => sumCounts(state.starting);
export const drainingCount = (state: FleetState): number => sumCounts(state.draining);

/** Cold servers on their way: provisioning now, or held back by the quota. */
export const provisioningCount = (state: FleetState): number =>
  sumCounts(state.provisioning) + state.coldQueued;

/** Servers a scale decision has asked for and not given back: active + starting + provisioning (+ queued). */
export const committedCount = (state: FleetState): number =>
  activeCount(state) + startingCount(state) + provisioningCount(state);

/** What one server serves at its hard ceiling, requests per second. */
export const serverCeilingRps = (svc: ServicePlan): number =>
  svc.capacity.rpsPerServer / svc.capacity.targetUtilization;

/** Server-equivalents able to serve now: warming servers count for their warm-up fraction. */
export const supplyServers = (svc: ServicePlan, state: FleetState): number =>
  activeCount(state) + svc.warmup.startingCapacityFraction * startingCount(state);

/**
 * Servers by state as the dashboard shows them. Cold servers held back by the quota are
 * counted as provisioning: to a person they are servers ordered and not yet there.
 */
export function serversByState(state: FleetState): ServersByState {
  return {
    standby: state.standby,
    provisioning: provisioningCount(state),
    starting: startingCount(state),
    active: activeCount(state),
    draining: drainingCount(state),
  };
}

/** The fleet as the scale policies see it; queued cold servers count as provisioning (they are committed). */
export function fleetView(svc: ServicePlan, state: FleetState, t: number): FleetView {
  return {
    active: activeCount(state),
    starting: startingCount(state),
    provisioning: provisioningCount(state),
    standbyAvailable: state.standby,
    draining: drainingCount(state),
    coldQuotaLeft: Math.max(0, coldQuotaLeft(svc, state.coldStarts, t) - state.coldQueued),
  };
}
