/**
 * The imperative shell around the engine for one drill: a timer that, every wall tick,
 * gathers the tick's demand (from the scenario, traffic or metrics), calls the pure step(),
 * keeps bounded recent history for late joiners and the whole run for the report, and hands
 * the step's output to whoever listens (live push, storage, webhooks).
 */
import { initialEngineState, step, type EngineState } from '../core/engine/step.js';
import type { Command, DemandHistory, EngineEvent, Notice, ServiceSample, Tick } from '../core/engine/types.js';
import type { Plan, PolicyName } from '../core/plan/types.js';
import { demandAt, type Scenario } from '../core/drill/scenario.js';
import { scenarioHistory } from '../core/drill/scenario-history.js';
import { LIVE_HISTORY_TICKS, type DrillDto, type DrillStatus, type DrillTakeover } from '../contracts.js';
import { DemandMeter } from './demand-meter.js';
import { drillClock, type DrillClock } from './drill-clock.js';
import { RingBuffer } from './ring-buffer.js';
import type { Clock } from '../clock/clock.js';

/** 'drill': a rehearsal the operator started; 'live': the session on incoming metrics between drills */
export type DrillKind = 'drill' | 'live';

export interface DrillSpec {
  id: string;
  kind: DrillKind;
  scenarioName: string;
  scenario: Scenario | null;
  plan: Plan;
  policy: PolicyName | null;
  speed: number;
  source: 'generated' | 'external';
  demandFrom: 'traffic' | 'metrics';
  /** users' requests one counted request or metric unit stands for */
  scale: number;
  /** scenario times, epoch ms; `to` null runs until stopped */
  from: number;
  to: number | null;
}

export interface DrillOutput {
  drillId: string;
  /** wall time the engine took for this tick, seconds (0 for output not from a tick) */
  stepSeconds?: number;
  ticks: Tick[];
  events: EngineEvent[];
  notices: Notice[];
}

/** ticks that fell due while the timer was late, run at most this many in one turn */
const CATCH_UP_TICKS = 3;

/**
 * Where a runner starts: a new drill starts at its scenario's start; one another instance
 * drove until now goes on from that instance's last checkpoint (several instances on one
 * database), keeping its start time and list of takeovers.
 */
export interface RunnerOrigin {
  startedAt: number;
  takeovers: DrillTakeover[];
  /** the engine state and scenario time to go on from; absent: the drill's beginning */
  checkpoint?: { state: EngineState; scenarioNow: number };
}

/** The whole run is kept for the report up to this many ticks per service; older ones are let go. */
const REPORT_TICKS_PER_SERVICE = 50_000;
const REPORT_EVENTS = 200_000;
const REPORT_NOTICES = 20_000;
const RECENT_EVENTS = 500;
const RECENT_NOTICES = 200;

export class DrillRunner {
  readonly spec: DrillSpec;
  readonly clock: DrillClock;
  status: DrillStatus = 'running';
  readonly startedAt: number;
  endedAt: number | null = null;
  readonly takeovers: DrillTakeover[];
  private state: EngineState;
  private scenarioNow: number;
  private handle: unknown = null;
  private readonly meter = new DemandMeter();
  private commands: Command[] = [];
  private readonly services: string[];
  /** a generated drill's scenario as demand history, so live forecasts follow the previous day's shape as the replay's do */
  private readonly demandHistory: Record<string, DemandHistory> | undefined;
  private readonly recentTicks = new Map<string, RingBuffer<Tick>>();
  private readonly allTicks = new Map<string, RingBuffer<Tick>>();
  private readonly allEvents = new RingBuffer<EngineEvent>(REPORT_EVENTS);
  private readonly allNotices = new RingBuffer<Notice>(REPORT_NOTICES);
  private readonly recentEvents = new RingBuffer<EngineEvent>(RECENT_EVENTS);
  private readonly recentNotices = new RingBuffer<Notice>(RECENT_NOTICES);
  private readonly latest = new Map<string, Tick>();
  private readonly listeners: ((out: DrillOutput) => void)[] = [];
  private readonly endListeners: ((drill: DrillRunner) => void)[] = [];

  constructor(spec: DrillSpec, private readonly wall: Clock, origin?: RunnerOrigin) {
    this.spec = spec;
    this.clock = drillClock(spec.plan.tickSeconds, spec.speed);
    this.startedAt = origin?.startedAt ?? wall.now();
    this.takeovers = [...(origin?.takeovers ?? [])];
    this.scenarioNow = origin?.checkpoint?.scenarioNow ?? spec.from;
    this.state = origin?.checkpoint?.state ?? initialEngineState(spec.plan, spec.from, spec.policy ?? undefined);
    this.services = Object.keys(spec.plan.services);
    this.demandHistory = spec.source === 'generated' && spec.scenario ? scenarioHistory(spec.scenario, this.services) : undefined;
    for (const name of this.services) {
      this.recentTicks.set(name, new RingBuffer(LIVE_HISTORY_TICKS));
      this.allTicks.set(name, new RingBuffer(REPORT_TICKS_PER_SERVICE));
    }
  }

