import type { ScaleState } from './types.js';

/** The parts of a ScaleState a policy replaces on a tick; the rest carries over. */
export interface ScaleStateChanges {
  lastScaleOutAt?: number;
  appliedLevel?: string;
  hpa?: ScaleState['hpa'];
  scaleIn?: ScaleState['scaleIn'];
  demand?: ScaleState['demand'];
}

/**
 * The next ScaleState, always built by this one literal. A spread (`{ ...state, scaleIn }`)
 * copies whichever shape the state arrived in, and a replay does it on every tick; one shape
 * keeps that copy and the reads after it cheap.
 */
export function scaleStateWith(state: ScaleState, changes: ScaleStateChanges): ScaleState {
  return {
    t0: state.t0,
    lastScaleOutAt: changes.lastScaleOutAt ?? state.lastScaleOutAt,
    appliedLevel: changes.appliedLevel ?? state.appliedLevel,
    hpa: changes.hpa ?? state.hpa,
    scaleIn: changes.scaleIn ?? state.scaleIn,
    demand: changes.demand ?? state.demand,
  };
}
