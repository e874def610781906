import type { FleetView } from '../engine/types.js';

/** A recommendation recorded for a stabilisation window. */
export interface TimestampedRecommendation {
  /** epoch ms */
  t: number;
  replicas: number;
}

/** Servers added (scale-up list) or removed (scale-down list) by one decision; `change` > 0. */
export interface TimestampedScaleEvent {
  /** epoch ms */
  t: number;
  change: number;
}

export interface HpaHistory {
  recommendations: readonly TimestampedRecommendation[];
  scaleUpEvents: readonly TimestampedScaleEvent[];
  scaleDownEvents: readonly TimestampedScaleEvent[];
}

export interface ScaleInHistory {
  /** recommendations within scaleIn.stabilizationWindowSeconds, oldest first */
  recommendations: TimestampedRecommendation[];
  /** servers removed by scale-in decisions within the last minute */
  removals: TimestampedScaleEvent[];
  /** demand within scaleIn.stabilizationWindowSeconds, oldest first: scale-in waits for it to stop rising */
  demand: { t: number; rps: number }[];
}

export interface ScaleState {
  t0: number;
  /** time of the last scale-out decision of the step or predictive policy, epoch ms */
  lastScaleOutAt: number | null;
  /** step: the most severe level whose actions have run since the level was last normal */
  appliedLevel: string;
  hpa: HpaHistory;
  scaleIn: ScaleInHistory;
  /** predictive: [ms since t0, demand rps] within predictive.windowSeconds, oldest first */
  demand: Array<[number, number]>;
}

export interface ScaleInput {
  /** end of the tick, epoch ms */
  t: number;
  level: string;
  previousLevel: string;
  levels: readonly string[];
  /** offered demand this tick (served + throttled + dropped), rps */
  demandRps: number;
  /** demand / hard capacity of active servers (hard capacity = rpsPerServer / targetUtilization per server) */
  utilization: number;
  fleet: FleetView;
  /** seconds until a server decided now would serve: standby start if standby is left, else cold provision + start */
  leadTimeSeconds: number;
}
