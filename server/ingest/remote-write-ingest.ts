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
 *
 * A request costs in proportion to its own series: state lives in maps updated in place,
 * aggregation reads only the groups the request touched (each of their values, from a dense
 * list, a few nanoseconds apiece), and forgetting silent series looks only at the least
 * recently written. A series sent before costs no decoding of its labels:
 * the decoder hands back the same label list (see label-interner.ts), and its key and the
 * services it feeds are kept with that list.
 */
import { systemClock } from '../clock/clock.js';
import { fail, ok } from '../core/errors.js';
import type { Result } from '../core/errors.js';
import type { Plan, SeriesMapping } from '../core/plan/types.js';
import { counterStep } from './counter-rates.js';
import type { IngestSample } from './ingest-sample.js';
import { LabelInterner } from './label-interner.js';
import type { Label, TimeSeries, WriteRequest } from './remote-write.js';
import { inRange, SAMPLE_RANGES } from './sample-ranges.js';
import { seriesKey } from './series-key.js';
import { matchSeries } from './series-match.js';
import type { SeriesMatch } from './series-match.js';
import { SeriesTable } from './series-table.js';
import type { HeldSeries, LatestValue } from './series-table.js';
import { MAX_SAMPLE_MAGNITUDE, MAX_TIMESTAMP_MS } from './write-request-limits.js';

type Measure = SeriesMapping['measures'];

/**
 * Series not written for this long, in wall time, are forgotten (Prometheus' default lookback
 * delta). Wall time, not sample time: one sample stamped far in the future must not make
 * every other series look silent.
 */
export const LOOKBACK_MS = 5 * 60 * 1000;

/** Series held at most, unless configured otherwise. */
export const DEFAULT_MAX_SERIES = 50_000;

// Prometheus exposes durations in seconds (k6 converts its milliseconds to seconds too);
// only a metric that says milliseconds in its name is taken as is.
function inMeasureUnit(measures: Measure, metric: string, value: number): number {
  if (measures !== 'latencyMs' || /_(ms|milliseconds)$/.test(metric)) return value;
  return value * 1000;
}

/** What a label list means to this receiver, kept with the list while it is in use. */
interface SeriesFacts {
  key: string;
  metric: string;
  /** the plan `matches` were found for: a new plan is matched again */
  plan: Plan;
  matches: SeriesMatch[];
  /** a counter mapping is among the matches: the series' counter point is kept */
  hasCounter: boolean;
}

interface Matched {
  series: TimeSeries;
  facts: SeriesFacts;
}

/** newest sample time per touched service measure */
type Touched = Map<string, { service: string; measures: Measure; t: number }>;

function sampleError(series: TimeSeries, i: number): string | null {
  for (let j = 0; j < series.samples.length; j++) {
    const s = series.samples[j] as TimeSeries['samples'][number];
    // NaN is Prometheus' stale marker; any other value must be a plausible number.
    if (!Number.isNaN(s.value) && !(Math.abs(s.value) <= MAX_SAMPLE_MAGNITUDE)) {
      return `timeseries[${i}].samples[${j}].value`;
    }
    if (!Number.isInteger(s.timestamp) || s.timestamp < 0 || s.timestamp > MAX_TIMESTAMP_MS) {
      return `timeseries[${i}].samples[${j}].timestamp`;
    }
  }
  return null;
}

const EXPECTED: Record<string, string> = {
  value: `NaN (the stale marker) or a finite number within ±${MAX_SAMPLE_MAGNITUDE}`,
  timestamp: `epoch milliseconds from 0 to ${MAX_TIMESTAMP_MS}`,
};

export class RemoteWriteIngest {
  private readonly table: SeriesTable;
  private readonly facts = new WeakMap<readonly Label[], SeriesFacts>();
  /** for the decoder: this receiver's series share their label lists between requests */
  readonly labels: LabelInterner;

  constructor(
    maxSeries = DEFAULT_MAX_SERIES,
    private readonly now: () => number = systemClock.now,
  ) {
    this.table = new SeriesTable(maxSeries);
    this.labels = new LabelInterner(maxSeries);
  }

  get heldSeries(): number {
    return this.table.size;
  }

  get evictions(): number {
    return this.table.evictions;
  }

