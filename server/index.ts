/**
 * The programmatic API: drive the engine from your own tests and tools. Everything here
 * but loadPlan/loadScenario (which read files) is pure and deterministic.
 */
export { loadPlan, loadDefaultPlan, DEFAULT_PLAN_PATH } from './plan-file.js';
export { loadScenario } from './scenario-file.js';
export { parsePlan, scalePlanTime, parseHpaManifest, planJsonSchema } from './core/plan/index.js';
export type * from './core/plan/types.js';
export { POLICY_NAMES, LANGUAGES, INCIDENT_STAGES } from './core/plan/types.js';

export { replay, type ReplayOptions, type ReplayResult } from './core/drill/replay.js';
export { summarise, type ReplaySummary, type ServiceSummary } from './core/drill/summary.js';
export { elasticity, type Elasticity } from './core/drill/elasticity.js';
export {
  generateScenario,
  FEB3_PARAMS,
  FEB3_SEED,
  demandAt,
  scenarioBounds,
  parseScenarioJson,
  type Scenario,
  type ScenarioParams,
} from './core/drill/scenario.js';
export { parseCsvTrace } from './core/drill/csv-trace.js';

export { initialEngineState, step, type EngineState, type StepOutput } from './core/engine/step.js';
export type * from './core/engine/types.js';
export {
  calculateReplicas,
  SCALE_REASONS,
  type ReplicaCalculationInput,
  type ReplicaCalculationResult,
  type ScaleReason,
} from './core/scale/index.js';
export { erlangC, mmcWaitMs } from './core/fleet/index.js';
export { createRng, type Rng } from './core/rng.js';
export { formatError, type FlashcrowdError, type Result } from './core/errors.js';

export { buildApp, type AppOptions } from './http/app.js';
export { openSqliteStore } from './store/open-sqlite-store.js';
