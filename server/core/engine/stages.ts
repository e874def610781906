/**
 * The stages of a service's tick that move the simulated world (serve, detect, scale),
 * shared by the engine's step and by the forward simulation behind recovery estimates,
 * so that what a notice foresees is what the engine itself would do.
 *
 * Each stage takes the tick's context and returns what it produced, events included;
 * stepService assembles them. None mutates its inputs.
 */
import { detect, type DetectResult } from '../detect/index.js';
import { advanceFleet, fleetView, serveTick, setDesired, settleIsDue, type FleetState, type ServeResult } from '../fleet/index.js';
import type { Plan, PolicyName, ServicePlan } from '../plan/types.js';
import { decideScale, type ScaleState } from '../scale/index.js';
import type { CoreEvent, ServiceSample } from './types.js';
import type { ServiceState } from './step.js';

/** What every stage of one service's tick reads. */
export interface TickContext {
  plan: Plan;
  svc: ServicePlan;
  policy: PolicyName;
  /** the service's state at the end of the previous tick */
  prev: ServiceState;
  /** end of this tick, epoch ms */
  t: number;
  /** the tick's demand, rps (never negative) */
  demandRps: number;
}

/** `a` then `b`, without a copy when either is empty. */
export function joined(a: readonly CoreEvent[], b: readonly CoreEvent[]): readonly CoreEvent[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...a, ...b];
}

/** 2 and 3. Servers whose time has come join, then the fleet serves the tick's demand. */
export function advanceAndServe(ctx: TickContext, fleet: FleetState): { state: FleetState; result: ServeResult; events: readonly CoreEvent[] } {
  const { plan, svc, prev, t } = ctx;
  const dtSeconds = Math.max((t - prev.lastT) / 1000, 0) || plan.tickSeconds;
  // most ticks nothing is due: serving takes the fleet as it is (serveTick moves its time on)
  const advanced = settleIsDue(fleet, t) ? advanceFleet(svc, fleet, t) : null;
  const served = serveTick(svc, advanced?.state ?? fleet, { demandRps: ctx.demandRps, dtSeconds, throttleAllowed: throttleAllowed(svc, prev.level) }, t);
  return { state: served.state, result: served.result, events: advanced ? joined(advanced.events, served.events) : served.events };
}

/** 4. Triggers see the utilisation and latency users just saw. */
export function detectStage(ctx: TickContext, sample: ServiceSample, r: ServeResult): DetectResult {
  const { demandRps } = ctx;
  const refused = r.throttledRps + r.droppedRps;
  return detect(ctx.svc, ctx.plan.levels, ctx.prev.detect, {
    t: ctx.t,
    rps: demandRps,
    latencyMs: sample.latencyMs ?? r.latencyMs,
    errorRate: sample.errorRate ?? (demandRps > 0 ? refused / demandRps : 0),
    utilization: r.utilization,
  });
}

/** 5. The policy reacts to the new level; a decision starts or stops servers at once. */
export function scaleStage(
  ctx: TickContext,
  fleet: FleetState,
  level: string,
  r: ServeResult,
): { state: ScaleState; fleet: FleetState; events: readonly CoreEvent[] } {
  const { svc, prev, t } = ctx;
  const view = fleetView(svc, fleet, t);
  const scaled = decideScale(svc, ctx.policy, prev.scale, {
    t,
    level,
    previousLevel: prev.level,
    levels: ctx.plan.levels,
    demandRps: ctx.demandRps,
    utilization: r.utilization,
    fleet: view,
    leadTimeSeconds: leadTimeSeconds(svc, view.standbyAvailable),
  });
  if (!scaled.decision) return { state: scaled.state, fleet, events: scaled.events };
  const applied = setDesired(svc, fleet, scaled.decision.desired, t);
  return { state: scaled.state, fleet: applied.state, events: joined(scaled.events, applied.events) };
}

/** The plan allows throttling at a level when it names none (always) or names that level. */
export function throttleAllowed(svc: ServicePlan, level: string): boolean {
  if (!svc.throttle.enabled) return false;
  return svc.throttle.levels.length === 0 || svc.throttle.levels.includes(level);
}

/** How long until a server decided now serves: a standby one if the pool has any, else a cold one. */
export function leadTimeSeconds(svc: ServicePlan, standbyAvailable: number): number {
  return standbyAvailable > 0 ? svc.standby.startSeconds : svc.cold.provisionSeconds + svc.cold.startSeconds;
}
