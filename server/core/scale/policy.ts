import type { ScaleState } from './types.js';
import type { PolicyChange } from './scale-in.js';

/** What a policy decided this tick: its next state and the change of size, if any. */
export interface PolicyOutcome {
  state: ScaleState;
  change: PolicyChange | null;
}

export function isCooling(state: ScaleState, t: number, cooldownSeconds: number): boolean {
  return state.lastScaleOutAt !== null && t - state.lastScaleOutAt < cooldownSeconds * 1000;
}