  onOutput(fn: (out: DrillOutput) => void): void {
    this.listeners.push(fn);
  }

  onEnd(fn: (drill: DrillRunner) => void): void {
    this.endListeners.push(fn);
  }

  /**
   * Tick every wall tick. A loaded machine fires the timer late, and a timer fired late is
   * set again from then, so the drill would fall behind the wall (and behind a load generator
   * replaying the same schedule): the ticks that fell due meanwhile run at once, a few per
   * turn; after a stall longer than that the drill goes on from the present instead of racing.
   */
  start(): void {
    const every = this.clock.wallTickMs;
    let due = this.wall.now();
    this.handle = this.wall.setInterval(() => {
      const now = this.wall.now();
      due += every;
      this.tick();
      for (let extra = 0; extra < CATCH_UP_TICKS && now - due >= every && this.driving && this.status === 'running'; extra++) {
        due += every;
        this.tick();
      }
      if (now - due >= every) due = now;
    }, every);
  }

  stop(status: DrillStatus = 'stopped'): void {
    if (this.status !== 'running') return;
    if (this.handle !== null) this.wall.clearInterval(this.handle);
    this.handle = null;
    this.status = status;
    this.endedAt = this.wall.now();
    for (const fn of this.endListeners) fn(this);
  }

  /**
   * Let another instance drive the drill from here: the timer stops, the drill stays
   * running (it is not ended), and what it remembers stays for snapshots and the report.
   */
  handOff(): void {
    if (this.handle !== null) this.wall.clearInterval(this.handle);
    this.handle = null;
  }

  /** whether this instance is driving the drill (its timer runs) */
  get driving(): boolean {
    return this.handle !== null;
  }

  /**
   * Follow a drill another instance drives: remember its output as if ticked here, so
   * snapshots, the traffic target's answers and the report are the same on every instance.
   * False, and nothing remembered, for output it already holds.
   */
  absorb(out: DrillOutput, scenarioNow: string): boolean {
    if (this.holds(out)) return false;
    this.remember(out.ticks, out.events, out.notices);
    this.scenarioNow = Date.parse(scenarioNow);
    return true;
  }

  /**
   * Whether a tick's output is already here: the driver's memory, asked for when following
   * began, holds the outputs sent while the question was on its way, and they arrive after it.
   */
  private holds(out: DrillOutput): boolean {
    return out.ticks.length > 0 && out.ticks.every((tick) => {
      const latest = this.latest.get(tick.service);
      return latest !== undefined && Date.parse(latest.t) >= Date.parse(tick.t);
    });
  }

  /** A followed drill ended on the instance that drove it. */
  settle(drill: DrillDto): void {
    this.handOff();
    this.status = drill.status;
    this.endedAt = drill.endedAt === null ? null : Date.parse(drill.endedAt);
  }

  /** The state to go on from after the latest tick: plain data, stored as JSON. */
  checkpoint(): { state: EngineState; scenarioNow: number } {
    return { state: this.state, scenarioNow: this.scenarioNow };
  }

  /** Go on from another instance's checkpoint (this instance now drives the drill). */
  resume(checkpoint: { state: EngineState; scenarioNow: number } | null, takeover: DrillTakeover): void {
    if (checkpoint) {
      this.state = checkpoint.state;
      this.scenarioNow = checkpoint.scenarioNow;
    }
    this.takeovers.push(takeover);
  }

  /** A follower learns of takeovers from the driver's status: the list as the driver has it. */
  adoptTakeovers(takeovers: readonly DrillTakeover[]): void {
    this.takeovers.splice(0, this.takeovers.length, ...takeovers);
  }

  countRequest(service: string, weight?: number): void {
    this.meter.countRequest(service, weight ?? this.spec.scale);
  }

  recordSample(service: string, sample: ServiceSample): void {
    this.meter.recordSample(service, sample);
  }

  /** An operator's command, applied at the start of the next tick. */
  enqueue(command: Command): void {
    this.commands.push(command);
  }

