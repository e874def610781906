/** Tick spacing for a linear time axis in epoch ms, so labels fall on whole minutes and hours. */
const STEPS_MS = [
  10_000, 30_000, 60_000, 2 * 60_000, 5 * 60_000, 10 * 60_000, 15 * 60_000, 30 * 60_000,
  3_600_000, 2 * 3_600_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, 86_400_000,
];

/** The smallest step that keeps the axis to at most `maxTicks` labels. */
export function timeStep(rangeMs: number, maxTicks = 6): number {
  const fallback = STEPS_MS[STEPS_MS.length - 1] ?? 86_400_000;
  if (!Number.isFinite(rangeMs) || rangeMs <= 0) return STEPS_MS[0] ?? fallback;
  return STEPS_MS.find((step) => rangeMs / step <= maxTicks) ?? Math.ceil(rangeMs / maxTicks / fallback) * fallback;
}

/**
 * Tick positions on whole multiples of the step (whole minutes and hours in zones with
 * whole-hour offsets), instead of counting from the first data point.
 */
export function alignedTicks(min: number, max: number, stepMs: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min || stepMs <= 0) return [];
  const ticks: number[] = [];
  for (let value = Math.ceil(min / stepMs) * stepMs; value <= max; value += stepMs) ticks.push(value);
  return ticks;
}
