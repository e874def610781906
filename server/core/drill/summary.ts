/**
 * The replay summary: per service, the figures a team compares between plans and policies.
 *
 * Definitions (also in README):
 * - overloaded tick: demand needs more servers than can serve (demandServers > supplyServers)
 * - surge start: the first tick of the first run of overloaded ticks lasting at least a
 *   minute and at least two ticks (a blip of one tick is not a surge)
 * - impacted tick: users saw it: latency over the SLO, or requests throttled or dropped
 * - detectedAt: when the level that was raised at the surge start went up from normal (the
 *   plan saw it coming), else the first rise above normal after the surge start
 * - detectionDelaySeconds: detectedAt minus the surge start; negative when the plan saw it
 *   coming; null when either never happened
 * - incidentOpenedAt: when the first incident opened (users were told)
 * - timeToRecoverSeconds: from the first impacted tick to the end of the last impacted tick
 * - worstUserDelayMs: the highest latency of any tick
 * - requestsThrottled / requestsDropped: summed over the replay
 * - minutesOverSlo: minutes of impacted ticks
 * - serverHours: servers paid for (every server not in the stopped standby pool) times time
 * - p95DelayMs / p99DelayMs: request-weighted: 95% (99%) of the requests served waited at
 *   most this long (each tick's latency weighted by the requests it served)
 * - fleetChangesPerHour: how often the committed fleet (active + starting + provisioning)
 *   grew or shrank, per hour of replay; scaleOuts / scaleIns count the changes each way
 * - promises: the promise record (promise-record.ts)
 */
import type { Plan } from '../plan/types.js';
import type { EngineEvent, Notice, Tick } from '../engine/types.js';
import { elasticity, type Elasticity } from './elasticity.js';
import { promiseRecord, type PromiseRecord } from './promise-record.js';

export interface ServiceSummary {
  ticks: number;
  peakDemandRps: number;
  peakLevel: string;
  /** the surge start (see above) */
  firstOverloadAt: string | null;
  detectedAt: string | null;
  detectionDelaySeconds: number | null;
  incidentOpenedAt: string | null;
  firstImpactAt: string | null;
  recoveredAt: string | null;
  timeToRecoverSeconds: number | null;
  worstUserDelayMs: number;
  p95DelayMs: number;
  p99DelayMs: number;
  requestsThrottled: number;
  requestsDropped: number;
  minutesOverSlo: number;
  serverHours: number;
  peakServers: number;
  scaleOuts: number;
  scaleIns: number;
  fleetChangesPerHour: number;
  incidents: number;
  notices: number;
  promises: PromiseRecord;
  elasticity: Elasticity;
}

export interface ReplaySummary {
  plan: string;
  scenario: string;
  policy: string;
  from: string;
  to: string;
  tickSeconds: number;
  services: Record<string, ServiceSummary>;
}

export interface SummaryInput {
  plan: Plan;
  scenario: string;
  policy: string;
  ticks: readonly Tick[];
  events: readonly EngineEvent[];
  notices: readonly Notice[];
}

export function summarise(input: SummaryInput): ReplaySummary {
  const { plan, ticks } = input;
  const dt = plan.tickSeconds;
  const byService = groupBy(ticks, (t) => t.service);
  const eventsBy = groupBy(input.events, (e) => e.service);
  const noticesBy = groupBy(input.notices, (n) => n.service);
  const services: Record<string, ServiceSummary> = {};
  for (const [name, list] of byService) {
    const svc = plan.services[name];
    if (!svc) continue;
    services[name] = summariseService(
      list,
      eventsBy.get(name) ?? [],
      noticesBy.get(name) ?? [],
      svc.capacity.sloLatencyMs,
      plan.levels,
      dt,
    );
  }
  return {
    plan: plan.name,
    scenario: input.scenario,
    policy: input.policy,
    from: ticks[0]?.t ?? '',
    to: ticks[ticks.length - 1]?.t ?? '',
    tickSeconds: dt,
    services,
  };
}

function summariseService(
  ticks: readonly Tick[],
  events: readonly EngineEvent[],
  notices: readonly Notice[],
  sloMs: number,
  levels: readonly string[],
  dt: number,
): ServiceSummary {
  const firstOverload = surgeStart(ticks, Math.max(2, Math.ceil(60 / dt)));
  const f = tickFolds(ticks, sloMs, levels, dt);
  const { firstImpact, lastImpact, scaleOuts, scaleIns } = f;
  const opened = events.find((e) => e.type === 'incident:opened') ?? null;
  const delays = weightedQuantiles(f.latency, f.servedRps, [0.95, 0.99]);
  const detectedAt = firstOverload ? detection(ticks, firstOverload.t) : null;
  const recoveredAt = lastImpact ? new Date(Date.parse(lastImpact.t) + dt * 1000).toISOString() : null;
  return {
    ticks: ticks.length,
    peakDemandRps: f.peakDemandRps,
    peakLevel: levels[f.peakLevelIndex] ?? 'normal',
    firstOverloadAt: firstOverload?.t ?? null,
    detectedAt,
    detectionDelaySeconds: detectedAt && firstOverload ? (Date.parse(detectedAt) - Date.parse(firstOverload.t)) / 1000 : null,
    incidentOpenedAt: opened?.t ?? null,
    firstImpactAt: firstImpact?.t ?? null,
    recoveredAt,
    timeToRecoverSeconds: firstImpact && recoveredAt ? (Date.parse(recoveredAt) - Date.parse(firstImpact.t)) / 1000 : null,
    worstUserDelayMs: f.worstLatencyMs,
    p95DelayMs: delays[0] as number,
    p99DelayMs: delays[1] as number,
    requestsThrottled: Math.round(f.throttled),
    requestsDropped: Math.round(f.dropped),
    minutesOverSlo: (f.impacted * dt) / 60,
    serverHours: f.paidServerSeconds / 3600,
    peakServers: f.peakServers,
    scaleOuts,
    scaleIns,
    fleetChangesPerHour: ticks.length > 0 ? (scaleOuts + scaleIns) / ((ticks.length * dt) / 3600) : 0,
    incidents: events.filter((e) => e.type === 'incident:opened').length,
    notices: notices.length,
    promises: promiseRecord(ticks, notices, sloMs, dt),
    elasticity: elasticity(f.demandServers, f.supplyServers, dt),
  };
}

