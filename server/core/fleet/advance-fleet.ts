import type { CoreEvent } from '../engine/types.js';
import type { ServicePlan } from '../plan/types.js';
import { coldQuotaLeft, holdsSlot } from './cold-quota.js';
import { fleetWith } from './fleet-state.js';
import type { ActiveCohort, ColdStart, FleetState, ProvisioningCohort, TimedCohort } from './types.js';

const seconds = (s: number): number => s * 1000;

/*
 * Cohorts are copied field by field, not with a spread: V8 builds `{ ...c }` from the map of
 * `{}`, whose transition table is full once ajv has compiled its validators, so every spread
 * copy would get a fresh hidden class and the code reading cohorts would never stay optimised.
 */
const copyTimed = (c: TimedCohort): TimedCohort => ({ origin: c.origin, count: c.count, until: c.until });
const copyActive = (c: ActiveCohort): ActiveCohort => ({ origin: c.origin, count: c.count });
const copyProvisioning = (c: ProvisioningCohort): ProvisioningCohort => ({ count: c.count, until: c.until });
const copyColdStart = (c: ColdStart): ColdStart => ({ at: c.at, count: c.count });

/** Copies the cohort arrays so a transition never changes the state it was given. */
export function copyFleet(state: FleetState, t: number): FleetState {
  const s = fleetWith(state, Math.max(state.t, t), state.backlog, state.throttling, state.dropping);
  s.provisioning = state.provisioning.map(copyProvisioning);
  s.starting = state.starting.map(copyTimed);
  s.active = state.active.map(copyActive);
  s.draining = state.draining.map(copyTimed);
  s.coldStarts = state.coldStarts.map(copyColdStart);
  return s;
}

/** Inserts keeping `until` order, after cohorts due at the same time (first in, first ready). */
export function insertByUntil(cohorts: TimedCohort[], cohort: TimedCohort): void {
  const at = cohorts.findIndex((c) => c.until > cohort.until);
  cohorts.splice(at === -1 ? cohorts.length : at, 0, cohort);
}

/** Pushes on top of the active stack, merging with the top cohort of the same origin. */
function pushActive(active: ActiveCohort[], origin: ActiveCohort['origin'], count: number): void {
  const top = active[active.length - 1];
  if (top !== undefined && top.origin === origin) top.count += count;
  else active.push({ origin, count });
}

/** Begins provisioning as many queued cold servers as the quota allows at t. Mutates `s`. */
function startQueuedCold(svc: ServicePlan, s: FleetState, t: number): CoreEvent[] {
  s.coldStarts = s.coldStarts.filter((start) => holdsSlot(start, t) || start.at > t);
  const count = Math.min(s.coldQueued, coldQuotaLeft(svc, s.coldStarts, t));
  if (count <= 0) return [];
  s.coldQueued -= count;
  s.coldStarts.push({ at: t, count });
  s.provisioning.push({ count, until: t + seconds(svc.cold.provisionSeconds) });
  const waiting = s.coldQueued > 0 ? `; ${s.coldQueued} more wait for the cold-start quota` : '';
  return [{
    type: 'servers:provisioning',
    message: `${count} new servers began provisioning, ready to start in ${svc.cold.provisionSeconds} s${waiting}.`,
    data: { count, queued: s.coldQueued, quotaPerMinute: svc.cold.quotaPerMinute },
  }];
}

function provisionedToStarting(svc: ServicePlan, s: FleetState, t: number): CoreEvent[] {
  const due = s.provisioning.filter((c) => c.until <= t);
  if (due.length === 0) return [];
  s.provisioning = s.provisioning.filter((c) => c.until > t);
  for (const c of due) {
    insertByUntil(s.starting, { origin: 'cold', count: c.count, until: c.until + seconds(svc.cold.startSeconds) });
  }
  const count = due.reduce((total, c) => total + c.count, 0);
  return [{
    type: 'servers:starting',
    message: `${count} new servers are provisioned and starting; they serve in ${svc.cold.startSeconds} s.`,
    data: { count },
  }];
}

function startingToActive(s: FleetState, t: number): CoreEvent[] {
  const due = s.starting.filter((c) => c.until <= t);
  if (due.length === 0) return [];
  s.starting = s.starting.filter((c) => c.until > t);
  for (const c of due) pushActive(s.active, c.origin, c.count);
  const count = due.reduce((total, c) => total + c.count, 0);
  const active = s.active.reduce((total, c) => total + c.count, 0);
  return [{
    type: 'servers:ready',
    message: `${count} servers are ready and serving; ${active} active now.`,
    data: { count, active },
  }];
}

function drainedToStopped(svc: ServicePlan, s: FleetState, t: number): CoreEvent[] {
  const due = s.draining.filter((c) => c.until <= t);
  if (due.length === 0) return [];
  s.draining = s.draining.filter((c) => c.until > t);
  const toPool = (c: TimedCohort): boolean => c.origin === 'standby' && svc.scale.scaleIn.returnToStandby;
  const returned = due.filter(toPool).reduce((total, c) => total + c.count, 0);
  const released = due.filter((c) => !toPool(c)).reduce((total, c) => total + c.count, 0);
  s.standby += returned;
  return [{
    type: 'servers:stopped',
    message: `${returned + released} drained servers stopped: ${returned} back to the standby pool, ${released} released.`,
    data: { count: returned + released, returnedToStandby: returned, released, standby: s.standby },
  }];
}

/**
 * Moves every cohort whose time has come, following scheduled times rather than t, so a
 * coarse tick never stretches a timing: a cold server provisioned at p is active at
 * p + cold.startSeconds even when both fall inside one tick. Mutates `s`.
 */
export function settleFleet(svc: ServicePlan, s: FleetState, t: number): CoreEvent[] {
  return [
    ...startQueuedCold(svc, s, t),
    ...provisionedToStarting(svc, s, t),
    ...startingToActive(s, t),
    ...drainedToStopped(svc, s, t),
  ];
}

function anyDue(cohorts: readonly { until: number }[], t: number): boolean {
  for (const c of cohorts) if (c.until <= t) return true;
  return false;
}

function anySlotFreed(starts: readonly ColdStart[], t: number): boolean {
  for (const start of starts) if (!(holdsSlot(start, t) || start.at > t)) return true;
  return false;
}

/**
 * Whether settleFleet would change anything at t. Most ticks nothing is due, and then the
 * cohort arrays can be shared with the previous state instead of copied. Asked every tick of
 * every service: plain loops, no callbacks to build.
 */
export function settleIsDue(s: FleetState, t: number): boolean {
  return s.coldQueued > 0 || anySlotFreed(s.coldStarts, t) || anyDue(s.provisioning, t) || anyDue(s.starting, t) || anyDue(s.draining, t);
}

/**
 * Moves servers whose time has come (provisioning -> starting -> active, draining ->
 * standby or stopped) and starts the cold servers the quota now allows. Called once per
 * tick before serving. The returned state shares the cohort arrays of `state` when nothing
 * moved, so neither may be mutated afterwards (copyFleet before changing one).
 */
export function advanceFleet(
  svc: ServicePlan,
  state: FleetState,
  t: number,
): { state: FleetState; events: CoreEvent[] } {
  if (!settleIsDue(state, t)) {
    return { state: fleetWith(state, Math.max(state.t, t), state.backlog, state.throttling, state.dropping), events: [] };
  }
  const s = copyFleet(state, t);
  const events = settleFleet(svc, s, t);
  return { state: s, events };
}
