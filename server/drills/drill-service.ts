/**
 * Owns the one drill that runs at a time: starts it from a request, wires its output to the
 * store, live push and webhooks, stops it, and answers for past drills. Between drills a
 * live session runs at wall-clock speed on the metrics that arrive, so a real surge shows
 * too. Writes go through one queue so the store sees ticks in order and never in parallel.
 *
 * Several instances on one database (`cluster`): the instance holding the engine lease
 * drives the drill; it stores each tick's output with a checkpoint of the engine state in
 * one transaction, checked against the lease, and only then pushes it, to its own clients
 * and to the other instances. Those follow the drill (a runner that does not tick), so they
 * answer snapshots, the traffic target and reports the same; they send the driver the
 * demand they count and the commands they are given. When the driver dies, the instance
 * that wins the lease next goes on from the last checkpoint.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { EngineState } from '../core/engine/step.js';
import type { EngineEvent, Notice, ServiceSample, Tick } from '../core/engine/types.js';
import type { Plan } from '../core/plan/types.js';
import { scaleAnswer, type ScaleAnswer } from './scale-answer.js';
import type { DrillDto } from '../contracts.js';
import type { Store } from '../store/store.js';
import type { DrillRecord } from '../store/drills.js';
import type { AuditActor } from '../auth/require-role.js';
import { DrillRunner, type DrillOutput, type DrillSpec } from './drill-runner.js';
import { isoNow, type Clock } from '../clock/clock.js';
import type { ScaleBody, StartDrillBody } from './start-drill-body.js';
import { failWith, type Result } from '../errors/result.js';
import { saveReport, storeReport } from './drill-report.js';
import type { EndReason } from './closing-notice.js';
import { NoticePublisher, type CorrectionListener, type OutputListener, type PersistHook, type PublisherListeners } from './notice-publisher.js';
import { planService } from './plan-service.js';
import { drillSpec, LIVE_CONFIG, liveSpec, specOfRecord } from './drill-spec.js';
import type { ClusterBus, ClusterCommand, DriverNews } from '../cluster/cluster-bus.js';
import { OrderedInbox } from '../cluster/ordered-inbox.js';
import { LeaseKeeper } from '../cluster/lease-keeper.js';
import { DriverRequests } from '../cluster/driver-requests.js';
import { DemandRelay } from '../cluster/demand-relay.js';

/** Several instances on one database: who this one is and how it reaches the others. */
export interface DrillCluster {
  instance: string;
  bus: ClusterBus;
  /** how long the engine lease lasts unless renewed, and how often it is renewed, ms */
  leaseTtlMs: number;
  leaseRenewMs: number;
  /** how long a command waits for an instance to drive the drills, ms */
  requestTimeoutMs: number;
}

/** the one lease: the instance holding it drives the current drill or live session */
export const ENGINE_LEASE = 'engine';

/** a live session left this far behind the wall clock is started afresh rather than resumed */
const LIVE_RESUME_MS = 60_000;

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
  /** several instances on one database; absent: this instance alone drives every drill */
  cluster?: DrillCluster;
}

type StatusListener = (drill: DrillDto) => void;

// the drill just ended stays in memory for its finished screen; older reports are read back
// from the reports folder, so memory does not grow with every drill run
const FINISHED_KEPT = 1;

/** Everyone told of what the service does; the publisher reads its three lists from here. */
interface DrillListeners extends PublisherListeners {
  readonly persist: PersistHook[];
  readonly output: OutputListener[];
  readonly correction: CorrectionListener[];
  readonly status: StatusListener[];
  readonly follow: OutputListener[];
}

export class DrillService {
  private current: DrillRunner | null = null;
  private readonly finished: DrillRunner[] = [];
  private readonly listeners: DrillListeners = { persist: [], output: [], correction: [], status: [], follow: [] };
  private readonly publisher: NoticePublisher;
  private writes: Promise<void> = Promise.resolve();
  private closing = false;
  private sent = 0;
  private booted = false;
  private readonly run = randomUUID();
  /** the driver's news in the order it was sent, per driver process (a takeover brings a new one) */
  private inbox: { run: string; news: OrderedInbox<DriverNews> } | null = null;
  private readonly keeper: LeaseKeeper | null = null;
  private readonly requests: DriverRequests | null = null;
  private readonly demand: DemandRelay | null = null;
  /** followed output waits for the runner it belongs to; one at a time, in order */
  private following: Promise<void> = Promise.resolve();

