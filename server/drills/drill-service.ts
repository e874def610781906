/**
 * Owns the one drill that runs at a time: starts it from a request, wires its output to the
 * store, live push and webhooks, stops it, and answers for past drills. Between drills a
 * live session runs at wall-clock speed on the metrics that arrive, so a real surge shows
 * too. Writes go through one queue so the store sees ticks in order and never in parallel.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { scenarioBounds } from '../core/drill/scenario.js';
import type { EngineEvent, Notice } from '../core/engine/types.js';
import type { Plan } from '../core/plan/types.js';
import { scaleAnswer, type ScaleAnswer } from './scale-answer.js';
import type { DrillDto } from '../contracts.js';
import { loadScenario } from '../scenario-file.js';
import type { Store } from '../store/store.js';
import type { AuditActor } from '../auth/require-role.js';
import { DrillRunner, type DrillOutput, type DrillSpec } from './drill-runner.js';
import { isoNow, type Clock } from '../clock/clock.js';
import type { ScaleBody, StartDrillBody } from './start-drill-body.js';
import { failWith, type Result } from '../errors/result.js';
import { saveReport } from './drill-report.js';
import type { EndReason } from './closing-notice.js';
import { NoticePublisher, type CorrectionListener, type OutputListener, type PersistHook } from './notice-publisher.js';
import { planService } from './plan-service.js';

export interface DrillServiceOptions {
  store: Store;
  plan: Plan;
  log: FastifyBaseLogger;
  /** the shell's clock: wall time for rows and the live session, and the drills' tick timers */
  clock: Clock;
  /** run a live session on incoming metrics whenever no drill runs */
  live?: boolean;
  /** the fastest wall tick allowed, ms: bounds speed so timers and sockets keep up */
  minWallTickMs?: number;
  /** where a drill's report is written when it ends; none: reports live only in memory */
  reportsDir?: string;
}

type StatusListener = (drill: DrillDto) => void;

// the drill just ended stays in memory for its finished screen; older reports are read back
// from the reports folder, so memory does not grow with every drill run
const FINISHED_KEPT = 1;

export class DrillService {
  private current: DrillRunner | null = null;
  private readonly finished: DrillRunner[] = [];
  private readonly statusListeners: StatusListener[] = [];
  private readonly publisher: NoticePublisher;
  private writes: Promise<void> = Promise.resolve();
  private closing = false;

  constructor(private readonly opts: DrillServiceOptions) {
    this.publisher = new NoticePublisher(opts.store, opts.plan, opts.clock);
  }

  get plan(): Plan {
    return this.opts.plan;
  }

  get reportsDir(): string | undefined {
    return this.opts.reportsDir;
  }

  /**
   * At boot: drills left running by a crash are marked interrupted and their open incidents
   * resolved, then the live session starts.
   */
  async boot(): Promise<string[]> {
    const interrupted = await this.opts.store.drills.markInterrupted(isoNow(this.opts.clock));
    if (interrupted.length > 0) this.opts.log.warn({ drills: interrupted }, 'drills interrupted by the last shutdown were marked so');
    for (const id of interrupted) {
      const drill = await this.opts.store.drills.get(id);
      await this.publisher.closeIncidents(id, 'interrupted', drill?.scenarioNow ?? isoNow(this.opts.clock), null);
    }
    if (this.opts.live !== false) await this.startLive();
    return interrupted;
  }

  onOutput(fn: OutputListener): void {
    this.publisher.onOutput(fn);
  }

  onPersist(fn: PersistHook): void {
    this.publisher.onPersist(fn);
  }

  onStatus(fn: StatusListener): void {
    this.statusListeners.push(fn);
  }

  /** An operator corrected a published notice (after it is stored). */
  onCorrection(fn: CorrectionListener): void {
    this.publisher.onCorrection(fn);
  }

  running(): DrillRunner | null {
    return this.current;
  }

