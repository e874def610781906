import type { ReplaySummary } from './summary.js';
import { VERDICT_RULE } from './summary-columns.js';

export interface Verdict {
  best: string;
  rule: string;
  /** one sentence for a person, with the numbers that decided it */
  message: string;
}

interface Totals {
  policy: string;
  minutes: number;
  refused: number;
  serverHours: number;
}

function totals(s: ReplaySummary): Totals {
  const all = Object.values(s.services);
  return {
    policy: s.policy,
    minutes: all.reduce((n, x) => n + x.minutesOverSlo, 0),
    refused: all.reduce((n, x) => n + x.requestsThrottled + x.requestsDropped, 0),
    serverHours: all.reduce((n, x) => n + x.serverHours, 0),
  };
}

/** The best of several replays of one scenario by VERDICT_RULE; null for fewer than two. */
export function verdict(summaries: readonly ReplaySummary[]): Verdict | null {
  if (summaries.length < 2) return null;
  const ranked = summaries.map(totals).sort((a, b) => a.minutes - b.minutes || a.refused - b.refused || a.serverHours - b.serverHours);
  const [best, next] = ranked as [Totals, Totals];
  const why =
    best.minutes !== next.minutes ? `${best.minutes.toFixed(1)} min with users affected against ${next.minutes.toFixed(1)} for ${next.policy}`
    : best.refused !== next.refused ? `as few minutes affected as ${next.policy} (${best.minutes.toFixed(1)}), and ${best.refused} refused requests against ${next.refused}`
    : `as few minutes affected and refusals as ${next.policy}, on ${best.serverHours.toFixed(1)} server-hours against ${next.serverHours.toFixed(1)}`;
  return { best: best.policy, rule: VERDICT_RULE, message: `best policy: ${best.policy}: ${why} (rule: ${VERDICT_RULE})` };
}
