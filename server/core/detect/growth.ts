import { linearRegression } from 'simple-statistics';
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
  const points = state.points.slice(expired);
  points.push([t - t0, rps]);
  return { points };
}

/** Least-squares slope of rps over the window, rps per minute; 0 until two points exist. */
export function growthSlopePerMin(state: GrowthState): number {
  if (state.points.length < 2) return 0;
  const { m } = linearRegression(state.points);
  return Number.isFinite(m) ? m * MINUTE_MS : 0;
}
