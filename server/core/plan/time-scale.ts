/**
 * A plan for a drill run `factor` times faster than real time (60 turns a minute into a
 * second): every duration is divided by the factor, and every per-minute allowance (cloud
 * quota, scale-in rate, growth thresholds in percent per minute) multiplied by it, so the
 * compressed drill makes the same decisions at the same points of the traffic curve.
 * Request latencies (baseLatencyMs, sloLatencyMs, latencyMs thresholds) are per request and
 * stay as they are.
 */
import type {
  ConditionGroup, HpaBehavior, HpaScalingRules, Plan, ScaleConfig, ServicePlan, Trigger,
} from './types.js';

function scaleGroup(group: ConditionGroup, factor: number): ConditionGroup {
  return {
    combine: group.combine,
    conditions: group.conditions.map((c) => (c.metric === 'growthPctPerMin' ? { ...c, value: c.value * factor } : { ...c })),
  };
}

function scaleTrigger(trigger: Trigger, factor: number): Trigger {
  return {
    level: trigger.level,
    when: scaleGroup(trigger.when, factor),
    forSeconds: trigger.forSeconds / factor,
    clear: trigger.clear === null ? null : scaleGroup(trigger.clear, factor),
    clearForSeconds: trigger.clearForSeconds / factor,
  };
}

function scaleRules(rules: HpaScalingRules, factor: number): HpaScalingRules {
  return {
    stabilizationWindowSeconds: rules.stabilizationWindowSeconds / factor,
    selectPolicy: rules.selectPolicy,
    policies: rules.policies.map((p) => ({ ...p, periodSeconds: p.periodSeconds / factor })),
  };
}

function scaleBehavior(behavior: HpaBehavior, factor: number): HpaBehavior {
  return { scaleUp: scaleRules(behavior.scaleUp, factor), scaleDown: scaleRules(behavior.scaleDown, factor) };
}

function scaleScale(scale: ScaleConfig, factor: number): ScaleConfig {
  const { horizonSeconds } = scale.predictive;
  return {
    policy: scale.policy,
    stepRules: structuredClone(scale.stepRules),
    cooldownSeconds: scale.cooldownSeconds / factor,
    targetTracking: { ...scale.targetTracking, behavior: scaleBehavior(scale.targetTracking.behavior, factor) },
    predictive: {
      ...scale.predictive,
      horizonSeconds: horizonSeconds === null ? null : horizonSeconds / factor,
      windowSeconds: scale.predictive.windowSeconds / factor,
    },
    scaleIn: {
      ...scale.scaleIn,
      stabilizationWindowSeconds: scale.scaleIn.stabilizationWindowSeconds / factor,
      maxServersPerMinute: scale.scaleIn.maxServersPerMinute * factor,
      drainSeconds: scale.scaleIn.drainSeconds / factor,
    },
  };
}

function scaleService(service: ServicePlan, factor: number): ServicePlan {
  const copy = structuredClone(service);
  return {
    ...copy,
    standby: { ...copy.standby, startSeconds: copy.standby.startSeconds / factor },
    cold: {
      provisionSeconds: copy.cold.provisionSeconds / factor,
      startSeconds: copy.cold.startSeconds / factor,
      quotaPerMinute: copy.cold.quotaPerMinute * factor,
    },
    baseline: { ...copy.baseline, windowSeconds: copy.baseline.windowSeconds / factor },
    growth: { windowSeconds: copy.growth.windowSeconds / factor },
    triggers: copy.triggers.map((t) => scaleTrigger(t, factor)),
    scale: scaleScale(copy.scale, factor),
    throttle: {
      ...copy.throttle,
      retryAfterSeconds: copy.throttle.retryAfterSeconds / factor,
      queueLimitSeconds: copy.throttle.queueLimitSeconds / factor,
    },
    notices: { ...copy.notices, updateEverySeconds: copy.notices.updateEverySeconds / factor, minStageSeconds: copy.notices.minStageSeconds / factor },
  };
}

/**
 * `plan` compressed by `factor` (> 0; 1 returns an equal plan). A non-positive or non-finite
 * factor is a programming error, not bad input, and throws a RangeError.
 */
export function scalePlanTime(plan: Plan, factor: number): Plan {
  if (!Number.isFinite(factor) || factor <= 0) throw new RangeError(`time scale factor must be a positive number, got ${factor}`);
  const services: Record<string, ServicePlan> = {};
  for (const [name, service] of Object.entries(plan.services)) services[name] = scaleService(service, factor);
  return { ...plan, levels: [...plan.levels], tickSeconds: plan.tickSeconds / factor, services };
}
