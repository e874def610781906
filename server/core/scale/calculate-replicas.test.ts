/**
 * Vectors from the Kubernetes sources and documentation:
 * [K-DOC] kubernetes/website content/en/docs/concepts/workloads/autoscaling/horizontal-pod-autoscale.md
 * [K-T-RC] kubernetes/kubernetes pkg/controller/podautoscaler/replica_calculator_test.go
 * [K-T-HZ] kubernetes/kubernetes pkg/controller/podautoscaler/horizontal_test.go
 * [K-HZ] kubernetes/kubernetes pkg/controller/podautoscaler/horizontal.go
 * CPU vectors of [K-T-RC] are restated as averages of utilisation over the pods that count;
 * those chosen have a target of 100% or scale up, where the resource rule for missing pods
 * (100% of request) and the plain-metric rule (the target) agree.
 */
import { describe, expect, it } from 'vitest';
import type { HpaBehavior, HpaScalingRules } from '../plan/types.js';
import { defaultHpaBehavior } from '../plan/hpa-behavior.js';
import { calculateReplicas, type ReplicaCalculationInput } from './calculate-replicas.js';

/** the plan's defaults, which the first test holds to [K-DOC] "Default behavior" */
const DEFAULT_BEHAVIOR = defaultHpaBehavior();

const NOW = 1_700_000_000_000;
const MIN = 60_000;

function input(patch: Partial<ReplicaCalculationInput>): ReplicaCalculationInput {
  return {
    now: NOW,
    currentReplicas: 1,
    readyPods: 1,
    currentMetric: 100,
    target: 100,
    tolerance: 0.1,
    unreadyPods: 0,
    missingPods: 0,
    minReplicas: 1,
    maxReplicas: 1000,
    behavior: DEFAULT_BEHAVIOR,
    recommendations: [],
    scaleUpEvents: [],
    scaleDownEvents: [],
    ...patch,
  };
}

/** Only the replica calculator: no stabilisation, no rate limits. */
const noBehavior: HpaBehavior = {
  scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100000, periodSeconds: 15 }] },
  scaleDown: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
};
const recommend = (patch: Partial<ReplicaCalculationInput>) => calculateReplicas(input({ behavior: noBehavior, ...patch })).desired;

describe('defaults', () => {
  it('[K-DOC] Default behavior: up by the larger of 100% and 4 pods per 15 s at once, down by 100% per 15 s after 300 s', () => {
    const { scaleUp, scaleDown } = DEFAULT_BEHAVIOR;
    expect([scaleUp.stabilizationWindowSeconds, scaleUp.selectPolicy, scaleDown.stabilizationWindowSeconds, scaleDown.selectPolicy]).toEqual([0, 'Max', 300, 'Max']);
    const percent = { type: 'Percent', value: 100, periodSeconds: 15 };
    expect(scaleUp.policies).toHaveLength(2);
    expect(scaleUp.policies).toEqual(expect.arrayContaining([percent, { type: 'Pods', value: 4, periodSeconds: 15 }]));
    expect(scaleDown.policies).toEqual([percent]);
  });
});

