/**
 * Offline replay: the engine driven by a simulated clock as fast as the CPU allows. A tick
 * every plan.tickSeconds from the scenario's first sample to its last, each service's demand
 * interpolated from the scenario. Same plan, scenario and policy give the same result.
 */
import { fail, ok, type Result } from '../errors.js';
import { initialEngineState, step } from '../engine/step.js';
import type { EngineEvent, Notice, Tick } from '../engine/types.js';
import type { Plan, PolicyName } from '../plan/types.js';
import { demandSampler, scenarioBounds, type Scenario } from './scenario.js';
import { scenarioHistory } from './scenario-history.js';
import { summarise, type ReplaySummary } from './summary.js';

export interface ReplayOptions {
  /** force one policy on every service; default: each service's own */
  policy?: PolicyName;
  /** replay only part of the scenario, epoch ms */
  from?: number;
  to?: number;
  /** called now and then with the fraction done, for progress bars */
  onProgress?: (fraction: number) => void;
}

/** The Replay JSON contract of DESIGN.md. */
export interface ReplayResult {
  policy: string;
  ticks: Tick[];
  events: EngineEvent[];
  notices: Notice[];
  summary: ReplaySummary;
}

const PROGRESS_EVERY_TICKS = 500;

export function replay(plan: Plan, scenario: Scenario, opts: ReplayOptions = {}): Result<ReplayResult> {
  const services = Object.keys(scenario.services).filter((name) => plan.services[name]);
  if (services.length === 0) {
    return fail({
      code: 'replay.services',
      message: `the scenario's services (${Object.keys(scenario.services).join(', ') || 'none'}) are not in plan "${plan.name}" (${Object.keys(plan.services).join(', ')}); name them the same`,
      field: 'services',
    });
  }
  const bounds = scenarioBounds(scenario);
  const from = Math.max(opts.from ?? bounds.startMs, bounds.startMs);
  const to = Math.min(opts.to ?? bounds.endMs, bounds.endMs);
  if (!(to > from)) {
    return fail({
      code: 'replay.range',
      message: `nothing to replay between ${new Date(from).toISOString()} and ${new Date(to).toISOString()}; the scenario runs ${new Date(bounds.startMs).toISOString()} to ${new Date(bounds.endMs).toISOString()}`,
    });
  }
  // services the scenario has no demand for are left out rather than simulated idle
  const played: Plan = { ...plan, services: Object.fromEntries(services.map((n) => [n, plan.services[n]!])) };
  const dtMs = plan.tickSeconds * 1000;
  const total = Math.floor((to - from) / dtMs);
  let state = initialEngineState(played, from, opts.policy);
  const history = scenarioHistory(scenario, services);
  const ticks: Tick[] = [];
  const events: EngineEvent[] = [];
  const notices: Notice[] = [];
  // one sample object per service, refilled each tick: step reads them and keeps none
  const samples: Record<string, { rps: number }> = {};
  const demand = services.map((name) => {
    const sample = { rps: 0 };
    samples[name] = sample;
    return { at: demandSampler(scenario, name), sample };
  });
  for (let i = 1; i <= total; i++) {
    const t = from + i * dtMs;
    for (const d of demand) d.sample.rps = d.at(t);
    const out = step(played, state, { t, samples, history });
    state = out.state;
    for (const tick of out.ticks) ticks.push(tick);
    for (const e of out.events) events.push(e);
    for (const n of out.notices) notices.push(n);
    if (opts.onProgress && i % PROGRESS_EVERY_TICKS === 0) opts.onProgress(i / total);
  }
  opts.onProgress?.(1);
  const policy = opts.policy ?? 'plan';
  return ok({
    policy,
    ticks,
    events,
    notices,
    summary: summarise({ plan: played, scenario: scenario.name, policy, ticks, events, notices }),
  });
}
