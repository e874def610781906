/**
 * The documented range of every measure a sample carries, whether it came as JSON or was
 * derived from remote-write series. Anything outside is not a plausible observation, and
 * letting it through turns into NaN ticks and absurd notice text downstream.
 */
export const SAMPLE_RANGES = {
  rps: { minimum: 0, maximum: 1e9 },
  latencyMs: { minimum: 0, maximum: 3_600_000 },
  errorRate: { minimum: 0, maximum: 1 },
} as const;

export type Measure = keyof typeof SAMPLE_RANGES;

export const inRange = (measure: Measure, value: number): boolean =>
  Number.isFinite(value) && value >= SAMPLE_RANGES[measure].minimum && value <= SAMPLE_RANGES[measure].maximum;
