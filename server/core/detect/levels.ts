import type { Trigger } from '../plan/types.js';
import { isActive } from './trigger-machine.js';
import type { TriggerState } from './types.js';

/**
 * Levels with at least one firing (or clearing) trigger, in severity order. Walking `levels`
 * rather than the triggers keeps the result ordered, de-duplicated and limited to known levels.
 */
export function firingLevels(levels: readonly string[], triggers: readonly Trigger[], states: readonly TriggerState[]): string[] {
  let active: Set<string> | null = null;
  for (let i = 0; i < triggers.length; i += 1) {
    const s = states[i];
    if (s && isActive(s.phase)) (active ??= new Set()).add((triggers[i] as Trigger).level);
  }
  if (active === null) return [];
  const found = active;
  return levels.filter((l) => l !== 'normal' && found.has(l));
}