  async start(body: StartDrillBody, actor: AuditActor | null): Promise<Result<DrillDto>> {
    if (this.current && this.current.spec.kind !== 'live') {
      return failWith('drill.running', { id: this.current.spec.id });
    }
    const scenario = await loadScenario(body.scenario);
    if (!scenario.ok) return failWith('drill.scenario', { scenario: body.scenario, reason: scenario.errors[0]?.message ?? '' }, 'scenario');
    const unknown = Object.keys(scenario.value.services).filter((s) => !planService(this.plan, s));
    if (unknown.length === Object.keys(scenario.value.services).length) {
      return failWith('drill.services', { scenario: body.scenario, plan: this.plan.name }, 'scenario');
    }
    const bounds = scenarioBounds(scenario.value);
    const from = body.from ? Date.parse(body.from) : bounds.startMs;
    const to = body.to ? Date.parse(body.to) : bounds.endMs;
    if (!(from >= bounds.startMs && to <= bounds.endMs && to > from)) {
      return failWith('drill.range', { from: new Date(bounds.startMs).toISOString(), to: new Date(bounds.endMs).toISOString() }, body.from ? 'from' : 'to');
    }
    const minTick = this.opts.minWallTickMs ?? 20;
    const maxSpeed = (this.plan.tickSeconds * 1000) / minTick;
    if (body.speed > maxSpeed) {
      return failWith('drill.speed', { speed: body.speed, everyMs: ((this.plan.tickSeconds * 1000) / body.speed).toFixed(1), max: maxSpeed, tickSeconds: this.plan.tickSeconds }, 'speed');
    }
    this.stopCurrent('stopped');
    const spec: DrillSpec = {
      id: `d-${randomUUID().slice(0, 8)}`,
      kind: 'drill',
      scenarioName: body.scenario,
      scenario: scenario.value,
      plan: this.plan,
      policy: body.policy ?? null,
      speed: body.speed,
      source: body.source,
      demandFrom: body.demandFrom ?? 'traffic',
      scale: body.scale ?? 1,
      from,
      to,
    };
    const runner = await this.launch(spec, { ...body });
    await this.opts.store.audit.append({ at: isoNow(this.opts.clock), actor, action: 'drill.start', target: spec.id, detail: { ...body } });
    return { ok: true, value: runner.dto() };
  }

  async stop(id: string, actor: AuditActor | null): Promise<Result<DrillDto>> {
    const runner = this.current;
    if (!runner || runner.spec.id !== id) {
      const stored = await this.opts.store.drills.get(id);
      if (!stored) return failWith('drill.not-found', { id });
      return failWith('drill.not-running', { id, status: stored.status });
    }
    this.stopCurrent('stopped');
    await this.flush();
    await this.opts.store.audit.append({ at: isoNow(this.opts.clock), actor, action: 'drill.stop', target: id });
    if (!this.closing) await this.startLive();
    return { ok: true, value: runner.dto() };
  }

  async scale(id: string, body: ScaleBody, actor: AuditActor | null): Promise<Result<ScaleAnswer>> {
    const runner = this.current;
    if (!runner || runner.spec.id !== id) return failWith('drill.not-running', { id });
    const svc = planService(this.plan, body.service);
    if (!svc) {
      return failWith('drill.service', { service: body.service, known: Object.keys(this.plan.services) }, 'service');
    }
    runner.enqueue({ type: 'scale', service: body.service, desired: body.desired, by: actor ? `token ${actor.tokenId}` : 'the server' });
    await this.opts.store.audit.append({ at: isoNow(this.opts.clock), actor, action: 'drill.scale', target: id, detail: { ...body } });
    return { ok: true, value: scaleAnswer(body.service, svc, body.desired) };
  }

  /** A running or recently finished drill kept in memory, for live data and reports. */
  runner(id: string): DrillRunner | null {
    if (this.current?.spec.id === id) return this.current;
    return this.finished.find((r) => r.spec.id === id) ?? null;
  }

  async get(id: string): Promise<DrillDto | null> {
    // a drill that just ended may not be stored as ended yet
    await this.flush();
    const r = this.runner(id);
    if (r) return r.dto();
    const stored = await this.opts.store.drills.get(id);
    return stored ? toDto(stored) : null;
  }

  async list(status?: DrillDto['status']): Promise<DrillDto[]> {
    await this.flush();
    const stored = await this.opts.store.drills.list(status ? { status } : {});
    return stored.map((d) => (this.runner(d.id)?.dto() ?? toDto(d)));
  }

