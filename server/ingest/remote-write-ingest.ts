/**
 * Remote-write series into per-service samples, like `sum(rate(counter[...]))` for rps.
 *
 * A service is usually fed by many series (k6 sends one per tag set; Prometheus one per
 * target and label set), spread over several requests (Prometheus shards). So the state keeps
 * the latest value of every matched series, and each request emits, for every service
 * measure it touched, the aggregate over that measure's series that are current at the
 * newest time seen: rps is summed, latency and error rate take the worst series. A series
 * is current when its latest value is from that time or younger than its own sample
 * interval; k6 leaves out of a push the series that saw no traffic, and those drop out.
 * A later sample for the same service and time supersedes an earlier one.
 */
import type { Plan, SeriesMapping } from '../core/plan/types.js';
import { counterStep } from './counter-rates.js';
import type { CounterRates } from './counter-rates.js';
import type { IngestSample } from './ingest-sample.js';
import type { TimeSeries, WriteRequest } from './remote-write.js';
import { seriesKey } from './series-key.js';
import { matchSeries } from './series-match.js';
import type { SeriesMatch } from './series-match.js';

type Measure = SeriesMapping['measures'];

export interface LatestValue {
  service: string;
  measures: Measure;
  /** epoch milliseconds */
  t: number;
  value: number;
  /** spacing of this series' last two samples; 0 until known */
  intervalMs: number;
}

export interface RemoteWriteState {
  counters: CounterRates;
  /** keyed by service, measure and series */
  latest: Record<string, LatestValue>;
}

/** Series silent for longer than this are forgotten (Prometheus' default lookback delta). */
export const LOOKBACK_MS = 5 * 60 * 1000;

export const emptyRemoteWriteState = (): RemoteWriteState => ({ counters: {}, latest: {} });

const groupKey = (service: string, measures: Measure): string => `${service}\u0000${measures}`;

// Prometheus exposes durations in seconds (k6 converts its milliseconds to seconds too);
// only a metric that says milliseconds in its name is taken as is.
function inMeasureUnit(measures: Measure, metric: string, value: number): number {
  if (measures !== 'latencyMs' || /_(ms|milliseconds)$/.test(metric)) return value;
  return value * 1000;
}

interface Working {
  counters: CounterRates;
  latest: Record<string, LatestValue>;
  /** newest sample time per touched service measure */
  touched: Map<string, { service: string; measures: Measure; t: number }>;
}

function record(w: Working, match: SeriesMatch, key: string, t: number, value: number, intervalMs: number): void {
  w.latest[`${groupKey(match.service, match.measures)}\u0000${key}`] = {
    service: match.service,
    measures: match.measures,
    t,
    value,
    intervalMs,
  };
  const group = groupKey(match.service, match.measures);
  const seen = w.touched.get(group);
  if (!seen || seen.t < t) w.touched.set(group, { service: match.service, measures: match.measures, t });
}

function applySeries(w: Working, series: TimeSeries, matches: SeriesMatch[]): void {
  const key = seriesKey(series.labels);
  const metric = series.labels.find((l) => l.name === '__name__')?.value ?? '';
  // NaN is Prometheus' stale marker; it carries no value.
  const samples = series.samples.filter((s) => Number.isFinite(s.value)).sort((a, b) => a.timestamp - b.timestamp);
  for (const sample of samples) {
    const step = counterStep(w.counters[key], sample.timestamp, sample.value);
    if (matches.some((m) => m.kind === 'counter')) w.counters[key] = step.point;
    for (const match of matches) {
      if (match.kind === 'counter') {
        if (step.rate !== null && step.intervalMs !== null) record(w, match, key, sample.timestamp, step.rate, step.intervalMs);
        continue;
      }
      const prev = w.latest[`${groupKey(match.service, match.measures)}\u0000${key}`];
      if (prev && sample.timestamp < prev.t) continue;
      const intervalMs = prev ? sample.timestamp - prev.t : 0;
      record(w, match, key, sample.timestamp, inMeasureUnit(match.measures, metric, sample.value), intervalMs);
    }
  }
}

const isCurrent = (v: LatestValue, t: number): boolean => t - v.t <= 0 || t - v.t < v.intervalMs;

function aggregate(w: Working): IngestSample[] {
  const byServiceTime = new Map<string, IngestSample>();
  for (const [group, { service, measures, t }] of w.touched) {
    const values = Object.values(w.latest)
      .filter((v) => groupKey(v.service, v.measures) === group && isCurrent(v, t))
      .map((v) => v.value);
    if (values.length === 0) continue;
    const value = measures === 'rps' ? values.reduce((a, b) => a + b, 0) : Math.max(...values);
    const sampleKey = `${service}\u0000${t}`;
    const sample = byServiceTime.get(sampleKey) ?? { service, t };
    sample[measures] = value;
    byServiceTime.set(sampleKey, sample);
  }
  return [...byServiceTime.values()].sort((a, b) => a.t - b.t || (a.service < b.service ? -1 : 1));
}

function prune<T extends { t: number }>(entries: Record<string, T>, oldest: number): Record<string, T> {
  return Object.fromEntries(Object.entries(entries).filter(([, e]) => e.t >= oldest));
}

/** Applies one decoded request; returns the next state and the samples it produced. */
export function ingestWriteRequest(
  state: RemoteWriteState,
  plan: Plan,
  request: WriteRequest,
): { state: RemoteWriteState; samples: IngestSample[] } {
  const w: Working = { counters: { ...state.counters }, latest: { ...state.latest }, touched: new Map() };
  let newest = -Infinity;
  for (const series of request.timeseries) {
    const matches = matchSeries(plan, series);
    if (matches.length === 0) continue;
    applySeries(w, series, matches);
    for (const s of series.samples) newest = Math.max(newest, s.timestamp);
  }
  const samples = aggregate(w);
  if (newest === -Infinity) return { state: { counters: w.counters, latest: w.latest }, samples };
  const oldest = newest - LOOKBACK_MS;
  return { state: { counters: prune(w.counters, oldest), latest: prune(w.latest, oldest) }, samples };
}
