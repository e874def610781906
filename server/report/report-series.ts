/**
 * A service's ticks shaped for the report page: columns instead of one object per tick, and
 * downsampled where no eye can see the difference. Inside the focus window (the incidents,
 * with margins) a chart is a few hundred pixels wide, so at most FOCUS_POINTS points are
 * kept there and REST_POINTS for the rest of the day; from each stride the tick where users
 * suffered most is kept, so peaks survive.
 */
import type { Tick } from '../core/engine/types.js';

export const FOCUS_POINTS = 600;
export const REST_POINTS = 240;
/** margin around the surge: enough to see the build-up and the calm afterwards */
export const FOCUS_MARGIN_MS = 45 * 60_000;
export const SURGE_MAX_MS = 4 * 3_600_000;

export interface FocusWindow {
  startMs: number;
  endMs: number;
}

/** Columns of one service's thinned ticks; `x` is seconds from the report's `t0`. */
export interface SeriesColumns {
  x: number[];
  demand: number[];
  capacity: number[];
  baseline: number[];
  throttled: number[];
  dropped: number[];
  latency: number[];
  active: number[];
  starting: number[];
  provisioning: number[];
  standby: number[];
}

/** One incident's first and last notice time. */
export interface IncidentSpan {
  startMs: number;
  endMs: number;
}

/**
 * The surge: from the first incident's opening to when the first incidents of every run and
 * service were resolved (at most SURGE_MAX_MS later, so a policy that never recovers does not
 * stretch it over the day), with margins, inside the data. The whole range without incidents.
 */
export function focusWindow(firstIncidents: readonly IncidentSpan[], range: FocusWindow | null): FocusWindow | null {
  if (range === null || firstIncidents.length === 0) return range;
  const start = Math.min(...firstIncidents.map((i) => i.startMs));
  const end = Math.min(Math.max(...firstIncidents.map((i) => i.endMs)), start + SURGE_MAX_MS);
  return { startMs: Math.max(range.startMs, start - FOCUS_MARGIN_MS), endMs: Math.min(range.endMs, end + FOCUS_MARGIN_MS) };
}

/** Each service's first incident in a run's notices, as a span. */
export function firstIncidentSpans(notices: readonly { t: string; service: string; incidentId: string }[]): IncidentSpan[] {
  const first = new Map<string, string>();
  const spans = new Map<string, IncidentSpan>();
  for (const n of notices) {
    if (!first.has(n.service)) first.set(n.service, n.incidentId);
    if (first.get(n.service) !== n.incidentId) continue;
    const ms = Date.parse(n.t);
    const span = spans.get(n.incidentId);
    spans.set(n.incidentId, span === undefined ? { startMs: ms, endMs: ms } : { startMs: Math.min(span.startMs, ms), endMs: Math.max(span.endMs, ms) });
  }
  return [...spans.values()];
}

const suffering = (t: Tick): number => t.latencyMs + t.throttledRps + t.droppedRps;

/** From each stride keep the tick where users suffered most (ties: the first). */
export function thin(ticks: readonly Tick[], max: number): Tick[] {
  if (ticks.length <= max) return [...ticks];
  const stride = Math.ceil(ticks.length / max);
  const out: Tick[] = [];
  for (let i = 0; i < ticks.length; i += stride) {
    let pick = ticks[i] as Tick;
    for (let j = i + 1; j < Math.min(i + stride, ticks.length); j++) {
      const c = ticks[j] as Tick;
      if (suffering(c) > suffering(pick)) pick = c;
    }
    out.push(pick);
  }
  return out;
}

/** Full detail (up to FOCUS_POINTS) inside the window, coarse outside it, in time order. */
export function downsample(ticks: readonly Tick[], window: FocusWindow | null): Tick[] {
  if (window === null) return thin(ticks, FOCUS_POINTS);
  const inside = (t: Tick): boolean => {
    const ms = Date.parse(t.t);
    return ms >= window.startMs && ms <= window.endMs;
  };
  const before = ticks.filter((t) => Date.parse(t.t) < window.startMs);
  const after = ticks.filter((t) => Date.parse(t.t) > window.endMs);
  const outside = before.length + after.length;
  const share = (n: number): number => (outside === 0 ? 0 : Math.max(1, Math.round((REST_POINTS * n) / outside)));
  return [...thin(before, share(before.length)), ...thin(ticks.filter(inside), FOCUS_POINTS), ...thin(after, share(after.length))];
}

const r1 = (v: number): number => Math.round(v * 10) / 10;
const r0 = (v: number): number => Math.round(v);

export function toColumns(ticks: readonly Tick[], t0Ms: number): SeriesColumns {
  const col = (f: (t: Tick) => number): number[] => ticks.map(f);
  return {
    x: col((t) => (Date.parse(t.t) - t0Ms) / 1000),
    demand: col((t) => r0(t.demandRps)),
    capacity: col((t) => r0(t.capacityRps)),
    baseline: col((t) => r0(t.baselineRps)),
    throttled: col((t) => r1(t.throttledRps)),
    dropped: col((t) => r1(t.droppedRps)),
    latency: col((t) => r0(t.latencyMs)),
    active: col((t) => t.servers.active),
    starting: col((t) => t.servers.starting),
    provisioning: col((t) => t.servers.provisioning),
    standby: col((t) => t.servers.standby),
  };
}
