/**
 * Hand-built plans for tests of detect/ and scale/ (not used by production code): a
 * complete ServicePlan with small round numbers, and helpers for triggers and conditions.
 */
import type { ComparisonOp, Condition, ConditionGroup, ConditionMetric, ServicePlan, Trigger } from '../plan/types.js';
import { defaultHpaBehavior } from '../plan/hpa-behavior.js';

export const TEST_LEVELS: readonly string[] = ['normal', 'elevated', 'surge', 'critical'];

export function cond(metric: ConditionMetric, op: ComparisonOp, value: number): Condition {
  return { metric, op, value };
}

export function any(...conditions: Condition[]): ConditionGroup {
  return { combine: 'any', conditions };
}

export function all(...conditions: Condition[]): ConditionGroup {
  return { combine: 'all', conditions };
}

export function makeTrigger(level: string, when: ConditionGroup, patch: Partial<Omit<Trigger, 'level' | 'when'>> = {}): Trigger {
  return { level, when, forSeconds: 0, clear: null, clearForSeconds: 0, ...patch };
}

/** A service of 4 servers at 100 rps each (hard ceiling 125 rps at targetUtilization 0.8). */
export function makeServicePlan(patch: Partial<ServicePlan> = {}): ServicePlan {
  const base: ServicePlan = {
    name: 'messaging',
    displayName: 'Messaging',
    displayNames: { en: 'Messaging', 'zh-CN': 'Messaging' },
    capacity: {
      rpsPerServer: 100,
      targetUtilization: 0.8,
      baseLatencyMs: 50,
      sloLatencyMs: 500,
      minServers: 2,
      maxServers: 40,
      initialServers: 4,
    },
    standby: { poolSize: 10, startSeconds: 60 },
    cold: { provisionSeconds: 120, startSeconds: 60, quotaPerMinute: 5 },
    warmup: { startingCapacityFraction: 0.5 },
    baseline: { windowSeconds: 3600, quantile: 0.5, freezeWhileFiring: true, initialRps: 300 },
    growth: { windowSeconds: 60 },
    triggers: [],
    scale: {
      policy: 'step',
      stepRules: {
        elevated: [{ kind: 'activate-standby', count: 2, percent: null }],
        surge: [
          { kind: 'activate-standby', count: null, percent: 50 },
          { kind: 'add', count: null, percent: 25 },
        ],
        critical: [{ kind: 'add', count: 4, percent: null }],
      },
      cooldownSeconds: 120,
      targetTracking: {
        metric: 'utilization',
        target: 0.7,
        tolerance: 0.1,
        behavior: defaultHpaBehavior(),
        source: 'plan',
      },
      predictive: { horizonSeconds: null, windowSeconds: 300, targetUtilization: 0.7 },
      scaleIn: { stabilizationWindowSeconds: 300, maxServersPerMinute: 2, drainSeconds: 30, returnToStandby: true },
    },
    throttle: { enabled: true, levels: [], admitFraction: 0.95, retryAfterSeconds: 30, queueLimitSeconds: 10 },
    notices: {
      templates: {},
      cause: { en: 'a traffic surge', 'zh-CN': '流量激增' },
      updateEverySeconds: 600,
      minStageSeconds: 0,
      openAtLevel: 'surge',
    },
    series: [],
  };
  return { ...base, ...patch };
}
