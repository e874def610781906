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
export interface Elasticity {
  accuracyU: number;
  accuracyO: number;
  timeshareU: number;
  timeshareO: number;
  instability: number;
  jitter: number;
}

export function elasticity(demand: readonly number[], supply: readonly number[], dtSeconds: number): Elasticity {
  const n = Math.min(demand.length, supply.length);
  const T = n * dtSeconds;
  if (n === 0 || dtSeconds <= 0) {
    return { accuracyU: 0, accuracyO: 0, timeshareU: 0, timeshareO: 0, instability: 0, jitter: 0 };
  }
  // one pass over a replay's ticks, each sum added in tick order as a fold over them would
  let under = 0;
  let over = 0;
  let timeUnder = 0;
  let timeOver = 0;
  let unstable = 0;
  let supplyChanges = 0;
  let demandChanges = 0;
  let prevD = 0;
  let prevS = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.max(demand[i] as number, 1);
    const s = supply[i] as number;
    under += d > s ? ((d - s) / d) * dtSeconds : 0;
    over += s > d ? ((s - d) / d) * dtSeconds : 0;
    timeUnder += d > s ? dtSeconds : 0;
    timeOver += s > d ? dtSeconds : 0;
    if (i > 0) {
      const dd = d - prevD;
      const ds = s - prevS;
      unstable += Math.sign(ds) !== Math.sign(dd) ? dtSeconds : 0;
      supplyChanges += Math.abs(ds);
      demandChanges += Math.abs(dd);
    }
    prevD = d;
    prevS = s;
  }
  return {
    accuracyU: (100 / T) * under,
    accuracyO: (100 / T) * over,
    timeshareU: (100 / T) * timeUnder,
    timeshareO: (100 / T) * timeOver,
    instability: T > dtSeconds ? (100 / (T - dtSeconds)) * unstable : 0,
    jitter: (supplyChanges - demandChanges) / (T / 60),
  };
}
