import { windowShift } from '../window-shift.js';
import type { GrowthConfig } from '../plan/types.js';
import type { GrowthState } from './types.js';

const MINUTE_MS = 60_000;

/**
 * Adds this tick's rps and drops points older than the window, which is (t - windowSeconds, t].
 * Points are [ms since t0, rps]: integer times keep the window edge exact.
 */
export function addGrowthPoint(state: GrowthState, cfg: GrowthConfig, t0: number, t: number, rps: number): GrowthState {
  const oldest = t - t0 - cfg.windowSeconds * 1000;
  let expired = 0;
  while (expired < state.points.length && (state.points[expired] as [number, number])[0] <= oldest) expired += 1;
  return { points: windowShift(state.points, expired, [t - t0, rps]) };
}

/** Least-squares slope of rps over the window, rps per minute; 0 until two points exist. */
export function growthSlopePerMin(state: GrowthState): number {
  if (state.points.length < 2) return 0;
  const m = leastSquaresSlope(state.points);
  return Number.isFinite(m) ? m * MINUTE_MS : 0;
}

/*
 * simple-statistics' linearRegression, slope only, step for step (the same sums in the same
 * order, so the same number to the last bit): it runs every tick of every service, and the
 * library builds an object for the intercept this never reads.
 */
function leastSquaresSlope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    const p = points[i] as readonly [number, number];
    sumX += p[0];
    sumY += p[1];
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sumXY = 0;
  let sumXX = 0;
  for (let i = 0; i < n; i++) {
    const p = points[i] as readonly [number, number];
    const deviationX = p[0] - meanX;
    sumXY += deviationX * (p[1] - meanY);
    sumXX += deviationX * deviationX;
  }
  return sumXY / sumXX;
}
