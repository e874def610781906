/**
 * SPEC Research Group elasticity metrics (Herbst et al., "Ready for Rain? A View from
 * SPEC Research on the Future of Cloud Metrics", and the BUNGEE benchmark), computed from
 * the servers demanded (d) and supplied (s) at each tick of a replay.
 *
 * With T the replay length and dt the tick, d floored at 1 so a quiet tick does not divide
 * by zero:
 *   accuracyU   = 100/T * sum(max(d-s, 0) / d * dt)   how short of demand, on average (%)
 *   accuracyO   = 100/T * sum(max(s-d, 0) / d * dt)   how much over demand, on average (%)
 *   timeshareU  = 100/T * sum(dt where d > s)          share of time under-provisioned (%)
 *   timeshareO  = 100/T * sum(dt where s > d)          share of time over-provisioned (%)
 *   instability = 100/(T-dt) * sum(dt over ticks after the first where sign(Δs) != sign(Δd))
 *                                                       share of time supply moved unlike demand (%)
 *   jitter      = (sum|Δs| - sum|Δd|) / (T in minutes)  unit supply changes minus unit demand
 *                                                       changes per minute: < 0 supply too sluggish,
 *                                                       > 0 supply oscillates more than demand
 * Lower is better for all but jitter, whose ideal is 0.
 */
import { sumOf } from './sums.js';

export interface Elasticity {
  accuracyU: number;
  accuracyO: number;
  timeshareU: number;
  timeshareO: number;
  instability: number;
  jitter: number;
}

interface Point {
  d: number;
  s: number;
}

export function elasticity(demand: readonly number[], supply: readonly number[], dtSeconds: number): Elasticity {
  const n = Math.min(demand.length, supply.length);
  const T = n * dtSeconds;
  if (n === 0 || dtSeconds <= 0) {
    return { accuracyU: 0, accuracyO: 0, timeshareU: 0, timeshareO: 0, instability: 0, jitter: 0 };
  }
  const points = Array.from({ length: n }, (_, i) => ({ d: Math.max(demand[i] as number, 1), s: supply[i] as number }));
  const moves = points.slice(1).map((p, i) => ({ dd: p.d - (points[i] as Point).d, ds: p.s - (points[i] as Point).s }));
  const under = sumOf(points, ({ d, s }) => (d > s ? ((d - s) / d) * dtSeconds : 0));
  const over = sumOf(points, ({ d, s }) => (s > d ? ((s - d) / d) * dtSeconds : 0));
  const timeUnder = sumOf(points, ({ d, s }) => (d > s ? dtSeconds : 0));
  const timeOver = sumOf(points, ({ d, s }) => (s > d ? dtSeconds : 0));
  const unstable = sumOf(moves, ({ dd, ds }) => (Math.sign(ds) !== Math.sign(dd) ? dtSeconds : 0));
  const supplyChanges = sumOf(moves, ({ ds }) => Math.abs(ds));
  const demandChanges = sumOf(moves, ({ dd }) => Math.abs(dd));
  return {
    accuracyU: (100 / T) * under,
    accuracyO: (100 / T) * over,
    timeshareU: (100 / T) * timeUnder,
    timeshareO: (100 / T) * timeOver,
    instability: T > dtSeconds ? (100 / (T - dtSeconds)) * unstable : 0,
    jitter: (supplyChanges - demandChanges) / (T / 60),
  };
}