  /** Advance one tick. Public so tests drive a drill without waiting on the clock. */
  tick(): void {
    if (this.status !== 'running') return;
    const t = this.scenarioNow + this.clock.scenarioTickMs;
    const commands = this.commands;
    this.commands = [];
    const began = performance.now();
    const out = step(this.spec.plan, this.state, { t, samples: this.samplesAt(t), commands, history: this.demandHistory });
    const stepSeconds = (performance.now() - began) / 1000;
    this.state = out.state;
    this.scenarioNow = t;
    const events = out.events.map((e) => namespaceEvent(e, this.spec.id));
    const notices = out.notices.map((n) => namespaceNotice(n, this.spec.id));
    this.remember(out.ticks, events, notices);
    const output = { drillId: this.spec.id, stepSeconds, ticks: out.ticks, events, notices };
    for (const fn of this.listeners) fn(output);
    if (this.spec.to !== null && t >= this.spec.to) this.stop('finished');
  }

  private samplesAt(t: number): Record<string, ServiceSample> {
    const { scenario, source, demandFrom } = this.spec;
    if (source === 'generated' && scenario) {
      const out: Record<string, ServiceSample> = {};
      for (const name of this.services) out[name] = { rps: demandAt(scenario, name, t) };
      return out;
    }
    return demandFrom === 'metrics'
      ? this.meter.takeMetrics(this.services, this.spec.scale)
      : this.meter.takeTraffic(this.services, this.wall.now(), this.clock.wallTickMs);
  }

  private remember(ticks: Tick[], events: EngineEvent[], notices: Notice[]): void {
    for (const tick of ticks) {
      this.latest.set(tick.service, tick);
      this.recentTicks.get(tick.service)?.push(tick);
      this.allTicks.get(tick.service)?.push(tick);
    }
    for (const e of events) {
      this.allEvents.push(e);
      this.recentEvents.push(e);
    }
    for (const n of notices) {
      this.allNotices.push(n);
      this.recentNotices.push(n);
    }
  }

  /** A notice published outside the engine (an operator's, or a closing one): part of this drill's snapshot and report like the engine's. */
  rememberNotice(notice: Notice): void {
    this.allNotices.push(notice);
    this.recentNotices.push(notice);
  }

  /** An operator corrected a notice's text: the snapshot and the report show the correction. */
  correctNotice(notice: Notice): void {
    const same = (n: Notice): boolean => n.id === notice.id;
    this.allNotices.replace(same, notice);
    this.recentNotices.replace(same, notice);
  }

  latestTick(service: string): Tick | null {
    return this.latest.get(service) ?? null;
  }

  history(): Record<string, Tick[]> {
    const out: Record<string, Tick[]> = {};
    for (const [name, ring] of this.recentTicks) out[name] = ring.toArray();
    return out;
  }

  recentEventList(): EngineEvent[] {
    return this.recentEvents.toArray();
  }

  recentNoticeList(): Notice[] {
    return this.recentNotices.toArray();
  }

  run(): { ticks: Tick[]; events: EngineEvent[]; notices: Notice[] } {
    const ticks: Tick[] = [];
    for (const ring of this.allTicks.values()) ticks.push(...ring.toArray());
    ticks.sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
    return { ticks, events: this.allEvents.toArray(), notices: this.allNotices.toArray() };
  }

  dto(): DrillDto {
    const { spec } = this;
    return {
      id: spec.id,
      status: this.status,
      scenario: spec.scenarioName,
      policy: spec.policy ?? Object.values(spec.plan.services)[0]?.scale.policy ?? 'step',
      speed: spec.speed,
      source: spec.source,
      startedAt: new Date(this.startedAt).toISOString(),
      endedAt: this.endedAt === null ? null : new Date(this.endedAt).toISOString(),
      scenarioStart: new Date(spec.from).toISOString(),
      scenarioNow: new Date(this.scenarioNow).toISOString(),
      scenarioEnd: spec.to === null ? null : new Date(spec.to).toISOString(),
      timezone: spec.plan.timezone,
      takeovers: [...this.takeovers],
    };
  }
}

/** Engine ids restart at 1 in every drill; the drill id in front keeps them unique across drills. */
export function namespaceNotice(n: Notice, drillId: string): Notice {
  return { ...n, id: `${drillId}:${n.id}`, incidentId: `${drillId}:${n.incidentId}` };
}

function namespaceEvent(e: EngineEvent, drillId: string): EngineEvent {
  const data = e.data;
  if (!data || (typeof data.incidentId !== 'string' && typeof data.noticeId !== 'string')) return e;
  return {
    ...e,
    data: {
      ...data,
      ...(typeof data.incidentId === 'string' ? { incidentId: `${drillId}:${data.incidentId}` } : {}),
      ...(typeof data.noticeId === 'string' ? { noticeId: `${drillId}:${data.noticeId}` } : {}),
    },
  };
}
