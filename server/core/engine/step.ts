/**
 * The engine: one pure, deterministic step per tick for every service of the plan.
 *
 * Order within a service's tick, and why:
 *   1. manual commands      an operator's scale request applies before anything reacts to it
 *   2. advanceFleet         servers whose provisioning or start has finished serve this tick
 *   3. serveTick            the fleet serves the tick's demand; throttling follows the level in
 *                           force when the tick began (a decision takes effect on the next tick)
 *   4. detect               triggers see the same utilisation and latency users just saw
 *   5. decideScale          the policy reacts to the new level; setDesired starts servers
 *   6. estimateRecovery     from the fleet as it now heads for its desired size
 *   7. updateIncident       notices carry the numbers of this tick
 * The live server and the offline replay both call step(); only who supplies `t` differs.
 */
import { detect, initialDetectState, type DetectState } from '../detect/index.js';
import {
  advanceFleet,
  estimateRecovery,
  fleetView,
  initialFleetState,
  serveTick,
  serversByState,
  setDesired,
  type FleetState,
} from '../fleet/index.js';
import { initialIncidentState, updateIncident, type IncidentState } from '../notices/index.js';
import type { Plan, PolicyName, ServicePlan } from '../plan/types.js';
import { decideScale, initialScaleState, type ScaleState } from '../scale/index.js';
import type { Command, CoreEvent, EngineEvent, Notice, ServiceSample, StepInput, Tick } from './types.js';

export interface ServiceState {
  detect: DetectState;
  scale: ScaleState;
  fleet: FleetState;
  incident: IncidentState;
  level: string;
  /** end of the previous tick, epoch ms */
  lastT: number;
}

export interface EngineState {
  t: number;
  /** a policy forced on every service (a replay comparing policies); null: each service's own */
  policy: PolicyName | null;
  services: Record<string, ServiceState>;
}

export interface StepOutput {
  state: EngineState;
  ticks: Tick[];
  events: EngineEvent[];
  notices: Notice[];
}

export function initialEngineState(plan: Plan, t0: number, policy?: PolicyName): EngineState {
  const services: Record<string, ServiceState> = {};
  for (const [name, svc] of Object.entries(plan.services)) {
    services[name] = {
      detect: initialDetectState(svc, t0),
      scale: initialScaleState(svc, t0),
      fleet: initialFleetState(svc, t0),
      incident: initialIncidentState(),
      level: 'normal',
      lastT: t0,
    };
  }
  return { t: t0, policy: policy ?? null, services };
}

const NO_COMMANDS: readonly Command[] = [];

/** Advance every service of the plan to `input.t`. Services with no sample see zero demand. */
export function step(plan: Plan, state: EngineState, input: StepInput): StepOutput {
  const services: Record<string, ServiceState> = {};
  const ticks: Tick[] = [];
  const events: EngineEvent[] = [];
  const notices: Notice[] = [];
  const iso = new Date(input.t).toISOString();
  const commands = input.commands ?? NO_COMMANDS;
  for (const name of Object.keys(plan.services)) {
    const svc = plan.services[name] as ServicePlan;
    const prev = state.services[name];
    if (!prev) continue;
    const sample = input.samples[name] ?? { rps: 0 };
    const own = commands.length === 0 ? NO_COMMANDS : commands.filter((c) => c.service === name);
    const out = stepService(plan, svc, state.policy ?? svc.scale.policy, prev, sample, own, { t: input.t, iso });
    services[name] = out.state;
    ticks.push(out.tick);
    for (const e of out.events) events.push({ ...e, t: iso, service: name });
    for (const n of out.notices) notices.push(n);
  }
  return { state: { t: input.t, policy: state.policy, services }, ticks, events, notices };
}

interface ServiceStepOutput {
  state: ServiceState;
  tick: Tick;
  events: CoreEvent[];
  notices: Notice[];
}

