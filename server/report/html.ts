/**
 * The drill report: one self-contained HTML page (chart.js inlined, no network) with the
 * summary table of every run and, per run and service, demand against capacity, the fleet
 * by state, latency against the SLO, refused traffic, and the events and notices in time.
 * It opens on the incidents (with margins), the whole range a click away; series are
 * downsampled (report-series.ts) so a two-day, four-policy replay stays a small page.
 */
import type { Plan } from '../core/plan/types.js';
import type { DrillTakeover } from '../contracts.js';
import type { ReplayResult } from '../core/drill/replay.js';
import { SUMMARY_COLUMNS } from '../core/drill/summary-columns.js';
import { verdict } from '../core/drill/verdict.js';
import { REPORT_SCRIPT } from './report-script.js';
import { downsample, firstIncidentSpans, focusWindow, toColumns } from './report-series.js';

/** the events a reader follows in the timeline; the detector's intermediate states stay in the JSON */
const TIMELINE_EVENTS = new Set(['trigger:firing', 'level:changed', 'servers:activated', 'servers:provisioning', 'throttle:started', 'throttle:stopped', 'drop:started', 'drop:stopped', 'incident:opened', 'incident:resolved', 'manual:scale']);

export interface ReportOptions {
  title: string;
  plan: Plan;
  /** the chart.js UMD bundle's source text, inlined so the page works offline */
  chartJs: string;
  /** a live drill another instance went on with: where (several instances on one database) */
  takeovers?: readonly DrillTakeover[];
}

function takeoverLine(takeovers: readonly DrillTakeover[] | undefined, timezone: string): string {
  if (!takeovers || takeovers.length === 0) return '';
  const at = (iso: string): string => new Intl.DateTimeFormat('en-GB', { timeZone: timezone, dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
  const items = takeovers.map((t) => `<li>at scenario time ${escapeHtml(at(t.scenarioAt))}, instance <strong>${escapeHtml(t.to)}</strong> went on from ${t.from === null ? 'the drill\'s start (no checkpoint)' : `the last checkpoint of <strong>${escapeHtml(t.from)}</strong>`} (wall time ${escapeHtml(t.at)})</li>`);
  return `<section class="takeovers"><p>Taken over by another instance ${takeovers.length === 1 ? 'once' : `${takeovers.length} times`}:</p><ul>${items.join('')}</ul></section>`;
}

export function renderReport(runs: readonly ReplayResult[], opts: ReportOptions): string {
  const tickTimes = runs.flatMap((run) => [run.ticks[0]?.t, run.ticks[run.ticks.length - 1]?.t]).filter((t): t is string => t !== undefined);
  const t0Ms = tickTimes.length === 0 ? 0 : Math.min(...tickTimes.map(Date.parse));
  const range = tickTimes.length === 0 ? null : { startMs: t0Ms, endMs: Math.max(...tickTimes.map(Date.parse)) };
  const window = focusWindow(runs.flatMap((run) => firstIncidentSpans(run.notices)), range);
  const data = {
    timezone: opts.plan.timezone,
    ...summaryMeta(runs),
    t0: t0Ms,
    range: range === null ? null : { start: 0, end: (range.endMs - t0Ms) / 1000 },
    focus: window === null ? null : { start: (window.startMs - t0Ms) / 1000, end: (window.endMs - t0Ms) / 1000 },
    runs: runs.map((run) => ({
      policy: run.policy,
      summary: run.summary,
      services: Object.keys(run.summary.services).map((name) => ({
        name,
        displayName: opts.plan.services[name]?.displayName ?? name,
        sloLatencyMs: opts.plan.services[name]?.capacity.sloLatencyMs ?? 0,
        series: toColumns(downsample(run.ticks.filter((t) => t.service === name), window), t0Ms),
        events: run.events
          .filter((e) => e.service === name && TIMELINE_EVENTS.has(e.type))
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
<header><h1>${escapeHtml(opts.title)}</h1><p>Plan <strong>${escapeHtml(opts.plan.name)}</strong>, times in ${escapeHtml(opts.plan.timezone)}.</p>${takeoverLine(opts.takeovers, opts.plan.timezone)}</header>
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
.view-switch, .policy-picker { margin: .75rem 0; }
.view-switch button { margin-left: .5rem; }
`;
