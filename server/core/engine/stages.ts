/**
 * The stages of a service's tick that move the simulated world (serve, detect, scale),
 * shared by the engine's step and by the forward simulation behind recovery estimates,
 * so that what a notice foresees is what the engine itself would do.
 */
import { detect, type DetectResult } from '../detect/index.js';
import { advanceFleet, fleetView, serveTick, setDesired, type FleetState, type ServeResult } from '../fleet/index.js';
import type { Plan, PolicyName, ServicePlan } from '../plan/types.js';
import { decideScale, type ScaleState } from '../scale/index.js';
import type { CoreEvent, ServiceSample } from './types.js';
import type { ServiceState } from './step.js';

export function append<T>(to: T[], more: readonly T[]): void {
  for (const item of more) to.push(item);
}

/** 2 and 3. Servers whose time has come join, then the fleet serves the tick's demand. */
export function advanceAndServe(
  plan: Plan,
  svc: ServicePlan,
  prev: ServiceState,
  fleet: FleetState,
  demandRps: number,
  t: number,
  events: CoreEvent[],
): { state: FleetState; result: ServeResult } {
  const dtSeconds = Math.max((t - prev.lastT) / 1000, 0) || plan.tickSeconds;
  const advanced = advanceFleet(svc, fleet, t);
  append(events, advanced.events);
  const served = serveTick(svc, advanced.state, { demandRps, dtSeconds, throttleAllowed: throttleAllowed(svc, prev.level) }, t);
  append(events, served.events);
  return served;
}

/** 4. Triggers see the utilisation and latency users just saw. */
export function detectStage(
  plan: Plan,
  svc: ServicePlan,
  prev: ServiceState,
  sample: ServiceSample,
  demandRps: number,
  r: ServeResult,
  t: number,
  events: CoreEvent[],
): DetectResult {
  const refused = r.throttledRps + r.droppedRps;
  const detected = detect(svc, plan.levels, prev.detect, {
    t,
    rps: demandRps,
    latencyMs: sample.latencyMs ?? r.latencyMs,
    errorRate: sample.errorRate ?? (demandRps > 0 ? refused / demandRps : 0),
    utilization: r.utilization,
  });
  append(events, detected.events);
  return detected;
}

/** 5. The policy reacts to the new level; a decision starts or stops servers at once. */
export function scaleStage(
  plan: Plan,
  svc: ServicePlan,
  policy: PolicyName,
  prev: ServiceState,
  fleet: FleetState,
  level: string,
  demandRps: number,
  r: ServeResult,
  t: number,
  events: CoreEvent[],
): { state: ScaleState; fleet: FleetState } {
  const view = fleetView(svc, fleet, t);
  const scaled = decideScale(svc, policy, prev.scale, {
    t,
    level,
    previousLevel: prev.level,
    levels: plan.levels,
    demandRps,
    utilization: r.utilization,
    fleet: view,
    leadTimeSeconds: leadTimeSeconds(svc, view.standbyAvailable),
  });
  append(events, scaled.events);
  if (!scaled.decision) return { state: scaled.state, fleet };
  const applied = setDesired(svc, fleet, scaled.decision.desired, t);
  append(events, applied.events);
  return { state: scaled.state, fleet: applied.state };
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
