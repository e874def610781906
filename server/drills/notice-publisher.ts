/**
 * Publishes what reaches users outside an engine tick: an operator's notice, an operator's
 * correction, and the closing update of each incident a drill left open when it ended.
 * Each is stored with its incident and audit entry in one transaction, together with what
 * the persist hooks write there (webhook messages, the status version), and then pushed to
 * the listeners (live push), exactly as a tick's notices are.
 */
import type { AuditActor } from '../auth/require-role.js';
import type { Notice } from '../core/engine/types.js';
import type { Plan } from '../core/plan/types.js';
import type { IncidentRecord } from '../store/incidents.js';
import type { Store } from '../store/store.js';
import { failWith, type Result } from '../errors/result.js';
import { closingNotice, type EndReason } from './closing-notice.js';
import type { DrillOutput, DrillRunner } from './drill-runner.js';
import { isoNow, type Clock } from '../clock/clock.js';

export type OutputListener = (out: DrillOutput) => void;
/** runs inside the transaction that stores an output, so what it writes lands with it or not at all */
export type PersistHook = (store: Store, out: DrillOutput) => Promise<void>;
export type CorrectionListener = (notice: Notice, drillId: string | null) => void;

/** Who hears of what the publisher stores and pushes; the owner of the lists adds to them. */
export interface PublisherListeners {
  readonly persist: readonly PersistHook[];
  readonly output: readonly OutputListener[];
  readonly correction: readonly CorrectionListener[];
}

export class NoticePublisher {
  constructor(
    private readonly store: Store,
    private readonly plan: Plan,
    private readonly clock: Clock,
    private readonly listeners: PublisherListeners,
  ) {}

  /** Store a tick's notices with their incidents, inside the caller's transaction. */
  async persist(store: Store, out: DrillOutput, author: string | null = null): Promise<void> {
    const drillId = out.drillId === '' ? null : out.drillId;
    for (const notice of out.notices) {
      await store.notices.insert(notice, { drillId, author });
      await store.incidents.upsert(incidentFromNotice(notice, drillId));
    }
    for (const hook of this.listeners.persist) await hook(store, out);
  }

  emit(out: DrillOutput): void {
    for (const fn of this.listeners.output) fn(out);
  }

  /** An operator's notice: stored before this returns, then pushed like the engine's. */
  async publishManual(notice: Notice, runner: DrillRunner | null, actor: AuditActor | null): Promise<void> {
    const output: DrillOutput = { drillId: runner?.spec.id ?? '', ticks: [], events: [], notices: [notice] };
    await this.store.transaction(async (store) => {
      await this.persist(store, output, authorOf(actor));
      await store.audit.append({ at: isoNow(this.clock), actor, action: 'notice.post', target: notice.id, detail: { service: notice.service, stage: notice.stage } });
    });
    runner?.rememberNotice(notice);
    this.emit(output);
  }

  /**
   * An operator's correction of a published notice's text: stored with the text before and
   * after in the audit log, then published wherever the notice went (status documents,
   * feed, webhooks, live push, the drills' snapshots and reports).
   */
  async correct(id: string, text: Notice['text'], runners: readonly DrillRunner[], actor: AuditActor | null): Promise<Result<Notice>> {
    const editedAt = isoNow(this.clock);
    const corrected = await this.store.transaction(async (store) => {
      const stored = await store.notices.get(id);
      if (!stored) return null;
      const notice: Notice = { ...stored.notice, text };
      await store.notices.edit(notice, { author: authorOf(actor), editedAt });
      await store.audit.append({ at: editedAt, actor, action: 'notice.edit', target: id, detail: { before: stored.notice.text, after: text } });
      const output: DrillOutput = { drillId: stored.drillId ?? '', ticks: [], events: [], notices: [notice] };
      for (const hook of this.listeners.persist) await hook(store, output);
      return { notice, drillId: stored.drillId };
    });
    if (!corrected) return failWith('notice.not-found', { id }, 'id');
    for (const runner of runners) runner.correctNotice(corrected.notice);
    this.notifyCorrection(corrected.notice, corrected.drillId);
    return { ok: true, value: corrected.notice };
  }

  /** Tell the listeners of a stored correction (this instance's, or one another instance made). */
  notifyCorrection(notice: Notice, drillId: string | null): void {
    for (const fn of this.listeners.correction) fn(notice, drillId);
  }

  /** Resolve a drill's open incidents with a closing update each, at `t` (its scenario time when it ended). */
  async closeIncidents(drillId: string, reason: EndReason, t: string, runner: DrillRunner | null): Promise<void> {
    const open = await this.store.incidents.list({ drillId, unresolvedOnly: true, limit: 10_000 });
    if (open.length === 0) return;
    const output: DrillOutput = { drillId, ticks: [], events: [], notices: open.map((incident) => closingNotice(this.plan, incident, reason, t)) };
    await this.store.transaction(async (store) => {
      await this.persist(store, output);
      const at = isoNow(this.clock);
      for (const notice of output.notices) {
        await store.audit.append({ at, actor: null, action: 'incident.resolve', target: notice.incidentId, detail: { reason } });
      }
    });
    for (const notice of output.notices) runner?.rememberNotice(notice);
    this.emit(output);
  }
}

const authorOf = (actor: AuditActor | null): string => (actor ? `token ${actor.tokenId}` : 'the server');

function incidentFromNotice(n: Notice, drillId: string | null): IncidentRecord {
  return {
    id: n.incidentId,
    drillId,
    service: n.service,
    level: n.level,
    stage: n.stage,
    openedAt: n.t,
    updatedAt: n.t,
    resolvedAt: n.stage === 'resolved' ? n.t : null,
  };
}
