import { quantileSorted } from 'simple-statistics';
import type { BaselineConfig } from '../plan/types.js';
import { windowShift } from '../window-shift.js';
import { replaceSorted } from './sorted-array.js';
import type { BaselineState } from './types.js';

/** The smallest baseline a multiple or growth rate is divided by, so a silent service yields finite numbers. */
export const MIN_BASELINE_RPS = 0.001;

/*
 * Buckets are a minute wide, or wider for long windows so that a window never spans more
 * than 240 of them (a day in 6-minute buckets): the state, and the copy made when a bucket
 * closes, stay small whatever the window, and a robust quantile of 240 means is plenty.
 */
const MAX_BUCKETS = 240;
const MINUTE_MS = 60_000;

/*
 * Warming up. `initialRps` is a baseline to start from before enough history exists: a
 * replay or a server that starts at night has only night traffic in its window for hours,
 * and normal daytime traffic would look like a surge against it. So until the history
 * spans the whole window (its oldest bucket is the first one observed, or later), the
 * baseline is max(initialRps, learned quantile); from then on it is the learned quantile
 * alone. With no closed bucket in the window at all it is initialRps, warm or not.
 */
export function initialBaseline(cfg: BaselineConfig, t0: number): BaselineState {
  const windowMs = cfg.windowSeconds * 1000;
  const bucketMs = MINUTE_MS * Math.max(1, Math.ceil(windowMs / MINUTE_MS / MAX_BUCKETS));
  return {
    bucketMs,
    windowBuckets: Math.max(1, Math.ceil(windowMs / bucketMs)),
    // observations cover (t0, t], so the first instant observed is just after t0
    firstBucket: bucketOf(t0 + 1, bucketMs),
    openBucket: bucketOf(t0, bucketMs),
    openSum: 0,
    openCount: 0,
    bucketIds: [],
    bucketMeans: [],
    sortedMeans: [],
    baselineRps: cfg.initialRps,
  };
}

/** The baseline from the window's sorted means, `oldest` being the window's oldest bucket (see above). */
function baselineOf(state: BaselineState, cfg: BaselineConfig, sortedMeans: readonly number[], oldest: number): number {
  if (sortedMeans.length === 0) return cfg.initialRps;
  const learned = quantileSorted(sortedMeans, cfg.quantile);
  return oldest >= state.firstBucket ? learned : Math.max(cfg.initialRps, learned);
}

/** A tick ending exactly on a bucket boundary belongs to the bucket it ends. */
function bucketOf(t: number, bucketMs: number): number {
  return Math.floor((t - 1) / bucketMs);
}

/**
 * Moves the baseline to the bucket containing `t`: closes the open bucket (if `t` is past it),
 * drops buckets that left the window and recomputes the quantile. Costs nothing while the
 * bucket stays open; one copy of the window per closed bucket otherwise.
 */
export function rollBaseline(state: BaselineState, cfg: BaselineConfig, t: number): BaselineState {
  const bucket = bucketOf(t, state.bucketMs);
  if (bucket <= state.openBucket) return state;
  const closing = state.openCount > 0;
  const oldest = bucket - state.windowBuckets;
  let expired = 0;
  while (expired < state.bucketIds.length && (state.bucketIds[expired] as number) < oldest) expired += 1;
  if (!closing && expired === 0) {
    // nothing joins or leaves, but the window may have just filled
    const baselineRps = baselineOf(state, cfg, state.sortedMeans, oldest);
    return baselineWith(state, bucket, 0, 0, state.bucketIds, state.bucketMeans, state.sortedMeans, baselineRps);
  }
  const added = closing && state.openBucket >= oldest ? [state.openSum / state.openCount] : [];
  const bucketIds = added.length > 0 ? windowShift(state.bucketIds, expired, state.openBucket) : state.bucketIds.slice(expired);
  const bucketMeans = added.length > 0 ? windowShift(state.bucketMeans, expired, added[0] as number) : state.bucketMeans.slice(expired);
  const sortedMeans = replaceSorted(state.sortedMeans, state.bucketMeans.slice(0, expired), added);
  const baselineRps = baselineOf(state, cfg, sortedMeans, oldest);
  return baselineWith(state, bucket, 0, 0, bucketIds, bucketMeans, sortedMeans, baselineRps);
}

export function addBaselineSample(state: BaselineState, rps: number): BaselineState {
  const { openBucket, openSum, openCount, bucketIds, bucketMeans, sortedMeans, baselineRps } = state;
  return baselineWith(state, openBucket, openSum + rps, openCount + 1, bucketIds, bucketMeans, sortedMeans, baselineRps);
}

/** Every BaselineState after the first is built here: one shape, so reading it every tick stays cheap. */
function baselineWith(
  state: BaselineState,
  openBucket: number,
  openSum: number,
  openCount: number,
  bucketIds: number[],
  bucketMeans: number[],
  sortedMeans: number[],
  baselineRps: number,
): BaselineState {
  const { bucketMs, windowBuckets, firstBucket } = state;
  return { bucketMs, windowBuckets, firstBucket, openBucket, openSum, openCount, bucketIds, bucketMeans, sortedMeans, baselineRps };
}
