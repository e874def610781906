/**
 * The backlog over a stretch where capacity is constant and demand is a straight line, in
 * closed form: dB/ds = netRps + growthRpsPerSec * s (demand minus capacity), clipped to
 * [0, limit] (an empty queue cannot go negative; a full one drops). The net rate is linear,
 * so it changes sign at most once and the backlog is monotone on either side of that point,
 * where clipping is a plain min or max. s is in seconds from the start of the stretch.
 */
export interface BacklogStretch {
  backlog: number;
  netRps: number;
  growthRpsPerSec: number;
  limit: number;
  /**
   * the stretch's length, seconds. Besides being handy, a fifth field keeps this hot literal
   * fast: V8 roots every four-property literal at the map of `{}`, whose transition table
   * libraries that build many dynamic keys (ajv's code generator) fill at start-up; literals
   * of exactly four properties then fall back to dictionary-mode objects.
   */
  seconds: number;
}

const integral = (st: BacklogStretch, from: number, to: number): number =>
  st.netRps * (to - from) + (st.growthRpsPerSec * (to * to - from * from)) / 2;

/** Where the net rate changes sign, if it does after the start. */
const turningPoint = (st: BacklogStretch): number | null => {
  if (st.growthRpsPerSec === 0) return null;
  const s = -st.netRps / st.growthRpsPerSec;
  return s > 0 ? s : null;
};

const clip = (st: BacklogStretch, value: number, rising: boolean): number =>
  rising ? Math.min(st.limit, value) : Math.max(0, value);

/** The backlog s seconds into the stretch. */
export function backlogAfter(st: BacklogStretch, s: number): number {
  const turn = turningPoint(st);
  if (turn !== null && turn < s) {
    const atTurn = clip(st, st.backlog + integral(st, 0, turn), st.netRps > 0);
    return clip(st, atTurn + integral(st, turn, s), !(st.netRps > 0));
  }
  const rising = st.netRps > 0 || (st.netRps === 0 && st.growthRpsPerSec > 0);
  return clip(st, st.backlog + integral(st, 0, s), rising);
}

/** First root of backlog + netRps*s + growth*s^2/2 = 0 while the backlog falls from the start; Infinity if none. */
function firstRootFalling(st: BacklogStretch): number {
  if (st.backlog <= 0) return 0;
  const disc = st.netRps * st.netRps - 2 * st.growthRpsPerSec * st.backlog;
  if (disc < 0) return Number.POSITIVE_INFINITY;
  // 2c / (-b + sqrt(disc)) is the small root without the cancellation of (-b - sqrt(disc)) / 2a
  const denominator = -st.netRps + Math.sqrt(disc);
  return denominator > 0 ? (2 * st.backlog) / denominator : Number.POSITIVE_INFINITY;
}

/**
 * Demand flat or growing: the first time the backlog is empty before the net rate turns
 * positive (after that it only refills), or Infinity.
 */
export function firstEmptyWhileFalling(st: BacklogStretch): number {
  if (st.backlog <= 0) return 0;
  if (st.netRps >= 0) return Number.POSITIVE_INFINITY;
  return firstRootFalling(st);
}

/** Demand falling: the time from which the backlog stays empty (it may first grow, then drains for good). */
export function emptyForGoodFrom(st: BacklogStretch): number {
  const g = st.growthRpsPerSec;
  if (st.netRps <= 0) return firstRootFalling(st);
  if (g >= 0) return Number.POSITIVE_INFINITY;
  const turn = st.netRps / -g;
  const atTurn = Math.min(st.limit, st.backlog + (st.netRps * turn) / 2);
  return turn + Math.sqrt((2 * atTurn) / -g);
}
