import { parseDuration } from './duration.js';

/**
 * Values used when neither a service nor the plan's `defaults` gives one. Each is also named
 * in the schema's descriptions and in scenarios/plans/example.yaml.
 */
export const DEFAULT_LEVELS: readonly string[] = ['watch', 'surge', 'critical'];
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';
/** the Kubernetes HPA sync period */
export const DEFAULT_TICK_SECONDS = 15;

export const SERVICE_DEFAULTS = {
  targetUtilization: 0.7,
  baseLatencyMs: 50,
  sloLatencyMs: 500,
  minServers: 1,
  standbyPoolSize: 0,
  standbyStartSeconds: 90,
  provisionSeconds: 240,
  coldStartSeconds: 60,
  quotaPerMinute: 10,
  startingCapacityFraction: 0,
  baselineWindowSeconds: 86_400,
  baselineQuantile: 0.5,
  freezeWhileFiring: true,
  /** before history exists, normal is taken as this fraction of the initial fleet's capacity */
  initialRpsFraction: 0.5,
  growthWindowSeconds: 600,
  triggerForSeconds: 60,
  triggerClearForSeconds: 300,
  /** the AWS Auto Scaling default cooldown */
  cooldownSeconds: 300,
  /** the Kubernetes HPA default tolerance */
  tolerance: 0.1,
  predictiveWindowSeconds: 1800,
  /** the Kubernetes downscale stabilisation default */
  scaleInStabilizationSeconds: 300,
  scaleInMaxServersPerMinute: 10,
  drainSeconds: 60,
  returnToStandby: true,
  throttleEnabled: false,
  admitFraction: 1,
  retryAfterSeconds: 30,
  queueLimitSeconds: 30,
  /** Atlassian's suggested update cadence */
  updateEverySeconds: 1800,
  minStageSeconds: 120,
} as const;

/** Schema-validated durations always parse; this keeps the compile code free of null checks. */
export function secondsOr(value: number | string | undefined, fallback: number): number {
  return value === undefined ? fallback : parseDuration(value) ?? fallback;
}
