/**
 * The demand a forecast assumes: the daily shape (the same time a day earlier, scaled to the
 * current level) plus whatever trend the shape does not explain, damped after TREND_SECONDS.
 * Without a day of history it is the trend alone, damped the same way: a straight line
 * extrapolated for hours would promise that no fleet ever catches up.
 *
 * The trend carried forward is the growth window's only as far as the last minutes agree with
 * it (carriedTrend). A falling forecast stops at the level the day before had at that time:
 * demand that falls back after a wave settles where a day normally is, not below it.
 */
import { agreedSlope } from './steep-rise.js';
import type { DemandHistory } from './types.js';

export const DAY_MS = 86_400_000;
const TREND_SECONDS = 900;

function historyAt(h: DemandHistory, at: number): number | null {
  const x = (at - h.startMs) / h.stepMs;
  if (x < 0 || x > h.rps.length - 1) return null;
  const i = Math.floor(x);
  const a = h.rps[i] as number;
  const b = h.rps[Math.min(i + 1, h.rps.length - 1)] as number;
  return a + (b - a) * (x - i);
}

/** Demand (rps) expected at a future time, never below 0. */
export function demandForecast(
  history: DemandHistory | undefined,
  t: number,
  demandRps: number,
  growthRpsPerSec: number,
  trendWindowSeconds: number,
): (at: number) => number {
  const ref = history ? historyAt(history, t - DAY_MS) : null;
  if (!history || ref === null || ref <= 0) {
    return (at) => Math.max(0, demandRps + growthRpsPerSec * Math.min((at - t) / 1000, TREND_SECONDS));
  }
  const scale = demandRps / ref;
  const windowMs = Math.max(trendWindowSeconds * 1000, history.stepMs);
  const before = historyAt(history, t - DAY_MS - windowMs) ?? ref;
  // the trend the daily shape already explains, over the window the trend is measured on, is not counted twice
  const residual = growthRpsPerSec - (scale * (ref - before)) / (windowMs / 1000);
  return (at) => {
    const shaped = historyAt(history, at - DAY_MS);
    const base = shaped === null ? demandRps : shaped * scale;
    const trended = base + residual * Math.min((at - t) / 1000, TREND_SECONDS);
    if (residual >= 0) return Math.max(0, trended);
    return Math.max(0, trended, Math.min(base, shaped ?? 0));
  };
}

/**
 * The trend (rps per second) a forecast carries forward: the growth window's, as far as the
 * rise over its last minutes (steep-rise.ts) agrees with it. After a ramp stops, the window
 * still holds the rise for minutes while users already see the level hold; after a decline
 * stops, carrying it on foresees a fall that is not coming. A recent rise steeper than the
 * window's is the start of a wave, which steep-rise.ts weighs on its own.
 */
export function carriedTrend(windowRpsPerSec: number, recentRpsPerSec: number): number {
  return agreedSlope(windowRpsPerSec, recentRpsPerSec);
}
