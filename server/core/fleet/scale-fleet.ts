import type { CoreEvent } from '../engine/types.js';
import type { ServicePlan } from '../plan/types.js';
import { copyFleet, insertByUntil, settleFleet } from './advance-fleet.js';
import { committedCount } from './fleet-state.js';
import type { FleetState, TimedCohort } from './types.js';

/** Standby servers first (they are quicker), the rest as cold servers behind the quota. Mutates `s`. */
function scaleOut(svc: ServicePlan, s: FleetState, more: number, t: number): CoreEvent[] {
  const fromPool = Math.min(more, s.standby);
  const cold = more - fromPool;
  const events: CoreEvent[] = [];
  if (fromPool > 0) {
    s.standby -= fromPool;
    insertByUntil(s.starting, { origin: 'standby', count: fromPool, until: t + svc.standby.startSeconds * 1000 });
    events.push({
      type: 'servers:activated',
      message: `${fromPool} standby servers activated; they serve in ${svc.standby.startSeconds} s. ${s.standby} left in the pool.`,
      data: { count: fromPool, standbyLeft: s.standby },
    });
  }
  s.coldQueued += cold;
  return events;
}

/** Takes up to `want` servers off the end of an ordered cohort list (the newest). Mutates `cohorts`. */
function takeNewest<C extends { count: number }>(cohorts: C[], want: number): C[] {
  const taken: C[] = [];
  let left = want;
  while (left > 0 && cohorts.length > 0) {
    const last = cohorts[cohorts.length - 1] as C;
    const n = Math.min(left, last.count);
    taken.push({ ...last, count: n });
    last.count -= n;
    if (last.count === 0) cohorts.pop();
    left -= n;
  }
  return taken;
}

const total = (cohorts: readonly { count: number }[]): number => cohorts.reduce((sum, c) => sum + c.count, 0);

/**
 * Not-yet-serving servers go first, newest first: queued cold servers, then provisioning
 * ones, then starting ones; none has work in flight, so they stop at once (a starting
 * standby server goes straight back to the pool). Only then do active servers drain,
 * newest first. Mutates `s`.
 */
function scaleIn(svc: ServicePlan, s: FleetState, fewer: number, t: number): CoreEvent[] {
  const queued = Math.min(fewer, s.coldQueued);
  s.coldQueued -= queued;
  const provisioning = total(takeNewest(s.provisioning, fewer - queued));
  const starting = takeNewest(s.starting, fewer - queued - provisioning);
  const returned = total(starting.filter((c) => c.origin === 'standby'));
  s.standby += returned;
  const cancelled = queued + provisioning + total(starting);
  const events: CoreEvent[] = [];
  if (cancelled > 0) {
    events.push({
      type: 'servers:stopped',
      message: `${cancelled} servers not yet serving were cancelled; ${returned} went back to the standby pool.`,
      data: { count: cancelled, queued, provisioning, starting: total(starting), returnedToStandby: returned, standby: s.standby },
    });
  }
  const until = t + svc.scale.scaleIn.drainSeconds * 1000;
  const drained = takeNewest(s.active, fewer - cancelled);
  for (const c of drained) insertByUntil(s.draining, { origin: c.origin, count: c.count, until } satisfies TimedCohort);
  if (drained.length > 0) {
    events.push({
      type: 'servers:draining',
      message: `${total(drained)} servers are draining; they stop in ${svc.scale.scaleIn.drainSeconds} s.`,
      data: { count: total(drained) },
    });
  }
  return events;
}

/**
 * Heads for `desired` committed servers (active + starting + provisioning + queued),
 * clamped to [minServers, maxServers]. Scale-out takes standby servers first, then cold
 * ones under the per-minute quota (the rest queue and start on later ticks); scale-in
 * cancels servers not yet serving before it drains active ones. Manual scaling uses the
 * same call. Asking for the current size changes nothing and reports nothing.
 */
export function setDesired(
  svc: ServicePlan,
  state: FleetState,
  desired: number,
  t: number,
): { state: FleetState; events: CoreEvent[] } {
  const s = copyFleet(state, t);
  const { minServers, maxServers } = svc.capacity;
  const target = Number.isFinite(desired) ? Math.min(maxServers, Math.max(minServers, Math.round(desired))) : committedCount(s);
  const current = committedCount(s);
  const changed =
    target > current ? scaleOut(svc, s, target - current, t) : target < current ? scaleIn(svc, s, current - target, t) : [];
  return { state: s, events: [...changed, ...settleFleet(svc, s, t)] };
}
