export type { Observation, DetectState, DetectResult, TriggerPhase, TriggerState, BaselineState, GrowthState } from './types.js';
export { initialDetectState, detect } from './detect.js';
export { MIN_BASELINE_RPS } from './baseline.js';
export { stepTrigger, type TriggerTransition, type TriggerStepInput, type TriggerStep } from './trigger-machine.js';
