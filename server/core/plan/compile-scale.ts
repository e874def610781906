/** Scaling: step rules, target tracking (Kubernetes HPA semantics), predictive and scale-in. */
import { mergeHpaBehavior } from './hpa-behavior.js';
import type { HpaSettings } from './hpa-manifest.js';
import { SERVICE_DEFAULTS as D, secondsOr } from './plan-defaults.js';
import type { ServiceDocument } from './schema-service.js';
import { checkLevel, type ServiceContext } from './service-context.js';
import type { CapacityConfig, PredictiveConfig, ScaleAction, ScaleConfig, TargetTrackingConfig } from './types.js';

type Scale = NonNullable<ServiceDocument['scale']>;
type ActionDocument = NonNullable<Scale['rules']>[string][number];

function amount(value: number | string): { count: number | null; percent: number | null } {
  return typeof value === 'number' ? { count: value, percent: null } : { count: null, percent: Number(value.slice(0, -1)) };
}

function compileAction(action: ActionDocument): ScaleAction {
  if (action.activateStandby !== undefined) return { kind: 'activate-standby', ...amount(action.activateStandby) };
  return { kind: 'add', ...amount(action.add ?? 0) };
}

function compileRules(scale: Scale, context: ServiceContext): Record<string, ScaleAction[]> {
  const rules: Record<string, ScaleAction[]> = {};
  for (const [level, actions] of Object.entries(scale.rules ?? {})) {
    if (checkLevel(context, ['scale', 'rules', level], level, 'a step rule', { key: true })) rules[level] = actions.map(compileAction);
  }
  return rules;
}

function compileTargetTracking(scale: Scale, capacity: CapacityConfig, hpa: HpaSettings | null, source: string): TargetTrackingConfig {
  const given = scale.targetTracking ?? {};
  const metric = given.metric ?? hpa?.metric ?? 'utilization';
  // a manifest's target is in the unit of its own metric, so it only counts for that metric
  const manifestTarget = hpa?.metric === metric ? hpa.target : undefined;
  const defaultTarget = metric === 'utilization' ? capacity.targetUtilization : capacity.rpsPerServer;
  return {
    metric,
    target: given.target ?? manifestTarget ?? defaultTarget,
    tolerance: given.tolerance ?? D.tolerance,
    behavior: mergeHpaBehavior(given.behavior, hpa?.behavior),
    source,
  };
}

function compilePredictive(scale: Scale, capacity: CapacityConfig): PredictiveConfig {
  const given = scale.predictive ?? {};
  return {
    horizonSeconds: given.horizon === undefined ? null : secondsOr(given.horizon, 0),
    windowSeconds: secondsOr(given.window, D.predictiveWindowSeconds),
    targetUtilization: given.targetUtilization ?? capacity.targetUtilization,
  };
}

export function compileScale(doc: ServiceDocument, context: ServiceContext, capacity: CapacityConfig, hpa: HpaSettings | null): ScaleConfig {
  const scale = doc.scale ?? {};
  const scaleIn = scale.scaleIn ?? {};
  return {
    policy: scale.policy ?? 'step',
    stepRules: compileRules(scale, context),
    cooldownSeconds: secondsOr(scale.cooldown, D.cooldownSeconds),
    targetTracking: compileTargetTracking(scale, capacity, hpa, scale.targetTracking?.hpaManifest ?? 'plan'),
    predictive: compilePredictive(scale, capacity),
    scaleIn: {
      stabilizationWindowSeconds: secondsOr(scaleIn.stabilizationWindow, D.scaleInStabilizationSeconds),
      maxServersPerMinute: scaleIn.maxServersPerMinute ?? D.scaleInMaxServersPerMinute,
      drainSeconds: secondsOr(scaleIn.drain, D.drainSeconds),
      returnToStandby: scaleIn.returnToStandby ?? D.returnToStandby,
    },
  };
}