  constructor(private readonly opts: DrillServiceOptions) {
    this.publisher = new NoticePublisher(opts.store, opts.plan, opts.clock, this.listeners);
    const cluster = opts.cluster;
    if (!cluster) return;
    this.keeper = new LeaseKeeper({
      leases: opts.store.leases,
      name: ENGINE_LEASE,
      holder: cluster.instance,
      clock: opts.clock,
      ttlMs: cluster.leaseTtlMs,
      renewMs: cluster.leaseRenewMs,
      onAcquired: () => this.takeCharge(),
      onLost: () => this.stepDown(),
      onError: (err) => opts.log.error({ err }, 'the engine lease could not be renewed'),
    });
    this.requests = new DriverRequests({
      bus: cluster.bus,
      instance: cluster.instance,
      clock: opts.clock,
      timeoutMs: cluster.requestTimeoutMs,
      resendMs: cluster.leaseRenewMs,
      driving: () => this.driving,
      carryOut: (command) => this.carryOut(command),
    });
    this.demand = new DemandRelay(cluster.bus, cluster.instance, opts.clock);
    // everything published here (ticks once stored, operators' and closing notices) reaches the other instances
    this.listeners.output.push((out) => this.tell({ kind: 'output', out }));
    this.listeners.correction.push((notice, drillId) => this.tell({ kind: 'correction', notice, drillId }));
    this.followCluster(cluster);
  }

  /** whether this instance drives the drills: always alone, while it holds the engine lease in a cluster */
  get driving(): boolean {
    return this.keeper === null || this.keeper.held;
  }

  /** this instance's name, and the instance known to drive the drills (null while nobody does) */
  clusterView(): { instance: string | null; owner: string | null } {
    if (!this.opts.cluster || !this.keeper) return { instance: null, owner: null };
    return { instance: this.opts.cluster.instance, owner: this.keeper.knownOwner };
  }

  get plan(): Plan {
    return this.opts.plan;
  }

  get reportsDir(): string | undefined {
    return this.opts.reportsDir;
  }

  /** A finished drill's report from the shared database (several instances); null otherwise. */
  async storedReport(id: string): Promise<string | null> {
    return this.opts.cluster ? this.opts.store.reports.get(id) : null;
  }

  /**
   * At boot: drills left running by a crash are marked interrupted and their open incidents
   * resolved, then the live session starts.
   */
  async boot(): Promise<string[]> {
    if (this.keeper) {
      // in a cluster a running drill is another instance's, or to be gone on with: never cut off here
      await this.keeper.start();
      // in line with the driver's news: news that arrive while the driver's memory is on its
      // way wait for it, or the memory would look older than what is held and be dropped
      if (!this.driving) await this.followInOrder(() => this.followRunning());
      this.booted = true;
      return [];
    }
    const interrupted = await this.opts.store.drills.markInterrupted(isoNow(this.opts.clock));
    if (interrupted.length > 0) this.opts.log.warn({ drills: interrupted }, 'drills interrupted by the last shutdown were marked so');
    for (const id of interrupted) {
      const drill = await this.opts.store.drills.get(id);
      await this.publisher.closeIncidents(id, 'interrupted', drill?.scenarioNow ?? isoNow(this.opts.clock), null);
    }
    if (this.opts.live !== false) await this.startLive();
    return interrupted;
  }

  /**
   * Ready for traffic: alone, once a session runs (or none is wanted); in a cluster, once
   * booted, since a follower serves whatever the driver runs, even between two sessions.
   */
  ready(): boolean {
    if (this.keeper) return this.booted;
    return this.current !== null || this.opts.live === false;
  }

  onOutput(fn: OutputListener): void {
    this.listeners.output.push(fn);
  }

  onPersist(fn: PersistHook): void {
    this.listeners.persist.push(fn);
  }

  onStatus(fn: StatusListener): void {
    this.listeners.status.push(fn);
  }

  /** Output of a drill another instance drives, as it reaches this one. */
  onFollow(fn: OutputListener): void {
    this.listeners.follow.push(fn);
  }

  /** An operator corrected a published notice (after it is stored). */
  onCorrection(fn: CorrectionListener): void {
    this.listeners.correction.push(fn);
  }

  running(): DrillRunner | null {
    return this.current;
  }

