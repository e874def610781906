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
 *   6. updateIncident       notices carry the numbers of this tick; a notice's recovery time
 *                           is the engine run forward from here (forecast-recovery.ts)
 * The live server and the offline replay both call step(); only who supplies `t` differs.
 */
import { initialDetectState, type DetectResult, type DetectState } from '../detect/index.js';
import { initialFleetState, serversByState, setDesired, type FleetState, type ServeResult } from '../fleet/index.js';
import { initialIncidentState, updateIncident, type IncidentState, type IncidentUpdate } from '../notices/index.js';
import type { Plan, PolicyName, ServicePlan } from '../plan/types.js';
import { initialScaleState, type ScaleState } from '../scale/index.js';
import { carriedTrend, demandForecast } from './demand-forecast.js';
import { forecastRecovery } from './forecast-recovery.js';
import { isoTime } from './iso-time.js';
import { outpacingRise, recentRiseRpsPerSec, risingVerySteeply, unexplainedRise } from './steep-rise.js';
import { advanceAndServe, detectStage, joined, scaleStage, type TickContext } from './stages.js';
import { tickRecord } from './tick-record.js';
// for its side effect: gives the per-tick shapes their final field representations first
import './primed-shapes.js';
import type { Command, CoreEvent, DemandHistory, EngineEvent, RecoveryForecast, Notice, ServersByState, ServiceSample, StepInput, Tick } from './types.js';

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
  const iso = isoTime(input.t);
  const commands = input.commands ?? NO_COMMANDS;
  for (const name of Object.keys(plan.services)) {
    const svc = plan.services[name] as ServicePlan;
    const prev = state.services[name];
    if (!prev) continue;
    const sample = input.samples[name] ?? { rps: 0 };
    const own = commands.length === 0 ? NO_COMMANDS : commands.filter((c) => c.service === name);
    const ctx: TickContext = { plan, svc, policy: state.policy ?? svc.scale.policy, prev, t: input.t, demandRps: Math.max(sample.rps, 0) };
    const out = stepService(ctx, sample, own, iso, input.history?.[name]);
    services[name] = out.state;
    ticks.push(out.tick);
    for (const e of out.events) events.push(engineEvent(e, iso, name));
    for (const n of out.notices) notices.push(n);
  }
  return { state: { t: input.t, policy: state.policy, services }, ticks, events, notices };
}

/*
 * Built field by field rather than as `{ ...e, t, service }`: V8 builds a spread from the map
 * of `{}`, whose transition table is full once ajv has compiled its validators, so each
 * spread would get a fresh hidden class. Key order stays that of the events' literals
 * (type, message, reason, data), which keeps the replay JSON as it was.
 */
function engineEvent(e: CoreEvent, t: string, service: string): EngineEvent {
  return e.reason === undefined
    ? { type: e.type, message: e.message, data: e.data, t, service }
    : { type: e.type, message: e.message, reason: e.reason, data: e.data, t, service };
}

interface ServiceStepOutput {
  state: ServiceState;
  tick: Tick;
  events: readonly CoreEvent[];
  notices: Notice[];
}

const NO_EVENTS: readonly CoreEvent[] = [];

/*
 * stepService only sequences the stages and assembles what they produced; each stage is its
 * own function taking the tick's context. Besides reading better, that keeps each unit V8
 * optimises small: one function holding every stage inlined kept failing to optimise at all
 * and ran unoptimised for the whole replay.
 */
