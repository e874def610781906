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
  return stepTriggerAt(state, input.when, input.clear, input.forMs, input.clearForMs, input.tickStart, input.t);
}

/** stepTrigger with its input as arguments: detection steps every trigger every tick. */
export function stepTriggerAt(state: TriggerState, when: boolean, clear: boolean, forMs: number, clearForMs: number, tickStart: number, t: number): TriggerStep {
  return state.phase === 'inactive' || state.phase === 'pending'
    ? timedMove(state, when, forMs, tickStart, t, RISE)
    : timedMove(state, clear, clearForMs, tickStart, t, FALL);
}

/**
 * The two halves of the table are one machine run both ways: from a resting phase, a
 * condition that holds long enough reaches the other resting phase, through a waiting phase
 * when that takes more than one tick; a condition that stops holding while waiting goes back.
 */
interface TimedMove {
  rest: TriggerState;
  waiting: TriggerPhase;
  reached: TriggerState;
  reachedBy: TriggerTransition;
  waitingBy: TriggerTransition;
  abandonedBy: TriggerTransition;
}

const RISE: TimedMove = { rest: INACTIVE, waiting: 'pending', reached: FIRING, reachedBy: 'firing', waitingBy: 'pending', abandonedBy: 'cancelled' };
const FALL: TimedMove = { rest: FIRING, waiting: 'clearing', reached: INACTIVE, reachedBy: 'resolved', waitingBy: 'clearing', abandonedBy: 'refiring' };

function timedMove(state: TriggerState, holds: boolean, durationMs: number, tickStart: number, t: number, move: TimedMove): TriggerStep {
  const waiting = state.phase === move.waiting;
  if (!holds) return waiting ? { state: move.rest, transition: move.abandonedBy } : { state, transition: null };
  const since = waiting ? (state.since ?? tickStart) : tickStart;
  if (t - since >= durationMs) return { state: move.reached, transition: move.reachedBy };
  if (waiting) return { state, transition: null };
  return { state: { phase: move.waiting, since: tickStart }, transition: move.waitingBy };
}

/** Firing and clearing triggers both hold their level up: clearing is hysteresis, not release. */
export function isActive(phase: TriggerPhase): boolean {
  return phase === 'firing' || phase === 'clearing';
}
