import type { Trigger } from '../plan/types.js';
import { isActive } from './trigger-machine.js';
import type { TriggerState } from './types.js';

/**
 * Levels with at least one firing (or clearing) trigger, in severity order. Walking `levels`
 * rather than the triggers keeps the result ordered, de-duplicated and limited to known levels.
 * Runs every tick: plain loops, no callbacks.
 */
export function firingLevels(levels: readonly string[], triggers: readonly Trigger[], states: readonly TriggerState[]): string[] {
  const out: string[] = [];
  for (const level of levels) {
    if (level !== 'normal' && raisedBy(level, triggers, states)) out.push(level);
  }
  return out;
}

function raisedBy(level: string, triggers: readonly Trigger[], states: readonly TriggerState[]): boolean {
  for (let i = 0; i < triggers.length; i += 1) {
    const s = states[i];
    if (s && isActive(s.phase) && (triggers[i] as Trigger).level === level) return true;
  }
  return false;
}
