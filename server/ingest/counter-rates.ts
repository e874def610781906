/**
 * Counter samples into per-second rates between consecutive samples of the same series.
 * CounterRates is plain state: the last sample seen per series key.
 */
export interface CounterPoint {
  /** epoch milliseconds */
  t: number;
  v: number;
}

export type CounterRates = Record<string, CounterPoint>;

export interface CounterStep {
  /** the point to keep for the series: the new sample, or the previous one when the sample is ignored */
  point: CounterPoint;
  /** per second since the previous sample; null for a first sample or one not newer than the last */
  rate: number | null;
  /** milliseconds since the previous sample; null when rate is null */
  intervalMs: number | null;
}

/**
 * A value below the previous one means the counter restarted, so the increase is counted
 * from 0, as Prometheus' rate() does. Samples not newer than the last are ignored
 * (duplicates and out-of-order resends).
 */
export function counterStep(prev: CounterPoint | undefined, t: number, v: number): CounterStep {
  if (prev && t <= prev.t) return { point: prev, rate: null, intervalMs: null };
  const point = { t, v };
  if (!prev) return { point, rate: null, intervalMs: null };
  const intervalMs = t - prev.t;
  const increase = v >= prev.v ? v - prev.v : v;
  return { point, rate: (increase * 1000) / intervalMs, intervalMs };
}
