import type { ReplayResult } from '../core/drill/replay.js';
import { formatTable } from './table.js';

const HEAD = ['policy', 'service', 'detect', 'recover', 'worst delay', 'throttled', 'dropped', 'min>SLO', 'server-h', 'accU%', 'accO%', 'tsU%', 'tsO%', 'instab%', 'jitter/min'];

/** One row per policy and service, so policies can be compared at a glance. */
export function summaryTable(runs: readonly ReplayResult[]): string[] {
  const rows: string[][] = [];
  for (const run of runs) {
    for (const [name, s] of Object.entries(run.summary.services)) {
      const e = s.elasticity;
      rows.push([
        run.policy, name, duration(s.detectionDelaySeconds), duration(s.timeToRecoverSeconds),
        `${fixed(s.worstUserDelayMs, 0)} ms`, count(s.requestsThrottled), count(s.requestsDropped),
        fixed(s.minutesOverSlo, 1), fixed(s.serverHours, 1),
        fixed(e.accuracyU, 1), fixed(e.accuracyO, 1), fixed(e.timeshareU, 1), fixed(e.timeshareO, 1),
        fixed(e.instability, 1), fixed(e.jitter, 2),
      ]);
    }
  }
  return formatTable(HEAD, rows);
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
