/**
 * The drill report: one self-contained HTML page (chart.js inlined, no network) with the
 * summary table of every run and, per run and service, demand against capacity, the fleet
 * by state, latency against the SLO, refused traffic, and the events and notices in time.
 * Series are thinned to a bounded number of points so a day-long replay stays a small page.
 */
import type { Plan } from '../core/plan/types.js';
import type { ReplayResult } from '../core/drill/replay.js';
import type { Tick } from '../core/engine/types.js';
import { SUMMARY_COLUMNS } from '../core/drill/summary-columns.js';
import { verdict } from '../core/drill/verdict.js';
import { REPORT_SCRIPT } from './report-script.js';

const MAX_POINTS = 1500;

export interface ReportOptions {
  title: string;
  plan: Plan;
  /** the chart.js UMD bundle's source text, inlined so the page works offline */
  chartJs: string;
}

export function renderReport(runs: readonly ReplayResult[], opts: ReportOptions): string {
  const data = {
    timezone: opts.plan.timezone,
    ...summaryMeta(runs),
    runs: runs.map((run) => ({
      policy: run.policy,
      summary: run.summary,
      services: Object.keys(run.summary.services).map((name) => ({
        name,
        displayName: opts.plan.services[name]?.displayName ?? name,
        sloLatencyMs: opts.plan.services[name]?.capacity.sloLatencyMs ?? 0,
        ticks: thin(run.ticks.filter((t) => t.service === name), MAX_POINTS).map(shapeTick),
        events: run.events
          .filter((e) => e.service === name && e.type !== 'scale:decision')
          .map((e) => ({ t: e.t, type: e.type, message: e.message, ...(e.type === 'level:changed' ? { level: String(e.data?.to ?? '') } : {}) })),
        decisions: run.events
          .filter((e) => e.service === name && e.type === 'scale:decision')
          .map((e) => ({ t: e.t, reason: e.reason ?? '', message: e.message })),
        notices: run.notices
          .filter((n) => n.service === name)
          .map((n) => ({ t: n.t, stage: n.stage, level: n.level, title: n.text.en.title, body: n.text.en.body, expectedRecoveryAt: n.expectedRecoveryAt })),
      })),
    })),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(opts.title)}</h1><p>Plan <strong>${escapeHtml(opts.plan.name)}</strong>, times in ${escapeHtml(opts.plan.timezone)}.</p></header>
<main id="report"></main>
<script>${opts.chartJs.replace(/<\/script/gi, '<\\/script')}</script>
<script type="application/json" id="report-data">${jsonForHtml(data)}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

/** What the summary table's columns mean (its tooltips and legend) and which policy did best. */
function summaryMeta(runs: readonly ReplayResult[]): { columns: typeof SUMMARY_COLUMNS; verdict: string | null } {
  return { columns: SUMMARY_COLUMNS, verdict: verdict(runs.map((r) => r.summary))?.message ?? null };
}

type ReportTick = Pick<Tick, 't' | 'demandRps' | 'capacityRps' | 'servedRps' | 'throttledRps' | 'droppedRps' | 'backlog' | 'latencyMs' | 'level' | 'baselineRps' | 'servers'>;

function shapeTick(t: Tick): ReportTick {
  return {
    t: t.t,
    demandRps: round(t.demandRps),
    capacityRps: round(t.capacityRps),
    servedRps: round(t.servedRps),
    throttledRps: round(t.throttledRps),
    droppedRps: round(t.droppedRps),
    backlog: round(t.backlog),
    latencyMs: round(t.latencyMs),
    level: t.level,
    baselineRps: round(t.baselineRps),
    servers: t.servers,
  };
}

/** From each stride of ticks keep the one where users suffered most, so the worst moments survive thinning. */
function thin(ticks: readonly Tick[], max: number): Tick[] {
  if (ticks.length <= max) return [...ticks];
  const stride = Math.ceil(ticks.length / max);
  const out: Tick[] = [];
  for (let i = 0; i < ticks.length; i += stride) {
    let pick = ticks[i] as Tick;
    for (let j = i + 1; j < Math.min(i + stride, ticks.length); j++) {
      const c = ticks[j] as Tick;
      if (c.latencyMs + c.throttledRps + c.droppedRps > pick.latencyMs + pick.throttledRps + pick.droppedRps) pick = c;
    }
    out.push(pick);
  }
  return out;
}

const round = (v: number): number => Math.round(v * 10) / 10;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON safe inside a <script> element: no "</script>" or "<!--" can close or confuse it. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const STYLE = `
:root { color-scheme: light; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --bad: #b42318; }
body { font: 15px/1.45 system-ui, sans-serif; color: var(--fg); margin: 0 auto; max-width: 1200px; padding: 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { margin-top: 2rem; } h3 { margin-top: 1.5rem; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: right; }
th:first-child, td:first-child, th:nth-child(2), td:nth-child(2) { text-align: left; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem; }
.chart { position: relative; height: 240px; }
ol.timeline { font-size: 13px; max-height: 320px; overflow: auto; padding-left: 1.5rem; }
.muted { color: var(--muted); }
`;
