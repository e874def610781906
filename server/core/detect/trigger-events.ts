import type { CoreEvent } from '../engine/types.js';
import type { ConditionGroup, Trigger } from '../plan/types.js';
import { describeGroup, type ConditionValues } from './conditions.js';
import type { TriggerTransition } from './trigger-machine.js';
import type { TriggerPhase } from './types.js';

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** "rps=5400, baselineMultiple=4.5": the observed values of the metrics a group tests. */
function observed(group: ConditionGroup, values: ConditionValues): string {
  const metrics = [...new Set(group.conditions.map((c) => c.metric))];
  return metrics.map((m) => `${m}=${round(values[m])}`).join(', ');
}

function held(seconds: number): string {
  return seconds > 0 ? `has held for ${seconds}s` : 'holds';
}

function clearText(trigger: Trigger): string {
  return trigger.clear ? describeGroup(trigger.clear) : `not (${describeGroup(trigger.when)})`;
}

function message(trigger: Trigger, transition: TriggerTransition, values: ConditionValues): string {
  const name = `Surge trigger for level "${trigger.level}"`;
  const when = `${describeGroup(trigger.when)} (${observed(trigger.when, values)})`;
  const clearGroup = trigger.clear ?? trigger.when;
  const clear = `${clearText(trigger)} (${observed(clearGroup, values)})`;
  switch (transition) {
    case 'pending':
      return `${name} is pending: ${when} holds; it fires if that holds for ${trigger.forSeconds}s.`;
    case 'firing':
      return `${name} is firing: ${when} ${held(trigger.forSeconds)}.`;
    case 'cancelled':
      return `${name} is no longer pending: ${when} stopped holding before ${trigger.forSeconds}s.`;
    case 'clearing':
      return `${name} is clearing: ${clear} holds; it resolves if that holds for ${trigger.clearForSeconds}s.`;
    case 'refiring':
      return `${name} is firing again: ${clear} stopped holding before ${trigger.clearForSeconds}s.`;
    case 'resolved':
      return `${name} resolved: ${clear} ${held(trigger.clearForSeconds)}.`;
  }
}

const EVENT_TYPE = {
  pending: 'trigger:pending',
  firing: 'trigger:firing',
  refiring: 'trigger:firing',
  clearing: 'trigger:clearing',
  resolved: 'trigger:resolved',
  cancelled: 'trigger:resolved',
} as const;

/**
 * One event per transition. `data.from`/`data.to` name the phases, so a consumer can tell a
 * cancelled pending (trigger:resolved from pending) from a real resolution, and a re-fire
 * from clearing from a first fire.
 */
export function triggerEvent(
  index: number,
  trigger: Trigger,
  transition: TriggerTransition,
  from: TriggerPhase,
  to: TriggerPhase,
  values: ConditionValues,
): CoreEvent {
  return {
    type: EVENT_TYPE[transition],
    message: message(trigger, transition, values),
    data: {
      trigger: index,
      level: trigger.level,
      from,
      to,
      rps: round(values.rps),
      baselineMultiple: round(values.baselineMultiple),
      growthPctPerMin: round(values.growthPctPerMin),
    },
  };
}

export function levelChangedEvent(from: string, to: string, firing: readonly string[]): CoreEvent {
  const why = to === 'normal' ? 'no surge trigger is firing' : `triggers firing for ${firing.join(', ')}`;
  return {
    type: 'level:changed',
    message: `Level changed from ${from} to ${to}: ${why}.`,
    data: { from, to },
  };
}
