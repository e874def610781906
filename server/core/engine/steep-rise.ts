/**
 * Whether demand is still rising faster than the forecast assumes, as at the start of a wave
 * the comparable day did not have. The forecast's trend is a regression over the growth
 * window (ten minutes by default), so in the first minutes of a wave it lags the rise users
 * are seeing; a recovery time foreseen from it would come too early.
 *
 * The rise is measured over the last RECENT_MS of the growth window's own points (what the
 * triggers saw), so the live server and the replay measure it alike.
 */
export const RECENT_MS = 120_000;
/**
 * A wave that left normal demand between this long and RECENT_MS ago is measured from where it
 * left (riseSinceNormal). Sooner than this, a tick or two is too little to measure a rise by.
 */
const SINCE_NORMAL_MIN_MS = 60_000;
/** steep: rising by more than this share of current demand per minute ... */
const STEEP_SHARE_PER_MIN = 0.05;
/**
 * Very steep: rising by more than this share of current demand a minute, enough to double it
 * in ten minutes and to stop at any height. How long such a rise goes on decides the recovery.
 */
const VERY_STEEP_SHARE_PER_MIN = 0.1;
/** ... and more than this many times as fast as the forecast rises over the same stretch and
 *  as the trend measured over the whole growth window (past the start of a wave the two agree) */
const STEEP_FACTOR = 2;

/** rps per second over the last `spanMs` of `points` ([ms, rps], oldest first); 0 with too few points. */
function riseOver(points: readonly (readonly [number, number])[], spanMs: number): number {
  const last = points[points.length - 1];
  if (!last) return 0;
  for (let i = points.length - 2; i >= 0; i--) {
    const p = points[i] as readonly [number, number];
    if (last[0] - p[0] >= spanMs) return (last[1] - p[1]) / ((last[0] - p[0]) / 1000);
  }
  return 0;
}

/**
 * Of two slopes, the part both agree on: 0 when they point different ways, else the gentler.
 * A forecast carries a rise or a fall forward only as far as the shorter, later view still
 * shows it.
 */
export function agreedSlope(longer: number, shorter: number): number {
  if (Math.sign(longer) !== Math.sign(shorter)) return 0;
  return Math.abs(shorter) < Math.abs(longer) ? shorter : longer;
}

/**
 * rps per second since demand was last at or below `normalRps`, when that was between
 * SINCE_NORMAL_MIN_MS and RECENT_MS ago; else null. Over the full two minutes, the flat stretch
 * before a wave averages its slope down by up to a half, and the runs behind a time at its
 * first minute then let it go on at half its pace: on double waves, promises of recovery in
 * 1.5 minutes while users waited 7, the standby pool seeming to cover a rise it could not.
 */
function riseSinceNormal(points: readonly (readonly [number, number])[], normalRps: number): number | null {
  const last = points[points.length - 1];
  if (!last || last[1] <= normalRps) return null;
  for (let i = points.length - 2; i >= 0; i--) {
    const p = points[i] as readonly [number, number];
    const age = last[0] - p[0];
    if (age > RECENT_MS) return null;
    if (p[1] <= normalRps) return age >= SINCE_NORMAL_MIN_MS ? (last[1] - p[1]) / (age / 1000) : null;
  }
  return null;
}

/**
 * rps per second over the last RECENT_MS of `points` ([ms, rps], oldest first, one a tick), or
 * since demand left `normalRps` (the learned baseline) when a wave began within them
 * (riseSinceNormal), as far as the latest tick agrees (agreedSlope): when a wave stops rising,
 * the hold shows at once in the latest tick while the two minutes hold the rise for two minutes
 * more, and a forecast that carried it on would promise a recovery minutes too late. 0 with too
 * few points.
 */
export function recentRiseRpsPerSec(points: readonly (readonly [number, number])[], normalRps: number): number {
  return agreedSlope(riseSinceNormal(points, normalRps) ?? riseOver(points, RECENT_MS), riseOver(points, 1));
}

export interface RiseInput {
  /** now, epoch ms */
  t: number;
  demandRps: number;
  /** the forecast (demand-forecast.ts) */
  demand: (at: number) => number;
  /** the trend over the growth window, rps per second */
  trendRpsPerSec: number;
  /** the rise over the last RECENT_MS, rps per second (recentRiseRpsPerSec) */
  recentRpsPerSec: number;
}

/** How fast (rps per second) the forecast rises over the next RECENT_MS, 0 when it does not. */
function foreseenRise({ t, demand }: RiseInput): number {
  return Math.max((demand(t + RECENT_MS) - demand(t)) / (RECENT_MS / 1000), 0);
}

/** The rise (rps per second) the forecast does not explain when demand is rising steeply, else 0. */
export function unexplainedRise(input: RiseInput): number {
  const { demandRps, recentRpsPerSec } = input;
  if (demandRps <= 0 || recentRpsPerSec * 60 <= STEEP_SHARE_PER_MIN * demandRps) return 0;
  const foreseen = foreseenRise(input);
  if (recentRpsPerSec <= STEEP_FACTOR * Math.max(foreseen, input.trendRpsPerSec)) return 0;
  return recentRpsPerSec - foreseen;
}

/**
 * How much faster (rps per second) than the forecast demand climbs when it climbs very steeply,
 * however much of the rise the forecast's trend is taken to explain; else 0. The trend is a
 * regression over the growth window, which early in a wave still holds minutes of flat demand:
 * a trend half the rise "explains" it (unexplainedRise), yet carried forward it lets the wave
 * go on at half its pace (forecast-recovery.ts weighs this where that matters).
 */
export function outpacingRise(input: RiseInput): number {
  const { demandRps, recentRpsPerSec } = input;
  if (demandRps <= 0 || !risingVerySteeply(recentRpsPerSec, demandRps)) return 0;
  return Math.max(recentRpsPerSec - foreseenRise(input), 0);
}

/**
 * Whether a rise (rps per second) is very steep against `demandRps`: the engine asks it of the
 * rise over the last RECENT_MS (recentRiseRpsPerSec), the forecast of the rise it cannot explain.
 */
export function risingVerySteeply(riseRpsPerSec: number, demandRps: number): boolean {
  return riseRpsPerSec * 60 > VERY_STEEP_SHARE_PER_MIN * demandRps;
}
