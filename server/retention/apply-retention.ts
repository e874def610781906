/**
 * Pruning by age: the events and saved reports of drills that ended before the drill cutoff,
 * and audit rows older than the audit cutoff (the audit log records the cut in its chain).
 * Drills, incidents and notices stay: they are the public record.
 */
import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../store/store.js';
import type { Clock } from '../clock/clock.js';
import { retentionCutoffs, type RetentionPolicy } from './retention-policy.js';

export interface RetentionOutcome {
  events: number;
  reports: number;
  auditRows: number;
}

async function pruneReports(dir: string, cutoffMs: number): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const file = join(dir, name);
    const info = await stat(file).catch(() => null);
    if (info?.isFile() && info.mtimeMs < cutoffMs) {
      await unlink(file).catch(() => undefined);
      removed++;
    }
  }
  return removed;
}

export async function applyRetention(store: Store, policy: RetentionPolicy, nowMs: number, reportsDir?: string): Promise<RetentionOutcome> {
  const cutoffs = retentionCutoffs(policy, nowMs);
  const events = await store.events.pruneEndedBefore(cutoffs.drills);
  const reports = (reportsDir ? await pruneReports(reportsDir, Date.parse(cutoffs.drills)) : 0) + (await store.reports.pruneEndedBefore(cutoffs.drills));
  const audit = await store.audit.pruneBefore(cutoffs.audit, new Date(nowMs).toISOString());
  return { events, reports, auditRows: audit.deleted };
}

const EVERY_MS = 6 * 3_600_000;

export interface RetentionSchedule {
  /** no further runs; resolves when a run under way has finished */
  stop(): Promise<void>;
}

/** Prune now and every six hours; a failed run is reported and the next one tries again. */
export function scheduleRetention(options: {
  store: Store;
  policy: RetentionPolicy;
  clock: Clock;
  reportsDir?: string;
  onRun: (outcome: RetentionOutcome) => void;
  onError: (err: unknown) => void;
}): RetentionSchedule {
  let current: Promise<void> = Promise.resolve();
  const run = (): void => {
    current = current.then(() =>
      applyRetention(options.store, options.policy, options.clock.now(), options.reportsDir).then(options.onRun, options.onError),
    );
  };
  run();
  const handle = options.clock.setInterval(run, EVERY_MS);
  return {
    stop: () => {
      options.clock.clearInterval(handle);
      return current;
    },
  };
}
