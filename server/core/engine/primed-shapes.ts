/**
 * One object of each shape the engine builds on every tick, built when the module loads.
 *
 * V8 gives each field of a hidden class the representation of the first value stored in it
 * (small integer, double or pointer). A replay starts with whole numbers (a plan's
 * initialRps, an empty backlog, a rate that has not moved yet) and meets fractions later;
 * each time a field must widen, V8 replaces the hidden class and deprecates the old one. Object
 * literals compiled before that keep the deprecated class in their boilerplate, and
 * `stepService` then failed to optimise for the whole run ("Maps became deprecated during
 * optimization"). Storing fractions (and null, where a field is nullable) here first gives
 * every field its final representation before the first tick; holding the objects keeps
 * those hidden classes alive.
 *
 * Each literal lists its keys in the order of the literal it stands for (named on the line
 * above it): V8 shares a hidden class only between literals with the same keys in the same
 * order. A mismatch costs speed, never a result.
 */
import type { BaselineState, DetectResult, DetectState, Observation, TriggerState } from '../detect/index.js';
import type { FleetState, ServeResult } from '../fleet/index.js';
import type { FlowInput, FlowOutcome } from '../fleet/request-flow.js';
import type { ConditionValues } from '../detect/conditions.js';
import { tickRecord } from './tick-record.js';

const F = 0.5;

// fleet/serve-tick.ts serveTick
const SERVED = {
  capacityRps: F,
  servedRps: F,
  throttledRps: F,
  droppedRps: F,
  backlog: F,
  latencyMs: F,
  utilization: F,
  supplyServers: F,
  demandServers: F,
} satisfies ServeResult;

export const PRIMED_SHAPES: readonly object[] = [
  // engine/stages.ts detectStage
  { t: F, rps: F, latencyMs: F, errorRate: F, utilization: F } satisfies Observation,
  // engine/stages.ts scaleStage
  { t: F, level: '', previousLevel: '', levels: [], demandRps: F, utilization: F, fleet: null, leadTimeSeconds: F },
  // engine/step.ts incidentStage
  ...[null, F].map((recovery) => ({
    t: F,
    level: '',
    levels: [],
    baselineMultiple: F,
    expectedDelayMs: F,
    expectedRecoveryAt: recovery,
    throttling: true,
    scalingOut: true,
    capacityCoversDemand: true,
  })),
  SERVED,
  // engine/tick-record.ts tickRecord, built by it: the literal it holds gets these representations
  ...[null, 0].map((recoveryAt) =>
    tickRecord({ service: '', policy: 'none', demandRps: F, served: SERVED, detected: { level: '', baselineRps: F }, servers: { standby: F, provisioning: F, starting: F, active: F, draining: F }, recoveryAt, iso: '' }),
  ),
  // fleet/serve-tick.ts serveTick
  { demandRps: F, capacityRps: F, admitRps: F, backlog: F, queueLimit: F, dtSeconds: F } satisfies FlowInput,
  // fleet/request-flow.ts flowThroughTick
  { admittedRps: F, served: F, throttled: F, dropped: F, backlog: F } satisfies FlowOutcome,
  // fleet/fleet-state.ts fleetWith and initialFleetState
  {
    t: F,
    standby: F,
    coldQueued: F,
    provisioning: [],
    starting: [],
    active: [],
    draining: [],
    coldStarts: [],
    backlog: F,
    throttling: true,
    dropping: true,
  } satisfies FleetState,
  // detect/detect.ts detect
  { rps: F, baselineMultiple: F, growthPctPerMin: F, utilization: F, latencyMs: F, errorRate: F } satisfies ConditionValues,
  // detect/detect.ts detect
  {
    state: null,
    level: '',
    firing: [],
    baselineRps: F,
    baselineMultiple: F,
    growthPctPerMin: F,
    events: [],
  } satisfies Omit<DetectResult, 'state'> & { state: DetectState | null },
  // detect/trigger-machine.ts stepTrigger
  ...[null, F].map((since): TriggerState => ({ phase: 'inactive', since })),
  // detect/baseline.ts initialBaseline and addBaselineSample
  {
    bucketMs: F,
    windowBuckets: F,
    firstBucket: F,
    openBucket: F,
    openSum: F,
    openCount: F,
    bucketIds: [],
    bucketMeans: [],
    sortedMeans: [],
    baselineRps: F,
  } satisfies BaselineState,
  // scale/scale-state.ts scaleStateWith
  ...[null, F].map((lastScaleOutAt) => ({ t0: F, lastScaleOutAt, appliedLevel: '', hpa: null, scaleIn: null, demand: null })),
];
