import type { TriggerPhase, TriggerState } from './types.js';

/** What happened to a trigger on one tick; 'cancelled' is pending -> inactive, 'refiring' is clearing -> firing. */
export type TriggerTransition = 'pending' | 'firing' | 'clearing' | 'resolved' | 'cancelled' | 'refiring';

export interface TriggerStepInput {
  /** `when` holds on this tick */
  when: boolean;
  /** `clear` holds on this tick (not(when) when the trigger has no clear group) */
  clear: boolean;
  forMs: number;
  clearForMs: number;
  /** start of this tick (the previous observation's time), epoch ms */
  tickStart: number;
  /** end of this tick, epoch ms */
  t: number;
}

export interface TriggerStep {
  state: TriggerState;
  transition: TriggerTransition | null;
}

const INACTIVE: TriggerState = { phase: 'inactive', since: null };
const FIRING: TriggerState = { phase: 'firing', since: null };

/*
 * Timing: a tick covers (tickStart, t]. A condition that first holds on a tick is taken to
 * have held since that tick's start, so the tick it first held on counts in full. The
 * condition has then held for `t - since` ms, and the timed transition happens on the first
 * tick where that reaches the configured duration. With 10 s ticks and forSeconds 30, `when`
 * first holding on the tick ending at 20 s fires on the tick ending at 40 s (the third
 * holding tick). A duration no longer than one tick (forSeconds 0 in particular) skips the
 * intermediate phase: inactive goes straight to firing, firing straight to inactive.
 *
 * | from     | on this tick                                 | to       | transition |
 * |----------|----------------------------------------------|----------|------------|
 * | inactive | when holds, t - tickStart >= for             | firing   | firing     |
 * | inactive | when holds, otherwise                        | pending  | pending    |
 * | inactive | when does not hold                           | inactive | -          |
 * | pending  | when holds, t - since >= for                 | firing   | firing     |
 * | pending  | when holds, otherwise                        | pending  | -          |
 * | pending  | when does not hold                           | inactive | cancelled  |
 * | firing   | clear holds, t - tickStart >= clearFor       | inactive | resolved   |
 * | firing   | clear holds, otherwise                       | clearing | clearing   |
 * | firing   | clear does not hold                          | firing   | -          |
 * | clearing | clear holds, t - since >= clearFor           | inactive | resolved   |
 * | clearing | clear holds, otherwise                       | clearing | -          |
 * | clearing | clear does not hold                          | firing   | refiring   |
 */
export function stepTrigger(state: TriggerState, input: TriggerStepInput): TriggerStep {
  const { when, clear, forMs, clearForMs, tickStart, t } = input;
  switch (state.phase) {
    case 'inactive':
      if (!when) return { state, transition: null };
      if (t - tickStart >= forMs) return { state: FIRING, transition: 'firing' };
      return { state: { phase: 'pending', since: tickStart }, transition: 'pending' };
    case 'pending':
      if (!when) return { state: INACTIVE, transition: 'cancelled' };
      if (t - (state.since ?? tickStart) >= forMs) return { state: FIRING, transition: 'firing' };
      return { state, transition: null };
    case 'firing':
      if (!clear) return { state, transition: null };
      if (t - tickStart >= clearForMs) return { state: INACTIVE, transition: 'resolved' };
      return { state: { phase: 'clearing', since: tickStart }, transition: 'clearing' };
    case 'clearing':
      if (!clear) return { state: FIRING, transition: 'refiring' };
      if (t - (state.since ?? tickStart) >= clearForMs) return { state: INACTIVE, transition: 'resolved' };
      return { state, transition: null };
  }
}

/** Firing and clearing triggers both hold their level up: clearing is hysteresis, not release. */
export function isActive(phase: TriggerPhase): boolean {
  return phase === 'firing' || phase === 'clearing';
}