  async start(body: StartDrillBody, actor: AuditActor | null): Promise<Result<DrillDto>> {
    if (!this.driving) return this.forward<DrillDto>({ op: 'start', body, actor });
    if (this.current && this.current.spec.kind !== 'live') {
      return failWith('drill.running', { id: this.current.spec.id });
    }
    const made = await drillSpec(`d-${randomUUID().slice(0, 8)}`, body, this.plan);
    if (!made.ok) return made;
    const spec = made.value;
    const minTick = this.opts.minWallTickMs ?? 20;
    const maxSpeed = (this.plan.tickSeconds * 1000) / minTick;
    if (body.speed > maxSpeed) {
      return failWith('drill.speed', { speed: body.speed, everyMs: ((this.plan.tickSeconds * 1000) / body.speed).toFixed(1), max: maxSpeed, tickSeconds: this.plan.tickSeconds }, 'speed');
    }
    this.stopCurrent('stopped');
    const runner = await this.launch(spec, { ...body });
    await this.opts.store.audit.append({ at: isoNow(this.opts.clock), actor, action: 'drill.start', target: spec.id, detail: { ...body } });
    return { ok: true, value: runner.dto() };
  }

  async stop(id: string, actor: AuditActor | null): Promise<Result<DrillDto>> {
    if (!this.driving) return this.forward<DrillDto>({ op: 'stop', id, actor });
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
    if (!this.driving) return this.forward<ScaleAnswer>({ op: 'scale', id, body, actor });
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
  async publishManualNotice(notice: Notice, actor: AuditActor | null): Promise<Result<Notice>> {
    if (!this.driving) return this.forward<Notice>({ op: 'notice', notice, actor });
    await this.publisher.publishManual(notice, this.current, actor);
    return { ok: true, value: notice };
  }

  /** An operator's correction of a published notice, published wherever the notice went. */
  correctNotice(id: string, text: Notice['text'], actor: AuditActor | null): Promise<Result<Notice>> {
    if (!this.driving) return this.forward<Notice>({ op: 'correct', id, text, actor });
    return this.publisher.correct(id, text, this.runners(), actor);
  }

  /** A request to the traffic target, counted for the running drill wherever it is driven. */
  countRequest(service: string, weight?: number): void {
    const runner = this.current;
    if (!runner) return;
    if (this.driving || !this.demand) runner.countRequest(service, weight);
    else this.demand.count(runner.spec.id, service, weight ?? runner.spec.scale);
  }

  /** A metric sample for the running drill, wherever it is driven. */
  recordSample(service: string, sample: ServiceSample): void {
    const runner = this.current;
    if (!runner) return;
    if (this.driving || !this.demand) runner.recordSample(service, sample);
    else this.demand.sample(runner.spec.id, service, sample);
  }

  /** Wait until everything produced so far is stored. */
  flush(): Promise<void> {
    return this.writes;
  }

  async close(): Promise<void> {
    this.closing = true;
    this.demand?.close();
    if (this.keeper) {
      // the drill goes on: another instance takes the released lease and resumes it
      this.current?.handOff();
      await this.flush();
      await this.keeper.stop(true);
      return;
    }
    this.stopCurrent('interrupted');
    await this.flush();
  }

  private runners(): DrillRunner[] {
    return [this.current, ...this.finished].filter((r): r is DrillRunner => r !== null);
  }

  private async startLive(): Promise<void> {
    await this.launch(liveSpec(`live-${randomUUID().slice(0, 8)}`, this.plan, this.opts.clock.now()), { ...LIVE_CONFIG });
  }

  private async launch(spec: DrillSpec, config: Record<string, unknown>): Promise<DrillRunner> {
    const runner = new DrillRunner(spec, this.opts.clock);
    await this.opts.store.drills.insert({ ...runner.dto(), planName: this.plan.name, config });
    this.drive(runner);
    return runner;
  }

  private drive(runner: DrillRunner): void {
    runner.onOutput((out) => this.handleOutput(runner, out));
    runner.onEnd((r) => this.handleEnd(r));
    this.current = runner;
    runner.start();
    this.announce(runner.dto());
  }

  private announce(drill: DrillDto): void {
    for (const fn of this.listeners.status) fn(drill);
    this.tell({ kind: 'status', drill });
  }

  /** Tell the other instances, when this one drives; numbered, so they see it in order. */
  private tell(news: DriverNews): void {
    const cluster = this.opts.cluster;
    if (!cluster || !this.driving) return;
    cluster.bus.send('news', { from: cluster.instance, run: this.run, seq: this.sent++, news });
  }

  private stopCurrent(status: 'stopped' | 'interrupted'): void {
    this.current?.stop(status);
  }

  private handleOutput(runner: DrillRunner, out: DrillOutput): void {
    const drillId = runner.spec.id;
    const cluster = this.opts.cluster;
    const drill = runner.dto();
    if (!cluster) {
      this.publisher.emit(out);
      this.enqueueWrite(() => this.opts.store.transaction((store) => this.store(store, drillId, drill.scenarioNow, out)));
      return;
    }
    const checkpoint = runner.checkpoint();
    // the state is plain data; written out now, since the next tick replaces it
    const stateJson = JSON.stringify(checkpoint.state);
    this.enqueueWrite(async () => {
      const stored = await this.opts.store.transaction(async (store) => {
        const now = isoNow(this.opts.clock);
        if (!(await store.leases.confirm(ENGINE_LEASE, cluster.instance, now))) return false;
        await this.store(store, drillId, drill.scenarioNow, out);
        await store.checkpoints.save({ drillId, scenarioNow: drill.scenarioNow, stateJson, outputJson: JSON.stringify(out), holder: cluster.instance, savedAt: now });
        return true;
      });
      if (!stored) {
        // the lease ran out under this instance: what it computed was never stored, so never
        // shown; whoever wins the lease next (maybe this instance) goes on from the checkpoint
        runner.handOff();
        this.keeper?.forget();
        return;
      }
      this.publisher.emit(out);
    });
  }

  private async store(store: Store, drillId: string, scenarioNow: string, out: DrillOutput): Promise<void> {
    if (out.events.length > 0) await store.events.append(drillId, out.events);
    await store.drills.updateProgress(drillId, scenarioNow);
    await this.publisher.persist(store, out);
  }

  private handleEnd(runner: DrillRunner): void {
    if (this.current === runner) this.current = null;
    if (runner.spec.kind !== 'live') this.keepFinished(runner);
    const dto = runner.dto();
    this.announce(dto);
    const reportsDir = this.opts.reportsDir;
    const reason: EndReason = runner.spec.kind === 'live' ? 'paused' : (dto.status as Exclude<DrillDto['status'], 'running'>);
    this.enqueueWrite(async () => {
      // an ended drill resolves what it left open, so no document keeps an outage nothing will close
      await this.publisher.closeIncidents(dto.id, reason, dto.scenarioNow, runner);
      await this.opts.store.drills.finish(dto.id, dto.status as 'stopped' | 'finished' | 'interrupted', dto.endedAt ?? isoNow(this.opts.clock));
      if (this.opts.cluster) await this.opts.store.checkpoints.remove(dto.id);
      if (runner.spec.kind === 'live') return;
      if (this.opts.cluster) await storeReport(this.opts.store, runner);
      else if (reportsDir) await saveReport(reportsDir, runner);
    });
    if (dto.status === 'finished' && !this.closing) void this.startLive();
  }

  /** A command given to an instance that does not drive the drills: carried out by the one that does. */
  private async forward<T>(command: ClusterCommand): Promise<Result<T>> {
    const result = await (this.requests as DriverRequests).ask(command);
    return result as Result<T>;
  }

  /** The driver carries out a command another instance was given. */
  private async carryOut(command: ClusterCommand): Promise<Result<unknown>> {
    switch (command.op) {
      case 'start': return this.start(command.body, command.actor);
      case 'stop': return this.stop(command.id, command.actor);
      case 'scale': return this.scale(command.id, command.body, command.actor);
      case 'notice': return this.publishManualNotice(command.notice, command.actor);
      case 'correct': return this.correctNotice(command.id, command.text, command.actor);
      case 'sync': return { ok: true, value: this.current ? syncOf(this.current) : null };
    }
  }

  /** What the other instances send: followed output, drill status, corrections and demand. */
  private followCluster(cluster: DrillCluster): void {
    const { bus } = cluster;
    bus.on('news', ({ run, seq, news }) => {
      if (this.driving) return;
      if (this.inbox?.run !== run) this.inbox = { run, news: new OrderedInbox((n) => this.inOrder(() => this.follow(n))) };
      this.inbox.news.accept(seq, news);
    });
    bus.on('demand', ({ drillId, counts, samples }) => {
      const runner = this.current;
      if (!this.driving || !runner || runner.spec.id !== drillId) return;
      for (const [service, weight] of Object.entries(counts)) runner.countRequest(service, weight);
      for (const [service, sample] of Object.entries(samples)) runner.recordSample(service, sample);
    });
  }

  private async follow(news: DriverNews): Promise<void> {
    if (this.driving) return;
    if (news.kind === 'output') {
      const { out } = news;
      const runner = this.runner(out.drillId) ?? (await this.followDrill(out.drillId));
      if (!runner || runner.driving) return;
      const last = out.ticks[out.ticks.length - 1];
      // already had from the driver's memory when following began: its clients have it in their snapshot
      if (!runner.absorb(out, last ? last.t : runner.dto().scenarioNow)) return;
      this.publisher.emit(out);
      for (const fn of this.listeners.follow) fn(out);
    } else if (news.kind === 'status') {
      const { drill } = news;
      if (drill.status === 'running') {
        // a driver that took the drill over announces it running, with the takeover listed
        if (this.current?.spec.id === drill.id) this.current.adoptTakeovers(drill.takeovers);
        else await this.followDrill(drill.id);
        return;
      }
      const runner = this.runner(drill.id);
      runner?.settle(drill);
      if (runner && this.current === runner) this.current = null;
      if (runner && runner.spec.kind !== 'live') this.keepFinished(runner);
      for (const fn of this.listeners.status) fn(drill);
    } else {
      for (const runner of this.runners()) runner.correctNotice(news.notice);
      this.publisher.notifyCorrection(news.notice, news.drillId);
    }
  }

  private inOrder(work: () => Promise<void>): void {
    this.following = this.following.then(work).catch((err: unknown) => {
      this.opts.log.error({ err }, 'following the drill driven by another instance failed');
    });
  }

  /** `work` after what is already being followed; the news that arrive meanwhile wait for it. */
  private followInOrder(work: () => Promise<void>): Promise<void> {
    this.inOrder(work);
    return this.following;
  }

  /**
   * Follow a drill another instance drives: a runner from its stored row that does not tick,
   * filled with what the driver remembers of it so far.
   */
  private async followDrill(id: string): Promise<DrillRunner | null> {
    const record = await this.opts.store.drills.get(id);
    if (!record || record.status !== 'running') return null;
    const runner = await this.runnerOf(record);
    if (!runner) return null;
    const previous = this.current;
    if (previous && previous !== runner && previous.spec.kind !== 'live') this.keepFinished(previous);
    this.current = runner;
    for (const fn of this.listeners.status) fn(runner.dto());
    const synced = this.requests ? await this.requests.ask({ op: 'sync' }) : null;
    const memory = synced?.ok ? (synced.value as DrillSync | null) : null;
    if (memory && memory.drillId === id) {
      const last = memory.ticks[memory.ticks.length - 1];
      const out = { drillId: id, ticks: memory.ticks, events: memory.events, notices: memory.notices };
      runner.absorb(out, last ? last.t : memory.scenarioNow);
      // the levels so far, for the status documents; not pushed to clients, who had them already
      for (const fn of this.listeners.follow) fn(out);
    } else {
      // the driver did not answer in time: its ticks are only in its memory, but what it
      // published is stored, so the report and the snapshots lose no event or notice
      this.opts.log.warn({ drill: id, answer: synced?.ok === false ? synced.errors[0]?.code : 'another drill' }, "the driver's memory of the drill did not come; following from what is stored");
      await this.recall(runner, record.scenarioNow);
    }
    return runner;
  }

  /** At boot, when another instance drives: follow its drill, if one runs. */
  private async followRunning(): Promise<void> {
    const [running] = await this.opts.store.drills.list({ status: 'running', limit: 1 });
    if (running) await this.followDrill(running.id);
  }

  private async runnerOf(record: DrillRecord): Promise<DrillRunner | null> {
    const spec = await specOfRecord(record, this.plan);
    if (!spec.ok) {
      this.opts.log.error({ drill: record.id, error: spec.errors[0] }, 'a stored drill cannot be followed or resumed');
      return null;
    }
    return new DrillRunner(spec.value, this.opts.clock, { startedAt: Date.parse(record.startedAt), takeovers: record.takeovers });
  }

  /**
   * This instance won the engine lease: it goes on with the drill that runs (from its last
   * checkpoint) or, when none does, starts the live session.
   */
  private async takeCharge(): Promise<void> {
    const cluster = this.opts.cluster as DrillCluster;
    await this.following;
    const [record, ...stale] = await this.opts.store.drills.list({ status: 'running' });
    const at = isoNow(this.opts.clock);
    // one drill runs at a time; others still marked running were cut off long ago
    for (const old of stale) await this.cutOff(old, 'interrupted', at);
    if (!record) {
      this.current = null;
      await this.startLiveUnlessClosing();
      return;
    }
    const followed = this.current?.spec.id === record.id ? this.current : null;
    const runner = followed ?? (await this.runnerOf(record));
    if (!runner) {
      await this.cutOff(record, 'interrupted', at);
      await this.startLiveUnlessClosing();
      return;
    }
    const checkpoint = await this.opts.store.checkpoints.get(record.id);
    if (runner.spec.kind === 'live' && this.opts.clock.now() - Date.parse(checkpoint?.scenarioNow ?? record.scenarioStart) > LIVE_RESUME_MS) {
      // the live session follows the wall clock: after a long stop it starts afresh rather than lag behind
      await this.cutOff(record, 'paused', at);
      await this.startLiveUnlessClosing();
      return;
    }
    const scenarioAt = checkpoint?.scenarioNow ?? record.scenarioStart;
    // an instance that did not follow the drill recalls what is stored of it, for snapshots and the report
    if (!followed) await this.recall(runner, scenarioAt);
    const takeover = { at, scenarioAt, from: checkpoint?.holder ?? null, to: cluster.instance };
    runner.resume(checkpoint ? { state: JSON.parse(checkpoint.stateJson) as EngineState, scenarioNow: Date.parse(checkpoint.scenarioNow) } : null, takeover);
    await this.opts.store.drills.recordTakeover(record.id, takeover);
    this.opts.log.warn({ drill: record.id, takeover }, 'this instance goes on with the drill');
    this.drive(runner);
    // the last stored tick may never have been pushed (the driver died between storing and
    // pushing it): pushed now unless it reached this instance, so no tick or notice goes missing
    if (checkpoint) {
      const last = JSON.parse(checkpoint.outputJson) as DrillOutput;
      if (runner.absorb(last, checkpoint.scenarioNow)) this.publisher.emit(last);
    }
  }

  /** End a stored session nobody drives any more, resolving what it left open. */
  private async cutOff(record: DrillRecord, reason: EndReason, at: string): Promise<void> {
    await this.opts.store.drills.finish(record.id, 'interrupted', at);
    await this.publisher.closeIncidents(record.id, reason, record.scenarioNow, null);
  }

  private async startLiveUnlessClosing(): Promise<void> {
    if (this.opts.live !== false && !this.closing) await this.startLive();
  }

  /** The stored events and notices of a drill up to `before` (ISO, exclusive), into its runner's memory. */
  private async recall(runner: DrillRunner, before: string): Promise<void> {
    const id = runner.spec.id;
    const events = (await this.opts.store.events.latest(id, 1000)).filter((e) => e.t < before).map(({ id: _id, drillId: _drill, ...event }) => event);
    const notices = (await this.opts.store.notices.list({ drillId: id, limit: 1000 })).map((n) => n.notice).reverse().filter((n) => n.t < before);
    runner.absorb({ drillId: id, ticks: [], events, notices }, before);
  }

  /** The lease went to another instance: stop driving and follow. */
  private stepDown(): void {
    this.current?.handOff();
    this.opts.log.warn('this instance lost the engine lease; another instance drives the drills now');
  }

  private keepFinished(runner: DrillRunner): void {
    if (this.finished.includes(runner)) return;
    this.finished.unshift(runner);
    this.finished.length = Math.min(this.finished.length, FINISHED_KEPT);
  }

  private enqueueWrite(work: () => Promise<void>): void {
    this.writes = this.writes.then(work).catch((err: unknown) => {
      this.opts.log.error({ err }, 'storing drill output failed');
    });
  }
}

/** What a follower that just joined takes over from the driver's memory of the drill. */
interface DrillSync {
  drillId: string;
  scenarioNow: string;
  ticks: Tick[];
  events: EngineEvent[];
  notices: Notice[];
}

function syncOf(runner: DrillRunner): DrillSync {
  const ticks = Object.values(runner.history()).flat().sort((a, b) => (a.t < b.t ? -1 : a.t > b.t ? 1 : 0));
  return { drillId: runner.spec.id, scenarioNow: runner.dto().scenarioNow, ticks, events: runner.recentEventList(), notices: runner.recentNoticeList() };
}

function toDto(d: DrillDto & { planName?: string; config?: unknown }): DrillDto {
  const { planName: _p, config: _c, ...dto } = d;
  return dto;
}
