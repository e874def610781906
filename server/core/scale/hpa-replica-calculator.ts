/**
 * The Kubernetes HPA replica calculator for a per-pod ("plain") metric, after
 * pkg/controller/podautoscaler/replica_calculator.go calcPlainMetricReplicas. Pods are
 * counted, not listed: every ready pod reports a metric whose average is `currentMetric`.
 */
export interface RecommendationInput {
  /** the scale target's replicas (spec.replicas): here, committed servers */
  currentReplicas: number;
  /** pods that are ready and report the metric; the "currentReplicas" factor of the HPA formula */
  readyPods: number;
  /** average of the metric over the ready pods */
  currentMetric: number;
  /** target average value of the metric */
  target: number;
  /** no change while |1 - currentMetric/target| <= tolerance (HPA default 0.1) */
  tolerance: number;
  /** pods not ready yet (pending, starting): left out, or counted at 0 when scaling up */
  unreadyPods: number;
  /** pods without a metric sample: counted at the target when scaling down, at 0 when scaling up */
  missingPods: number;
}

export interface Recommendation {
  /** currentMetric / target over the ready pods: the ratio the HPA reports */
  usageRatio: number;
  replicas: number;
  /** true when the (possibly recomputed) ratio fell within tolerance or flipped direction */
  held: boolean;
}

function withinTolerance(ratio: number, tolerance: number): boolean {
  return Math.abs(1.0 - ratio) <= tolerance;
}

/**
 * Needs readyPods > 0 (the HPA errors with "did not receive metrics for any ready pods").
 * Missing pods count at the target on a scale-down and at 0 on a scale-up; unready pods are
 * left out unless the ready pods alone would scale up, then they count at 0; the ratio is
 * recomputed and a change that falls within tolerance or flips direction keeps the current
 * count. Averages are real numbers here, where the HPA truncates milli-units to integers.
 */
export function recommendReplicas(i: RecommendationInput): Recommendation {
  const usageRatio = i.currentMetric / i.target;
  const scaleUpWithUnready = i.unreadyPods > 0 && usageRatio > 1.0;
  if (!scaleUpWithUnready && i.missingPods === 0) {
    if (withinTolerance(usageRatio, i.tolerance)) return { usageRatio, replicas: i.currentReplicas, held: true };
    return { usageRatio, replicas: Math.ceil(usageRatio * i.readyPods), held: false };
  }
  let total = i.currentMetric * i.readyPods;
  let count = i.readyPods;
  if (i.missingPods > 0 && usageRatio < 1.0) {
    total += i.target * i.missingPods;
    count += i.missingPods;
  } else if (i.missingPods > 0 && usageRatio > 1.0) {
    count += i.missingPods;
  }
  if (scaleUpWithUnready) count += i.unreadyPods;
  const newRatio = total / count / i.target;
  const flipped = (usageRatio < 1.0 && newRatio > 1.0) || (usageRatio > 1.0 && newRatio < 1.0);
  if (withinTolerance(newRatio, i.tolerance) || flipped) return { usageRatio, replicas: i.currentReplicas, held: true };
  const replicas = Math.ceil(newRatio * count);
  if ((newRatio < 1.0 && replicas > i.currentReplicas) || (newRatio > 1.0 && replicas < i.currentReplicas)) {
    return { usageRatio, replicas: i.currentReplicas, held: true };
  }
  return { usageRatio, replicas, held: false };
}