  async events(id: string, q: { type?: string; service?: string; limit?: number }): Promise<EngineEvent[]> {
    return this.opts.store.events.list(id, {
      ...(q.service ? { service: q.service } : {}),
      ...(q.type ? { type: q.type } : {}),
      limit: q.limit ?? 1000,
    });
  }

  async notices(id: string): Promise<Notice[]> {
    return (await this.opts.store.notices.list({ drillId: id, limit: 1000 })).map((n) => n.notice).reverse();
  }

  /** An operator's notice: stored before the call returns, then pushed like the engine's. */
  publishManualNotice(notice: Notice, actor: AuditActor | null): Promise<void> {
    return this.publisher.publishManual(notice, this.current, actor);
  }

  /** An operator's correction of a published notice, published wherever the notice went. */
  correctNotice(id: string, text: Notice['text'], actor: AuditActor | null): Promise<Result<Notice>> {
    const runners = [this.current, ...this.finished].filter((r): r is DrillRunner => r !== null);
    return this.publisher.correct(id, text, runners, actor);
  }

  /** Wait until everything produced so far is stored. */
  flush(): Promise<void> {
    return this.writes;
  }

  async close(): Promise<void> {
    this.closing = true;
    this.stopCurrent('interrupted');
    await this.flush();
  }

  private async startLive(): Promise<void> {
    const now = this.opts.clock.now();
    await this.launch({
      id: `live-${randomUUID().slice(0, 8)}`,
      kind: 'live',
      // the name the drill list and the dashboard have always shown for the live session
      scenarioName: 'live',
      scenario: null,
      plan: this.plan,
      policy: null,
      speed: 1,
      source: 'external',
      demandFrom: 'metrics',
      scale: 1,
      from: now,
      to: null,
    }, { live: true });
  }

  private async launch(spec: DrillSpec, config: Record<string, unknown>): Promise<DrillRunner> {
    const runner = new DrillRunner(spec, this.opts.clock);
    await this.opts.store.drills.insert({ ...runner.dto(), planName: this.plan.name, config });
    runner.onOutput((out) => this.handleOutput(runner, out));
    runner.onEnd((r) => this.handleEnd(r));
    this.current = runner;
    runner.start();
    for (const fn of this.statusListeners) fn(runner.dto());
    return runner;
  }

  private stopCurrent(status: 'stopped' | 'interrupted'): void {
    this.current?.stop(status);
  }

  private handleOutput(runner: DrillRunner, out: DrillOutput): void {
    const drillId = runner.spec.id;
    this.publisher.emit(out);
    const scenarioNow = runner.dto().scenarioNow;
    this.enqueueWrite(async () => {
      await this.opts.store.transaction(async (store) => {
        if (out.events.length > 0) await store.events.append(drillId, out.events);
        await store.drills.updateProgress(drillId, scenarioNow);
        await this.publisher.persist(store, out);
      });
    });
  }

  private handleEnd(runner: DrillRunner): void {
    if (this.current === runner) this.current = null;
    if (runner.spec.kind !== 'live') {
      this.finished.unshift(runner);
      this.finished.length = Math.min(this.finished.length, FINISHED_KEPT);
    }
    const dto = runner.dto();
    for (const fn of this.statusListeners) fn(dto);
    const reportsDir = this.opts.reportsDir;
    const reason: EndReason = runner.spec.kind === 'live' ? 'paused' : (dto.status as Exclude<DrillDto['status'], 'running'>);
    this.enqueueWrite(async () => {
      // an ended drill resolves what it left open, so no document keeps an outage nothing will close
      await this.publisher.closeIncidents(dto.id, reason, dto.scenarioNow, runner);
      await this.opts.store.drills.finish(dto.id, dto.status as 'stopped' | 'finished' | 'interrupted', dto.endedAt ?? isoNow(this.opts.clock));
      if (reportsDir && runner.spec.kind !== 'live') await saveReport(reportsDir, runner);
    });
    if (dto.status === 'finished' && !this.closing) void this.startLive();
  }

  private enqueueWrite(work: () => Promise<void>): void {
    this.writes = this.writes.then(work).catch((err: unknown) => {
      this.opts.log.error({ err }, 'storing drill output failed');
    });
  }
}

function toDto(d: DrillDto & { planName?: string; config?: unknown }): DrillDto {
  const { planName: _p, config: _c, ...dto } = d;
  return dto;
}