interface TickFolds {
  /** impacted ticks (users saw them): how many, the first and the last */
  impacted: number;
  firstImpact: Tick | null;
  lastImpact: Tick | null;
  scaleOuts: number;
  scaleIns: number;
  peakDemandRps: number;
  peakLevelIndex: number;
  worstLatencyMs: number;
  /** requests, summed over the ticks */
  throttled: number;
  dropped: number;
  /** servers paid for (every server not in the stopped standby pool) times seconds */
  paidServerSeconds: number;
  peakServers: number;
  demandServers: number[];
  supplyServers: number[];
  /** latency and served rate of the ticks that served any request, in tick order */
  latency: number[];
  servedRps: number[];
}

/**
 * Every figure that is a fold over the ticks, in one pass: a replay's ticks lie scattered
 * over the heap, and a pass per figure read each of them a dozen times. Each sum still adds
 * in tick order and each maximum starts from 0, as separate folds did.
 */
function tickFolds(ticks: readonly Tick[], sloMs: number, levels: readonly string[], dt: number): TickFolds {
  const f: TickFolds = {
    impacted: 0,
    firstImpact: null,
    lastImpact: null,
    scaleOuts: 0,
    scaleIns: 0,
    peakDemandRps: 0,
    peakLevelIndex: 0,
    worstLatencyMs: 0,
    throttled: 0,
    dropped: 0,
    paidServerSeconds: 0,
    peakServers: 0,
    demandServers: [],
    supplyServers: [],
    latency: [],
    servedRps: [],
  };
  let committedBefore = 0;
  for (const [i, tick] of ticks.entries()) {
    if (tick.latencyMs > sloMs || tick.throttledRps > 0 || tick.droppedRps > 0) {
      f.impacted++;
      f.firstImpact ??= tick;
      f.lastImpact = tick;
    }
    const { active, starting, provisioning, draining } = tick.servers;
    const committed = active + starting + provisioning;
    if (i > 0 && committed > committedBefore) f.scaleOuts++;
    if (i > 0 && committed < committedBefore) f.scaleIns++;
    committedBefore = committed;
    const paid = committed + draining;
    f.peakDemandRps = Math.max(f.peakDemandRps, tick.demandRps);
    f.peakLevelIndex = Math.max(f.peakLevelIndex, levels.indexOf(tick.level));
    f.worstLatencyMs = Math.max(f.worstLatencyMs, tick.latencyMs);
    f.throttled += tick.throttledRps * dt;
    f.dropped += tick.droppedRps * dt;
    f.paidServerSeconds += paid * dt;
    f.peakServers = Math.max(f.peakServers, paid);
    f.demandServers.push(tick.demandServers);
    f.supplyServers.push(tick.supplyServers);
    if (tick.servedRps > 0) {
      f.latency.push(tick.latencyMs);
      f.servedRps.push(tick.servedRps);
    }
  }
  return f;
}

/** The first tick of the first run of overloaded ticks at least `sustainedTicks` long. */
function surgeStart(ticks: readonly Tick[], sustainedTicks: number): Tick | null {
  let run = 0;
  for (const [i, tick] of ticks.entries()) {
    run = tick.demandServers > tick.supplyServers ? run + 1 : 0;
    if (run >= sustainedTicks) return ticks[i - run + 1] as Tick;
  }
  return null;
}

/** For each share q (ascending), the latency below which that share of the served requests waited (ticks weighted by servedRps). */
function weightedQuantiles(latency: readonly number[], servedRps: readonly number[], qs: readonly number[]): number[] {
  // sorted as numbers rather than as ticks (a replay's ticks lie scattered over the heap); the sort is stable, so ties keep tick order
  const order = Array.from(latency, (_, i) => i).sort((a, b) => (latency[a] as number) - (latency[b] as number));
  let total = 0;
  for (const i of order) total += servedRps[i] as number;
  const out: number[] = [];
  let seen = 0;
  let k = 0;
  for (const q of qs) {
    while (k < order.length && seen + (servedRps[order[k] as number] as number) < q * total) seen += servedRps[order[k++] as number] as number;
    const at = order[Math.min(k, order.length - 1)];
    out.push(at === undefined ? 0 : (latency[at] as number));
  }
  return out;
}

/** The rise above normal in force at the surge start, or the first one after it. */
function detection(ticks: readonly Tick[], surgeStart: string): string | null {
  let raisedAt: string | null = null;
  for (const tick of ticks) {
    if (tick.level === 'normal') raisedAt = null;
    else raisedAt ??= tick.t;
    if (raisedAt !== null && tick.t >= surgeStart) return raisedAt;
  }
  return null;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
