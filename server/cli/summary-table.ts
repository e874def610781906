import type { ReplayResult } from '../core/drill/replay.js';
import { SUMMARY_COLUMNS } from '../core/drill/summary-columns.js';
import { verdict } from '../core/drill/verdict.js';
import { formatTable } from './table.js';

const HEAD = SUMMARY_COLUMNS.map((c) => c.head);

/** One row per policy and service, so policies can be compared at a glance; then the verdict and what each column means. */
export function summaryTable(runs: readonly ReplayResult[]): string[] {
  const rows: string[][] = [];
  for (const run of runs) {
    for (const [name, s] of Object.entries(run.summary.services)) {
      const e = s.elasticity;
      const p = s.promises;
      rows.push([
        run.policy, name, duration(s.detectionDelaySeconds), duration(s.timeToRecoverSeconds),
        `${fixed(s.p95DelayMs, 0)} ms`, `${fixed(s.p99DelayMs, 0)} ms`, `${fixed(s.worstUserDelayMs, 0)} ms`,
        count(s.requestsThrottled), count(s.requestsDropped),
        fixed(s.minutesOverSlo, 1), fixed(s.serverHours, 1), fixed(s.fleetChangesPerHour, 1),
        String(p.scored), pct(p.onTarget, p.scored), pct(p.broken, p.scored), String(p.notKnown), duration(p.medianErrorSeconds), duration(p.biasSeconds),
        fixed(e.accuracyU, 1), fixed(e.accuracyO, 1), fixed(e.timeshareU, 1), fixed(e.timeshareO, 1),
        fixed(e.instability, 1), fixed(e.jitter, 2),
      ]);
    }
  }
  const lines = formatTable(HEAD, rows);
  const best = verdict(runs.map((r) => r.summary));
  if (best) lines.push('', best.message);
  return [...lines, '', ...columnHelp()];
}

/** "head  meaning" per column, for the help text and under the table. */
export function columnHelp(): string[] {
  const width = Math.max(...SUMMARY_COLUMNS.map((c) => c.head.length));
  return SUMMARY_COLUMNS.map((c) => `  ${c.head.padEnd(width)}  ${c.meaning}`);
}

function pct(share: number, of: number): string {
  return of === 0 ? '-' : `${(share * 100).toFixed(0)}%`;
}

function duration(seconds: number | null): string {
  if (seconds === null) return '-';
  const sign = seconds < 0 ? '-' : '';
  const s = Math.abs(seconds);
  if (s >= 3600) return `${sign}${(s / 3600).toFixed(1)}h`;
  if (s >= 60) return `${sign}${(s / 60).toFixed(1)}m`;
  return `${sign}${s.toFixed(0)}s`;
}

const fixed = (v: number, digits: number): string => v.toFixed(digits);

function count(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)}G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return String(n);
}