function stepService(
  plan: Plan,
  svc: ServicePlan,
  policy: PolicyName,
  prev: ServiceState,
  sample: ServiceSample,
  commands: readonly Command[],
  at: { t: number; iso: string },
): ServiceStepOutput {
  const t = at.t;
  const events: CoreEvent[] = [];
  const dtSeconds = Math.max((t - prev.lastT) / 1000, 0) || plan.tickSeconds;
  let fleet = prev.fleet;

  for (const command of commands) {
    const applied = setDesired(svc, fleet, command.desired, t);
    fleet = applied.state;
    events.push({
      type: 'manual:scale',
      message: `${command.by} set ${svc.displayName} to ${command.desired} servers by hand`,
      data: { desired: command.desired, by: command.by },
    }, ...applied.events);
  }

  const advanced = advanceFleet(svc, fleet, t);
  fleet = advanced.state;
  events.push(...advanced.events);

  const demandRps = Math.max(sample.rps, 0);
  const served = serveTick(svc, fleet, { demandRps, dtSeconds, throttleAllowed: throttleAllowed(svc, prev.level) }, t);
  fleet = served.state;
  events.push(...served.events);
  const r = served.result;

  const refused = r.throttledRps + r.droppedRps;
  const detected = detect(svc, plan.levels, prev.detect, {
    t,
    rps: demandRps,
    latencyMs: sample.latencyMs ?? r.latencyMs,
    errorRate: sample.errorRate ?? (demandRps > 0 ? refused / demandRps : 0),
    utilization: r.utilization,
  });
  events.push(...detected.events);

  const view = fleetView(svc, fleet, t);
  const scaled = decideScale(svc, policy, prev.scale, {
    t,
    level: detected.level,
    previousLevel: prev.level,
    levels: plan.levels,
    demandRps,
    utilization: r.utilization,
    fleet: view,
    leadTimeSeconds: leadTimeSeconds(svc, view.standbyAvailable),
  });
  events.push(...scaled.events);
  if (scaled.decision) {
    const applied = setDesired(svc, fleet, scaled.decision.desired, t);
    fleet = applied.state;
    events.push(...applied.events);
  }

  const growthRpsPerSec = (detected.growthPctPerMin / 100) * detected.baselineRps / 60;
  const recoveryAt = estimateRecovery(svc, fleet, t, demandRps, growthRpsPerSec);
  const servers = serversByState(fleet);
  const incident = updateIncident(svc, plan.timezone, prev.incident, {
    t,
    level: detected.level,
    levels: plan.levels,
    baselineMultiple: detected.baselineMultiple,
    expectedDelayMs: Math.max(r.latencyMs - svc.capacity.baseLatencyMs, 0),
    expectedRecoveryAt: recoveryAt,
    throttling: refused > 0,
    scalingOut: servers.starting + servers.provisioning > 0,
    capacityCoversDemand: r.capacityRps >= demandRps && r.backlog <= 0,
  });
  events.push(...incident.events);

  return {
    state: {
      detect: detected.state,
      scale: scaled.state,
      fleet,
      incident: incident.state,
      level: detected.level,
      lastT: t,
    },
    tick: {
      service: svc.name,
      policy,
      demandRps,
      capacityRps: r.capacityRps,
      servedRps: r.servedRps,
      throttledRps: r.throttledRps,
      droppedRps: r.droppedRps,
      backlog: r.backlog,
      latencyMs: r.latencyMs,
      utilization: r.utilization,
      level: detected.level,
      baselineRps: detected.baselineRps,
      demandServers: r.demandServers,
      supplyServers: r.supplyServers,
      servers,
      // recovery is usually "now": the tick's own time string serves without formatting another
      expectedRecoveryAt: recoveryAt === null ? null : recoveryAt === t ? at.iso : new Date(recoveryAt).toISOString(),
      t: at.iso,
    },
    events,
    notices: incident.notices,
  };
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
