/** Kubernetes HPA behavior defaults (autoscaling/v2 defaulting, 15 s periods) and merging over them. */
import type { HpaBehavior, HpaScalingRules } from './types.js';
import type { HpaBehaviorDocument } from './schema-behavior.js';

/** The controller's defaults; scaleDown's 300 s window is the --horizontal-pod-autoscaler-downscale-stabilization default. */
export function defaultHpaBehavior(): HpaBehavior {
  return {
    scaleUp: {
      stabilizationWindowSeconds: 0,
      selectPolicy: 'Max',
      policies: [
        { type: 'Pods', value: 4, periodSeconds: 15 },
        { type: 'Percent', value: 100, periodSeconds: 15 },
      ],
    },
    scaleDown: {
      stabilizationWindowSeconds: 300,
      selectPolicy: 'Max',
      policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
    },
  };
}

type RulesDocument = NonNullable<HpaBehaviorDocument['scaleUp']>;

function mergeRules(base: HpaScalingRules, given: RulesDocument | undefined): HpaScalingRules {
  return {
    stabilizationWindowSeconds: given?.stabilizationWindowSeconds ?? base.stabilizationWindowSeconds,
    selectPolicy: given?.selectPolicy ?? base.selectPolicy,
    // as in Kubernetes, policies given replace the default list rather than adding to it
    policies: given?.policies?.map((p) => ({ ...p })) ?? base.policies,
  };
}

/** `given` over `base` (the Kubernetes defaults unless told), field by field and direction by direction. */
export function mergeHpaBehavior(given: HpaBehaviorDocument | undefined, base: HpaBehavior = defaultHpaBehavior()): HpaBehavior {
  return { scaleUp: mergeRules(base.scaleUp, given?.scaleUp), scaleDown: mergeRules(base.scaleDown, given?.scaleDown) };
}
