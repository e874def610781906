export type { ScaleState, ScaleInput, TimestampedRecommendation, TimestampedScaleEvent, HpaHistory, ScaleInHistory } from './types.js';
export { initialScaleState, decideScale } from './decide-scale.js';
export { calculateReplicas, type ReplicaCalculationInput, type ReplicaCalculationResult } from './calculate-replicas.js';
export { SCALE_REASONS, type ScaleReason } from './reasons.js';