describe('calculateReplicas: the replica calculator', () => {
  it('[K-DOC] Algorithm details: 200m against 100m doubles, 50m halves', () => {
    expect(recommend({ currentReplicas: 1, readyPods: 1, currentMetric: 200, target: 100 })).toBe(2);
    expect(recommend({ currentReplicas: 4, readyPods: 4, currentMetric: 50, target: 100 })).toBe(2);
  });

  it('[K-T-RC] TestReplicaCalcScaleUpCM: qps 20000,10000,30000 on 3 pods, target 15000 -> 4', () => {
    expect(recommend({ currentReplicas: 3, readyPods: 3, currentMetric: 20000, target: 15000 })).toBe(4);
  });

  it('[K-T-RC] TestReplicaCalcScaleDownCM: 5 pods at 12000, target 20000 -> 3', () => {
    expect(recommend({ currentReplicas: 5, readyPods: 5, currentMetric: 12000, target: 20000 })).toBe(3);
  });

  it('[K-T-RC] TestReplicaCalcToleranceCM: average 20666 against 20000 is within 0.1 -> 3', () => {
    const r = calculateReplicas(input({ behavior: noBehavior, currentReplicas: 3, readyPods: 3, currentMetric: 20666, target: 20000 }));
    expect([r.desired, r.reason]).toEqual([3, 'WithinTolerance']);
  });

  it('tolerance edge as float64 computes it: 109/100 holds, 111/100 scales', () => {
    expect(recommend({ currentReplicas: 10, readyPods: 10, currentMetric: 109, target: 100 })).toBe(10);
    expect(recommend({ currentReplicas: 10, readyPods: 10, currentMetric: 111, target: 100 })).toBe(12);
  });

  it('[K-T-RC] TestReplicaCalcScaleUpUnreadyLessScale: ready 50%,70%, one unready, target 30 -> 4 (unready at 0)', () => {
    expect(recommend({ currentReplicas: 3, readyPods: 2, unreadyPods: 1, currentMetric: 60, target: 30 })).toBe(4);
  });

  it('[K-T-RC] TestReplicaCalcScaleUpUnreadyNoScale: ready 40%, two unready, target 30 -> 3 (direction flips)', () => {
    expect(recommend({ currentReplicas: 3, readyPods: 1, unreadyPods: 2, currentMetric: 40, target: 30 })).toBe(3);
  });

  it('[K-T-RC] TestReplicaCalcScaleDownIncludeUnreadyPods: ready 10,30,50%, two unready, target 50 -> 2', () => {
    expect(recommend({ currentReplicas: 5, readyPods: 3, unreadyPods: 2, currentMetric: 30, target: 50 })).toBe(2);
  });

  it('[K-T-RC] TestReplicaCalcMissingMetrics: 40% and 9.5% on 4 pods (2 missing), target 100 -> 3', () => {
    expect(recommend({ currentReplicas: 4, readyPods: 2, missingPods: 2, currentMetric: 24.75, target: 100 })).toBe(3);
  });

  it('[K-T-RC] TestReplicaCalcMissingMetricsNoChange{Eq,Gt,Lt}: one of 2 pods missing at 100%, 190%, 60% -> 2', () => {
    for (const m of [100, 190, 60]) expect(recommend({ currentReplicas: 2, readyPods: 1, missingPods: 1, currentMetric: m, target: 100 })).toBe(2);
  });

  it('[K-T-RC] TestReplicaCalcMissingMetricsUnreadyScaleUp: 200% ready, 1 unready, 1 missing, target 50 -> 4', () => {
    expect(recommend({ currentReplicas: 3, readyPods: 1, unreadyPods: 1, missingPods: 1, currentMetric: 200, target: 50 })).toBe(4);
  });
});

