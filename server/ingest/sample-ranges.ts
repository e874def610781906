/**
 * The documented range of every measure a sample carries, whether it came as JSON or was
 * derived from remote-write series. Anything outside is not a plausible observation, and
 * letting it through turns into NaN ticks and absurd notice text downstream.
 */
export const SAMPLE_RANGES = {
  rps: { min: 0, max: 1e9 },
  latencyMs: { min: 0, max: 3_600_000 },
  errorRate: { min: 0, max: 1 },
} as const;

export type Measure = keyof typeof SAMPLE_RANGES;

export const inRange = (measure: Measure, value: number): boolean =>
  Number.isFinite(value) && value >= SAMPLE_RANGES[measure].min && value <= SAMPLE_RANGES[measure].max;
