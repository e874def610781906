import type { CoreEvent } from '../engine/types.js';

/** What the engine observed for one service over the tick that ends at `t`. */
export interface Observation {
  /** end of the tick, epoch ms; ticks must arrive in increasing time order */
  t: number;
  rps: number;
  latencyMs: number;
  errorRate: number;
  /** demand / capacity of the servers able to serve now */
  utilization: number;
}

/**
 * inactive: `when` does not hold. pending: `when` holds, for `forSeconds` not yet elapsed.
 * firing: the trigger raises its level. clearing: still raising its level while `clear` holds,
 * for `clearForSeconds` not yet elapsed.
 */
export type TriggerPhase = 'inactive' | 'pending' | 'firing' | 'clearing';

export interface TriggerState {
  phase: TriggerPhase;
  /**
   * Start of the tick on which the condition being timed (`when` in pending, `clear` in
   * clearing) first held, epoch ms; null in inactive and firing.
   */
  since: number | null;
}

/** Trailing per-bucket means of rps, kept twice: in time order (to expire) and sorted (for the quantile). */
export interface BaselineState {
  bucketMs: number;
  /** buckets the window spans */
  windowBuckets: number;
  /** the bucket of the first instant observed: the window is full once its oldest bucket is this one or later */
  firstBucket: number;
  /** index (floor(time / bucketMs)) of the bucket still filling */
  openBucket: number;
  openSum: number;
  openCount: number;
  /** closed buckets inside the window, oldest first: their indices and means */
  bucketIds: number[];
  bucketMeans: number[];
  /** the same means, ascending */
  sortedMeans: number[];
  /** the configured quantile of sortedMeans, at least initialRps until the window is full, initialRps with no closed bucket */
  baselineRps: number;
}

export interface GrowthState {
  /** [minutes since t0, rps] for the ticks inside the growth window, oldest first */
  points: Array<[number, number]>;
}

export interface DetectState {
  t0: number;
  /** time of the previous observation (t0 before the first): the start of the next tick */
  prevT: number;
  level: string;
  /** one per trigger of the service plan, same order */
  triggers: TriggerState[];
  baseline: BaselineState;
  growth: GrowthState;
}

export interface DetectResult {
  state: DetectState;
  /** highest level among firing triggers, or 'normal' */
  level: string;
  /** levels whose trigger is firing (or clearing), in severity order */
  firing: string[];
  baselineRps: number;
  /** rps / baseline (baseline floored at MIN_BASELINE_RPS) */
  baselineMultiple: number;
  /** regression slope of rps over growth.windowSeconds, as % of baseline per minute */
  growthPctPerMin: number;
  events: CoreEvent[];
}