describe('calculateReplicas: behavior', () => {
  it('[K-DOC] default scale-up: at most 4 pods or 100% per 15 s, whichever is more (from 1 and from 10)', () => {
    const fromOne = calculateReplicas(input({ currentReplicas: 1, readyPods: 1, currentMetric: 5000, target: 100 }));
    expect([fromOne.recommended, fromOne.desired, fromOne.reason]).toEqual([50, 5, 'ScaleUpLimit']);
    const fromTen = calculateReplicas(input({ currentReplicas: 10, readyPods: 10, currentMetric: 5000, target: 100 }));
    expect([fromTen.desired, fromTen.reason]).toEqual([20, 'ScaleUpLimit']);
  });

  it('[K-HZ] scale-up events within the period count against the limit until the period passes', () => {
    // 1 -> 5 happened 10 s ago: periodStart = 5 - 4 = 1, so the limit is still max(1+4, 2) = 5
    const events = [{ t: NOW - 10_000, change: 4 }];
    const held = calculateReplicas(input({ currentReplicas: 5, readyPods: 5, currentMetric: 1000, target: 100, scaleUpEvents: events }));
    expect([held.desired, held.reason]).toEqual([5, 'ScaleUpLimit']);
    const later = calculateReplicas(input({ now: NOW + 6_000, currentReplicas: 5, readyPods: 5, currentMetric: 1000, target: 100, scaleUpEvents: events }));
    expect(later.desired).toBe(10);
    expect(later.scaleUpEvents).toEqual([{ t: NOW + 6_000, change: 5 }]);
  });

  it('[K-DOC] Scaling policies: Pods 4/60s + Percent 10/60s scale 80 -> 72, then 64 a period later (down to 10)', () => {
    const rules: HpaScalingRules = {
      stabilizationWindowSeconds: 0,
      selectPolicy: 'Max',
      policies: [
        { type: 'Pods', value: 4, periodSeconds: 60 },
        { type: 'Percent', value: 10, periodSeconds: 60 },
      ],
    };
    const behavior = { ...DEFAULT_BEHAVIOR, scaleDown: rules };
    const first = calculateReplicas(input({ behavior, currentReplicas: 80, readyPods: 80, currentMetric: 12.5, target: 100 }));
    expect([first.recommended, first.desired, first.reason]).toEqual([10, 72, 'ScaleDownLimit']);
    const within = calculateReplicas(input({ ...first, behavior, now: NOW + 30_000, currentReplicas: 72, readyPods: 72, currentMetric: 100 / 72 * 10, target: 100 }));
    expect(within.desired).toBe(72);
    const next = calculateReplicas(input({ ...within, behavior, now: NOW + 61_000, currentReplicas: 72, readyPods: 72, currentMetric: 100 / 72 * 10, target: 100 }));
    expect(next.desired).toBe(64);
  });

  it('[K-DOC] selectPolicy Min: Percent 10 and Pods 5 per 60 s remove the smaller amount', () => {
    const behavior = {
      ...DEFAULT_BEHAVIOR,
      scaleDown: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Min' as const,
        policies: [
          { type: 'Percent' as const, value: 10, periodSeconds: 60 },
          { type: 'Pods' as const, value: 5, periodSeconds: 60 },
        ],
      },
    };
    const r = calculateReplicas(input({ behavior, currentReplicas: 100, readyPods: 100, currentMetric: 10, target: 100 }));
    expect([r.desired, r.reason]).toEqual([95, 'ScaleDownLimit']);
  });

  it('[K-DOC] selectPolicy Disabled freezes that direction', () => {
    const behavior = { ...DEFAULT_BEHAVIOR, scaleDown: { ...DEFAULT_BEHAVIOR.scaleDown, stabilizationWindowSeconds: 0, selectPolicy: 'Disabled' as const } };
    expect(calculateReplicas(input({ behavior, currentReplicas: 10, readyPods: 10, currentMetric: 10, target: 100 })).desired).toBe(10);
  });

  it('[K-T-HZ] TestNormalizeDesiredReplicas vectors through the 300 s scale-down window', () => {
    const at = (mins: number) => NOW - mins * MIN;
    const cases: Array<[string, Array<[number, number]>, number]> = [
      ['empty log', [], 3],
      ['stabilize', [[4, 2], [5, 1]], 5],
      ['no stabilize', [[1, 2], [2, 1]], 3],
      ['no stabilize - old recommendations', [[10, 10], [9, 9]], 3],
      ['stabilize - old recommendations', [[10, 10], [4, 1], [5, 2], [9, 9]], 5],
    ];
    for (const [name, recs, expected] of cases) {
      const r = calculateReplicas(
        input({
          currentReplicas: 10,
          readyPods: 10,
          currentMetric: 30,
          target: 100,
          recommendations: recs.map(([replicas, mins]) => ({ t: at(mins), replicas })),
        }),
      );
      expect([name, r.recommended, r.desired]).toEqual([name, 3, expected]);
      if (expected !== 3) expect(r.reason).toBe('StabilisationWindow');
    }
  });

  it('[K-HZ] a scale-up stabilisation window takes the lowest recent recommendation', () => {
    const behavior = { ...DEFAULT_BEHAVIOR, scaleUp: { ...DEFAULT_BEHAVIOR.scaleUp, stabilizationWindowSeconds: 300 } };
    const recommendations = [{ t: NOW - 2 * MIN, replicas: 8 }, { t: NOW - 4 * MIN, replicas: 7 }];
    const r = calculateReplicas(input({ behavior, currentReplicas: 5, readyPods: 5, currentMetric: 200, target: 100, recommendations }));
    expect([r.recommended, r.desired, r.reason]).toEqual([10, 7, 'StabilisationWindow']);
  });

  it('[K-HZ] reconcile guards: above max, below min, zero replicas with min > 0', () => {
    expect(calculateReplicas(input({ currentReplicas: 12, readyPods: 12, maxReplicas: 10 }))).toMatchObject({ desired: 10, reason: 'TooManyServers' });
    expect(calculateReplicas(input({ currentReplicas: 1, readyPods: 1, minReplicas: 2 }))).toMatchObject({ desired: 2, reason: 'TooFewServers' });
    expect(calculateReplicas(input({ currentReplicas: 0, readyPods: 0, minReplicas: 1 }))).toMatchObject({ desired: 0, reason: 'ScalingDisabled' });
  });

  it('[K-HZ] max replicas caps a scale-up as TooManyServers when it is below the rate limit', () => {
    const r = calculateReplicas(input({ currentReplicas: 10, readyPods: 10, currentMetric: 300, target: 100, maxReplicas: 15 }));
    expect([r.desired, r.reason]).toEqual([15, 'TooManyServers']);
  });

  it('records the raw recommendation, and a repeat only refreshes its time', () => {
    const first = calculateReplicas(input({ currentReplicas: 4, readyPods: 4, currentMetric: 100, target: 100 }));
    expect(first.recommendations).toEqual([{ t: NOW, replicas: 4 }]);
    const second = calculateReplicas(input({ ...first, now: NOW + 5000, currentReplicas: 4, readyPods: 4, currentMetric: 100, target: 100 }));
    expect(second.recommendations).toEqual([{ t: NOW + 5000, replicas: 4 }]);
  });
});