function stepService(ctx: TickContext, sample: ServiceSample, commands: readonly Command[], iso: string, history: DemandHistory | undefined): ServiceStepOutput {
  const { plan, svc, policy, prev, t, demandRps } = ctx;
  const commanded = applyCommands(ctx, commands);
  const served = advanceAndServe(ctx, commanded.fleet);
  const detected = detectStage(ctx, sample, served.result);
  const scaled = scaleStage(ctx, served.state, detected.level, served.result);
  // run forward at most once a tick, and only when a notice or a stage change asks
  let forecast: RecoveryForecast | null = null;
  const foresee = (): RecoveryForecast => {
    if (forecast) return forecast;
    const now: ServiceState = { detect: detected.state, scale: scaled.state, fleet: scaled.fleet, incident: prev.incident, level: detected.level, lastT: t };
    const growthRpsPerSec = ((detected.growthPctPerMin / 100) * detected.baselineRps) / 60;
    const recentRpsPerSec = recentRiseRpsPerSec(detected.state.growth.points, detected.baselineRps);
    const demand = demandForecast(history, t, demandRps, carriedTrend(growthRpsPerSec, recentRpsPerSec), svc.growth.windowSeconds);
    const rise = { t, demandRps, demand, trendRpsPerSec: growthRpsPerSec, recentRpsPerSec };
    const foreseen = forecastRecovery(plan, svc, policy, now, demand, unexplainedRise(rise), outpacingRise(rise));
    forecast = risingVerySteeply(recentRpsPerSec, demandRps) ? { ...foreseen, steepRise: true } : foreseen;
    return forecast;
  };
  const servers = serversByState(scaled.fleet);
  const incident = incidentStage(ctx, detected, served.result, foresee, servers);
  const recoveryAt = incident.state.open?.expectedRecoveryAt ?? null;
  return {
    state: {
      detect: detected.state,
      scale: scaled.state,
      fleet: scaled.fleet,
      incident: incident.state,
      level: detected.level,
      lastT: t,
    },
    tick: tickRecord({ service: svc.name, policy, demandRps, served: served.result, detected, servers, recoveryAt, iso }),
    // in stage order: commands, fleet and service, triggers, scaling, incident
    events: joined(joined(joined(joined(commanded.events, served.events), detected.events), scaled.events), incident.events),
    notices: incident.notices,
  };
}

/** The count the fleet will aim for: the plan's bounds win over the operator's number. */
function clampToPlan(desired: number, svc: ServicePlan): number {
  return Math.min(svc.capacity.maxServers, Math.max(svc.capacity.minServers, desired));
}

/** Says what was applied, and why when it is not what was asked. */
function manualScaleMessage(command: Command, svc: ServicePlan): string {
  const applied = clampToPlan(command.desired, svc);
  const why = applied === command.desired ? '' : ` (${command.desired} asked; the plan allows ${svc.capacity.minServers} to ${svc.capacity.maxServers})`;
  return `${command.by} set ${svc.displayName} to ${applied} servers by hand${why}`;
}

/** 1. An operator's scale requests, before anything reacts to them. */
function applyCommands(ctx: TickContext, commands: readonly Command[]): { fleet: FleetState; events: readonly CoreEvent[] } {
  if (commands.length === 0) return { fleet: ctx.prev.fleet, events: NO_EVENTS };
  const { svc, t } = ctx;
  let fleet = ctx.prev.fleet;
  const events: CoreEvent[] = [];
  for (const command of commands) {
    const applied = setDesired(svc, fleet, command.desired, t);
    fleet = applied.state;
    events.push(
      {
        type: 'manual:scale',
        message: manualScaleMessage(command, svc),
        data: { desired: command.desired, applied: clampToPlan(command.desired, svc), by: command.by },
      },
      ...applied.events,
    );
  }
  return { fleet, events };
}

/** 6. Notices carry the numbers of this tick. */
function incidentStage(ctx: TickContext, detected: DetectResult, r: ServeResult, forecast: () => RecoveryForecast, servers: ServersByState): IncidentUpdate {
  const { plan, svc, demandRps } = ctx;
  return updateIncident(svc, plan.timezone, ctx.prev.incident, {
    t: ctx.t,
    level: detected.level,
    levels: plan.levels,
    baselineMultiple: detected.baselineMultiple,
    expectedDelayMs: Math.max(r.latencyMs - svc.capacity.baseLatencyMs, 0),
    forecast,
    usersAffected: r.latencyMs > svc.capacity.sloLatencyMs || r.throttledRps + r.droppedRps > 0,
    throttling: r.throttledRps + r.droppedRps > 0,
    scalingOut: servers.starting + servers.provisioning > 0,
    capacityCoversDemand: r.capacityRps >= demandRps && r.backlog <= 0,
  });
}

export { leadTimeSeconds, throttleAllowed } from './stages.js';
