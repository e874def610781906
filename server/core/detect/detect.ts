import type { CoreEvent } from '../engine/types.js';
import type { ServicePlan, Trigger } from '../plan/types.js';
import { addBaselineSample, initialBaseline, MIN_BASELINE_RPS, rollBaseline } from './baseline.js';
import { groupHolds, type ConditionValues } from './conditions.js';
import { addGrowthPoint, growthSlopePerMin } from './growth.js';
import { firingLevels } from './levels.js';
import { isActive, stepTriggerAt } from './trigger-machine.js';
import { levelChangedEvent, triggerEvent } from './trigger-events.js';
import type { DetectResult, DetectState, Observation, TriggerState } from './types.js';

const INACTIVE: TriggerState = { phase: 'inactive', since: null };

/** `t0` is the start of the first tick: the first observation covers (t0, obs.t]. */
export function initialDetectState(svc: ServicePlan, t0: number): DetectState {
  return {
    t0,
    prevT: t0,
    level: 'normal',
    triggers: svc.triggers.map(() => INACTIVE),
    baseline: initialBaseline(svc.baseline, t0),
    growth: { points: [] },
  };
}

/**
 * One tick of surge detection. The baseline used is the one learned before this tick (this
 * tick's rps joins it afterwards, unless frozen), so a sudden jump shows as a multiple at once.
 */
export function detect(svc: ServicePlan, levels: readonly string[], state: DetectState, obs: Observation): DetectResult {
  const baseline = rollBaseline(state.baseline, svc.baseline, obs.t);
  const divisor = Math.max(baseline.baselineRps, MIN_BASELINE_RPS);
  const growth = addGrowthPoint(state.growth, svc.growth, state.t0, obs.t, obs.rps);
  const values: ConditionValues = {
    rps: obs.rps,
    baselineMultiple: obs.rps / divisor,
    growthPctPerMin: (growthSlopePerMin(growth) / divisor) * 100,
    utilization: obs.utilization,
    latencyMs: obs.latencyMs,
    errorRate: obs.errorRate,
  };
  const events: CoreEvent[] = [];
  const triggers = stepTriggers(svc.triggers, state, obs.t, values, events);
  const firing = firingLevels(levels, svc.triggers, triggers);
  const level = firing[firing.length - 1] ?? 'normal';
  if (level !== state.level) events.push(levelChangedEvent(state.level, level, firing));
  const frozen = svc.baseline.freezeWhileFiring && anyActive(triggers);
  return {
    state: {
      t0: state.t0,
      prevT: obs.t,
      level,
      triggers,
      baseline: frozen ? baseline : addBaselineSample(baseline, obs.rps),
      growth,
    },
    level,
    firing,
    baselineRps: baseline.baselineRps,
    baselineMultiple: values.baselineMultiple,
    growthPctPerMin: values.growthPctPerMin,
    events,
  };
}

function anyActive(triggers: readonly TriggerState[]): boolean {
  for (const s of triggers) if (isActive(s.phase)) return true;
  return false;
}

/** Steps every trigger, pushing its events; returns the previous array itself when nothing moved. */
function stepTriggers(
  triggers: readonly Trigger[],
  state: DetectState,
  t: number,
  values: ConditionValues,
  events: CoreEvent[],
): TriggerState[] {
  let next: TriggerState[] | null =
    state.triggers.length === triggers.length ? null : triggers.map((_, j) => state.triggers[j] ?? INACTIVE);
  for (let i = 0; i < triggers.length; i += 1) {
    const trigger = triggers[i] as Trigger;
    const before = state.triggers[i] ?? INACTIVE;
    const when = groupHolds(trigger.when, values);
    const clear = trigger.clear ? groupHolds(trigger.clear, values) : !when;
    const step = stepTriggerAt(before, when, clear, trigger.forSeconds * 1000, trigger.clearForSeconds * 1000, state.prevT, t);
    if (step.transition !== null) {
      events.push(triggerEvent(i, trigger, step.transition, before.phase, step.state.phase, values));
    }
    if (step.state !== before) {
      next ??= triggers.map((_, j) => state.triggers[j] ?? INACTIVE);
      next[i] = step.state;
    }
  }
  return next ?? state.triggers;
}
