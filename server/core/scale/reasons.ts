/**
 * The closed set of reasons a scale decision (or a calculateReplicas result) gives.
 * Limit reasons name the limit that won; the others name what drove the number.
 */
export const SCALE_REASONS = [
  /** step: the actions of a level just entered */
  'LevelEntered',
  /** step: the level still holds and demand is still over target after the cooldown */
  'StepRuleRepeated',
  /** target tracking: the HPA recommendation, applied unlimited */
  'TargetTracking',
  /** target tracking: the metric is within tolerance of the target, no change */
  'WithinTolerance',
  /** the scale-up rate limit (HPA behavior policies) capped the change */
  'ScaleUpLimit',
  /** the scale-down rate limit (HPA policies, or scaleIn.maxServersPerMinute) capped the change */
  'ScaleDownLimit',
  /** capped at maxServers */
  'TooManyServers',
  /** held at minServers */
  'TooFewServers',
  /** predictive: sized to the demand forecast one lead time ahead */
  'ForecastDemand',
  /** a stabilisation window kept the size above (or below) the latest recommendation */
  'StabilisationWindow',
  /** a scale-out was due but the cooldown since the last one has not elapsed */
  'Cooldown',
  /** scale-in to the recommendation */
  'ScaleIn',
  /** HPA implicit maintenance mode: no committed servers while minServers > 0 */
  'ScalingDisabled',
  /** no serving server reports a metric, so target tracking cannot compute a ratio */
  'NoReadyServers',
] as const;

export type ScaleReason = (typeof SCALE_REASONS)[number];
