import type { HpaBehavior } from '../plan/types.js';
import { limitRate, recordScaleEvent, stabilize } from './hpa-behavior.js';
import { recommendReplicas, type RecommendationInput } from './hpa-replica-calculator.js';
import type { ScaleReason } from './reasons.js';
import type { TimestampedRecommendation, TimestampedScaleEvent } from './types.js';

/** One evaluation of a Kubernetes HorizontalPodAutoscaler with `behavior`, as plain data. */
export interface ReplicaCalculationInput extends RecommendationInput {
  /** evaluation time, epoch ms (the HPA reads time.Now(); here it is an argument) */
  now: number;
  minReplicas: number;
  maxReplicas: number;
  behavior: HpaBehavior;
  /** recommendations from earlier evaluations (the HPA's per-autoscaler recommendation log) */
  recommendations: readonly TimestampedRecommendation[];
  /** replicas added by earlier evaluations */
  scaleUpEvents: readonly TimestampedScaleEvent[];
  /** replicas removed by earlier evaluations */
  scaleDownEvents: readonly TimestampedScaleEvent[];
}

export interface ReplicaCalculationResult {
  /** currentMetric / target over the ready pods (0 when there are none) */
  usageRatio: number;
  /** the replica calculator's count, before stabilisation and rate limits */
  recommended: number;
  /** the count after the stabilisation windows */
  stabilized: number;
  /** the count to scale to */
  desired: number;
  reason: ScaleReason;
  /** one sentence for a person, with the numbers */
  message: string;
  /** recommendation log to pass to the next evaluation */
  recommendations: readonly TimestampedRecommendation[];
  /** scale-up events to pass to the next evaluation */
  scaleUpEvents: readonly TimestampedScaleEvent[];
  /** scale-down events to pass to the next evaluation */
  scaleDownEvents: readonly TimestampedScaleEvent[];
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

function outcome(reason: ScaleReason, i: ReplicaCalculationInput, stabilized: number, desired: number): string {
  switch (reason) {
    case 'StabilisationWindow':
      return `the stabilisation window holds ${stabilized}`;
    case 'WithinTolerance':
      return `within tolerance ${i.tolerance}, no change`;
    case 'ScaleUpLimit':
      return `the scale-up policies allow at most ${desired} now`;
    case 'ScaleDownLimit':
      return `the scale-down policies allow no fewer than ${desired} now`;
    case 'TooManyServers':
      return `capped at maxServers ${i.maxReplicas}`;
    case 'TooFewServers':
      return `held at minServers ${i.minReplicas}`;
    default:
      return 'applied';
  }
}

/** The reconcile guards of horizontal.go that decide without metrics. */
function guard(i: ReplicaCalculationInput): { desired: number; reason: ScaleReason; message: string } | null {
  const c = i.currentReplicas;
  if (c === 0 && i.minReplicas !== 0) {
    return { desired: 0, reason: 'ScalingDisabled', message: `No committed servers while minServers is ${i.minReplicas}: scaling is disabled until servers are added by hand.` };
  }
  if (c > i.maxReplicas) return { desired: i.maxReplicas, reason: 'TooManyServers', message: `${c} servers is above maxServers ${i.maxReplicas}: scaling to ${i.maxReplicas}.` };
  if (c < i.minReplicas) return { desired: i.minReplicas, reason: 'TooFewServers', message: `${c} servers is below minServers ${i.minReplicas}: scaling to ${i.minReplicas}.` };
  if (i.readyPods === 0) return { desired: c, reason: 'NoReadyServers', message: `No serving server reports the metric yet: keeping ${c} servers.` };
  return null;
}

/** A calculateReplicas result without its message (see replicaMessage). */
export interface ReplicaCount extends Omit<ReplicaCalculationResult, 'message'> {
  /** the message of a guard that decided without metrics, else null */
  guardMessage: string | null;
}

/**
 * The Kubernetes HPA replica calculator and behavior (autoscaling/v2), pure: the replica
 * calculator's recommendation, then the scale-up/scale-down stabilisation windows, then the
 * Pods/Percent rate policies and min/max. Histories go in and come out as plain arrays.
 */
export function calculateReplicas(i: ReplicaCalculationInput): ReplicaCalculationResult {
  const r = countReplicas(i);
  return {
    usageRatio: r.usageRatio,
    recommended: r.recommended,
    stabilized: r.stabilized,
    desired: r.desired,
    reason: r.reason,
    message: replicaMessage(i, r),
    recommendations: r.recommendations,
    scaleUpEvents: r.scaleUpEvents,
    scaleDownEvents: r.scaleDownEvents,
  };
}

/**
 * calculateReplicas without the message: a policy evaluated every tick needs the message only
 * on the ticks it changes the fleet, and formatting it on every other tick cost more than the
 * calculation.
 */
export function countReplicas(i: ReplicaCalculationInput): ReplicaCount {
  const c = i.currentReplicas;
  const early = guard(i);
  if (early) {
    const events = recordScaleEvent(i.now, c, early.desired, i.behavior, i.scaleUpEvents, i.scaleDownEvents);
    return {
      usageRatio: i.readyPods > 0 ? i.currentMetric / i.target : 0,
      recommended: early.desired,
      stabilized: early.desired,
      desired: early.desired,
      reason: early.reason,
      guardMessage: early.message,
      recommendations: i.recommendations,
      scaleUpEvents: events.scaleUpEvents,
      scaleDownEvents: events.scaleDownEvents,
    };
  }
  const rec = recommendReplicas(i);
  const stable = stabilize(i.now, c, rec.replicas, i.behavior, i.recommendations);
  const limited = limitRate({
    now: i.now,
    current: c,
    desired: stable.replicas,
    minReplicas: i.minReplicas,
    maxReplicas: i.maxReplicas,
    behavior: i.behavior,
    scaleUpEvents: i.scaleUpEvents,
    scaleDownEvents: i.scaleDownEvents,
  });
  const events = recordScaleEvent(i.now, c, limited.replicas, i.behavior, i.scaleUpEvents, i.scaleDownEvents);
  const reason: ScaleReason =
    limited.limit ?? (stable.replicas !== rec.replicas ? 'StabilisationWindow' : rec.held && rec.replicas === c ? 'WithinTolerance' : 'TargetTracking');
  return {
    usageRatio: rec.usageRatio,
    recommended: rec.replicas,
    stabilized: stable.replicas,
    desired: limited.replicas,
    reason,
    guardMessage: null,
    recommendations: stable.recommendations,
    scaleUpEvents: events.scaleUpEvents,
    scaleDownEvents: events.scaleDownEvents,
  };
}

/** One sentence for a person, with the numbers, for a count made from `i`. */
export function replicaMessage(i: ReplicaCalculationInput, r: ReplicaCount): string {
  if (r.guardMessage !== null) return r.guardMessage;
  const why = `metric ${round(i.currentMetric)} against target ${round(i.target)} (ratio ${round(r.usageRatio)}) over ${i.readyPods} ready servers recommends ${r.recommended}`;
  return `Target tracking: ${why}; ${outcome(r.reason, i, r.stabilized, r.desired)}: ${i.currentReplicas} → ${r.desired} servers.`;
}
