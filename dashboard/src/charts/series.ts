/**
 * Ticks shaped into chart.js points ({x: epoch ms, y}) ahead of time, so charts run with
 * `parsing: false` and never look inside a Tick themselves.
 */
import type { Tick } from '../../../server/contracts.js';

export interface Point {
  x: number;
  y: number;
}

export const SERIES_KEYS = [
  'demand',
  'capacity',
  'baseline',
  'throttled',
  'dropped',
  'active',
  'starting',
  'provisioning',
  'standby',
  'latency',
  'backlog',
] as const;

export type SeriesKey = (typeof SERIES_KEYS)[number];
export type ServiceSeries = Record<SeriesKey, Point[]>;

const finite = (value: number): number => (Number.isFinite(value) ? value : 0);

export function tickValues(tick: Tick): Record<SeriesKey, number> {
  return {
    demand: tick.demandRps,
    capacity: tick.capacityRps,
    baseline: tick.baselineRps,
    throttled: tick.throttledRps,
    dropped: tick.droppedRps,
    active: tick.servers.active,
    starting: tick.servers.starting,
    provisioning: tick.servers.provisioning,
    standby: tick.servers.standby,
    latency: tick.latencyMs,
    backlog: tick.backlog,
  };
}

export function emptySeries(): ServiceSeries {
  return Object.fromEntries(SERIES_KEYS.map((key) => [key, [] as Point[]])) as ServiceSeries;
}

/** Ticks whose time does not parse are skipped: a gap is better than a point at 1970. */
export function shapeTicks(ticks: readonly Tick[]): ServiceSeries {
  const series = emptySeries();
  for (const tick of ticks) {
    const x = Date.parse(tick.t);
    if (!Number.isFinite(x)) continue;
    const values = tickValues(tick);
    for (const key of SERIES_KEYS) series[key].push({ x, y: finite(values[key]) });
  }
  return series;
}

/**
 * Brings series in step with the store's buffer after an append: the new points join, then
 * the oldest `dropped` leave (some of the new ones too, when a batch exceeds the capacity). Mutates in place on purpose: chart.js keeps these
 * arrays and redraws only what changed.
 */
export function appendToSeries(series: ServiceSeries, added: readonly Tick[], dropped: number): void {
  const fresh = shapeTicks(added);
  for (const key of SERIES_KEYS) {
    series[key].push(...fresh[key]);
    if (dropped > 0) series[key].splice(0, dropped);
  }
}

/** A horizontal reference line (an SLO) across the span of the data. */
export function horizontalLine(points: readonly Point[], y: number): Point[] {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined) return [];
  return first.x === last.x ? [{ x: first.x, y }] : [{ x: first.x, y }, { x: last.x, y }];
}