  /**
   * Applies one decoded request and returns the samples it produced, or, when a sample of a
   * series the plan reads is out of range, an error naming it and nothing applied.
   */
  ingest(plan: Plan, request: WriteRequest): Result<IngestSample[]> {
    const matched: Matched[] = [];
    for (const [i, series] of request.timeseries.entries()) {
      const facts = this.factsOf(plan, series.labels);
      if (facts.matches.length === 0) continue;
      const field = sampleError(series, i);
      if (field) {
        const leaf = field.split('.').at(-1) ?? '';
        return fail({ code: 'remote-write.sample', message: `${field}: expected ${EXPECTED[leaf]}`, field });
      }
      matched.push({ series, facts });
    }
    const touched: Touched = new Map();
    const now = this.now();
    for (const { series, facts } of matched) this.applySeries(touched, series, facts, now);
    this.table.forgetWrittenBefore(now - LOOKBACK_MS, now);
    return ok(this.aggregate(touched));
  }

  private factsOf(plan: Plan, labels: readonly Label[]): SeriesFacts {
    let facts = this.facts.get(labels);
    if (!facts) {
      const matches = matchSeries(plan, { labels });
      const metric = labels.find((l) => l.name === '__name__')?.value ?? '';
      facts = { key: seriesKey(labels), metric, plan, matches, hasCounter: matches.some((m) => m.kind === 'counter') };
      this.facts.set(labels, facts);
    } else if (facts.plan !== plan) {
      facts.plan = plan;
      facts.matches = matchSeries(plan, { labels });
      facts.hasCounter = facts.matches.some((m) => m.kind === 'counter');
    }
    return facts;
  }

  private applySeries(touched: Touched, series: TimeSeries, { key, metric, matches, hasCounter }: SeriesFacts, now: number): void {
    // most series carry one sample: no copy then
    const samples = series.samples.length === 1 ? series.samples : series.samples.filter((s) => Number.isFinite(s.value));
    if (samples.length > 1) samples.sort((a, b) => a.timestamp - b.timestamp);
    if (samples.length === 0 || !Number.isFinite((samples[0] as { value: number }).value)) return;
    const held = this.table.hold(key, now);
    for (const sample of samples) {
      const step = counterStep(held.counter, sample.timestamp, sample.value);
      if (hasCounter) held.counter = step.point;
      for (const match of matches) {
        if (match.kind === 'counter') {
          if (step.rate !== null && step.intervalMs !== null) {
            this.record(touched, match, key, held, sample.timestamp, step.rate, step.intervalMs);
          }
          continue;
        }
        const prev = this.table.latest(match.group, key);
        if (prev && sample.timestamp < prev.t) continue;
        const value = inMeasureUnit(match.measures, metric, sample.value);
        this.record(touched, match, key, held, sample.timestamp, value, prev ? sample.timestamp - prev.t : 0);
      }
    }
  }

  // A value outside the measure's documented range (a counter reset misread, a gauge in the
  // wrong unit) is not recorded: it would reach the engine as an absurd demand.
  private record(touched: Touched, match: SeriesMatch, key: string, held: HeldSeries, t: number, value: number, intervalMs: number): void {
    if (!inRange(match.measures, value)) return;
    const { group } = match;
    this.table.setLatest(group, key, held, t, value, intervalMs);
    const seen = touched.get(group);
    if (!seen) touched.set(group, { service: match.service, measures: match.measures, t });
    else if (seen.t < t) seen.t = t;
  }

  private aggregate(touched: Touched): IngestSample[] {
    const byServiceTime = new Map<string, IngestSample>();
    for (const [group, { service, measures, t }] of touched) {
      let sum = 0;
      let max = -Infinity;
      let count = 0;
      const values = this.table.groupValues(group);
      for (let i = 0; i < values.length; i++) {
        const v = values[i] as LatestValue;
        if (!isCurrent(v, t)) continue;
        sum += v.value;
        max = Math.max(max, v.value);
        count++;
      }
      if (count === 0) continue;
      const value = measures === 'rps' ? Math.min(sum, SAMPLE_RANGES.rps.maximum) : max;
      const sampleKey = `${service}\u0000${t}`;
      const sample = byServiceTime.get(sampleKey) ?? { service, t };
      sample[measures] = value;
      byServiceTime.set(sampleKey, sample);
    }
    return [...byServiceTime.values()].sort((a, b) => a.t - b.t || (a.service < b.service ? -1 : 1));
  }
}

const isCurrent = (v: LatestValue, t: number): boolean => t - v.t <= 0 || t - v.t < v.intervalMs;
